import { env } from '@hotline/config';
import { dataSourceOptions, queryLogging } from '@hotline/database';
import { createRedisConnection } from '@hotline/queue';
import { BullModule } from '@nestjs/bullmq';
import { Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlinesWorkerModule } from './deadlines/deadlines-worker.module';
import { AnalyticsWorkerModule } from './analytics/analytics-worker.module';

/**
 * The worker process: no HTTP, only BullMQ processors (deadlines, outbox relay, rollups).
 * Every queue shares one connection factory and this run's key prefix.
 */
// The root BullMQ connection is ours to close: Nest's BullModule closes only the queues it made.
const rootConnections: Redis[] = [];

@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      useFactory: () => dataSourceOptions(env().DATABASE_URL, { logging: queryLogging() }),
    }),
    BullModule.forRootAsync({
      useFactory: () => {
        const connection = createRedisConnection(env().REDIS_URL);
        rootConnections.push(connection);
        return { connection, prefix: env().REDIS_PREFIX };
      },
    }),
    DeadlinesWorkerModule,
    AnalyticsWorkerModule,
  ],
})
export class WorkerModule implements OnApplicationShutdown {
  onApplicationShutdown(): void {
    for (const connection of rootConnections.splice(0)) connection.disconnect();
  }
}
