import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { DispatchModule } from '../dispatch/dispatch.module';
import { CaseAccessRepository } from './case-access.repository';
import { CaseActionsService } from './case-actions.service';
import { CaseIntakeService } from './case-intake.service';
import { CaseLinksRepository } from './case-links.repository';
import { CaseQueryService } from './case-query.service';
import { CaseTransitionHooks } from './case-transition-hooks';
import { CaseTransitionService } from './case-transition.service';
import { CasesController } from './cases.controller';
import { CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';
import { FollowUpsController } from './follow-ups.controller';
import { FollowUpsRepository } from './follow-ups.repository';
import { FollowUpsService } from './follow-ups.service';

/**
 * The heart of the hotline: intake, flat dispatch, the lifecycle and the timeline. Other
 * modules use CaseIntakeService (Open311, API) and register CaseTransitionHooks (deadlines).
 */
@Module({
  imports: [AuditModule, CatalogueModule, DispatchModule],
  controllers: [CasesController, FollowUpsController],
  providers: [
    CasesRepository,
    CaseAccessRepository,
    CaseLinksRepository,
    CaseTransitionHooks,
    CaseTransitionService,
    CaseIntakeService,
    CaseActionsService,
    CaseQueryService,
    CasesService,
    FollowUpsRepository,
    FollowUpsService,
  ],
  exports: [
    CaseIntakeService,
    CaseTransitionService,
    CaseActionsService,
    CaseTransitionHooks,
    CasesRepository,
    CaseAccessRepository,
  ],
})
export class CasesModule {}
