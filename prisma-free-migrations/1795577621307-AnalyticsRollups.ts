import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  applyCasesFunction,
  consistencyFunction,
  COUNTER_NAMES,
  COUNTERS,
  CUBES_V1,
  type Cube,
  dimColumns,
  DIMS,
  FACT_SOURCE,
  MEASURES,
  measureColumns,
  rebuildFunction,
  REPLY_HOUR_BOUNDS,
  type RollupFunctionStyle,
  table,
  upsert,
} from './frozen/analytics-2026-11';

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
 * that carries every dimension it groups or filters by. The SQL is generated from constants
 * frozen in ./frozen/analytics-2026-11.ts (a later change needs a new migration).
 */

/** Day grain only; the functions are created (later migrations replace them). */
const STYLE: RollupFunctionStyle = {
  create: 'CREATE FUNCTION',
  grains: ['day'],
  grainInCteName: false,
  ordered: false,
};

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

/** This migration's check compared every stored row (later ones only the non-zero ones). */
function cubeCheck(cube: Cube): string {
  const dims = ['day', ...cube.dims];
  const nonZero = MEASURES.map((m) => `${m} <> 0`).join(' OR ');
  const fromFacts = `SELECT ${dims.join(', ')}, ${MEASURES.map((m) => `sum(${m})::int AS ${m}`).join(', ')}
          FROM ${FACT_SOURCE}
          GROUP BY ${dims.join(', ')}`;
  const stored = `SELECT ${dims.join(', ')}, ${MEASURES.join(', ')} FROM ${table(cube, 'day')} WHERE ${nonZero}`;
  return `
  SELECT count(*) INTO v_n FROM ((${fromFacts} EXCEPT ${stored}) UNION ALL (${stored} EXCEPT ${fromFacts})) z;
  IF v_n > 0 THEN
    v_cubes := v_cubes || jsonb_build_object('${cube.name}', v_n);
    IF p_repair THEN
      TRUNCATE ${table(cube, 'day')};
      ${upsert(cube, 'day', FACT_SOURCE)};
    END IF;
  END IF;`;
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
        ${dimColumns(DIMS)},
        ${COUNTER_NAMES.map((n) => `${n} smallint NOT NULL`).join(', ')},
        rt_bucket smallint,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Example-case lookups for the service-gap report.
    await q.query(`CREATE INDEX analytics_facts_bureau_day_idx ON analytics_case_facts (bureau_id, day)`);
    await q.query(
      `CREATE INDEX analytics_facts_category_day_idx ON analytics_case_facts (category_id, street_id, day)`,
    );
    for (const cube of CUBES_V1) {
      const dims = ['day' as const, ...cube.dims];
      await q.query(
        `CREATE TABLE ${table(cube, 'day')} (${dimColumns(dims)}, ${measureColumns('int')}, PRIMARY KEY (${dims.join(', ')}))`,
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
    await q.query(applyCasesFunction(CUBES_V1, STYLE));
    await q.query(rebuildFunction(CUBES_V1, STYLE));
    await q.query(
      consistencyFunction(
        { create: STYLE.create, lockFirst: true, applyNote: '', cubesNote: 'the sum of the facts' },
        CUBES_V1.map(cubeCheck).join(''),
      ),
    );
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
    for (const cube of CUBES_V1) await q.query(`DROP TABLE ${table(cube, 'day')}`);
    await q.query(`DROP TABLE analytics_case_facts`);
    await q.query(`DROP VIEW analytics_case_facts_truth`);
  }
}
