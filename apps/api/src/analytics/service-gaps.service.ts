import type { TServiceGapFinding, TServiceGapReport, TServiceGapsQuery } from '@hotline/contracts';
import {
  analyticsRates,
  dissatisfactionSeverity,
  emptyCounters,
  failingOwnerSeverity,
  growthSeverity,
  hotspotSeverity,
  ownerlessSeverity,
  periodChange,
  themeCandidateScore,
  type CaseViewer,
} from '@hotline/domain';
import { Injectable } from '@nestjs/common';
import { AnalyticsRepository, type ExampleCriteria } from './analytics.repository';
import { addDays, daysBetween, periodStarts } from './analytics-dates';
import { type AnalyticsLabels, AnalyticsLookups } from './analytics-lookups';

/** Formulas behind each finding's severity, published in the OpenAPI description. */
export const SERVICE_GAP_RULES =
  'Findings (severity 0-100): ownerless_unmatched — a leaf category with ≥ ownerlessMin cases no dispatch rule ' +
  'matched at intake, severity 50 × log10(cases); ownerless_multi_returned — a leaf category with ≥ ownerlessMin ' +
  'cases returned two or more times, same severity; hotspot — the same leaf category at the same street ≥ hotspotMin ' +
  'times in the range, severity 40 + 20 × (count − hotspotMin) ÷ hotspotMin; failing_owner — a bureau with ≥ ' +
  'minFollowUps follow-ups whose satisfaction, resolution or on-time close rate is below its threshold, or whose ' +
  'overdue count rose by half or more (and by ≥ 5) over the previous range of equal length, severity 2 × the largest ' +
  'shortfall in points (+20 when overdue rises); growth — a leaf category with ≥ 10 cases whose volume grew ≥ 50 % ' +
  'over the previous range, severity 50 × relative growth; dissatisfaction_cluster — category × bureau pairs with ' +
  '≥ 3 dissatisfied follow-ups, severity 35 × log10(dissatisfied + 1) + 50 × dissatisfied share; ' +
  'monthly_theme_candidate (每月一题) — the 3 leaf categories not chosen in the last 12 months with the highest ' +
  '20 × log10(volume + 1) + 30 × growth (capped at 100 %) + 40 × dissatisfied share; monthly_theme_tracking — each ' +
  'chosen theme with its average monthly volume since its month against the 3 months before.';

/** A finding before its example cases are looked up: the criteria to try, in order. */
type Draft = Omit<TServiceGapFinding, 'exampleCases'> & { examples: ExampleCriteria[] };

/** English and Chinese text of a finding; `title`/`suggestion` stay English for older clients. */
function text(titleEn: string, titleZh: string, suggestionEn: string, suggestionZh: string) {
  return { title: titleEn, titleEn, titleZh, suggestion: suggestionEn, suggestionEn, suggestionZh };
}

const SHORTFALL_ZH: Record<string, string> = {
  satisfaction: '满意率',
  resolution: '解决率',
  onTimeClose: '按时办结率',
};

/** The service-gap report: where services are missing (ownerless, hotspots) or failing. */
@Injectable()
export class ServiceGapsService {
  constructor(
    private readonly repo: AnalyticsRepository,
    private readonly lookups: AnalyticsLookups,
  ) {}

  async report(viewer: CaseViewer, q: TServiceGapsQuery): Promise<TServiceGapReport> {
    const span = daysBetween(q.from, q.to);
    const previousTo = addDays(q.from, -1);
    const previousFrom = addDays(previousTo, -span);
    const labels = await this.lookups.load();
    const groups = await Promise.all([
      this.ownerless(q, labels, 'unmatched'),
      this.ownerless(q, labels, 'multiReturned'),
      this.hotspots(q, labels),
      this.failingOwners(q, labels, previousFrom, previousTo),
      this.growthAndThemes(q, labels, previousFrom, previousTo),
      this.dissatisfaction(q, labels),
      this.themeTracking(q, labels),
    ]);
    const drafts = groups.flat();
    // Every finding's example cases in one round trip (a report has ~60 lookups; one query
    // each cost more in round trips than in the short index walks themselves).
    const lookups = await this.repo.exampleCasesBatch(
      viewer,
      drafts.flatMap((d) => d.examples),
    );
    let next = 0;
    const findings: TServiceGapFinding[] = drafts.map(({ examples, ...finding }) => {
      const found = examples.map(() => lookups[next++] ?? []);
      // The first criterion that found any case wins (e.g. dissatisfied, else overdue).
      const rows = found.find((r) => r.length > 0) ?? [];
      const exampleCases = rows.map((r) => ({
        id: r.id,
        trackingNumber: r.trackingNumber,
        href: `/api/cases/${r.id}`,
      }));
      return { ...finding, exampleCases };
    });
    findings.sort((a, b) => b.severity - a.severity);
    return { from: q.from, to: q.to, previousFrom, previousTo, findings };
  }

  private async ownerless(
    q: TServiceGapsQuery,
    labels: AnalyticsLabels,
    counter: 'unmatched' | 'multiReturned',
  ): Promise<Draft[]> {
    const rows = await this.repo.sumRollups({
      from: q.from,
      to: q.to,
      groupBy: ['category_id'],
      filter: {},
      having: { counter, min: q.ownerlessMin },
      top: { counter, limit: q.limit },
      only: ['volume', counter],
    });
    return rows.map((r) => {
      const category = labels.groupKey('category', r.keys.category_id!);
      const n = r.counters[counter];
      const unmatched = counter === 'unmatched';
      return {
        kind: unmatched ? ('ownerless_unmatched' as const) : ('ownerless_multi_returned' as const),
        ...(unmatched
          ? text(
              `${n} cases about ${category.nameEn} (${category.nameZh}) matched no dispatch rule`,
              `${n} 件「${category.nameZh}」诉求未匹配任何派单规则`,
              'Add a dispatch catalogue rule for this category so it reaches an owner directly',
              '为该类别补充派单目录规则，使诉求直接派至责任单位',
            )
          : text(
              `${n} cases about ${category.nameEn} (${category.nameZh}) were returned by two or more bureaus`,
              `${n} 件「${category.nameZh}」诉求被两个及以上单位退回`,
              'Assign an owner: decide which bureau is responsible and record it in the dispatch catalogue',
              '明确责任单位，并写入派单目录',
            )),
        severity: ownerlessSeverity(n),
        numbers: { cases: n, volume: r.counters.volume },
        subject: { categoryId: category.id, categoryCode: category.code },
        examples: [{ from: q.from, to: q.to, categoryId: Number(category.id), flag: counter }],
      };
    });
  }

  private async hotspots(q: TServiceGapsQuery, labels: AnalyticsLabels): Promise<Draft[]> {
    const rows = await this.repo.sumRollups({
      from: q.from,
      to: q.to,
      groupBy: ['category_id', 'street_id'],
      filter: {},
      having: { counter: 'volume', min: q.hotspotMin },
      top: { counter: 'volume', limit: q.limit + 5 },
      only: ['volume', 'dissatisfied'],
    });
    const placed = rows.filter((r) => Number(r.keys.street_id) !== 0).slice(0, q.limit);
    return placed.map((r) => {
      const category = labels.groupKey('category', r.keys.category_id!);
      const street = labels.groupKey('street', r.keys.street_id!);
      const n = r.counters.volume;
      return {
        kind: 'hotspot' as const,
        ...text(
          `${category.nameEn} (${category.nameZh}) reported ${n} times at ${street.nameEn} (${street.nameZh})`,
          `「${category.nameZh}」在${street.nameZh}被反映 ${n} 次`,
          'Fix the cause on site instead of answering each case; consider it for the monthly theme',
          '到现场从根源上解决，而不是逐件答复；可考虑列为“每月一题”',
        ),
        severity: hotspotSeverity(n, q.hotspotMin),
        numbers: { cases: n, threshold: q.hotspotMin, dissatisfied: r.counters.dissatisfied },
        subject: {
          categoryId: category.id,
          categoryCode: category.code,
          streetId: street.id,
          streetCode: street.code,
        },
        examples: [{ from: q.from, to: q.to, categoryId: Number(category.id), streetId: Number(street.id) }],
      };
    });
  }

  private async failingOwners(
    q: TServiceGapsQuery,
    labels: AnalyticsLabels,
    previousFrom: string,
    previousTo: string,
  ): Promise<Draft[]> {
    const [current, previous] = await Promise.all([
      this.repo.sumRollups({ from: q.from, to: q.to, groupBy: ['bureau_id'], filter: {} }),
      this.repo.sumRollups({ from: previousFrom, to: previousTo, groupBy: ['bureau_id'], filter: {} }),
    ]);
    const before = new Map(previous.map((r) => [Number(r.keys.bureau_id), r.counters]));
    const findings: Draft[] = [];
    for (const r of current) {
      const bureauId = Number(r.keys.bureau_id);
      if (bureauId === 0) continue;
      const c = r.counters;
      const rates = analyticsRates(c);
      const shortfalls: [string, number][] = [];
      if (c.followUps >= q.minFollowUps) {
        const check = (name: string, value: number | null, min: number) => {
          if (value !== null && value < min) shortfalls.push([name, Math.round((min - value) * 1000) / 10]);
        };
        check('satisfaction', rates.satisfaction.value, q.satisfactionMin);
        check('resolution', rates.resolution.value, q.resolutionMin);
        check('onTimeClose', rates.onTimeClose.value, q.onTimeMin);
      }
      const prevOverdue = (before.get(bureauId) ?? emptyCounters()).overdue;
      const overdueRising = c.overdue >= prevOverdue * 1.5 && c.overdue - prevOverdue >= 5;
      if (shortfalls.length === 0 && !overdueRising) continue;
      const bureau = labels.groupKey('bureau', bureauId);
      const worst = shortfalls.reduce((m, [, pts]) => Math.max(m, pts), 0);
      const reasons = [
        ...shortfalls.map(([name, pts]) => `${name} ${pts} points below threshold`),
        ...(overdueRising ? [`overdue cases rose from ${prevOverdue} to ${c.overdue}`] : []),
      ];
      const reasonsZh = [
        ...shortfalls.map(([name, pts]) => `${SHORTFALL_ZH[name] ?? name}低于阈值 ${pts} 个百分点`),
        ...(overdueRising ? [`超期件数由 ${prevOverdue} 件升至 ${c.overdue} 件`] : []),
      ];
      findings.push({
        kind: 'failing_owner',
        ...text(
          `${bureau.nameEn} (${bureau.nameZh}) is falling short: ${reasons.join('; ')}`,
          `${bureau.nameZh}未达标：${reasonsZh.join('；')}`,
          'Supervise the bureau (督办): review its overdue and dissatisfied cases and agree on a fix',
          '对该单位督办：复核其超期和不满意诉求，商定整改措施',
        ),
        severity: failingOwnerSeverity(worst, overdueRising),
        numbers: {
          followUps: c.followUps,
          satisfaction: rates.satisfaction.value,
          resolution: rates.resolution.value,
          onTimeClose: rates.onTimeClose.value,
          overdue: c.overdue,
          overduePrevious: prevOverdue,
        },
        subject: { bureauId, bureauCode: bureau.code },
        // Dissatisfied cases show the problem best; overdue ones when there are none.
        examples: [
          { from: q.from, to: q.to, bureauId, flag: 'dissatisfied' },
          { from: q.from, to: q.to, bureauId, flag: 'overdue' },
        ],
      });
    }
    return findings.sort((a, b) => b.severity - a.severity).slice(0, q.limit);
  }

  private async growthAndThemes(
    q: TServiceGapsQuery,
    labels: AnalyticsLabels,
    previousFrom: string,
    previousTo: string,
  ): Promise<Draft[]> {
    const [current, previous, themes] = await Promise.all([
      this.repo.sumRollups({
        from: q.from,
        to: q.to,
        groupBy: ['category_id'],
        filter: {},
        only: ['volume', 'followUps', 'noAnswer', 'dissatisfied'],
      }),
      this.repo.sumRollups({
        from: previousFrom,
        to: previousTo,
        groupBy: ['category_id'],
        filter: {},
        only: ['volume'],
      }),
      this.repo.listMonthlyThemes(),
    ]);
    const before = new Map(previous.map((r) => [Number(r.keys.category_id), r.counters.volume]));
    const yearAgo = addDays(q.to, -365).slice(0, 7);
    const chosen = new Set(themes.filter((t) => t.month >= yearAgo).map((t) => t.categoryId));
    const growth: Draft[] = [];
    const candidates: { score: number; finding: Draft }[] = [];
    for (const r of current) {
      const categoryId = Number(r.keys.category_id);
      if (categoryId === 0) continue;
      const category = labels.groupKey('category', categoryId);
      const change = periodChange(before.get(categoryId) ?? 0, r.counters.volume);
      const rated = r.counters.followUps - r.counters.noAnswer;
      const dissatisfiedShare = rated > 0 ? r.counters.dissatisfied / rated : null;
      const numbers = {
        volume: r.counters.volume,
        volumePrevious: change.previous,
        growth: change.relative,
        dissatisfied: r.counters.dissatisfied,
      };
      if (r.counters.volume >= 10 && change.relative !== null && change.relative >= 0.5) {
        const pct = Math.round(change.relative * 100);
        growth.push({
          kind: 'growth',
          ...text(
            `${category.nameEn} (${category.nameZh}) grew ${pct} % to ${r.counters.volume} cases`,
            `「${category.nameZh}」诉求量增长 ${pct}%，达 ${r.counters.volume} 件`,
            'Find out what changed (a new policy, a season, a new business model) and brief the owner',
            '查明变化原因（新政策、季节因素、新业态等），并通报责任单位',
          ),
          severity: growthSeverity(change.relative),
          numbers,
          subject: { categoryId, categoryCode: category.code },
          examples: [{ from: q.from, to: q.to, categoryId }],
        });
      }
      if (!chosen.has(categoryId)) {
        const score = themeCandidateScore(r.counters.volume, change.relative, dissatisfiedShare);
        candidates.push({
          score,
          finding: {
            kind: 'monthly_theme_candidate',
            ...text(
              `Monthly theme candidate (每月一题): ${category.nameEn} (${category.nameZh})`,
              `每月一题候选：「${category.nameZh}」`,
              'Choose it as a monthly theme to fix the cause across bureaus, then track its volume',
              '列为“每月一题”，跨部门从根源上解决，并跟踪其诉求量',
            ),
            severity: score,
            numbers,
            subject: { categoryId, categoryCode: category.code },
            examples: [{ from: q.from, to: q.to, categoryId }],
          },
        });
      }
    }
    const topGrowth = growth.sort((a, b) => b.severity - a.severity).slice(0, q.limit);
    const topThemes = candidates
      .sort((a, b) => b.score - a.score)
      .slice(0, 3)
      .map((c) => c.finding);
    return [...topGrowth, ...topThemes];
  }

  private async dissatisfaction(q: TServiceGapsQuery, labels: AnalyticsLabels): Promise<Draft[]> {
    const rows = await this.repo.sumRollups({
      from: q.from,
      to: q.to,
      groupBy: ['category_id', 'bureau_id'],
      filter: {},
      having: { counter: 'dissatisfied', min: 3 },
      top: { counter: 'dissatisfied', limit: q.limit },
      only: ['dissatisfied', 'followUps', 'noAnswer'],
    });
    return rows.map((r) => {
      const category = labels.groupKey('category', r.keys.category_id!);
      const bureau = labels.groupKey('bureau', r.keys.bureau_id!);
      const rated = r.counters.followUps - r.counters.noAnswer;
      const n = r.counters.dissatisfied;
      return {
        kind: 'dissatisfaction_cluster' as const,
        ...text(
          `${n} dissatisfied follow-ups on ${category.nameEn} (${category.nameZh}) handled by ${bureau.nameEn} (${bureau.nameZh})`,
          `${bureau.nameZh}办理的「${category.nameZh}」诉求有 ${n} 件回访不满意`,
          'Review the replies citizens rejected with the bureau; reopen where the problem remains',
          '与该单位复核群众不认可的答复；问题仍未解决的予以重办',
        ),
        severity: dissatisfactionSeverity(n, rated),
        numbers: { dissatisfied: n, ratedFollowUps: rated },
        subject: {
          categoryId: category.id,
          bureauId: bureau.id,
          categoryCode: category.code,
          bureauCode: bureau.code,
        },
        examples: [
          {
            from: q.from,
            to: q.to,
            categoryId: Number(category.id),
            bureauId: Number(bureau.id),
            flag: 'dissatisfied',
          },
        ],
      };
    });
  }

  private async themeTracking(q: TServiceGapsQuery, labels: AnalyticsLabels): Promise<Draft[]> {
    const themes = (await this.repo.listMonthlyThemes()).filter((t) => `${t.month}-01` <= q.to).slice(0, q.limit);
    return Promise.all(
      themes.map(async (t) => {
        const start = `${t.month}-01`;
        const threeBefore = monthsBack(start, 3);
        const filter = { category_id: t.categoryId, ...(t.streetId ? { street_id: t.streetId } : {}) };
        const [since, before] = await Promise.all([
          this.repo.sumRollups({ from: start, to: q.to, groupBy: [], filter }),
          this.repo.sumRollups({ from: threeBefore, to: addDays(start, -1), groupBy: [], filter }),
        ]);
        const monthsSince = periodStarts(start, q.to, 'month').length;
        const perMonthSince = Math.round(((since[0]?.counters.volume ?? 0) / monthsSince) * 10) / 10;
        const perMonthBefore = Math.round(((before[0]?.counters.volume ?? 0) / 3) * 10) / 10;
        const change = periodChange(perMonthBefore, perMonthSince);
        const category = labels.groupKey('category', t.categoryId);
        const falling = change.relative !== null && change.relative < 0;
        return {
          kind: 'monthly_theme_tracking' as const,
          ...text(
            `Monthly theme "${t.title}" since ${t.month}: ${perMonthSince} cases a month (before: ${perMonthBefore})`,
            `每月一题“${t.title}”自 ${t.month} 起：每月 ${perMonthSince} 件（此前：${perMonthBefore} 件）`,
            falling
              ? 'Volume is falling: keep the fix in place and record what worked'
              : 'Volume has not fallen: revisit the measures taken for this theme',
            falling ? '诉求量在下降：保持整改措施，并总结有效做法' : '诉求量未下降：重新审视该主题的整改措施',
          ),
          severity: change.relative !== null && change.relative > 0 ? growthSeverity(change.relative) : 0,
          numbers: { perMonthSince, perMonthBefore, change: change.relative, themeId: t.id },
          subject: { categoryId: t.categoryId, categoryCode: category.code, streetId: t.streetId, month: t.month },
          examples: [],
        };
      }),
    );
  }
}

function monthsBack(firstOfMonth: string, n: number): string {
  let [y, m] = firstOfMonth.split('-').map(Number) as [number, number];
  m -= n;
  while (m <= 0) {
    m += 12;
    y -= 1;
  }
  return `${y}-${String(m).padStart(2, '0')}-01`;
}
