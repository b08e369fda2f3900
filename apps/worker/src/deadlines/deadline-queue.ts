import { env } from '@hotline/config';
import { createQueue, createRedisConnection, DEADLINE_QUEUE_DEFINITION, type QueueConnection } from '@hotline/queue';
import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';

/**
 * The deadline queue as this worker sees it (declared in libs/queue: jobs are removed once
 * done, since the outcome lives in PostgreSQL), and the connection its worker shares.
 */
@Injectable()
export class DeadlineQueue implements OnApplicationShutdown, QueueConnection {
  readonly prefix = env().REDIS_PREFIX;
  /** Shared by the queue, the worker (which duplicates it for blocking reads) and the reconciler. */
  readonly redis: Redis = createRedisConnection(env().REDIS_URL);
  readonly queue = createQueue(DEADLINE_QUEUE_DEFINITION, this);

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    this.redis.disconnect();
  }

  /** For the fault tests' "kill": drop every connection at once, as a crash would. */
  crash(): void {
    this.redis.disconnect();
  }
}
