import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DeadlinesModule } from '../deadlines/deadlines.module';
import { HotlineRulesController } from './hotline-rules.controller';
import { HotlineRulesRepository } from './hotline-rules.repository';
import { HotlineRulesService } from './hotline-rules.service';

/** The versioned hotline-wide rules; a save invalidates the deadline engine's cached settings. */
@Module({
  imports: [AuditModule, DeadlinesModule],
  controllers: [HotlineRulesController],
  providers: [HotlineRulesRepository, HotlineRulesService],
  exports: [HotlineRulesService],
})
export class HotlineRulesModule {}
