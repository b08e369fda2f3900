import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Analytics, step 4: cubes without the street. A query that combines several filters (say a
 * category subtree, a district and a case type) used to fall back to the finest cube, which
 * at a million cases hardly compresses (906k day rows for 1M cases) because the street
 * multiplies every other key. This adds three cubes (day and month grain each):
 *
 *   mix    channel × type × urgency              (no bureau: city-wide attribute breakdowns)
 *   topic  bureau × category × district × type  (the usual "complaints about X in Y")
 *   wide   every dimension but the street        (the fallback for any street-free query)
 *
 * and replaces the rollup functions (incremental step, rebuild, lock-free consistency check)
 * so that they maintain them too. The new cubes are filled from the facts here, so existing
 * databases need no full rebuild. `down` drops them and restores the functions of
 * AnalyticsMonthCubes1795578977707 / AnalyticsLockFreeCheck1795580192663.
 */

const DIMS = ['day', 'bureau_id', 'category_id', 'district_id', 'street_id', 'channel', 'type', 'urgency'] as const;
type Dim = (typeof DIMS)[number];

const DIM_TYPES: Record<Dim, string> = {
  day: 'date',
  bureau_id: 'int',
  category_id: 'int',
  district_id: 'int',
  street_id: 'int',
  channel: 'text',
  type: 'text',
  urgency: 'text',
};

type Grain = 'day' | 'month';
interface Cube {
  name: string;
  /** Dimensions besides the time column. */
  dims: readonly Dim[];
}

const FULL: readonly Dim[] = DIMS.filter((d) => d !== 'day');
/** The cubes of AnalyticsRollups1795577621307. */
const CUBES_V1: readonly Cube[] = [
  { name: 'bureau', dims: ['bureau_id'] },
  { name: 'category', dims: ['bureau_id', 'category_id'] },
  { name: 'place', dims: ['bureau_id', 'district_id', 'street_id'] },
  { name: 'attr', dims: ['bureau_id', 'channel', 'type', 'urgency'] },
  { name: 'full', dims: FULL },
];
/** The cubes of AnalyticsMonthCubes1795578977707 (adds `spot`); `down` restores their functions. */
const CUBES_V2: readonly Cube[] = [
  ...CUBES_V1.slice(0, 3),
  { name: 'spot', dims: ['bureau_id', 'category_id', 'district_id', 'street_id'] },
  ...CUBES_V1.slice(3),
];
/** The cubes this migration adds: every dimension but the street, and two narrower ones. */
const NEW_CUBES: readonly Cube[] = [
  // Case attributes only, no bureau: city-wide channel/type/urgency breakdowns (72 rows a day at most).
  { name: 'mix', dims: ['channel', 'type', 'urgency'] },
  // Category × place × type without the street: "complaints about X in district Y".
  { name: 'topic', dims: ['bureau_id', 'category_id', 'district_id', 'type'] },
  // Everything but the street: any query that neither groups nor filters by street.
  { name: 'wide', dims: ['bureau_id', 'category_id', 'district_id', 'channel', 'type', 'urgency'] },
];
const CUBES_V3: readonly Cube[] = [...CUBES_V2, ...NEW_CUBES];

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

/**
 * Adds the grouped sums of `source` (columns: day, the cube's dims, the measures) into the
 * cube. `ordered` (bulk builds into an empty table) writes the rows in key order, so that one
 * day's or month's rows share a few pages instead of being spread over the whole table by the
 * hash aggregate; incremental changes then mostly append (new cases are recent).
 */
function upsert(cube: Cube, grain: Grain, source: string, ordered = false): string {
  const keys = [TIME_COLUMN[grain], ...cube.dims];
  const group = [TIME_FROM_DAY[grain], ...cube.dims];
  const sums = MEASURES.map((m) => `sum(${m})::int`).join(', ');
  const set = MEASURES.map((m) => `${m} = t.${m} + excluded.${m}`).join(', ');
  return `INSERT INTO ${table(cube, grain)} AS t (${keys.join(', ')}, ${MEASURES.join(', ')})
        SELECT ${group.join(', ')}, ${sums} FROM ${source} GROUP BY ${group.join(', ')}${ordered ? ` ORDER BY ${group.join(', ')}` : ''}
        ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${set}`;
}

const GRAINS: readonly Grain[] = ['day', 'month'];

const FACT_SOURCE = `(SELECT ${DIMS.join(', ')}, ${measureValues('f', '')} FROM analytics_case_facts f) x`;

/** Day cubes from the facts; month cubes from their day cube (far fewer rows to read). */
function rebuildCube(cube: Cube, grain: Grain): string {
  return `TRUNCATE ${table(cube, grain)};
  ${upsert(cube, grain, grain === 'day' ? FACT_SOURCE : table(cube, 'day'), true)};`;
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

function applyCasesFunction(cubes: readonly Cube[]): string {
  const ctes = cubes
    .flatMap((cube) => GRAINS.map((g) => `u_${cube.name}_${g} AS (${upsert(cube, g, 'd')})`))
    .join(',\n    ');
  const updateSet = FACT_COLUMNS.map((col) => `${col} = excluded.${col}`).join(', ');
  return `
CREATE OR REPLACE FUNCTION analytics_apply_cases(p_ids uuid[]) RETURNS int LANGUAGE plpgsql AS $fn$
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

function rebuildFunction(cubes: readonly Cube[]): string {
  const body = cubes.flatMap((c) => GRAINS.map((g) => rebuildCube(c, g))).join('\n  ');
  return `
CREATE OR REPLACE FUNCTION analytics_rebuild() RETURNS bigint LANGUAGE plpgsql AS $fn$
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

function consistencyFunction(cubes: readonly Cube[]): string {
  // Day grains first: a repaired day cube is then the truth its month grain is checked against.
  const checks = GRAINS.flatMap((g) => cubes.map((c) => cubeCheck(c, g))).join('');
  return `
CREATE OR REPLACE FUNCTION analytics_check_consistency(p_repair boolean) RETURNS jsonb LANGUAGE plpgsql AS $fn$
DECLARE v_ids uuid[]; v_n bigint; v_cubes jsonb := '{}'::jsonb;
BEGIN
  -- Compare without the lock; take it only to repair.
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

/** Category-subtree + district filters (the PK leads with the day, which a year range barely narrows). */
const INDEXED: readonly string[] = ['topic', 'wide'];

export class AnalyticsStreetlessCubes1795580999325 implements MigrationInterface {
  name = 'AnalyticsStreetlessCubes1795580999325';

  public async up(q: QueryRunner): Promise<void> {
    const cols = (dims: readonly Dim[]) => dims.map((d) => `${d} ${DIM_TYPES[d]} NOT NULL`).join(', ');
    const measures = MEASURES.map((m) => `${m} int NOT NULL DEFAULT 0`).join(', ');
    for (const cube of NEW_CUBES) {
      await q.query(
        `CREATE TABLE ${table(cube, 'day')} (day date NOT NULL, ${cols(cube.dims)}, ${measures}, PRIMARY KEY (day, ${cube.dims.join(', ')}))`,
      );
      await q.query(
        `CREATE TABLE ${table(cube, 'month')} (month date NOT NULL CHECK (extract(day FROM month) = 1), ${cols(cube.dims)}, ${measures}, PRIMARY KEY (month, ${cube.dims.join(', ')}))`,
      );
    }
    await q.query(applyCasesFunction(CUBES_V3));
    await q.query(rebuildFunction(CUBES_V3));
    await q.query(consistencyFunction(CUBES_V3));
    // Fill the new cubes from the facts under the writers' lock (the rest is already current).
    await q.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
    for (const cube of NEW_CUBES) {
      for (const grain of GRAINS) await q.query(rebuildCube(cube, grain));
    }
    for (const name of INDEXED) {
      const cube = NEW_CUBES.find((c) => c.name === name)!;
      for (const grain of GRAINS) {
        const t = table(cube, grain);
        await q.query(`CREATE INDEX ${t}_district_idx ON ${t} (district_id, category_id, ${TIME_COLUMN[grain]})`);
      }
    }
    // The cubes built by earlier migrations were written in hash-aggregate order (a month's
    // rows of the finest cube spread over ~4,700 pages for ~16k rows): rewrite them in key
    // order once; analytics_rebuild() now writes them ordered.
    for (const cube of CUBES_V2) {
      for (const grain of GRAINS) await q.query(`CLUSTER ${table(cube, grain)} USING ${table(cube, grain)}_pkey`);
    }
    for (const cube of CUBES_V3) for (const grain of GRAINS) await q.query(`ANALYZE ${table(cube, grain)}`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(applyCasesFunction(CUBES_V2));
    await q.query(rebuildFunction(CUBES_V2));
    await q.query(consistencyFunction(CUBES_V2));
    for (const cube of NEW_CUBES) {
      for (const grain of GRAINS) await q.query(`DROP TABLE ${table(cube, grain)}`);
    }
  }
}
