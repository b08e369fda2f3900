import { DeadlineEngine, DeadlineSettingsCache, DeadlinesRepository } from '@hotline/database';
import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { CasesModule } from '../cases/cases.module';
import { QueueDashboard } from './bull-board';
import { DeadlineActionsService } from './deadline-actions.service';
import { DeadlineBoardService } from './deadline-board.service';
import { DeadlinePoliciesRepository } from './deadline-policies.repository';
import { DeadlinePoliciesService } from './deadline-policies.service';
import { DeadlineTransitionHook } from './deadline-transition.hook';
import { CaseClocksRepository } from './case-clocks.repository';
import { DeadlinesController } from './deadlines.controller';
import { ExtensionRequestsRepository } from './extension-requests.repository';

/**
 * Deadline supervision in the API: policies, boards, extensions, pauses and the queue
 * dashboard. It imports CasesModule so the transition hook always finds CaseTransitionHooks
 * to register with, and exports the one DeadlineEngine (whose settings cache the calendar and
 * policy edits invalidate), its DeadlinesRepository and the API's clock reads.
 */
@Module({
  imports: [AuditModule, AuthModule, CasesModule],
  controllers: [DeadlinesController],
  providers: [
    { provide: DeadlinesRepository, useFactory: () => new DeadlinesRepository() },
    {
      provide: DeadlineEngine,
      useFactory: (repo: DeadlinesRepository) => new DeadlineEngine(new DeadlineSettingsCache(undefined, repo), repo),
      inject: [DeadlinesRepository],
    },
    DeadlineTransitionHook,
    CaseClocksRepository,
    ExtensionRequestsRepository,
    DeadlinePoliciesRepository,
    DeadlineBoardService,
    DeadlineActionsService,
    DeadlinePoliciesService,
    QueueDashboard,
  ],
  exports: [DeadlineEngine, DeadlinesRepository, CaseClocksRepository],
})
export class DeadlinesModule {}
