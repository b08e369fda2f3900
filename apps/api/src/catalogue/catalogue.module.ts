import { BureauEntity, CategoryEntity, DistrictEntity, StreetEntity } from '@hotline/database';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogueController } from './catalogue.controller';
import { CatalogueRepository } from './catalogue.repository';
import { CatalogueService } from './catalogue.service';
import { CategoryTreeService } from './category-tree.service';

/** The category tree, districts and streets; intake and the dispatch catalogue import it for the tree. */
@Module({
  imports: [TypeOrmModule.forFeature([CategoryEntity, DistrictEntity, StreetEntity, BureauEntity])],
  controllers: [CatalogueController],
  providers: [CategoryTreeService, CatalogueRepository, CatalogueService],
  exports: [CategoryTreeService, CatalogueRepository],
})
export class CatalogueModule {}
