import { createDataSource, seedDemoData } from '@hotline/database';
import { MIGRATIONS } from '../../prisma-free-migrations';

let prepared: Promise<void> | undefined;

/**
 * Migrates and seeds this run's database once (global setup created it empty).
 * Runs inside the jest runtime, where the @hotline/* path aliases resolve.
 */
export function prepareTestDatabase(): Promise<void> {
  prepared ??= (async () => {
    const url = process.env['DATABASE_URL'];
    if (!url || !new URL(url).pathname.startsWith('/hotline_test_')) {
      throw new Error(`refusing to run tests against ${url ?? '(no DATABASE_URL)'}: not a test database`);
    }
    const ds = createDataSource(url, MIGRATIONS);
    await ds.initialize();
    try {
      await ds.runMigrations({ transaction: 'each' });
      await seedDemoData(ds);
    } finally {
      await ds.destroy();
    }
  })();
  return prepared;
}
