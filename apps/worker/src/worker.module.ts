import { env } from '@hotline/config';
import { dataSourceOptions } from '@hotline/database';
import { createRedisConnection } from '@hotline/queue';
import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadlinesWorkerModule } from './deadlines/deadlines-worker.module';
import { AnalyticsWorkerModule } from './analytics/analytics-worker.module';

/**
 * The worker process: no HTTP, only BullMQ processors (deadlines, outbox relay, rollups).
 * Every queue shares one connection factory and this run's key prefix.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({ useFactory: () => dataSourceOptions(env().DATABASE_URL) }),
    BullModule.forRootAsync({
      useFactory: () => ({ connection: createRedisConnection(env().REDIS_URL), prefix: env().REDIS_PREFIX }),
    }),
    DeadlinesWorkerModule,
    AnalyticsWorkerModule,
  ],
})
export class WorkerModule {}
