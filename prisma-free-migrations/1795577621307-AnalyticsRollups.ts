import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Analytics rollups (issue 6). Everything that keeps the rollups right lives in the database
 * as functions, so that the worker, the API's refresh fallback and the bulk-seed script all
 * run the one definition:
 *
 *   analytics_case_facts_truth   view: what one case contributes, computed from its row now
 *   analytics_case_facts         the contribution last added to the rollups, per case
 *   analytics_rollup_<cube>      additive counters per (Shanghai day, dimensions of the cube)
 *   analytics_apply_cases(ids)   incremental step: subtract old contribution, add new one
 *   analytics_consume_outbox(n)  reads case.changed outbox rows after this consumer's cursor
 *   analytics_rebuild()          set-based rebuild of facts and every cube (bulk loads)
 *   analytics_check_consistency(repair) compares facts with cases and cubes with facts
 *
 * Several cubes hold the same counters at different grains; a query reads the smallest cube
 * that carries every dimension it groups or filters by. The SQL is generated below from
 * constants that are frozen into this migration (a later change needs a new migration).
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

/** Cube name → the dimensions it keeps besides the day. */
const CUBES: Record<string, readonly Dim[]> = {
  bureau: ['day', 'bureau_id'],
  category: ['day', 'bureau_id', 'category_id'],
  place: ['day', 'bureau_id', 'district_id', 'street_id'],
  attr: ['day', 'bureau_id', 'channel', 'type', 'urgency'],
  full: DIMS,
};

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

function factDimsSql(): string {
  return [
    `(c.created_at AT TIME ZONE 'Asia/Shanghai')::date AS day`,
    'COALESCE(c.lead_bureau_id, 0) AS bureau_id',
    'COALESCE(c.category_id, 0) AS category_id',
    'COALESCE(c.district_id, 0) AS district_id',
    'COALESCE(c.street_id, 0) AS street_id',
    'c.channel',
    'c.type',
    'c.urgency',
  ].join(',\n      ');
}

function factCountersSql(): string {
  return COUNTER_NAMES.map((name) => `COALESCE((${COUNTERS[name]}), false)::int::smallint AS ${name}`).join(
    ',\n      ',
  );
}

/** Per-fact measure values (counters plus one-hot histogram buckets), optionally negated. */
function measureValues(alias: string, sign: '' | '-'): string {
  const counters = COUNTER_NAMES.map((n) => `${sign}${alias}.${n}::int AS ${n}`);
  const buckets = BUCKETS.map((b, k) => `${sign}(${alias}.rt_bucket IS NOT DISTINCT FROM ${k})::int AS ${b}`);
  return [...counters, ...buckets].join(', ');
}

function cubeTable(name: string): string {
  return `analytics_rollup_${name}`;
}

function upsertCube(name: string, dims: readonly Dim[], source: string): string {
  const sums = MEASURES.map((m) => `sum(${m})::int`).join(', ');
  const set = MEASURES.map((m) => `${m} = t.${m} + excluded.${m}`).join(', ');
  return `INSERT INTO ${cubeTable(name)} AS t (${dims.join(', ')}, ${MEASURES.join(', ')})
        SELECT ${dims.join(', ')}, ${sums} FROM ${source} GROUP BY ${dims.join(', ')}
        ON CONFLICT (${dims.join(', ')}) DO UPDATE SET ${set}`;
}

const FACT_COLUMNS = [...DIMS, ...COUNTER_NAMES, 'rt_bucket'];

function applyCasesFunction(): string {
  const cubeCtes = Object.entries(CUBES)
    .map(([name, dims]) => `u_${name} AS (${upsertCube(name, dims, 'd')})`)
    .join(',\n    ');
  const updateSet = FACT_COLUMNS.map((col) => `${col} = excluded.${col}`).join(', ');
  return `
CREATE FUNCTION analytics_apply_cases(p_ids uuid[]) RETURNS int LANGUAGE plpgsql AS $fn$
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
    ${cubeCtes}
  SELECT count(*) INTO n FROM new;
  RETURN n;
END $fn$`;
}

function rebuildFunction(): string {
  const cubes = Object.entries(CUBES)
    .map(
      ([name, dims]) =>
        `TRUNCATE ${cubeTable(name)};
  ${upsertCube(name, dims, `(SELECT ${DIMS.join(', ')}, ${measureValues('f', '')} FROM analytics_case_facts f) x`)};`,
    )
    .join('\n  ');
  return `
CREATE FUNCTION analytics_rebuild() RETURNS bigint LANGUAGE plpgsql AS $fn$
DECLARE n bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(${LOCK_KEY});
  TRUNCATE analytics_case_facts;
  INSERT INTO analytics_case_facts (case_id, ${FACT_COLUMNS.join(', ')})
    SELECT case_id, ${FACT_COLUMNS.join(', ')} FROM analytics_case_facts_truth;
  GET DIAGNOSTICS n = ROW_COUNT;
  ${cubes}
  -- Everything in the outbox so far is now reflected: move the cursor past it.
  UPDATE analytics_cursor SET last_id = COALESCE((SELECT max(id) FROM outbox_events), 0), updated_at = now()
   WHERE name = 'rollups';
  DELETE FROM analytics_cursor_gaps;
  RETURN n;
END $fn$`;
}

function consistencyFunction(): string {
  const cubeChecks = Object.entries(CUBES)
    .map(([name, dims]) => {
      const nonZero = MEASURES.map((m) => `${m} <> 0`).join(' OR ');
      const fromFacts = `SELECT ${dims.join(', ')}, ${MEASURES.map((m) => `sum(${m})::int AS ${m}`).join(', ')}
          FROM (SELECT ${DIMS.join(', ')}, ${measureValues('f', '')} FROM analytics_case_facts f) x
          GROUP BY ${dims.join(', ')}`;
      const stored = `SELECT ${dims.join(', ')}, ${MEASURES.join(', ')} FROM ${cubeTable(name)} WHERE ${nonZero}`;
      return `
  SELECT count(*) INTO v_n FROM ((${fromFacts} EXCEPT ${stored}) UNION ALL (${stored} EXCEPT ${fromFacts})) z;
  IF v_n > 0 THEN
    v_cubes := v_cubes || jsonb_build_object('${name}', v_n);
    IF p_repair THEN
      TRUNCATE ${cubeTable(name)};
      ${upsertCube(name, dims, `(SELECT ${DIMS.join(', ')}, ${measureValues('f', '')} FROM analytics_case_facts f) x`)};
    END IF;
  END IF;`;
    })
    .join('');
  return `
CREATE FUNCTION analytics_check_consistency(p_repair boolean) RETURNS jsonb LANGUAGE plpgsql AS $fn$
DECLARE v_ids uuid[]; v_n bigint; v_cubes jsonb := '{}'::jsonb;
BEGIN
  PERFORM pg_advisory_xact_lock(${LOCK_KEY});
  -- 1. facts that differ from what the case row says now (missed events, manual SQL edits)
  SELECT COALESCE(array_agg(DISTINCT case_id), '{}') INTO v_ids FROM (
    (SELECT case_id, ${FACT_COLUMNS.join(', ')} FROM analytics_case_facts_truth
     EXCEPT SELECT case_id, ${FACT_COLUMNS.join(', ')} FROM analytics_case_facts)
    UNION
    (SELECT case_id, ${FACT_COLUMNS.join(', ')} FROM analytics_case_facts
     EXCEPT SELECT case_id, ${FACT_COLUMNS.join(', ')} FROM analytics_case_facts_truth)
  ) drift;
  IF p_repair AND cardinality(v_ids) > 0 THEN
    PERFORM analytics_apply_cases(v_ids);
  END IF;
  -- 2. cube rows that differ from the sum of the facts
  ${cubeChecks}
  RETURN jsonb_build_object('driftedCases', cardinality(v_ids), 'sampleCaseIds', to_jsonb(v_ids[1:10]),
                            'driftedCubeRows', v_cubes, 'repaired', p_repair);
END $fn$`;
}

function consumeFunction(): string {
  return `
CREATE FUNCTION analytics_consume_outbox(p_batch int) RETURNS int LANGUAGE plpgsql AS $fn$
DECLARE v_last bigint; v_ids bigint[]; v_cases uuid[]; v_max bigint;
BEGIN
  SELECT last_id INTO v_last FROM analytics_cursor WHERE name = 'rollups' FOR UPDATE;
  -- Rows after the cursor, plus ids skipped earlier: a transaction that took a lower id may
  -- commit after a higher one was read, so skipped ids are re-checked until they expire.
  v_ids := ARRAY(
    SELECT o.id FROM outbox_events o
     WHERE o.id > v_last OR o.id IN (SELECT g.id FROM analytics_cursor_gaps g)
     ORDER BY o.id LIMIT p_batch);
  DELETE FROM analytics_cursor_gaps WHERE expires_at < now();
  IF cardinality(v_ids) = 0 THEN
    RETURN 0;
  END IF;
  v_cases := ARRAY(
    SELECT DISTINCT (o.payload->>'caseId')::uuid FROM outbox_events o
     WHERE o.id = ANY(v_ids) AND o.topic = 'case.changed'
       AND o.payload->>'caseId' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$');
  IF cardinality(v_cases) > 0 THEN
    PERFORM analytics_apply_cases(v_cases);
  END IF;
  DELETE FROM analytics_cursor_gaps WHERE id = ANY(v_ids);
  SELECT max(x) INTO v_max FROM unnest(v_ids) x;
  IF v_max > v_last THEN
    INSERT INTO analytics_cursor_gaps (id, expires_at)
      SELECT g, now() + interval '10 minutes' FROM generate_series(v_last + 1, v_max) g WHERE g <> ALL(v_ids)
      ON CONFLICT DO NOTHING;
    UPDATE analytics_cursor SET last_id = v_max, updated_at = now() WHERE name = 'rollups';
  END IF;
  RETURN cardinality(v_ids);
END $fn$`;
}

export class AnalyticsRollups1795577621307 implements MigrationInterface {
  name = 'AnalyticsRollups1795577621307';

  public async up(q: QueryRunner): Promise<void> {
    const dimCols = (dims: readonly Dim[]) => dims.map((d) => `${d} ${DIM_TYPES[d]} NOT NULL`).join(', ');
    const measureCols = (type: string) => MEASURES.map((m) => `${m} ${type} NOT NULL DEFAULT 0`).join(', ');

    await q.query(`
      CREATE VIEW analytics_case_facts_truth AS
      SELECT c.id AS case_id,
      ${factDimsSql()},
      ${factCountersSql()},
      CASE WHEN c.replied_at IS NOT NULL AND c.dispatched_at IS NOT NULL
           THEN width_bucket(extract(epoch FROM (c.replied_at - c.dispatched_at)) / 3600.0,
                             ARRAY[${REPLY_HOUR_BOUNDS.join(',')}]::numeric[])::smallint
      END AS rt_bucket
      FROM cases c`);
    await q.query(`
      CREATE TABLE analytics_case_facts (
        case_id uuid PRIMARY KEY,
        ${dimCols(DIMS)},
        ${COUNTER_NAMES.map((n) => `${n} smallint NOT NULL`).join(', ')},
        rt_bucket smallint,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Example-case lookups for the service-gap report.
    await q.query(`CREATE INDEX analytics_facts_bureau_day_idx ON analytics_case_facts (bureau_id, day)`);
    await q.query(
      `CREATE INDEX analytics_facts_category_day_idx ON analytics_case_facts (category_id, street_id, day)`,
    );
    for (const [name, dims] of Object.entries(CUBES)) {
      await q.query(
        `CREATE TABLE ${cubeTable(name)} (${dimCols(dims)}, ${measureCols('int')}, PRIMARY KEY (${dims.join(', ')}))`,
      );
    }
    await q.query(`
      CREATE TABLE analytics_cursor (
        name text PRIMARY KEY,
        last_id bigint NOT NULL DEFAULT 0,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Start after whatever the outbox already holds; the rebuild below covers those cases.
    await q.query(
      `INSERT INTO analytics_cursor (name, last_id) SELECT 'rollups', COALESCE(max(id), 0) FROM outbox_events`,
    );
    await q.query(`CREATE TABLE analytics_cursor_gaps (id bigint PRIMARY KEY, expires_at timestamptz NOT NULL)`);
    await q.query(`
      CREATE TABLE analytics_monthly_themes (
        id serial PRIMARY KEY,
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        category_id int NOT NULL REFERENCES categories(id),
        street_id int REFERENCES streets(id),
        title text NOT NULL CHECK (length(trim(title)) > 0),
        note text,
        chosen_by uuid,
        chosen_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX analytics_monthly_themes_uq ON analytics_monthly_themes (month, category_id, COALESCE(street_id, 0))`,
    );
    await q.query(applyCasesFunction());
    await q.query(rebuildFunction());
    await q.query(consistencyFunction());
    await q.query(consumeFunction());
    await q.query(`SELECT analytics_rebuild()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION analytics_consume_outbox(int)`);
    await q.query(`DROP FUNCTION analytics_check_consistency(boolean)`);
    await q.query(`DROP FUNCTION analytics_rebuild()`);
    await q.query(`DROP FUNCTION analytics_apply_cases(uuid[])`);
    await q.query(`DROP TABLE analytics_monthly_themes`);
    await q.query(`DROP TABLE analytics_cursor_gaps`);
    await q.query(`DROP TABLE analytics_cursor`);
    for (const name of Object.keys(CUBES)) await q.query(`DROP TABLE ${cubeTable(name)}`);
    await q.query(`DROP TABLE analytics_case_facts`);
    await q.query(`DROP VIEW analytics_case_facts_truth`);
  }
}
