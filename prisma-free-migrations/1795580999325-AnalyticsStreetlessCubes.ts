import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  applyCasesFunction,
  type Cube,
  CUBES_V2,
  dimColumns,
  LOCK_KEY,
  measureColumns,
  MONTH_GRAIN_STYLE,
  monthAwareConsistencyFunction,
  rebuildCube,
  rebuildFunction,
  type RollupFunctionStyle,
  table,
  TIME_COLUMN,
} from './frozen/analytics-2026-11';

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

/** Bulk builds now write in key order (see RollupFunctionStyle.ordered). */
const STYLE: RollupFunctionStyle = { ...MONTH_GRAIN_STYLE, ordered: true };
const GRAINS = STYLE.grains;
const LOCK = { lockFirst: false, toRepair: true, applyNote: ' -- takes the lock itself' } as const;

/** Category-subtree + district filters (the PK leads with the day, which a year range barely narrows). */
const INDEXED: readonly string[] = ['topic', 'wide'];

export class AnalyticsStreetlessCubes1795580999325 implements MigrationInterface {
  name = 'AnalyticsStreetlessCubes1795580999325';

  public async up(q: QueryRunner): Promise<void> {
    const measures = measureColumns('int');
    for (const cube of NEW_CUBES) {
      await q.query(
        `CREATE TABLE ${table(cube, 'day')} (day date NOT NULL, ${dimColumns(cube.dims)}, ${measures}, PRIMARY KEY (day, ${cube.dims.join(', ')}))`,
      );
      await q.query(
        `CREATE TABLE ${table(cube, 'month')} (month date NOT NULL CHECK (extract(day FROM month) = 1), ${dimColumns(cube.dims)}, ${measures}, PRIMARY KEY (month, ${cube.dims.join(', ')}))`,
      );
    }
    await q.query(applyCasesFunction(CUBES_V3, STYLE));
    await q.query(rebuildFunction(CUBES_V3, STYLE));
    await q.query(monthAwareConsistencyFunction(CUBES_V3, STYLE, LOCK));
    // Fill the new cubes from the facts under the writers' lock (the rest is already current).
    await q.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`);
    for (const cube of NEW_CUBES) {
      for (const grain of GRAINS) await q.query(rebuildCube(cube, grain, STYLE.ordered));
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
    await q.query(applyCasesFunction(CUBES_V2, STYLE));
    await q.query(rebuildFunction(CUBES_V2, STYLE));
    await q.query(monthAwareConsistencyFunction(CUBES_V2, STYLE, LOCK));
    for (const cube of NEW_CUBES) {
      for (const grain of GRAINS) await q.query(`DROP TABLE ${table(cube, grain)}`);
    }
  }
}
