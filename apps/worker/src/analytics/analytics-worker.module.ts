import { RollupMaintenanceRepository } from '@hotline/database';
import { Module, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { readRollupSettings } from './rollup-settings';
import { RollupProcessor } from './rollup-processor';

/** Analytics in the worker: keeps the rollups a second behind the outbox, checks them for drift. */
@Module({
  providers: [
    {
      provide: RollupProcessor,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new RollupProcessor(new RollupMaintenanceRepository(ds), readRollupSettings()),
    },
  ],
  exports: [RollupProcessor],
})
export class AnalyticsWorkerModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly rollups: RollupProcessor) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.rollups.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.rollups.stop();
  }
}
