// The analytics rollups' schema, in one place: the dimensions a case is counted under, the
// counters (each with the SQL predicate that decides it for one case), the reply-hour bounds
// of the time-to-reply histogram and the cubes. analytics.ts (the maths) and the API's
// AnalyticsRepository (the queries) read it; nothing else spells a dimension, counter, bound or
// cube. The migrations that created the tables and functions keep frozen copies
// (prisma-free-migrations/frozen/analytics-2026-11.ts, since a migration must not change when
// this file does); test/e2e/analytics-rollup-schema.e2e-spec.ts checks that the database they
// built matches this module. Adding a counter: a new migration (with its own frozen copy of
// the new definitions), then the entry here, then the snapshots (UPDATE_SNAPSHOTS=1).

/** A dimension of the rollups: a column of the facts table and of every cube that keeps it. */
export interface RollupDimension {
  type: 'int' | 'text';
  /** Its value for one case (c = cases row); unknown ids count under 0. */
  source: string;
}

/** Dimension (its column) → its type and value. */
export const ROLLUP_DIMENSIONS = {
  bureau_id: { type: 'int', source: 'COALESCE(c.lead_bureau_id, 0)' },
  category_id: { type: 'int', source: 'COALESCE(c.category_id, 0)' },
  district_id: { type: 'int', source: 'COALESCE(c.district_id, 0)' },
  street_id: { type: 'int', source: 'COALESCE(c.street_id, 0)' },
  channel: { type: 'text', source: 'c.channel' },
  type: { type: 'text', source: 'c.type' },
  urgency: { type: 'text', source: 'c.urgency' },
} as const satisfies Record<string, RollupDimension>;

export type RollupDim = keyof typeof ROLLUP_DIMENSIONS;
export const ROLLUP_DIMS = Object.freeze(Object.keys(ROLLUP_DIMENSIONS) as RollupDim[]);

/** A case counts on the Shanghai day it came in (a cohort view: it keeps that day as it moves on). */
export const ROLLUP_DAY_SOURCE = "(c.created_at AT TIME ZONE 'Asia/Shanghai')::date";

/** A counter: 0 or 1 per case, summed in the cubes. */
export interface RollupCounterDef {
  /** Its column in the facts table and the cubes. */
  column: string;
  /** Its value for one case (c = cases row). NULL-safe: unknown counts as no. */
  predicate: string;
}

/** "Due": the case has a reply deadline and its outcome is known — replied, closed, or flagged overdue. */
const DUE =
  "c.reply_due_at IS NOT NULL AND (c.replied_at IS NOT NULL OR c.closed_at IS NOT NULL OR c.flag = 'overdue')";

/** The follow-up call happened; the answers it recorded count only then. */
const FOLLOWED_UP = 'c.followed_up_at IS NOT NULL';

/** Counter (its name in RollupCounters) → its column and predicate. */
export const ROLLUP_COUNTERS = {
  volume: { column: 'volume', predicate: 'true' },
  dispatched: { column: 'dispatched', predicate: 'c.dispatched_at IS NOT NULL' },
  directAnswered: { column: 'direct_answered', predicate: "c.close_reason = 'direct_answer'" },
  accepted: { column: 'accepted', predicate: 'c.accepted_at IS NOT NULL' },
  acceptedOnTime: {
    column: 'accepted_on_time',
    predicate: 'c.accepted_at IS NOT NULL AND (c.accept_due_at IS NULL OR c.accepted_at <= c.accept_due_at)',
  },
  due: { column: 'due', predicate: DUE },
  closedOnTime: {
    column: 'closed_on_time',
    predicate: 'c.reply_due_at IS NOT NULL AND COALESCE(c.replied_at, c.closed_at) <= c.reply_due_at',
  },
  overdue: {
    column: 'overdue',
    predicate: `${DUE} AND NOT COALESCE(COALESCE(c.replied_at, c.closed_at) <= c.reply_due_at, false)`,
  },
  followUps: { column: 'follow_ups', predicate: FOLLOWED_UP },
  contacted: { column: 'contacted', predicate: `${FOLLOWED_UP} AND c.follow_up_contacted` },
  solved: { column: 'solved', predicate: `${FOLLOWED_UP} AND c.follow_up_solved = 'solved'` },
  partly: { column: 'partly', predicate: `${FOLLOWED_UP} AND c.follow_up_solved = 'partly'` },
  notSolved: { column: 'not_solved', predicate: `${FOLLOWED_UP} AND c.follow_up_solved = 'not'` },
  satisfied: {
    column: 'satisfied',
    predicate: `${FOLLOWED_UP} AND c.follow_up_satisfaction = 'satisfied'`,
  },
  basically: {
    column: 'basically',
    predicate: `${FOLLOWED_UP} AND c.follow_up_satisfaction = 'basically'`,
  },
  dissatisfied: {
    column: 'dissatisfied',
    predicate: `${FOLLOWED_UP} AND c.follow_up_satisfaction = 'dissatisfied'`,
  },
  noAnswer: {
    column: 'no_answer',
    predicate: `${FOLLOWED_UP} AND (c.follow_up_satisfaction IS NULL OR c.follow_up_satisfaction = 'no_answer')`,
  },
  returned: { column: 'returned', predicate: 'c.return_count > 0' },
  multiReturned: { column: 'multi_returned', predicate: 'c.return_count >= 2' },
  reopened: { column: 'reopened', predicate: 'c.reopen_count > 0' },
  unmatched: { column: 'unmatched', predicate: 'c.unmatched_at_intake' },
  replied: { column: 'replied', predicate: 'c.replied_at IS NOT NULL AND c.dispatched_at IS NOT NULL' },
} as const satisfies Record<string, RollupCounterDef>;

export type RollupCounterKey = keyof typeof ROLLUP_COUNTERS;
export const ROLLUP_COUNTER_KEYS = Object.freeze(Object.keys(ROLLUP_COUNTERS) as RollupCounterKey[]);

/** Counter name → its column. */
export const COUNTER_COLUMNS = Object.freeze(
  Object.fromEntries(ROLLUP_COUNTER_KEYS.map((k) => [k, ROLLUP_COUNTERS[k].column])),
) as Readonly<Record<RollupCounterKey, string>>;

/**
 * Upper bounds (hours) of the time-to-reply histogram the rollups keep. Bucket k holds replies
 * that took [bound k−1, bound k) hours (bound −1 = 0); the last bucket (≥ 720 h) is open.
 */
export const REPLY_HOUR_BOUNDS: readonly number[] = Object.freeze([
  1, 2, 4, 8, 12, 24, 48, 72, 120, 168, 240, 360, 480, 720,
]);

/** The histogram's columns rt_00 … rt_14, one per bucket (the last one open). */
export const REPLY_BUCKET_COLUMNS: readonly string[] = Object.freeze(
  Array.from({ length: REPLY_HOUR_BOUNDS.length + 1 }, (_, k) => `rt_${String(k).padStart(2, '0')}`),
);

/** Every summed column of a cube: the counters, then the histogram buckets. */
export const ROLLUP_MEASURE_COLUMNS: readonly string[] = Object.freeze([
  ...Object.values(COUNTER_COLUMNS),
  ...REPLY_BUCKET_COLUMNS,
]);

export interface RollupCube {
  name: string;
  /** Its dimensions besides the time column. */
  dims: readonly RollupDim[];
}

/**
 * The cubes, smallest first (by their size at a million cases). Each holds the same counters
 * per Shanghai day (table analytics_rollup_<name>) and per month (analytics_rollup_<name>_m).
 */
export const ROLLUP_CUBES: readonly RollupCube[] = Object.freeze([
  { name: 'bureau', dims: ['bureau_id'] },
  { name: 'mix', dims: ['channel', 'type', 'urgency'] },
  { name: 'category', dims: ['bureau_id', 'category_id'] },
  { name: 'attr', dims: ['bureau_id', 'channel', 'type', 'urgency'] },
  { name: 'place', dims: ['bureau_id', 'district_id', 'street_id'] },
  { name: 'topic', dims: ['bureau_id', 'category_id', 'district_id', 'type'] },
  { name: 'spot', dims: ['bureau_id', 'category_id', 'district_id', 'street_id'] },
  { name: 'wide', dims: ['bureau_id', 'category_id', 'district_id', 'channel', 'type', 'urgency'] },
  { name: 'full', dims: ROLLUP_DIMS },
]);

export type RollupGrain = 'day' | 'month';

/** The table of a cube at a grain. */
export function rollupTable(cube: string, grain: RollupGrain): string {
  return grain === 'day' ? `analytics_rollup_${cube}` : `analytics_rollup_${cube}_m`;
}

/**
 * The select list of one case's facts (c = cases row): its day, dimensions, counters and reply
 * bucket, as the view analytics_case_facts_truth computes them. The schema test builds a view
 * from this text and compares it with the live one.
 */
export function caseFactsSelectSql(): string {
  const dims = ROLLUP_DIMS.map((name) => {
    const { source } = ROLLUP_DIMENSIONS[name];
    return source === `c.${name}` ? source : `${source} AS ${name}`;
  });
  const counters = Object.values(ROLLUP_COUNTERS).map(
    (c) => `COALESCE((${c.predicate}), false)::int::smallint AS ${c.column}`,
  );
  const bucket = `CASE WHEN c.replied_at IS NOT NULL AND c.dispatched_at IS NOT NULL
           THEN width_bucket(extract(epoch FROM (c.replied_at - c.dispatched_at)) / 3600.0,
                             ARRAY[${REPLY_HOUR_BOUNDS.join(',')}]::numeric[])::smallint
      END AS rt_bucket`;
  return [`c.id AS case_id`, `${ROLLUP_DAY_SOURCE} AS day`, ...dims, ...counters, bucket].join(',\n      ');
}
