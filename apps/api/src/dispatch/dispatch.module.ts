import { DispatchRuleEntity, DispatchRuleVersionEntity } from '@hotline/database';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DispatchController } from './dispatch.controller';
import { DispatchRulesRepository } from './dispatch-rules.repository';
import { DispatchRulesService } from './dispatch-rules.service';

/** The dispatch catalogue editor and preview; the resolver itself lives in the global CatalogueModule. */
@Module({
  imports: [TypeOrmModule.forFeature([DispatchRuleEntity, DispatchRuleVersionEntity])],
  controllers: [DispatchController],
  providers: [DispatchRulesRepository, DispatchRulesService],
})
export class DispatchModule {}
