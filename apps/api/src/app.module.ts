import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { CatalogueModule } from './catalogue/catalogue.module';
import { DispatchModule } from './dispatch/dispatch.module';
import { UsersModule } from './users/users.module';
import { BureausModule } from './bureaus/bureaus.module';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { RateLimitGuard } from './common/rate-limit.guard';
import { HealthController } from './health/health.controller';
import { InfraModule } from './infra/infra.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { Open311Module } from './open311/open311.module';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { CasesModule } from './cases/cases.module';
import { PublicModule } from './public/public.module';
import { AnalyticsModule } from './analytics/analytics.module';
import { DeadlinesModule } from './deadlines/deadlines.module';
import { CalendarModule } from './calendar/calendar.module';
import { SupervisionModule } from './supervision/supervision.module';
import { NotificationsModule } from './notifications/notifications.module';
import { HotlineRulesModule } from './rules/hotline-rules.module';

/** Rate limits run before authentication, so floods are cut before any database work. */
@Module({ imports: [AuthModule], providers: [{ provide: APP_GUARD, useClass: RateLimitGuard }] })
class RateLimitModule {}

@Module({
  imports: [
    InfraModule,
    RateLimitModule,
    AuditModule,
    AuthModule,
    CatalogueModule,
    DispatchModule,
    UsersModule,
    BureausModule,
    ApiKeysModule,
    Open311Module,
    EventEmitterModule.forRoot(),
    CasesModule,
    PublicModule,
    AnalyticsModule,
    DeadlinesModule,
    CalendarModule,
    SupervisionModule,
    NotificationsModule,
    HotlineRulesModule,
  ],
  controllers: [HealthController],
  providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
})
export class AppModule {}
