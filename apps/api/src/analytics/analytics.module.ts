import { RollupMaintenanceRepository } from '@hotline/database';
import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditModule } from '../audit/audit.module';
import { AnalyticsController } from './analytics.controller';
import { AnalyticsLookups } from './analytics-lookups';
import { AnalyticsRepository } from './analytics.repository';
import { AnalyticsService } from './analytics.service';
import { MonthlyThemesService } from './monthly-themes.service';
import { RollupMaintenanceService } from './rollup-maintenance.service';
import { ServiceGapsService } from './service-gaps.service';

/** Issue 6: aggregate analysis read from rollups the worker keeps current. */
@Module({
  imports: [AuditModule],
  controllers: [AnalyticsController],
  providers: [
    AnalyticsRepository,
    {
      provide: RollupMaintenanceRepository,
      inject: [DataSource],
      useFactory: (ds: DataSource) => new RollupMaintenanceRepository(ds),
    },
    AnalyticsLookups,
    AnalyticsService,
    ServiceGapsService,
    RollupMaintenanceService,
    MonthlyThemesService,
  ],
})
export class AnalyticsModule {}
