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

/** The service-gap report: where services are missing (ownerless, hotspots) or failing. */
@Injectable()
export class ServiceGapsService {
  constructor(
    private readonly repo: AnalyticsRepository,
    private readonly lookups: AnalyticsLookups,
  ) {}

  async report(q: TServiceGapsQuery): Promise<TServiceGapReport> {
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
    const findings = groups.flat().sort((a, b) => b.severity - a.severity);
    return { from: q.from, to: q.to, previousFrom, previousTo, findings };
  }

  private async examples(c: ExampleCriteria): Promise<TServiceGapFinding['exampleCases']> {
    const rows = await this.repo.exampleCases(c);
    return rows.map((r) => ({ id: r.id, trackingNumber: r.trackingNumber, href: `/api/cases/${r.id}` }));
  }

  private async ownerless(
    q: TServiceGapsQuery,
    labels: AnalyticsLabels,
    counter: 'unmatched' | 'multiReturned',
  ): Promise<TServiceGapFinding[]> {
    const rows = await this.repo.sumRollups({
      from: q.from,
      to: q.to,
      groupBy: ['category_id'],
      filter: {},
      having: { counter, min: q.ownerlessMin },
      top: { counter, limit: q.limit },
    });
    return Promise.all(
      rows.map(async (r) => {
        const category = labels.groupKey('category', r.keys.category_id!);
        const n = r.counters[counter];
        const unmatched = counter === 'unmatched';
        return {
          kind: unmatched ? ('ownerless_unmatched' as const) : ('ownerless_multi_returned' as const),
          title: unmatched
            ? `${n} cases about ${category.nameEn} (${category.nameZh}) matched no dispatch rule`
            : `${n} cases about ${category.nameEn} (${category.nameZh}) were returned by two or more bureaus`,
          severity: ownerlessSeverity(n),
          suggestion: unmatched
            ? 'Add a dispatch catalogue rule for this category so it reaches an owner directly'
            : 'Assign an owner: decide which bureau is responsible and record it in the dispatch catalogue',
          numbers: { cases: n, volume: r.counters.volume },
          subject: { categoryId: category.id, categoryCode: category.code },
          exampleCases: await this.examples({
            from: q.from,
            to: q.to,
            categoryId: Number(category.id),
            flag: counter,
          }),
        };
      }),
    );
  }

  private async hotspots(q: TServiceGapsQuery, labels: AnalyticsLabels): Promise<TServiceGapFinding[]> {
    const rows = await this.repo.sumRollups({
      from: q.from,
      to: q.to,
      groupBy: ['category_id', 'street_id'],
      filter: {},
      having: { counter: 'volume', min: q.hotspotMin },
      top: { counter: 'volume', limit: q.limit + 5 },
    });
    const placed = rows.filter((r) => Number(r.keys.street_id) !== 0).slice(0, q.limit);
    return Promise.all(
      placed.map(async (r) => {
        const category = labels.groupKey('category', r.keys.category_id!);
        const street = labels.groupKey('street', r.keys.street_id!);
        const n = r.counters.volume;
        return {
          kind: 'hotspot' as const,
          title: `${category.nameEn} (${category.nameZh}) reported ${n} times at ${street.nameEn} (${street.nameZh})`,
          severity: hotspotSeverity(n, q.hotspotMin),
          suggestion: 'Fix the cause on site instead of answering each case; consider it for the monthly theme',
          numbers: { cases: n, threshold: q.hotspotMin, dissatisfied: r.counters.dissatisfied },
          subject: {
            categoryId: category.id,
            categoryCode: category.code,
            streetId: street.id,
            streetCode: street.code,
          },
          exampleCases: await this.examples({
            from: q.from,
            to: q.to,
            categoryId: Number(category.id),
            streetId: Number(street.id),
          }),
        };
      }),
    );
  }

  private async failingOwners(
    q: TServiceGapsQuery,
    labels: AnalyticsLabels,
    previousFrom: string,
    previousTo: string,
  ): Promise<TServiceGapFinding[]> {
    const [current, previous] = await Promise.all([
      this.repo.sumRollups({ from: q.from, to: q.to, groupBy: ['bureau_id'], filter: {} }),
      this.repo.sumRollups({ from: previousFrom, to: previousTo, groupBy: ['bureau_id'], filter: {} }),
    ]);
    const before = new Map(previous.map((r) => [Number(r.keys.bureau_id), r.counters]));
    const findings: (TServiceGapFinding & { exampleFlag: { bureauId: number } })[] = [];
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
      findings.push({
        kind: 'failing_owner',
        title: `${bureau.nameEn} (${bureau.nameZh}) is falling short: ${reasons.join('; ')}`,
        severity: failingOwnerSeverity(worst, overdueRising),
        suggestion: 'Supervise the bureau (督办): review its overdue and dissatisfied cases and agree on a fix',
        numbers: {
          followUps: c.followUps,
          satisfaction: rates.satisfaction.value,
          resolution: rates.resolution.value,
          onTimeClose: rates.onTimeClose.value,
          overdue: c.overdue,
          overduePrevious: prevOverdue,
        },
        subject: { bureauId, bureauCode: bureau.code },
        exampleCases: [],
        exampleFlag: { bureauId },
      });
    }
    const top = findings.sort((a, b) => b.severity - a.severity).slice(0, q.limit);
    // Example lookups run concurrently: each is one short index walk.
    return Promise.all(
      top.map(async ({ exampleFlag: { bureauId }, ...finding }) => {
        const dissatisfied = await this.examples({ from: q.from, to: q.to, bureauId, flag: 'dissatisfied' });
        const exampleCases = dissatisfied.length
          ? dissatisfied
          : await this.examples({ from: q.from, to: q.to, bureauId, flag: 'overdue' });
        return { ...finding, exampleCases };
      }),
    );
  }

  private async growthAndThemes(
    q: TServiceGapsQuery,
    labels: AnalyticsLabels,
    previousFrom: string,
    previousTo: string,
  ): Promise<TServiceGapFinding[]> {
    const [current, previous, themes] = await Promise.all([
      this.repo.sumRollups({ from: q.from, to: q.to, groupBy: ['category_id'], filter: {} }),
      this.repo.sumRollups({ from: previousFrom, to: previousTo, groupBy: ['category_id'], filter: {} }),
      this.repo.listMonthlyThemes(),
    ]);
    const before = new Map(previous.map((r) => [Number(r.keys.category_id), r.counters.volume]));
    const yearAgo = addDays(q.to, -365).slice(0, 7);
    const chosen = new Set(themes.filter((t) => t.month >= yearAgo).map((t) => t.categoryId));
    const growth: TServiceGapFinding[] = [];
    const candidates: { score: number; finding: TServiceGapFinding }[] = [];
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
        growth.push({
          kind: 'growth',
          title: `${category.nameEn} (${category.nameZh}) grew ${Math.round(change.relative * 100)} % to ${r.counters.volume} cases`,
          severity: growthSeverity(change.relative),
          suggestion: 'Find out what changed (a new policy, a season, a new business model) and brief the owner',
          numbers,
          subject: { categoryId, categoryCode: category.code },
          exampleCases: [],
        });
      }
      if (!chosen.has(categoryId)) {
        const score = themeCandidateScore(r.counters.volume, change.relative, dissatisfiedShare);
        candidates.push({
          score,
          finding: {
            kind: 'monthly_theme_candidate',
            title: `Monthly theme candidate (每月一题): ${category.nameEn} (${category.nameZh})`,
            severity: score,
            suggestion: 'Choose it as a monthly theme to fix the cause across bureaus, then track its volume',
            numbers,
            subject: { categoryId, categoryCode: category.code },
            exampleCases: [],
          },
        });
      }
    }
    const topGrowth = growth.sort((a, b) => b.severity - a.severity).slice(0, q.limit);
    const topThemes = candidates
      .sort((a, b) => b.score - a.score)
      .slice(0, 3)
      .map((c) => c.finding);
    await Promise.all(
      [...topGrowth, ...topThemes].map(async (f) => {
        f.exampleCases = await this.examples({ from: q.from, to: q.to, categoryId: Number(f.subject['categoryId']) });
      }),
    );
    return [...topGrowth, ...topThemes];
  }

  private async dissatisfaction(q: TServiceGapsQuery, labels: AnalyticsLabels): Promise<TServiceGapFinding[]> {
    const rows = await this.repo.sumRollups({
      from: q.from,
      to: q.to,
      groupBy: ['category_id', 'bureau_id'],
      filter: {},
      having: { counter: 'dissatisfied', min: 3 },
      top: { counter: 'dissatisfied', limit: q.limit },
    });
    return Promise.all(
      rows.map(async (r) => {
        const category = labels.groupKey('category', r.keys.category_id!);
        const bureau = labels.groupKey('bureau', r.keys.bureau_id!);
        const rated = r.counters.followUps - r.counters.noAnswer;
        return {
          kind: 'dissatisfaction_cluster' as const,
          title: `${r.counters.dissatisfied} dissatisfied follow-ups on ${category.nameEn} (${category.nameZh}) handled by ${bureau.nameEn} (${bureau.nameZh})`,
          severity: dissatisfactionSeverity(r.counters.dissatisfied, rated),
          suggestion: 'Review the replies citizens rejected with the bureau; reopen where the problem remains',
          numbers: { dissatisfied: r.counters.dissatisfied, ratedFollowUps: rated },
          subject: {
            categoryId: category.id,
            bureauId: bureau.id,
            categoryCode: category.code,
            bureauCode: bureau.code,
          },
          exampleCases: await this.examples({
            from: q.from,
            to: q.to,
            categoryId: Number(category.id),
            bureauId: Number(bureau.id),
            flag: 'dissatisfied',
          }),
        };
      }),
    );
  }

  private async themeTracking(q: TServiceGapsQuery, labels: AnalyticsLabels): Promise<TServiceGapFinding[]> {
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
        return {
          kind: 'monthly_theme_tracking' as const,
          title: `Monthly theme "${t.title}" since ${t.month}: ${perMonthSince} cases a month (before: ${perMonthBefore})`,
          severity: change.relative !== null && change.relative > 0 ? growthSeverity(change.relative) : 0,
          suggestion:
            change.relative !== null && change.relative < 0
              ? 'Volume is falling: keep the fix in place and record what worked'
              : 'Volume has not fallen: revisit the measures taken for this theme',
          numbers: { perMonthSince, perMonthBefore, change: change.relative, themeId: t.id },
          subject: { categoryId: t.categoryId, categoryCode: category.code, streetId: t.streetId, month: t.month },
          exampleCases: [],
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
