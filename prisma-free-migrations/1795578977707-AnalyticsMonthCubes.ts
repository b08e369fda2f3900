import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  applyCasesFunction,
  CUBES_V1,
  CUBES_V2,
  dimColumns,
  measureColumns,
  MONTH_GRAIN_STYLE,
  monthAwareConsistencyFunction,
  rebuildFunction,
  type RollupFunctionStyle,
  table,
} from './frozen/analytics-2026-11';

/*
 * Analytics, step 2: every cube also gets a month grain (analytics_rollup_<cube>_m, keyed by
 * the first day of the month), and a `spot` cube (category × street) joins the set. A query
 * over a long range reads whole months from the month grain and only the partial months at
 * its edges from the day grain — about 30× fewer rows for a year. The rollup functions are
 * replaced so that the incremental step, the rebuild and the consistency check cover the new
 * tables; `down` restores the functions of AnalyticsRollups1795577621307.
 */

/** Day and month grains; `down` restores the functions of AnalyticsRollups1795577621307 (day grain only). */
const STYLE = MONTH_GRAIN_STYLE;
const STYLE_V1: RollupFunctionStyle = { ...STYLE, grains: ['day'] };
const LOCK = { lockFirst: true, toRepair: false, applyNote: '' } as const;

export class AnalyticsMonthCubes1795578977707 implements MigrationInterface {
  name = 'AnalyticsMonthCubes1795578977707';

  public async up(q: QueryRunner): Promise<void> {
    const measures = measureColumns('int');
    const spot = CUBES_V2.find((c) => c.name === 'spot')!;
    await q.query(
      `CREATE TABLE ${table(spot, 'day')} (day date NOT NULL, ${dimColumns(spot.dims)}, ${measures}, PRIMARY KEY (day, ${spot.dims.join(', ')}))`,
    );
    for (const cube of CUBES_V2) {
      await q.query(
        `CREATE TABLE ${table(cube, 'month')} (month date NOT NULL CHECK (extract(day FROM month) = 1), ${dimColumns(cube.dims)}, ${measures}, PRIMARY KEY (month, ${cube.dims.join(', ')}))`,
      );
    }
    // Category-subtree filters on the widest cube, and example-case lookups by category.
    await q.query(`CREATE INDEX analytics_rollup_full_category_idx ON analytics_rollup_full (category_id, day)`);
    await q.query(`CREATE INDEX analytics_rollup_full_m_category_idx ON analytics_rollup_full_m (category_id, month)`);
    await q.query(`CREATE INDEX analytics_facts_category_only_day_idx ON analytics_case_facts (category_id, day)`);
    await q.query(applyCasesFunction(CUBES_V2, STYLE));
    await q.query(rebuildFunction(CUBES_V2, STYLE));
    await q.query(monthAwareConsistencyFunction(CUBES_V2, STYLE, LOCK));
    await q.query(`SELECT analytics_rebuild()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(applyCasesFunction(CUBES_V1, STYLE_V1));
    await q.query(rebuildFunction(CUBES_V1, STYLE_V1));
    await q.query(monthAwareConsistencyFunction(CUBES_V1, STYLE_V1, LOCK));
    await q.query(`DROP INDEX analytics_facts_category_only_day_idx`);
    await q.query(`DROP INDEX analytics_rollup_full_category_idx`);
    for (const cube of CUBES_V2) await q.query(`DROP TABLE ${table(cube, 'month')}`);
    await q.query(`DROP TABLE analytics_rollup_spot`);
  }
}
