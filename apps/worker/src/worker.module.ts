import { env } from '@hotline/config';
import { dataSourceOptions, queryLogging } from '@hotline/database';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MIGRATIONS } from '../../../prisma-free-migrations';
import { DeadlinesWorkerModule } from './deadlines/deadlines-worker.module';
import { AnalyticsWorkerModule } from './analytics/analytics-worker.module';

/**
 * The worker process: no HTTP, only BullMQ processors (deadlines, outbox relay, rollups).
 * Every queue is built by libs/queue from one connection factory and this run's key prefix.
 */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      useFactory: () => dataSourceOptions(env().DATABASE_URL, MIGRATIONS, { logging: queryLogging() }),
    }),
    DeadlinesWorkerModule,
    AnalyticsWorkerModule,
  ],
})
export class WorkerModule {}
