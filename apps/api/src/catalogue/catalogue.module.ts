import { BureauEntity, CategoryEntity, DispatchRuleEntity, DistrictEntity, StreetEntity } from '@hotline/database';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DispatchResolver } from '../dispatch/dispatch-resolver.service';
import { CatalogueController } from './catalogue.controller';
import { CatalogueRepository } from './catalogue.repository';
import { CatalogueService } from './catalogue.service';
import { CategoryTreeService } from './category-tree.service';

/**
 * Global because intake, search filters and analytics all need the category tree and the
 * dispatch resolver; importing it everywhere would only add noise.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([CategoryEntity, DistrictEntity, StreetEntity, BureauEntity, DispatchRuleEntity])],
  controllers: [CatalogueController],
  providers: [CategoryTreeService, DispatchResolver, CatalogueRepository, CatalogueService],
  exports: [CategoryTreeService, DispatchResolver, CatalogueRepository],
})
export class CatalogueModule {}
