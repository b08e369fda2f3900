// Pure analytics maths: rates from additive rollup counters, percentiles from the
// time-to-reply histogram, period-over-period change and service-gap severity scores.
// The API copies the formula texts (ANALYTICS_FORMULAS) into its OpenAPI description.
import { rate, responseRate, resolutionRate, satisfactionRate, type Rate } from './metrics';
import { REPLY_HOUR_BOUNDS, ROLLUP_COUNTER_KEYS, type RollupCounterKey } from './rollup-schema';

/** Additive counters of one rollup row (or a sum of rows); the counters are ROLLUP_COUNTERS. */
export type RollupCounters = Record<RollupCounterKey, number> & {
  /** Time-to-reply histogram, one count per REPLY_HOUR_BOUNDS bucket (+1 open bucket). */
  replyHistogram: number[];
};

/**
 * Every counter at 0. Written out (not built from ROLLUP_COUNTERS) because reports call it for
 * every rollup row and a literal is the cheapest object V8 makes; `satisfies` keeps it to
 * exactly the counters rollup-schema.ts declares.
 */
export function emptyCounters(): RollupCounters {
  return {
    volume: 0,
    dispatched: 0,
    directAnswered: 0,
    accepted: 0,
    acceptedOnTime: 0,
    due: 0,
    closedOnTime: 0,
    overdue: 0,
    followUps: 0,
    contacted: 0,
    solved: 0,
    partly: 0,
    notSolved: 0,
    satisfied: 0,
    basically: 0,
    dissatisfied: 0,
    noAnswer: 0,
    returned: 0,
    multiReturned: 0,
    reopened: 0,
    unmatched: 0,
    replied: 0,
    replyHistogram: new Array<number>(REPLY_HOUR_BOUNDS.length + 1).fill(0),
  } satisfies RollupCounters;
}

/** a += b, field by field (counters are additive by construction). */
export function addCounters(a: RollupCounters, b: RollupCounters): RollupCounters {
  for (const key of ROLLUP_COUNTER_KEYS) a[key] += b[key];
  a.replyHistogram = a.replyHistogram.map((n, i) => n + (b.replyHistogram[i] ?? 0));
  return a;
}

/**
 * The p-th percentile (0-100) of time to reply, in hours, from the histogram: find the
 * bucket holding rank p ÷ 100 × n, then interpolate linearly inside it:
 * lower + (rank − countBelow) ÷ countInBucket × (upper − lower). Replies in the open last
 * bucket report its lower bound (720 h). Rounded to 0.1 h; null when no case was replied.
 */
export function histogramPercentile(histogram: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`A percentile must be between 0 and 100, got ${p}`);
  const total = histogram.reduce((s, n) => s + n, 0);
  if (total === 0) return null;
  const rank = (p / 100) * total;
  let below = 0;
  for (let k = 0; k < histogram.length; k++) {
    const inBucket = histogram[k] ?? 0;
    if (inBucket > 0 && below + inBucket >= rank) {
      const lower = k === 0 ? 0 : (REPLY_HOUR_BOUNDS[k - 1] as number);
      const upper = REPLY_HOUR_BOUNDS[k];
      if (upper === undefined) return lower;
      return Math.round((lower + ((rank - below) / inBucket) * (upper - lower)) * 10) / 10;
    }
    below += inBucket;
  }
  return REPLY_HOUR_BOUNDS[REPLY_HOUR_BOUNDS.length - 1] as number;
}

export interface AnalyticsRates {
  directAnswer: Rate;
  acceptOnTime: Rate;
  onTimeClose: Rate;
  response: Rate;
  resolution: Rate;
  satisfaction: Rate;
  return: Rate;
  reopen: Rate;
  overdue: Rate;
}

/** Every rate of one group, each with its numerator and denominator (formulas: ANALYTICS_FORMULAS). */
export function analyticsRates(c: RollupCounters): AnalyticsRates {
  const followUps = {
    followUps: c.followUps,
    contacted: c.contacted,
    solved: c.solved,
    partly: c.partly,
    notSolved: c.notSolved,
    satisfied: c.satisfied,
    basically: c.basically,
    dissatisfied: c.dissatisfied,
    noAnswer: c.noAnswer,
  };
  return {
    directAnswer: rate(c.directAnswered, c.volume),
    acceptOnTime: rate(c.acceptedOnTime, c.accepted),
    onTimeClose: rate(c.closedOnTime, c.due),
    response: responseRate(followUps),
    resolution: resolutionRate(followUps),
    satisfaction: satisfactionRate(followUps),
    return: rate(c.returned, c.dispatched),
    reopen: rate(c.reopened, c.dispatched),
    overdue: rate(c.overdue, c.due),
  };
}

/** Plain-language formulas, copied into the OpenAPI description of every analytics route. */
export const ANALYTICS_FORMULAS: Readonly<Record<keyof AnalyticsRates | 'replyHours' | 'scope', string>> =
  Object.freeze({
    scope:
      'Every figure counts cases by their intake day (Asia/Shanghai) within [from, to]; a case keeps counting ' +
      'towards its intake day as it moves on (cohort view). Each rate is {numerator, denominator, value}; value is ' +
      'null when the denominator is 0.',
    directAnswer: 'direct-answer rate 直办率 = cases closed at intake with a direct answer ÷ volume',
    acceptOnTime:
      'accept-on-time rate 按时签收率 = cases accepted at or before their accept deadline (or with none) ÷ cases accepted',
    onTimeClose:
      'on-time close rate 按期办结率 = due cases replied (or closed) at or before their reply deadline ÷ due cases; ' +
      'a case is due when it has a reply deadline and has been replied, closed or flagged overdue',
    response: 'response rate 响应率 = follow-ups where the bureau contacted the citizen ÷ follow-ups',
    resolution: 'resolution rate 解决率 = follow-ups answered "solved" ÷ follow-ups ("partly" is not solved)',
    satisfaction:
      'satisfaction rate 满意率 = (satisfied + basically satisfied) ÷ (follow-ups − follow-ups with no satisfaction answer)',
    return: 'return rate 回退率 = dispatched cases returned by a bureau at least once ÷ dispatched cases',
    reopen: 'reopen rate 重办率 = dispatched cases reopened at least once ÷ dispatched cases',
    overdue:
      'overdue rate 超期率 = due cases not replied by their deadline (or flagged overdue) ÷ due cases; overdueCount is the numerator',
    replyHours:
      'median / p90 time to reply = hours from dispatch to reply, read from a histogram with bucket bounds ' +
      `${REPLY_HOUR_BOUNDS.join(', ')} h by linear interpolation inside the bucket (≥ 720 h reports 720)`,
  });

/** Change from the previous period: absolute, and relative (null when the previous value is 0 or missing). */
export interface Change {
  previous: number | null;
  current: number | null;
  delta: number | null;
  /** (current − previous) ÷ previous, rounded to 4 decimals. */
  relative: number | null;
}

export function periodChange(previous: number | null, current: number | null): Change {
  if (previous === null || current === null) return { previous, current, delta: null, relative: null };
  const delta = Math.round((current - previous) * 10_000) / 10_000;
  return {
    previous,
    current,
    delta,
    relative: previous === 0 ? null : Math.round(((current - previous) / previous) * 10_000) / 10_000,
  };
}

/** Severity scores run 0-100; these helpers keep the scale comparable across finding kinds. */
function clampScore(x: number): number {
  return Math.max(0, Math.min(100, Math.round(x)));
}

/** Ownerless: grows with the number of cases nobody owns (10 → 50, 100 → 100), log scale. */
export function ownerlessSeverity(cases: number): number {
  return cases <= 0 ? 0 : clampScore(50 * Math.log10(Math.max(1, cases)));
}

/** Hotspot: repeats over the threshold; the threshold itself scores 40, 4× the threshold scores 100. */
export function hotspotSeverity(count: number, threshold: number): number {
  if (count < threshold || threshold <= 0) return 0;
  return clampScore(40 + 20 * ((count - threshold) / threshold));
}

/**
 * Failing owner: the largest shortfall below a threshold, in percentage points × 2 (a rate
 * 25 points under its threshold scores 50), plus 20 when the overdue count rose by half or more.
 */
export function failingOwnerSeverity(shortfallPoints: number, overdueRising: boolean): number {
  return clampScore(Math.max(0, shortfallPoints) * 2 + (overdueRising ? 20 : 0));
}

/** Growth: relative growth × 50 (doubling → 50, tripling → 100), only for positive growth. */
export function growthSeverity(relative: number): number {
  return clampScore(relative * 50);
}

/** Dissatisfaction cluster: dissatisfied follow-ups on a log scale, weighted by their share. */
export function dissatisfactionSeverity(dissatisfied: number, rated: number): number {
  if (dissatisfied <= 0 || rated <= 0) return 0;
  return clampScore(35 * Math.log10(dissatisfied + 1) + 50 * (dissatisfied / rated));
}

/**
 * Monthly-theme (每月一题) candidate score: volume on a log scale, plus growth and
 * dissatisfaction share, so a big, rising, unpopular problem ranks first.
 */
export function themeCandidateScore(
  volume: number,
  growthRelative: number | null,
  dissatisfiedShare: number | null,
): number {
  return clampScore(
    20 * Math.log10(volume + 1) + 30 * Math.max(0, Math.min(1, growthRelative ?? 0)) + 40 * (dissatisfiedShare ?? 0),
  );
}
