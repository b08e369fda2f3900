import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CUBES_V2, monthAwareConsistencyFunction, MONTH_GRAIN_STYLE } from './frozen/analytics-2026-11';

/*
 * Analytics, step 3. The consistency check no longer holds the rollup lock while it compares
 * (on a million cases the comparison takes about a minute, and the lock would stall the
 * worker's incremental step for that long): it compares first, then takes the lock only to
 * repair what differed. A difference seen mid-update is harmless: re-applying a case and
 * rebuilding a cube from the facts are both idempotent. Also adds (district, category, time)
 * indexes on the widest cube for category-subtree + district filters.
 */

const STYLE = MONTH_GRAIN_STYLE;

/**
 * The check without the lock; `lockFirst` gives the one AnalyticsMonthCubes1795578977707 left,
 * which `down` restores (as it always did, with the lock also taken around each cube's repair).
 */
function consistency(lockFirst: boolean): string {
  return monthAwareConsistencyFunction(CUBES_V2, STYLE, {
    lockFirst,
    toRepair: true,
    applyNote: ' -- takes the lock itself',
  });
}

export class AnalyticsLockFreeCheck1795580192663 implements MigrationInterface {
  name = 'AnalyticsLockFreeCheck1795580192663';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(consistency(false));
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
    await q.query(consistency(true));
  }
}
