import { env } from '@hotline/config';
import { createRedisConnection, DEADLINE_QUEUE } from '@hotline/queue';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';

/**
 * The deadline queue as this worker sees it. Jobs are removed once done: the outcome lives
 * in PostgreSQL (case_deadlines, case_events), so Redis only ever holds what is still to come.
 */
@Injectable()
export class DeadlineQueue implements OnApplicationShutdown {
  readonly prefix = env().REDIS_PREFIX;
  /** Shared by the queue, the worker (which duplicates it for blocking reads) and the reconciler. */
  readonly redis: Redis = createRedisConnection(env().REDIS_URL);
  readonly queue = new Queue(DEADLINE_QUEUE, {
    connection: this.redis,
    prefix: this.prefix,
    defaultJobOptions: {
      removeOnComplete: true,
      // A job that failed every attempt is dropped too: the reconciler sees the clock still
      // pending with no job and schedules it again, so nothing is lost to a dead-letter list.
      removeOnFail: true,
      attempts: 3,
      backoff: { type: 'exponential', delay: 500 },
    },
  });

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    this.redis.disconnect();
  }

  /** For the fault tests' "kill": drop every connection at once, as a crash would. */
  crash(): void {
    this.redis.disconnect();
  }
}
