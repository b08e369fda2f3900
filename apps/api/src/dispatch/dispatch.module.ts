import { DispatchRuleEntity, DispatchRuleVersionEntity } from '@hotline/database';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { CatalogueModule } from '../catalogue/catalogue.module';
import { DispatchResolver } from './dispatch-resolver.service';
import { DispatchController } from './dispatch.controller';
import { DispatchRulesRepository } from './dispatch-rules.repository';
import { DispatchRulesService } from './dispatch-rules.service';

/** The dispatch catalogue: its editor and preview, and the resolver intake uses to route a new case. */
@Module({
  imports: [TypeOrmModule.forFeature([DispatchRuleEntity, DispatchRuleVersionEntity]), AuditModule, CatalogueModule],
  controllers: [DispatchController],
  providers: [DispatchRulesRepository, DispatchRulesService, DispatchResolver],
  exports: [DispatchResolver],
})
export class DispatchModule {}
