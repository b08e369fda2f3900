import { env } from '@hotline/config';
import { dataSourceOptions } from '@hotline/database';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import type pg from 'pg';
import { MIGRATIONS } from '../../prisma-free-migrations';
import { AnalyticsWorkerModule } from '../../apps/worker/src/analytics/analytics-worker.module';
import { createTestApp, http, tokenFor } from '../support/test-app';
import { insertCase, loadIds, sh, testPool } from './analytics-support';

describe('analytics worker: rollups follow the outbox within seconds', () => {
  let app: NestFastifyApplication;
  let worker: INestApplicationContext;
  let pool: pg.Pool;

  beforeAll(async () => {
    app = await createTestApp();
    process.env['ANALYTICS_CONSUME_EVERY_MS'] = '200';
    const moduleRef = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRootAsync({ useFactory: () => dataSourceOptions(env().DATABASE_URL, MIGRATIONS) }),
        AnalyticsWorkerModule,
      ],
    }).compile();
    worker = await moduleRef.init();
    pool = testPool();
  });

  afterAll(async () => {
    await worker.close();
    await pool.end();
    await app.close();
  });

  it('counts a new case without anyone calling refresh', async () => {
    const ids = await loadIds(pool);
    const at = sh('2021-08-16T09:30:00');
    await insertCase(pool, {
      at,
      categoryId: ids.category['CM.SR.LTLH']!,
      bureauId: ids.bureau['CGJ']!,
      dispatchedAt: at,
    });
    const token = await tokenFor(app, 'sup01');
    const started = Date.now();
    let volume = 0;
    while (Date.now() - started < 10_000) {
      const res = await http(app)
        .get(`/api/analytics/overview?from=2021-08-16&to=2021-08-16&categoryId=${ids.category['CM.SR.LTLH']}`)
        .set('Authorization', `Bearer ${token}`)
        .expect(200);
      volume = res.body.totals.volume;
      if (volume === 1) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(volume).toBe(1);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
