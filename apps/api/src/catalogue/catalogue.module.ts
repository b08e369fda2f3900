import { BureauEntity, CategoryEntity, DispatchRuleEntity, DistrictEntity, StreetEntity } from '@hotline/database';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DispatchResolver } from '../dispatch/dispatch-resolver.service';
import { CategoryTreeService } from './category-tree.service';

/**
 * Global because intake, search filters and analytics all need the category tree and the
 * dispatch resolver; importing it everywhere would only add noise.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([CategoryEntity, DistrictEntity, StreetEntity, BureauEntity, DispatchRuleEntity])],
  providers: [CategoryTreeService, DispatchResolver],
  exports: [CategoryTreeService, DispatchResolver],
})
export class CatalogueModule {}
