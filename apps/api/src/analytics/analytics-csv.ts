import type {
  TAnalyticsMeasures,
  TAnalyticsOverview,
  TAnalyticsRankings,
  TAnalyticsTrends,
  TServiceGapReport,
} from '@hotline/contracts';

/** Excel opens a UTF-8 CSV with Chinese text correctly only when it starts with a byte-order mark. */
const BOM = '\uFEFF';

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return before
 * one) as a formula: names and titles come from people, so such text gets a leading
 * apostrophe (OWASP "CSV injection"). Numbers ("-3", -0.25) are written as they are.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  let s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return BOM + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

const RATE_NAMES = [
  'directAnswer',
  'acceptOnTime',
  'onTimeClose',
  'response',
  'resolution',
  'satisfaction',
  'return',
  'reopen',
  'overdue',
] as const;

const MEASURE_HEADER = [
  'volume',
  'dispatched',
  'overdueCount',
  ...RATE_NAMES.flatMap((r) => [`${r}Numerator`, `${r}Denominator`, `${r}Rate`]),
  'replyHoursMedian',
  'replyHoursP90',
  'replied',
];

function measureCells(m: TAnalyticsMeasures): unknown[] {
  return [
    m.volume,
    m.dispatched,
    m.overdueCount,
    ...RATE_NAMES.flatMap((r) => [m.rates[r].numerator, m.rates[r].denominator, m.rates[r].value]),
    m.replyHours.median,
    m.replyHours.p90,
    m.replyHours.replied,
  ];
}

export function overviewCsv(o: TAnalyticsOverview): string {
  return toCsv(
    ['period', 'groupBy', 'id', 'code', 'nameZh', 'nameEn', ...MEASURE_HEADER],
    o.rows.map((r) => [
      r.period ?? '',
      o.groupBy,
      r.group.id,
      r.group.code,
      r.group.nameZh,
      r.group.nameEn,
      ...measureCells(r),
    ]),
  );
}

export function trendsCsv(t: TAnalyticsTrends): string {
  return toCsv(
    ['period', ...MEASURE_HEADER, 'volumeChange', 'volumeChangeRelative'],
    t.points.map((p) => [p.period, ...measureCells(p), p.change?.volume.delta, p.change?.volume.relative]),
  );
}

export function rankingsCsv(r: TAnalyticsRankings): string {
  const red = new Set(r.redList.map((e) => e.bureau.id));
  const black = new Set(r.blackList.map((e) => e.bureau.id));
  return toCsv(
    [
      'month',
      'rank',
      'list',
      'bureauCode',
      'nameZh',
      'nameEn',
      'score',
      'followUps',
      'response',
      'resolution',
      'satisfaction',
    ],
    [...r.ranked, ...r.unranked].map((e) => [
      r.month,
      e.rank,
      red.has(e.bureau.id) ? 'red' : black.has(e.bureau.id) ? 'black' : '',
      e.bureau.code,
      e.bureau.nameZh,
      e.bureau.nameEn,
      e.score,
      e.followUps,
      e.response.value,
      e.resolution.value,
      e.satisfaction.value,
    ]),
  );
}

export function serviceGapsCsv(g: TServiceGapReport): string {
  return toCsv(
    ['kind', 'severity', 'title', 'suggestion', 'subject', 'numbers', 'exampleCases'],
    g.findings.map((f) => [
      f.kind,
      f.severity,
      f.title,
      f.suggestion,
      f.subject,
      f.numbers,
      f.exampleCases.map((e) => e.trackingNumber).join(' '),
    ]),
  );
}
