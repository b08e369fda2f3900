import type {
  TAnalyticsMeasures,
  TAnalyticsOverview,
  TAnalyticsRankings,
  TAnalyticsTrends,
  TCsvLang,
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

/** Chinese names of the rates, as the hotline's reports call them. */
const RATE_ZH: Record<(typeof RATE_NAMES)[number], string> = {
  directAnswer: '直接答复率',
  acceptOnTime: '按时签收率',
  onTimeClose: '按时办结率',
  response: '响应率',
  resolution: '解决率',
  satisfaction: '满意率',
  return: '退单率',
  reopen: '重办率',
  overdue: '超期率',
};

/**
 * Chinese header for each English column key. The English keys stay the default header
 * (API clients read them); a reader of the Chinese UI gets these (lang=zh-CN).
 */
const HEADER_ZH: Record<string, string> = {
  period: '期间',
  groupBy: '分组',
  id: '编号',
  code: '编码',
  nameZh: '名称',
  nameEn: '英文名称',
  volume: '受理量',
  dispatched: '派单量',
  overdueCount: '超期件数',
  replyHoursMedian: '答复用时中位数（小时）',
  replyHoursP90: '答复用时90分位（小时）',
  replied: '已答复件数',
  volumeChange: '受理量变化',
  volumeChangeRelative: '受理量变化率',
  month: '月份',
  rank: '名次',
  list: '红黑榜',
  bureauCode: '单位编码',
  score: '综合得分',
  followUps: '回访数',
  resolution: '解决率',
  satisfaction: '满意率',
  kind: '类型',
  severity: '严重程度',
  title: '标题',
  suggestion: '建议',
  subject: '对象',
  numbers: '数据',
  exampleCases: '示例工单',
  ...Object.fromEntries(
    RATE_NAMES.flatMap((r) => [
      [`${r}Numerator`, `${RATE_ZH[r]}分子`],
      [`${r}Denominator`, `${RATE_ZH[r]}分母`],
      [`${r}Rate`, RATE_ZH[r]],
    ]),
  ),
  // rankings' "response" column is the response rate
  response: '响应率',
};

const GROUP_BY_ZH: Record<string, string> = {
  bureau: '承办单位',
  category: '事项分类',
  district: '区',
  street: '街道',
  channel: '渠道',
  type: '诉求类型',
};

const GAP_KIND_ZH: Record<string, string> = {
  ownerless_unmatched: '无主问题（目录未匹配）',
  ownerless_multi_returned: '多次退单',
  hotspot: '热点',
  failing_owner: '承办不力',
  growth: '增长',
  dissatisfaction_cluster: '不满意集中',
  monthly_theme_candidate: '月度主题候选',
  monthly_theme_tracking: '月度主题跟踪',
};

function header(keys: string[], lang: TCsvLang): string[] {
  return lang === 'zh-CN' ? keys.map((k) => HEADER_ZH[k] ?? k) : keys;
}

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

export function overviewCsv(o: TAnalyticsOverview, lang: TCsvLang = 'en'): string {
  const groupBy = lang === 'zh-CN' ? (GROUP_BY_ZH[o.groupBy] ?? o.groupBy) : o.groupBy;
  return toCsv(
    header(['period', 'groupBy', 'id', 'code', 'nameZh', 'nameEn', ...MEASURE_HEADER], lang),
    o.rows.map((r) => [
      r.period ?? '',
      groupBy,
      r.group.id,
      r.group.code,
      r.group.nameZh,
      r.group.nameEn,
      ...measureCells(r),
    ]),
  );
}

export function trendsCsv(t: TAnalyticsTrends, lang: TCsvLang = 'en'): string {
  return toCsv(
    header(['period', ...MEASURE_HEADER, 'volumeChange', 'volumeChangeRelative'], lang),
    t.points.map((p) => [p.period, ...measureCells(p), p.change?.volume.delta, p.change?.volume.relative]),
  );
}

export function rankingsCsv(r: TAnalyticsRankings, lang: TCsvLang = 'en'): string {
  const red = new Set(r.redList.map((e) => e.bureau.id));
  const black = new Set(r.blackList.map((e) => e.bureau.id));
  const [redLabel, blackLabel] = lang === 'zh-CN' ? ['红榜', '黑榜'] : ['red', 'black'];
  return toCsv(
    header(
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
      lang,
    ),
    [...r.ranked, ...r.unranked].map((e) => [
      r.month,
      e.rank,
      red.has(e.bureau.id) ? redLabel : black.has(e.bureau.id) ? blackLabel : '',
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

export function serviceGapsCsv(g: TServiceGapReport, lang: TCsvLang = 'en'): string {
  const zh = lang === 'zh-CN';
  return toCsv(
    header(['kind', 'severity', 'title', 'suggestion', 'subject', 'numbers', 'exampleCases'], lang),
    g.findings.map((f) => [
      zh ? (GAP_KIND_ZH[f.kind] ?? f.kind) : f.kind,
      f.severity,
      zh ? f.titleZh : f.title,
      zh ? f.suggestionZh : f.suggestion,
      f.subject,
      f.numbers,
      f.exampleCases.map((e) => e.trackingNumber).join(' '),
    ]),
  );
}
