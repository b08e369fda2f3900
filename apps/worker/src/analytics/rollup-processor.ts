import { env } from '@hotline/config';
import { RollupMaintenanceRepository, type RollupConsistencyReport } from '@hotline/database';
import {
  ANALYTICS_QUEUE_DEFINITION,
  createQueue,
  createRedisConnection,
  createWorker,
  ROLLUP_JOBS,
  type JobHandlers,
  type JobWorker,
  type QueueConnection,
  type RollupJobPayloads,
} from '@hotline/queue';
import { Injectable, Logger } from '@nestjs/common';
import type { RollupSettings } from './rollup-settings';

/**
 * Keeps the analytics rollups current. Both jobs call SQL functions from the
 * AnalyticsRollups migration, which take one advisory lock: any number of workers (and the
 * API's refresh endpoint) may run them at once without double-counting.
 */
@Injectable()
export class RollupProcessor {
  private readonly log = new Logger('Rollups');
  private readonly connection: QueueConnection = {
    redis: createRedisConnection(env().REDIS_URL),
    prefix: env().REDIS_PREFIX,
  };
  private readonly queue = createQueue(ANALYTICS_QUEUE_DEFINITION, this.connection);
  private worker: JobWorker<RollupJobPayloads> | undefined;
  private readonly handlers: JobHandlers<RollupJobPayloads>;

  constructor(
    private readonly rollups: RollupMaintenanceRepository,
    private readonly settings: RollupSettings,
  ) {
    this.handlers = {
      [ROLLUP_JOBS.consume]: () => this.consume(),
      [ROLLUP_JOBS.consistency]: () => this.checkConsistency(),
    };
  }

  async start(): Promise<void> {
    // Deterministic scheduler ids: restarting (or a second worker) updates, never duplicates.
    await this.queue.upsertJobScheduler(
      ROLLUP_JOBS.consume,
      { every: this.settings.consumeEveryMs },
      { name: ROLLUP_JOBS.consume, data: {} },
    );
    await this.queue.upsertJobScheduler(
      ROLLUP_JOBS.consistency,
      { every: this.settings.consistencyEveryMs },
      { name: ROLLUP_JOBS.consistency, data: {} },
    );
    this.worker = createWorker(ANALYTICS_QUEUE_DEFINITION, this.connection, this.handlers, { concurrency: 1 });
    this.worker.on('failed', (job, err) => this.log.warn(`${job?.name ?? 'job'} failed: ${err.message}`));
    this.worker.on('error', (err) => this.log.warn(`worker error: ${err.message}`));
  }

  /** Applies outbox rows batch by batch until caught up (or the per-job cap is reached). */
  async consume(): Promise<number> {
    let read = 0;
    for (;;) {
      const n = await this.rollups.consumeOutbox(this.settings.batch);
      read += n;
      if (n === 0 || read >= this.settings.maxRowsPerJob) return read;
    }
  }

  async checkConsistency(): Promise<RollupConsistencyReport> {
    const result = await this.rollups.checkConsistency(true);
    if ((result.driftedCases ?? 0) > 0 || Object.keys(result.driftedCubeRows ?? {}).length > 0) {
      this.log.warn(`rollup drift repaired: ${JSON.stringify(result)}`);
    }
    return result;
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    await this.queue.close().catch(() => undefined);
    this.connection.redis.disconnect();
  }
}
