import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Analytics, step 3. The consistency check no longer holds the rollup lock while it compares
 * (on a million cases the comparison takes about a minute, and the lock would stall the
 * worker's incremental step for that long): it compares first, then takes the lock only to
 * repair what differed. A difference seen mid-update is harmless: re-applying a case and
 * rebuilding a cube from the facts are both idempotent. Also adds (district, category, time)
 * indexes on the widest cube for category-subtree + district filters.
 */

const DIMS = ['day', 'bureau_id', 'category_id', 'district_id', 'street_id', 'channel', 'type', 'urgency'] as const;
type Dim = (typeof DIMS)[number];

type Grain = 'day' | 'month';
interface Cube {
  name: string;
  /** Dimensions besides the time column. */
  dims: readonly Dim[];
}

const FULL: readonly Dim[] = DIMS.filter((d) => d !== 'day');
/** The cubes as AnalyticsRollups1795577621307 left them (day grain only); `down` restores its functions. */
const CUBES_V1: readonly Cube[] = [
  { name: 'bureau', dims: ['bureau_id'] },
  { name: 'category', dims: ['bureau_id', 'category_id'] },
  { name: 'place', dims: ['bureau_id', 'district_id', 'street_id'] },
  { name: 'attr', dims: ['bureau_id', 'channel', 'type', 'urgency'] },
  { name: 'full', dims: FULL },
];
/** Adds `spot` (category × street, for hotspots and place + category filters). */
const CUBES_V2: readonly Cube[] = [
  ...CUBES_V1.slice(0, 3),
  { name: 'spot', dims: ['bureau_id', 'category_id', 'district_id', 'street_id'] },
  ...CUBES_V1.slice(3),
];

/** Counter → its 0/1 value for one case (c = cases row). NULL-safe: unknown counts as no. */
const COUNTERS: Record<string, string> = {
  volume: 'true',
  dispatched: 'c.dispatched_at IS NOT NULL',
  direct_answered: "c.close_reason = 'direct_answer'",
  accepted: 'c.accepted_at IS NOT NULL',
  accepted_on_time: 'c.accepted_at IS NOT NULL AND (c.accept_due_at IS NULL OR c.accepted_at <= c.accept_due_at)',
  // "Due": the case has a reply deadline and its outcome is known — replied, closed, or flagged overdue.
  due: "c.reply_due_at IS NOT NULL AND (c.replied_at IS NOT NULL OR c.closed_at IS NOT NULL OR c.flag = 'overdue')",
  closed_on_time: 'c.reply_due_at IS NOT NULL AND COALESCE(c.replied_at, c.closed_at) <= c.reply_due_at',
  overdue:
    "c.reply_due_at IS NOT NULL AND (c.replied_at IS NOT NULL OR c.closed_at IS NOT NULL OR c.flag = 'overdue') AND NOT COALESCE(COALESCE(c.replied_at, c.closed_at) <= c.reply_due_at, false)",
  follow_ups: 'c.followed_up_at IS NOT NULL',
  contacted: 'c.followed_up_at IS NOT NULL AND c.follow_up_contacted',
  solved: "c.followed_up_at IS NOT NULL AND c.follow_up_solved = 'solved'",
  partly: "c.followed_up_at IS NOT NULL AND c.follow_up_solved = 'partly'",
  not_solved: "c.followed_up_at IS NOT NULL AND c.follow_up_solved = 'not'",
  satisfied: "c.followed_up_at IS NOT NULL AND c.follow_up_satisfaction = 'satisfied'",
  basically: "c.followed_up_at IS NOT NULL AND c.follow_up_satisfaction = 'basically'",
  dissatisfied: "c.followed_up_at IS NOT NULL AND c.follow_up_satisfaction = 'dissatisfied'",
  no_answer:
    "c.followed_up_at IS NOT NULL AND (c.follow_up_satisfaction IS NULL OR c.follow_up_satisfaction = 'no_answer')",
  returned: 'c.return_count > 0',
  multi_returned: 'c.return_count >= 2',
  reopened: 'c.reopen_count > 0',
  unmatched: 'c.unmatched_at_intake',
  replied: 'c.replied_at IS NOT NULL AND c.dispatched_at IS NOT NULL',
};

/** Upper bounds (hours) of the time-to-reply histogram; bucket k = [bound k-1, bound k), the last is open. */
const REPLY_HOUR_BOUNDS = [1, 2, 4, 8, 12, 24, 48, 72, 120, 168, 240, 360, 480, 720];
const BUCKETS = Array.from({ length: REPLY_HOUR_BOUNDS.length + 1 }, (_, k) => `rt_${String(k).padStart(2, '0')}`);

const COUNTER_NAMES = Object.keys(COUNTERS);
const MEASURES = [...COUNTER_NAMES, ...BUCKETS];
const LOCK_KEY = 612345; // pg_advisory_xact_lock key serialising every rollup writer

/** Per-fact measure values (counters plus one-hot histogram buckets), optionally negated. */
function measureValues(alias: string, sign: '' | '-'): string {
  const counters = COUNTER_NAMES.map((n) => `${sign}${alias}.${n}::int AS ${n}`);
  const buckets = BUCKETS.map((b, k) => `${sign}(${alias}.rt_bucket IS NOT DISTINCT FROM ${k})::int AS ${b}`);
  return [...counters, ...buckets].join(', ');
}

const FACT_COLUMNS = [...DIMS, ...COUNTER_NAMES, 'rt_bucket'];

function table(cube: Cube, grain: Grain): string {
  return grain === 'day' ? `analytics_rollup_${cube.name}` : `analytics_rollup_${cube.name}_m`;
}

const TIME_COLUMN: Record<Grain, string> = { day: 'day', month: 'month' };
const TIME_FROM_DAY: Record<Grain, string> = { day: 'day', month: "date_trunc('month', day)::date" };

/** Adds the grouped sums of `source` (columns: day, the cube's dims, the measures) into the cube. */
function upsert(cube: Cube, grain: Grain, source: string): string {
  const keys = [TIME_COLUMN[grain], ...cube.dims];
  const group = [TIME_FROM_DAY[grain], ...cube.dims];
  const sums = MEASURES.map((m) => `sum(${m})::int`).join(', ');
  const set = MEASURES.map((m) => `${m} = t.${m} + excluded.${m}`).join(', ');
  return `INSERT INTO ${table(cube, grain)} AS t (${keys.join(', ')}, ${MEASURES.join(', ')})
        SELECT ${group.join(', ')}, ${sums} FROM ${source} GROUP BY ${group.join(', ')}
        ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${set}`;
}

function grainsOf(withMonths: boolean): Grain[] {
  return withMonths ? ['day', 'month'] : ['day'];
}

const FACT_SOURCE = `(SELECT ${DIMS.join(', ')}, ${measureValues('f', '')} FROM analytics_case_facts f) x`;

/** Day cubes from the facts; month cubes from their day cube (far fewer rows to read). */
function rebuildCube(cube: Cube, grain: Grain): string {
  return `TRUNCATE ${table(cube, grain)};
  ${upsert(cube, grain, grain === 'day' ? FACT_SOURCE : table(cube, 'day'))};`;
}

function cubeCheck(cube: Cube, grain: Grain): string {
  const nonZero = MEASURES.map((m) => `${m} <> 0`).join(' OR ');
  const keys = [TIME_COLUMN[grain], ...cube.dims];
  const group = [`${TIME_FROM_DAY[grain]} AS ${TIME_COLUMN[grain]}`, ...cube.dims];
  const source = grain === 'day' ? FACT_SOURCE : table(cube, 'day');
  const expected = `SELECT * FROM (SELECT ${group.join(', ')}, ${MEASURES.map((m) => `sum(${m})::int AS ${m}`).join(', ')}
          FROM ${source} GROUP BY ${[TIME_FROM_DAY[grain], ...cube.dims].join(', ')}) e WHERE ${nonZero}`;
  const stored = `SELECT ${keys.join(', ')}, ${MEASURES.join(', ')} FROM ${table(cube, grain)} WHERE ${nonZero}`;
  const label = grain === 'day' ? cube.name : `${cube.name}_m`;
  return `
  SELECT count(*) INTO v_n FROM ((${expected} EXCEPT ${stored}) UNION ALL (${stored} EXCEPT ${expected})) z;
  IF v_n > 0 THEN
    v_cubes := v_cubes || jsonb_build_object('${label}', v_n);
    IF p_repair THEN
      PERFORM pg_advisory_xact_lock(${LOCK_KEY});
      ${rebuildCube(cube, grain)}
    END IF;
  END IF;`;
}

function consistencyFunction(cubes: readonly Cube[], withMonths: boolean, lockFirst: boolean): string {
  // Day grains first: a repaired day cube is then the truth its month grain is checked against.
  const checks = grainsOf(withMonths)
    .flatMap((g) => cubes.map((c) => cubeCheck(c, g)))
    .join('');
  return `
CREATE OR REPLACE FUNCTION analytics_check_consistency(p_repair boolean) RETURNS jsonb LANGUAGE plpgsql AS $fn$
DECLARE v_ids uuid[]; v_n bigint; v_cubes jsonb := '{}'::jsonb;
BEGIN
  ${lockFirst ? `PERFORM pg_advisory_xact_lock(${LOCK_KEY});` : '-- Compare without the lock; take it only to repair.'}
  -- 1. facts that differ from what the case row says now (missed events, manual SQL edits)
  SELECT COALESCE(array_agg(DISTINCT case_id), '{}') INTO v_ids FROM (
    (SELECT case_id, ${FACT_COLUMNS.join(', ')} FROM analytics_case_facts_truth
     EXCEPT SELECT case_id, ${FACT_COLUMNS.join(', ')} FROM analytics_case_facts)
    UNION
    (SELECT case_id, ${FACT_COLUMNS.join(', ')} FROM analytics_case_facts
     EXCEPT SELECT case_id, ${FACT_COLUMNS.join(', ')} FROM analytics_case_facts_truth)
  ) drift;
  IF p_repair AND cardinality(v_ids) > 0 THEN
    PERFORM analytics_apply_cases(v_ids); -- takes the lock itself
  END IF;
  -- 2. cube rows that differ from the sum of the facts (day) or of their day cube (month)
  ${checks}
  RETURN jsonb_build_object('driftedCases', cardinality(v_ids), 'sampleCaseIds', to_jsonb(v_ids[1:10]),
                            'driftedCubeRows', v_cubes, 'repaired', p_repair);
END $fn$`;
}

export class AnalyticsLockFreeCheck1795580192663 implements MigrationInterface {
  name = 'AnalyticsLockFreeCheck1795580192663';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(consistencyFunction(CUBES_V2, true, false));
    await q.query(
      `CREATE INDEX analytics_rollup_full_district_idx ON analytics_rollup_full (district_id, category_id, day)`,
    );
    await q.query(
      `CREATE INDEX analytics_rollup_full_m_district_idx ON analytics_rollup_full_m (district_id, category_id, month)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX analytics_rollup_full_m_district_idx`);
    await q.query(`DROP INDEX analytics_rollup_full_district_idx`);
    await q.query(consistencyFunction(CUBES_V2, true, true));
  }
}
