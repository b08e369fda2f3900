import type {
  TAnalyticsGroupBy,
  TAnalyticsGroupKey,
  TAnalyticsMeasures,
  TAnalyticsOverview,
  TAnalyticsOverviewQuery,
  TAnalyticsRankings,
  TAnalyticsTrendPoint,
  TAnalyticsTrends,
  TAnalyticsTrendsQuery,
  TAnalyticsRankingsQuery,
  TBureauRanking,
} from '@hotline/contracts';
import {
  addCounters,
  analyticsRates,
  compositeScore,
  emptyCounters,
  histogramPercentile,
  periodChange,
  responseRate,
  resolutionRate,
  satisfactionRate,
  type RollupCounters,
  type RollupDim,
} from '@hotline/domain';
import { RollupMaintenanceRepository } from '@hotline/database';
import { Injectable } from '@nestjs/common';
import type { Principal } from '../common/request-context';
import { AnalyticsRepository, type RollupFilter, type RollupRow } from './analytics.repository';
import { addDays, daysBetween, periodStarts } from './analytics-dates';
import { AnalyticsLookups } from './analytics-lookups';
import { DomainError } from '../common/domain-error';

const GROUP_DIM: Record<TAnalyticsGroupBy, RollupDim> = {
  bureau: 'bureau_id',
  category: 'category_id',
  district: 'district_id',
  street: 'street_id',
  channel: 'channel',
  type: 'type',
};

export type AnalyticsFilters = Pick<
  TAnalyticsOverviewQuery,
  'bureauId' | 'categoryId' | 'districtId' | 'type' | 'urgency' | 'channel'
>;

/** Turns summed counters into the published measures (rates with their parts, reply percentiles). */
export function measuresOf(c: RollupCounters): TAnalyticsMeasures {
  return {
    volume: c.volume,
    dispatched: c.dispatched,
    overdueCount: c.overdue,
    rates: analyticsRates(c),
    replyHours: {
      median: histogramPercentile(c.replyHistogram, 50),
      p90: histogramPercentile(c.replyHistogram, 90),
      replied: c.replied,
    },
  };
}

function sumAll(rows: readonly RollupRow[]): RollupCounters {
  return rows.reduce((acc, r) => addCounters(acc, r.counters), emptyCounters());
}

/** Overview, trends and rankings, read from the rollups and scoped to the caller. */
@Injectable()
export class AnalyticsService {
  constructor(
    private readonly repo: AnalyticsRepository,
    private readonly rollups: RollupMaintenanceRepository,
    private readonly lookups: AnalyticsLookups,
  ) {}

  /**
   * Handlers see only their own bureau: the bureau filter is forced to theirs, and asking
   * for another bureau is refused rather than silently answered with their own figures.
   * This is not caseScopeSql (lead or assisting): the cubes count each case once, for its
   * lead bureau, and keep no assisting bureaus, so a bureau's figures are its lead cases.
   * Rows of cases themselves (the service-gap report's examples) do go through caseScopeSql.
   */
  scopeBureau(principal: Principal, requested: number | undefined): number | undefined {
    if (principal.role !== 'handler') return requested;
    if (principal.bureauId === null)
      throw new DomainError('analytics.no_bureau', 403, 'Your account is not linked to a bureau');
    if (requested !== undefined && requested !== principal.bureauId) {
      throw new DomainError('analytics.other_bureau', 403, "Bureau handlers can see only their own bureau's figures");
    }
    return principal.bureauId;
  }

  /** Cube filter from the request filters: the category filter expands to its whole subtree. */
  async rollupFilter(principal: Principal, f: AnalyticsFilters): Promise<RollupFilter> {
    const filter: RollupFilter = {};
    const bureauId = this.scopeBureau(principal, f.bureauId);
    if (bureauId !== undefined) filter.bureau_id = bureauId;
    if (f.categoryId !== undefined) filter.category_id = await this.lookups.subtreeIds(f.categoryId);
    if (f.districtId !== undefined) filter.district_id = f.districtId;
    if (f.type) filter.type = f.type;
    if (f.urgency) filter.urgency = f.urgency;
    if (f.channel) filter.channel = f.channel;
    return filter;
  }

  async overview(principal: Principal, q: TAnalyticsOverviewQuery): Promise<TAnalyticsOverview> {
    const filter = await this.rollupFilter(principal, q);
    const dim = GROUP_DIM[q.groupBy];
    const [rows, status, labels] = await Promise.all([
      this.repo.sumRollups({ from: q.from, to: q.to, groupBy: [dim], filter, interval: q.interval }),
      this.rollups.cursorStatus(),
      this.lookups.load(),
    ]);
    // Categories roll up from the leaf to the level asked for; other groups map 1:1.
    const groups = new Map<string, { period?: string; group: TAnalyticsGroupKey; counters: RollupCounters }>();
    for (const row of rows) {
      const raw = row.keys[dim]!;
      const group =
        q.groupBy === 'category' ? labels.categoryAt(Number(raw), q.categoryLevel) : labels.groupKey(q.groupBy, raw);
      const key = `${row.period ?? ''}|${group.id}`;
      const hit = groups.get(key) ?? {
        ...(row.period ? { period: row.period } : {}),
        group,
        counters: emptyCounters(),
      };
      addCounters(hit.counters, row.counters);
      groups.set(key, hit);
    }
    const out = [...groups.values()]
      .sort((a, b) => comparePeriods(a.period, b.period) || b.counters.volume - a.counters.volume)
      .map(({ counters, ...rest }) => ({ ...rest, ...measuresOf(counters) }));
    return {
      from: q.from,
      to: q.to,
      groupBy: q.groupBy,
      source: {
        cube: this.repo.cubeFor([dim, ...(Object.keys(filter) as RollupDim[])]),
        lastEventId: status.lastId,
        updatedAt: status.updatedAt,
      },
      totals: measuresOf(sumAll(rows)),
      rows: out,
    };
  }

  async trends(principal: Principal, q: TAnalyticsTrendsQuery): Promise<TAnalyticsTrends> {
    const filter = await this.rollupFilter(principal, q);
    const span = daysBetween(q.from, q.to);
    const previousTo = addDays(q.from, -1);
    const previousFrom = addDays(previousTo, -span);
    const [rows, previous] = await Promise.all([
      this.repo.sumRollups({ from: q.from, to: q.to, groupBy: [], filter, interval: q.interval }),
      this.repo.sumRollups({ from: previousFrom, to: previousTo, groupBy: [], filter }),
    ]);
    const byPeriod = new Map(rows.map((r) => [r.period!, r.counters]));
    let before: TAnalyticsMeasures | null = null;
    const points: TAnalyticsTrendPoint[] = periodStarts(q.from, q.to, q.interval).map((period) => {
      const m = measuresOf(byPeriod.get(period) ?? emptyCounters());
      const change = before === null ? null : trendChange(before, m);
      before = m;
      return { period, ...m, change };
    });
    return {
      from: q.from,
      to: q.to,
      interval: q.interval,
      points,
      periodOverPeriod: {
        previousFrom,
        previousTo,
        current: measuresOf(sumAll(rows)),
        previous: measuresOf(sumAll(previous)),
      },
    };
  }

  async rankings(principal: Principal, q: TAnalyticsRankingsQuery): Promise<TAnalyticsRankings> {
    const own = principal.role === 'handler' ? this.scopeBureau(principal, undefined) : undefined;
    const from = `${q.month}-01`;
    const to = addDays(nextMonth(q.month), -1);
    const weights = { response: q.wResponse, resolution: q.wResolution, satisfaction: q.wSatisfaction };
    if (weights.response + weights.resolution + weights.satisfaction === 0) {
      throw new DomainError('analytics.weights_zero', 400, 'At least one ranking weight must be above 0');
    }
    const [rows, labels] = await Promise.all([
      this.repo.sumRollups({ from, to, groupBy: ['bureau_id'], filter: {} }),
      this.lookups.load(),
    ]);
    const byBureau = new Map(rows.map((r) => [Number(r.keys.bureau_id), r.counters]));
    const entries: TBureauRanking[] = labels.bureaus.map((b) => {
      const c = byBureau.get(b.id) ?? emptyCounters();
      const fu = { ...c };
      const response = responseRate(fu);
      const resolution = resolutionRate(fu);
      const satisfaction = satisfactionRate(fu);
      return {
        rank: null,
        bureau: labels.groupKey('bureau', b.id),
        score: compositeScore({ response, resolution, satisfaction }, weights),
        followUps: c.followUps,
        response,
        resolution,
        satisfaction,
      };
    });
    const ranked = entries
      .filter((e) => e.score !== null && e.followUps >= q.minFollowUps)
      .sort(
        (a, b) =>
          b.score! - a.score! ||
          b.followUps - a.followUps ||
          String(a.bureau.code).localeCompare(String(b.bureau.code)),
      );
    ranked.forEach((e, i) => (e.rank = i + 1));
    const unranked = entries.filter((e) => e.rank === null);
    const n = Math.min(q.n, Math.floor(ranked.length / 2) || ranked.length);
    const visible = (list: TBureauRanking[]) => (own === undefined ? list : list.filter((e) => e.bureau.id === own));
    return {
      month: q.month,
      weights,
      formula:
        'score = Σ(weight × rate) ÷ Σ(weight) over response, resolution and satisfaction rates that have data; ' +
        'bureaus with fewer follow-ups than minFollowUps are not ranked. Red list = the n best, black list = the n worst (worst first).',
      ranked: visible(ranked),
      redList: visible(ranked.slice(0, n)),
      blackList: visible(ranked.slice(-n).reverse()),
      unranked: visible(unranked),
    };
  }
}

/** ISO dates order as plain strings (no locale collation needed, and much cheaper per compare). */
function comparePeriods(a = '', b = ''): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

function rateDelta(prev: { value: number | null }, cur: { value: number | null }): number | null {
  return periodChange(prev.value, cur.value).delta;
}

function trendChange(prev: TAnalyticsMeasures, cur: TAnalyticsMeasures): NonNullable<TAnalyticsTrendPoint['change']> {
  const volume = periodChange(prev.volume, cur.volume);
  return {
    volume: { delta: volume.delta, relative: volume.relative },
    onTimeClose: rateDelta(prev.rates.onTimeClose, cur.rates.onTimeClose),
    response: rateDelta(prev.rates.response, cur.rates.response),
    resolution: rateDelta(prev.rates.resolution, cur.rates.resolution),
    satisfaction: rateDelta(prev.rates.satisfaction, cur.rates.satisfaction),
    overdue: rateDelta(prev.rates.overdue, cur.rates.overdue),
  };
}
