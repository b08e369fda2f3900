import { DeadlineEngine } from '@hotline/database';
import { DEADLINE_QUEUE } from '@hotline/queue';
import { Queue, QueueEvents, Worker } from 'bullmq';
import { readFileSync, writeFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { createDataSource } from '@hotline/database';
import { prepareTestDatabase } from '../support/test-database';
import { startPrivateRedis, startWorker, waitFor } from '../support/worker-harness';

// The deadline benchmark (npm run bench:deadlines). Its own jest project ('bench'), which
// npm test never selects: it schedules 100,000 clocks.
const N = Number(process.env['BENCH_CLOCKS'] ?? 100_000);
const BURST = 1000;
const WINDOW_MS = 60_000;

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};
const usedMemory = async (r: { info(s: string): Promise<string> }) =>
  Number(/used_memory:(\d+)/.exec(await r.info('memory'))![1]);
const peakRss = (pid: number) => {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
};

describe('deadline benchmark', () => {
  it('schedules, stores and fires deadlines', async () => {
    await prepareTestDatabase();
    const redis = await startPrivateRedis();
    const ds: DataSource = createDataSource(process.env['DATABASE_URL']!);
    await ds.initialize();
    const results: Record<string, unknown> = { clocks: N, burst: BURST, windowMs: WINDOW_MS };
    const [b] = (await ds.query(`SELECT id FROM bureaus ORDER BY id LIMIT 1`)) as { id: number }[];

    // Baseline: a bare BullMQ delayed job with a no-op processor, same Redis, same window.
    {
      const q = new Queue('baseline', { connection: { url: redis.url } as never, prefix: 'bench' });
      const late: number[] = [];
      const w = new Worker('baseline', async (job) => void late.push(Date.now() - (job.data as { due: number }).due), {
        connection: { url: redis.url } as never,
        prefix: 'bench',
        concurrency: 50,
      });
      const start = Date.now() + 3000;
      await q.addBulk(
        Array.from({ length: BURST }, (_, i) => {
          const due = start + Math.floor((i / BURST) * 10_000);
          return { name: 'noop', data: { due }, opts: { delay: due - Date.now(), removeOnComplete: true } };
        }),
      );
      await waitFor('baseline jobs', async () => late.length >= BURST, 60_000, 100);
      results['baseline'] = {
        p50Ms: pct(late, 50),
        p99Ms: pct(late, 99),
        note: 'bare BullMQ delayed job, 1,000 over 10 s',
      };
      await w.close();
      await q.obliterate({ force: true });
      await q.close();
      void QueueEvents;
    }

    // 1. Scheduling: N open cases with a reply clock due in 7 days, written as the hook writes them.
    const t0 = Date.now();
    await ds.query(
      `WITH c AS (
         INSERT INTO cases (tracking_number, channel, type, urgency, status, description, lead_bureau_id, dispatched_at)
         SELECT 'BENCH' || g, 'phone', 'help', 'normal', 'dispatched', 'bench', $1, now() FROM generate_series(1, $2) g
         RETURNING id)
       INSERT INTO case_deadlines (case_id, kind, bureau_id, started_at, due_at, warn_at, limit_spec)
       SELECT id, 'reply', $1, now(), now() + interval '7 days', now() + interval '5 days', '{"amount":7,"unit":"days","mode":"calendar"}'::jsonb FROM c`,
      [b!.id, N],
    );
    await ds.query(
      `INSERT INTO case_deadlines (case_id, kind, bureau_id, started_at, due_at, status, met_at, settled_at, needs_publish)
       SELECT id, 'accept', $1, now(), now(), 'met', now(), now(), false FROM cases WHERE tracking_number LIKE 'BENCH%'`,
      [b!.id],
    );
    const inserted = Date.now();
    const memBefore = await usedMemory(redis.client);
    const worker = await startWorker({ REDIS_URL: redis.url, DEADLINE_RELAY_INTERVAL_MS: '50' });
    const relayStart = Date.now();
    await waitFor(
      'relay to publish every clock',
      async () => {
        const [r] = (await ds.query(`SELECT count(*)::int AS n FROM case_deadlines WHERE needs_publish`)) as {
          n: number;
        }[];
        return r!.n === 0;
      },
      600_000,
      200,
    );
    const relaySeconds = (Date.now() - relayStart) / 1000;
    const memAfter = await usedMemory(redis.client);
    results['scheduling'] = {
      insertSeconds: (inserted - t0) / 1000,
      relaySeconds,
      clocksPerSecond: Math.round(N / relaySeconds),
      redisBytesPerDeadline: Math.round((memAfter - memBefore) / N),
      delayedJobs: await redis.client.zcard(`${process.env['REDIS_PREFIX']}:${DEADLINE_QUEUE}:delayed`),
    };

    // 2. Firing: 1,000 clocks falling due within the same minute, while the 100,000 stay scheduled.
    const startAt = Date.now() + 5000;
    const burst = (await ds.query(
      `WITH c AS (
         INSERT INTO cases (tracking_number, channel, type, urgency, status, description, lead_bureau_id, dispatched_at)
         SELECT 'BURST' || g, 'phone', 'help', 'normal', 'dispatched', 'bench', $1, now() FROM generate_series(1, $2) g
         RETURNING id, tracking_number)
       INSERT INTO case_deadlines (case_id, kind, bureau_id, started_at, due_at, limit_spec)
       SELECT id, 'reply', $1, now(), to_timestamp(($3 + (substring(tracking_number from 6)::int - 1) * $4::double precision / $2) / 1000.0), '{"amount":1,"unit":"minutes","mode":"calendar"}'::jsonb FROM c
       RETURNING id`,
      [b!.id, BURST, startAt, WINDOW_MS],
    )) as { id: string }[];
    const ids = burst.map((r) => r.id);
    await waitFor(
      'burst to fire',
      async () => {
        const [r] = (await ds.query(
          `SELECT count(*)::int AS n FROM case_deadlines WHERE id = ANY($1::bigint[]) AND status = 'missed'`,
          [ids],
        )) as { n: number }[];
        return r!.n === ids.length;
      },
      WINDOW_MS + 60_000,
      250,
    );
    const lat = (await ds.query(
      `SELECT extract(epoch FROM fired_at - due_at) * 1000 AS ms FROM case_deadlines WHERE id = ANY($1::bigint[])`,
      [ids],
    )) as { ms: string }[];
    const late = lat.map((r) => Number(r.ms));
    results['firing'] = {
      p50Ms: Math.round(pct(late, 50)),
      p99Ms: Math.round(pct(late, 99)),
      maxMs: Math.round(Math.max(...late)),
    };
    const redisPid = Number(/process_id:(\d+)/.exec(await redis.client.info('server'))![1]);
    results['peakRss'] = {
      nodeWorkerAndBench: process.resourceUsage().maxRSS * 1024,
      redisServer: peakRss(redisPid),
      redisUsedMemoryPeak: Number(/used_memory_peak:(\d+)/.exec(await redis.client.info('memory'))![1]),
    };
    void DeadlineEngine;
    await worker.stop();
    await ds.destroy();
    await redis.stop();
    writeFileSync(process.env['BENCH_OUT'] ?? 'bench-deadlines.json', JSON.stringify(results, null, 2));
    console.log(JSON.stringify(results, null, 2));
  }, 1_200_000);
});
