import {
  caseFactsSelectSql,
  ROLLUP_CUBES,
  ROLLUP_DIMS,
  ROLLUP_MEASURE_COLUMNS,
  rollupTable,
  type RollupGrain,
} from '@hotline/domain';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { QueryRunner } from 'typeorm';
import { MIGRATIONS } from '../../prisma-free-migrations';
import { prepareTestDatabase } from '../support/test-database';

/*
 * The analytics rollups are defined three times over: in libs/domain/src/rollup-schema.ts
 * (what the API reads and the maths expects), in the migrations (frozen copies, history) and
 * in the database those migrations built. This spec keeps the three together:
 *
 *   1. every analytics migration still runs exactly the SQL it ran when it landed (a hash of
 *      its up and down, in snapshots/analytics-rollups/migrations.json);
 *   2. every SQL function of the migrated database (pg_get_functiondef, extensions aside) and
 *      the facts view match the committed snapshots/analytics-rollups/functions/<name>.sql.txt
 *      (plain text: jest would take a .snap file for one of its own, and call it obsolete);
 *   3. the live tables, view and function bodies name exactly the dimensions, counters, reply
 *      buckets and cubes that rollup-schema.ts declares.
 *
 * After a deliberate change (a new migration), rewrite the snapshots with
 *   UPDATE_SNAPSHOTS=1 node --experimental-vm-modules node_modules/jest/bin/jest.js \
 *     --selectProjects e2e --runInBand --testPathPatterns analytics-rollup-schema
 * and review the diff: 1 and 2 must change only for the new migration's reasons.
 */

const SNAPSHOTS = path.resolve('test/e2e/snapshots/analytics-rollups');
const FUNCTIONS = path.join(SNAPSHOTS, 'functions');
const MIGRATION_HASHES = path.join(SNAPSHOTS, 'migrations.json');
const SUFFIX = '.sql.txt';
const UPDATE = process.env['UPDATE_SNAPSHOTS'] === '1';
const GRAINS: readonly RollupGrain[] = ['day', 'month'];
const TIME_COLUMN: Record<RollupGrain, string> = { day: 'day', month: 'month' };

/** The SQL a migration runs, without a database: its queries, in order. */
async function recordedSql(migration: (typeof MIGRATIONS)[number], direction: 'up' | 'down'): Promise<string> {
  const sql: string[] = [];
  const runner = {
    query: (text: string) => {
      sql.push(text);
      return Promise.resolve([]);
    },
  };
  await new migration()[direction](runner as unknown as QueryRunner);
  return sql.join('\n;\n');
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('analytics migrations are history', () => {
  it('each one runs the SQL it ran when it landed', async () => {
    const hashes: Record<string, string> = {};
    for (const migration of MIGRATIONS.filter((m) => m.name.startsWith('Analytics'))) {
      for (const direction of ['up', 'down'] as const) {
        hashes[`${migration.name}.${direction}`] = sha256(await recordedSql(migration, direction));
      }
    }
    if (UPDATE) {
      mkdirSync(SNAPSHOTS, { recursive: true });
      writeFileSync(MIGRATION_HASHES, `${JSON.stringify(hashes, null, 2)}\n`);
    }
    expect(hashes).toEqual(JSON.parse(readFileSync(MIGRATION_HASHES, 'utf8')));
  });
});

describe('the migrated database matches rollup-schema.ts', () => {
  let client: pg.Client;

  beforeAll(async () => {
    await prepareTestDatabase();
    client = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
    await client.connect();
  });

  afterAll(async () => {
    await client.end();
  });

  /** Every function in the public schema that no extension owns: name → pg_get_functiondef. */
  async function liveFunctions(): Promise<Map<string, string>> {
    const { rows } = await client.query<{ name: string; def: string }>(
      `SELECT p.proname AS name, pg_get_functiondef(p.oid) AS def
         FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public'
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
        ORDER BY p.proname`,
    );
    const byName = new Map(rows.map((r) => [r.name, r.def]));
    expect(byName.size).toBe(rows.length); // no overloads: one snapshot file per name
    return byName;
  }

  async function viewDefinition(name: string): Promise<string> {
    const { rows } = await client.query<{ def: string }>(`SELECT pg_get_viewdef($1::regclass, true) AS def`, [name]);
    return rows[0]!.def;
  }

  async function columns(table: string): Promise<string[]> {
    const { rows } = await client.query<{ name: string }>(
      `SELECT column_name AS name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
    return rows.map((r) => r.name);
  }

  it('has the functions and facts view of the committed snapshots', async () => {
    const live = await liveFunctions();
    live.set('analytics_case_facts_truth.view', await viewDefinition('analytics_case_facts_truth'));
    const files = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(SUFFIX)) : []);
    if (UPDATE) {
      rmSync(FUNCTIONS, { recursive: true, force: true });
      mkdirSync(FUNCTIONS, { recursive: true });
      for (const [name, def] of live) writeFileSync(path.join(FUNCTIONS, `${name}${SUFFIX}`), `${def.trimEnd()}\n`);
    }
    const committed = new Map(
      files(FUNCTIONS).map((f) => [f.slice(0, -SUFFIX.length), readFileSync(path.join(FUNCTIONS, f), 'utf8')]),
    );
    expect([...live.keys()].sort()).toEqual([...committed.keys()].sort());
    for (const [name, def] of live)
      expect({ name, def: `${def.trimEnd()}\n` }).toEqual({ name, def: committed.get(name) });
  });

  it('computes each case the way rollup-schema.ts says (dimensions, counter predicates, reply buckets)', async () => {
    // A view built from the module's text, normalised by PostgreSQL the same way as the live one.
    await client.query('BEGIN');
    try {
      await client.query(`CREATE TEMP VIEW rollup_schema_facts AS SELECT ${caseFactsSelectSql()} FROM cases c`);
      expect(await viewDefinition('rollup_schema_facts')).toBe(await viewDefinition('analytics_case_facts_truth'));
    } finally {
      await client.query('ROLLBACK');
    }
  });

  it('keeps exactly the declared dimensions, counters and buckets in the facts and every cube', async () => {
    const factColumns = ['day', ...ROLLUP_DIMS, ...ROLLUP_MEASURE_COLUMNS.filter((c) => !c.startsWith('rt_'))];
    expect(await columns('analytics_case_facts')).toEqual(['case_id', ...factColumns, 'rt_bucket', 'updated_at']);
    const { rows } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename LIKE 'analytics\\_rollup\\_%'`,
    );
    const expected = ROLLUP_CUBES.flatMap((c) => GRAINS.map((g) => rollupTable(c.name, g)));
    expect(rows.map((r) => r.name).sort()).toEqual([...expected].sort());
    for (const cube of ROLLUP_CUBES) {
      for (const grain of GRAINS) {
        expect(await columns(rollupTable(cube.name, grain))).toEqual([
          TIME_COLUMN[grain],
          ...cube.dims,
          ...ROLLUP_MEASURE_COLUMNS,
        ]);
      }
    }
  });

  it('maintains exactly the declared cubes, with the declared columns, in every rollup function', async () => {
    const live = await liveFunctions();
    const apply = live.get('analytics_apply_cases')!;
    const rebuild = live.get('analytics_rebuild')!;
    const check = live.get('analytics_check_consistency')!;
    const cubeTables = ROLLUP_CUBES.flatMap((c) => GRAINS.map((g) => ({ cube: c, grain: g })));

    // The facts written: the time, the dimensions, the counters and the reply bucket.
    const factList = /INSERT INTO analytics_case_facts \(case_id, ([^)]*)\)/.exec(apply)?.[1]?.split(', ');
    expect(factList).toEqual([
      'day',
      ...ROLLUP_DIMS,
      ...ROLLUP_MEASURE_COLUMNS.filter((c) => !c.startsWith('rt_')),
      'rt_bucket',
    ]);

    // Every cube at every grain, each written with its keys and every measure, in both the
    // incremental step and the rebuild (which the consistency check's repair also runs).
    for (const body of [apply, rebuild, check]) {
      const inserts = [...body.matchAll(/INSERT INTO (analytics_rollup_\w+) AS t \(([^)]*)\)/g)];
      const written = new Map(inserts.map((m) => [m[1]!, m[2]!.split(', ')]));
      expect([...written.keys()].sort()).toEqual(cubeTables.map((t) => rollupTable(t.cube.name, t.grain)).sort());
      for (const { cube, grain } of cubeTables) {
        expect(written.get(rollupTable(cube.name, grain))).toEqual([
          TIME_COLUMN[grain],
          ...cube.dims,
          ...ROLLUP_MEASURE_COLUMNS,
        ]);
      }
    }
    const checked = [...check.matchAll(/jsonb_build_object\('(\w+)', v_n\)/g)].map((m) => m[1]);
    expect(checked.sort()).toEqual(
      cubeTables.map((t) => (t.grain === 'day' ? t.cube.name : `${t.cube.name}_m`)).sort(),
    );
  });
});
