import { resetEnvCache } from '@hotline/config';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { DataSource } from 'typeorm';
import { Redis } from 'ioredis';
import { DeadlineReconciler } from '../../apps/worker/src/deadlines/deadline-reconciler';
import { DeadlinesWorkerModule } from '../../apps/worker/src/deadlines/deadlines-worker.module';
import { WorkerModule } from '../../apps/worker/src/worker.module';

/** A Redis server of the test's own, on a free port: flushing it disturbs no other test. */
export interface PrivateRedis {
  url: string;
  client: Redis;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const proc: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  const url = `redis://127.0.0.1:${port}`;
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => 100 });
  for (let i = 0; i < 100; i++) {
    try {
      await client.connect();
      await client.ping();
      break;
    } catch {
      client.disconnect();
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    client,
    async stop() {
      client.disconnect();
      proc.kill('SIGTERM');
      await new Promise((r) => proc.once('exit', r));
    },
  };
}

export interface WorkerHandle {
  app: INestApplicationContext;
  reconcile(): ReturnType<DeadlineReconciler['reconcile']>;
  /** Graceful stop, as on SIGTERM. */
  stop(): Promise<void>;
  /** Abrupt stop: connections dropped, running jobs abandoned (their locks expire). */
  kill(): Promise<void>;
}

/** Test knobs: fast relay, short job locks so a killed worker's jobs are recovered within a second. */
export const FAST_WORKER_ENV = {
  DEADLINE_RELAY_INTERVAL_MS: '50',
  DEADLINE_LOCK_MS: '1000',
  DEADLINE_RECONCILE_INTERVAL_MS: '600000',
  LOG_LEVEL: 'silent',
};

/** Starts the real worker module in-process (compiled output may not exist in a test run). */
export async function startWorker(env: Record<string, string>): Promise<WorkerHandle> {
  Object.assign(process.env, FAST_WORKER_ENV, env);
  resetEnvCache();
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  await app.init();
  let closed = false;
  return {
    app,
    reconcile: () => app.get(DeadlineReconciler).reconcile(),
    async stop() {
      if (closed) return;
      closed = true;
      await app.close();
    },
    async kill() {
      if (closed) return;
      closed = true;
      await app.get(DeadlinesWorkerModule).crash();
      await app.close().catch(() => undefined);
    },
  };
}

let counter = 0;

/**
 * A dispatched case with one reply clock due `dueInMs` from now (warning at `warnInMs` if
 * given), written like the transition hook writes it: case row + clock in one transaction.
 */
export async function insertCaseWithClock(
  ds: DataSource,
  opts: { bureauId: number; dueInMs: number; warnInMs?: number },
): Promise<{ caseId: string; deadlineId: string; dueAt: Date }> {
  return ds.transaction(async (m) => {
    const tracking = `T${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const [c] = (await m.query(
      `INSERT INTO cases (tracking_number, channel, type, urgency, status, description, lead_bureau_id, dispatched_at)
       VALUES ($1, 'phone', 'help', 'normal', 'dispatched', 'deadline fault test', $2, now()) RETURNING id`,
      [tracking, opts.bureauId],
    )) as { id: string }[];
    const now = Date.now();
    const dueAt = new Date(now + opts.dueInMs);
    const warnAt = opts.warnInMs === undefined ? null : new Date(now + opts.warnInMs);
    const [d] = (await m.query(
      `INSERT INTO case_deadlines (case_id, kind, bureau_id, started_at, due_at, warn_at, limit_spec)
       VALUES ($1, 'reply', $2, now(), $3, $4, $5) RETURNING id`,
      [c!.id, opts.bureauId, dueAt, warnAt, JSON.stringify({ amount: 1, unit: 'minutes', mode: 'calendar' })],
    )) as { id: string }[];
    // A placeholder accept clock keeps the reconciler from adding default clocks to this case.
    await m.query(
      `INSERT INTO case_deadlines (case_id, kind, bureau_id, started_at, due_at, status, met_at, settled_at, needs_publish)
       VALUES ($1, 'accept', $2, now(), now(), 'met', now(), now(), false)`,
      [c!.id, opts.bureauId],
    );
    return { caseId: c!.id, deadlineId: d!.id, dueAt };
  });
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false>,
  timeoutMs = 15000,
  everyMs = 50,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
