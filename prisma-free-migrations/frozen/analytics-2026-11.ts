/*
 * The analytics rollups as the migrations of November 2026 built them (AnalyticsRollups,
 * AnalyticsMonthCubes, AnalyticsLockFreeCheck, AnalyticsStreetlessCubes): dimensions,
 * counters, reply-hour bounds, cubes and the text of the rollup functions. Frozen: those
 * migrations must run the same SQL forever, so this file never changes (the live definitions
 * are libs/domain/src/rollup-schema.ts; a later change adds a migration with its own frozen
 * copy). test/e2e/analytics-rollup-schema.e2e-spec.ts pins what each migration runs.
 *
 * Each migration wrote the functions a little differently (CREATE or CREATE OR REPLACE, day
 * grain only or day and month, ordered bulk builds, where the consistency check takes the
 * lock); RollupFunctionStyle names those differences, so one builder writes every version.
 */

export const DIMS = [
  'day',
  'bureau_id',
  'category_id',
  'district_id',
  'street_id',
  'channel',
  'type',
  'urgency',
] as const;
export type Dim = (typeof DIMS)[number];

export const DIM_TYPES: Record<Dim, string> = {
  day: 'date',
  bureau_id: 'int',
  category_id: 'int',
  district_id: 'int',
  street_id: 'int',
  channel: 'text',
  type: 'text',
  urgency: 'text',
};

export type Grain = 'day' | 'month';
export interface Cube {
  name: string;
  /** Dimensions besides the time column. */
  dims: readonly Dim[];
}

const FULL: readonly Dim[] = DIMS.filter((d) => d !== 'day');
/** The cubes of AnalyticsRollups1795577621307 (day grain only). */
export const CUBES_V1: readonly Cube[] = [
  { name: 'bureau', dims: ['bureau_id'] },
  { name: 'category', dims: ['bureau_id', 'category_id'] },
  { name: 'place', dims: ['bureau_id', 'district_id', 'street_id'] },
  { name: 'attr', dims: ['bureau_id', 'channel', 'type', 'urgency'] },
  { name: 'full', dims: FULL },
];
/** AnalyticsMonthCubes1795578977707 adds `spot` (category × street, for hotspots and place + category filters). */
export const CUBES_V2: readonly Cube[] = [
  ...CUBES_V1.slice(0, 3),
  { name: 'spot', dims: ['bureau_id', 'category_id', 'district_id', 'street_id'] },
  ...CUBES_V1.slice(3),
];

/** Counter → its 0/1 value for one case (c = cases row). NULL-safe: unknown counts as no. */
export const COUNTERS: Record<string, string> = {
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
export const REPLY_HOUR_BOUNDS = [1, 2, 4, 8, 12, 24, 48, 72, 120, 168, 240, 360, 480, 720];
const BUCKETS = Array.from({ length: REPLY_HOUR_BOUNDS.length + 1 }, (_, k) => `rt_${String(k).padStart(2, '0')}`);

export const COUNTER_NAMES = Object.keys(COUNTERS);
export const MEASURES = [...COUNTER_NAMES, ...BUCKETS];
export const LOCK_KEY = 612345; // pg_advisory_xact_lock key serialising every rollup writer

/** Per-fact measure values (counters plus one-hot histogram buckets), optionally negated. */
function measureValues(alias: string, sign: '' | '-'): string {
  const counters = COUNTER_NAMES.map((n) => `${sign}${alias}.${n}::int AS ${n}`);
  const buckets = BUCKETS.map((b, k) => `${sign}(${alias}.rt_bucket IS NOT DISTINCT FROM ${k})::int AS ${b}`);
  return [...counters, ...buckets].join(', ');
}

const FACT_COLUMNS = [...DIMS, ...COUNTER_NAMES, 'rt_bucket'];

/** Column definitions of the given dimensions, and of every measure (with their type). */
export function dimColumns(dims: readonly Dim[]): string {
  return dims.map((d) => `${d} ${DIM_TYPES[d]} NOT NULL`).join(', ');
}
export function measureColumns(type: string): string {
  return MEASURES.map((m) => `${m} ${type} NOT NULL DEFAULT 0`).join(', ');
}

export function table(cube: Cube, grain: Grain): string {
  return grain === 'day' ? `analytics_rollup_${cube.name}` : `analytics_rollup_${cube.name}_m`;
}

export const TIME_COLUMN: Record<Grain, string> = { day: 'day', month: 'month' };
const TIME_FROM_DAY: Record<Grain, string> = { day: 'day', month: "date_trunc('month', day)::date" };

/** Every fact as its dimensions and one-hot measures: what the day cubes sum. */
export const FACT_SOURCE = `(SELECT ${DIMS.join(', ')}, ${measureValues('f', '')} FROM analytics_case_facts f) x`;

/** How one migration wrote the rollup functions. */
export interface RollupFunctionStyle {
  create: 'CREATE FUNCTION' | 'CREATE OR REPLACE FUNCTION';
  grains: readonly Grain[];
  /** The incremental step's CTE of a cube is named u_<cube>_<grain> (else u_<cube>). */
  grainInCteName: boolean;
  /**
   * Bulk builds into an empty table write the rows in key order, so that one day's or month's
   * rows share a few pages instead of being spread over the whole table by the hash aggregate.
   */
  ordered: boolean;
}

/** The day and month grains of AnalyticsMonthCubes1795578977707 and after. */
export const MONTH_GRAIN_STYLE: RollupFunctionStyle = {
  create: 'CREATE OR REPLACE FUNCTION',
  grains: ['day', 'month'],
  grainInCteName: true,
  ordered: false,
};

/** The consistency check's variants. */
export interface ConsistencyStyle {
  create: RollupFunctionStyle['create'];
  /** Hold the rollup lock for the whole check; else compare without it and take it only to repair. */
  lockFirst: boolean;
  /** The comment on the repair of drifted facts. */
  applyNote: '' | ' -- takes the lock itself';
  /** What the cube rows are compared with, as the comment says. */
  cubesNote: string;
}

/** Adds the grouped sums of `source` (columns: day, the cube's dims, the measures) into the cube. */
export function upsert(cube: Cube, grain: Grain, source: string, ordered = false): string {
  const keys = [TIME_COLUMN[grain], ...cube.dims];
  const group = [TIME_FROM_DAY[grain], ...cube.dims];
  const sums = MEASURES.map((m) => `sum(${m})::int`).join(', ');
  const set = MEASURES.map((m) => `${m} = t.${m} + excluded.${m}`).join(', ');
  return `INSERT INTO ${table(cube, grain)} AS t (${keys.join(', ')}, ${MEASURES.join(', ')})
        SELECT ${group.join(', ')}, ${sums} FROM ${source} GROUP BY ${group.join(', ')}${ordered ? ` ORDER BY ${group.join(', ')}` : ''}
        ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${set}`;
}

/** Day cubes from the facts; month cubes from their day cube (far fewer rows to read). */
export function rebuildCube(cube: Cube, grain: Grain, ordered = false): string {
  return `TRUNCATE ${table(cube, grain)};
  ${upsert(cube, grain, grain === 'day' ? FACT_SOURCE : table(cube, 'day'), ordered)};`;
}

export function applyCasesFunction(cubes: readonly Cube[], style: RollupFunctionStyle): string {
  const ctes = cubes
    .flatMap((cube) =>
      style.grains.map((g) => `u_${cube.name}${style.grainInCteName ? `_${g}` : ''} AS (${upsert(cube, g, 'd')})`),
    )
    .join(',\n    ');
  const updateSet = FACT_COLUMNS.map((col) => `${col} = excluded.${col}`).join(', ');
  return `
${style.create} analytics_apply_cases(p_ids uuid[]) RETURNS int LANGUAGE plpgsql AS $fn$
DECLARE n int;
BEGIN
  PERFORM pg_advisory_xact_lock(${LOCK_KEY});
  WITH old AS (
    SELECT * FROM analytics_case_facts WHERE case_id = ANY(p_ids)
  ), new AS (
    INSERT INTO analytics_case_facts (case_id, ${FACT_COLUMNS.join(', ')})
    SELECT case_id, ${FACT_COLUMNS.join(', ')} FROM analytics_case_facts_truth WHERE case_id = ANY(p_ids)
    ON CONFLICT (case_id) DO UPDATE SET ${updateSet}, updated_at = now()
    RETURNING *
  ), d AS (
    SELECT ${DIMS.join(', ')}, ${MEASURES.map((m) => `sum(${m}) AS ${m}`).join(', ')}
    FROM (
      SELECT ${DIMS.map((x) => `new.${x}`).join(', ')}, ${measureValues('new', '')} FROM new
      UNION ALL
      SELECT ${DIMS.map((x) => `old.${x}`).join(', ')}, ${measureValues('old', '-')} FROM old
    ) x
    GROUP BY ${DIMS.join(', ')}
  ),
    ${ctes}
  SELECT count(*) INTO n FROM new;
  RETURN n;
END $fn$`;
}

export function rebuildFunction(cubes: readonly Cube[], style: RollupFunctionStyle): string {
  const body = cubes.flatMap((c) => style.grains.map((g) => rebuildCube(c, g, style.ordered))).join('\n  ');
  return `
${style.create} analytics_rebuild() RETURNS bigint LANGUAGE plpgsql AS $fn$
DECLARE n bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(${LOCK_KEY});
  TRUNCATE analytics_case_facts;
  INSERT INTO analytics_case_facts (case_id, ${FACT_COLUMNS.join(', ')})
    SELECT case_id, ${FACT_COLUMNS.join(', ')} FROM analytics_case_facts_truth;
  GET DIAGNOSTICS n = ROW_COUNT;
  ${body}
  -- Everything in the outbox so far is now reflected: move the cursor past it.
  UPDATE analytics_cursor SET last_id = COALESCE((SELECT max(id) FROM outbox_events), 0), updated_at = now()
   WHERE name = 'rollups';
  DELETE FROM analytics_cursor_gaps;
  RETURN n;
END $fn$`;
}

/**
 * One cube's check: the rows that differ between what the facts (day) or the day cube (month)
 * sum to and what the cube holds; with p_repair the cube is rebuilt (under the lock when the
 * check runs without it).
 */
export function cubeCheck(cube: Cube, grain: Grain, lockToRepair: boolean, ordered: boolean): string {
  const nonZero = MEASURES.map((m) => `${m} <> 0`).join(' OR ');
  const keys = [TIME_COLUMN[grain], ...cube.dims];
  const group = [`${TIME_FROM_DAY[grain]} AS ${TIME_COLUMN[grain]}`, ...cube.dims];
  const source = grain === 'day' ? FACT_SOURCE : table(cube, 'day');
  const expected = `SELECT * FROM (SELECT ${group.join(', ')}, ${MEASURES.map((m) => `sum(${m})::int AS ${m}`).join(', ')}
          FROM ${source} GROUP BY ${[TIME_FROM_DAY[grain], ...cube.dims].join(', ')}) e WHERE ${nonZero}`;
  const stored = `SELECT ${keys.join(', ')}, ${MEASURES.join(', ')} FROM ${table(cube, grain)} WHERE ${nonZero}`;
  const label = grain === 'day' ? cube.name : `${cube.name}_m`;
  const lock = lockToRepair ? `PERFORM pg_advisory_xact_lock(${LOCK_KEY});\n      ` : '';
  return `
  SELECT count(*) INTO v_n FROM ((${expected} EXCEPT ${stored}) UNION ALL (${stored} EXCEPT ${expected})) z;
  IF v_n > 0 THEN
    v_cubes := v_cubes || jsonb_build_object('${label}', v_n);
    IF p_repair THEN
      ${lock}${rebuildCube(cube, grain, ordered)}
    END IF;
  END IF;`;
}

/** Checks facts against cases, then runs `cubeChecks` (the cubes against the facts). */
export function consistencyFunction(style: ConsistencyStyle, cubeChecks: string): string {
  return `
${style.create} analytics_check_consistency(p_repair boolean) RETURNS jsonb LANGUAGE plpgsql AS $fn$
DECLARE v_ids uuid[]; v_n bigint; v_cubes jsonb := '{}'::jsonb;
BEGIN
  ${style.lockFirst ? `PERFORM pg_advisory_xact_lock(${LOCK_KEY});` : '-- Compare without the lock; take it only to repair.'}
  -- 1. facts that differ from what the case row says now (missed events, manual SQL edits)
  SELECT COALESCE(array_agg(DISTINCT case_id), '{}') INTO v_ids FROM (
    (SELECT case_id, ${FACT_COLUMNS.join(', ')} FROM analytics_case_facts_truth
     EXCEPT SELECT case_id, ${FACT_COLUMNS.join(', ')} FROM analytics_case_facts)
    UNION
    (SELECT case_id, ${FACT_COLUMNS.join(', ')} FROM analytics_case_facts
     EXCEPT SELECT case_id, ${FACT_COLUMNS.join(', ')} FROM analytics_case_facts_truth)
  ) drift;
  IF p_repair AND cardinality(v_ids) > 0 THEN
    PERFORM analytics_apply_cases(v_ids);${style.applyNote}
  END IF;
  -- 2. cube rows that differ from ${style.cubesNote}
  ${cubeChecks}
  RETURN jsonb_build_object('driftedCases', cardinality(v_ids), 'sampleCaseIds', to_jsonb(v_ids[1:10]),
                            'driftedCubeRows', v_cubes, 'repaired', p_repair);
END $fn$`;
}

/**
 * The consistency check of AnalyticsMonthCubes and later: every cube's day grain first (a
 * repaired day cube is then the truth its month grain is checked against), then the months.
 */
export function monthAwareConsistencyFunction(
  cubes: readonly Cube[],
  style: RollupFunctionStyle,
  lock: Pick<ConsistencyStyle, 'lockFirst' | 'applyNote'> & { toRepair: boolean },
): string {
  const checks = style.grains.flatMap((g) => cubes.map((c) => cubeCheck(c, g, lock.toRepair, style.ordered))).join('');
  return consistencyFunction(
    {
      create: style.create,
      lockFirst: lock.lockFirst,
      applyNote: lock.applyNote,
      cubesNote: 'the sum of the facts (day) or of their day cube (month)',
    },
    checks,
  );
}
