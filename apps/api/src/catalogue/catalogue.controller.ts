import {
  ZActiveBureauList,
  ZCategorySearchHitList,
  ZCategorySearchQuerySchema,
  ZCategorySuggestResult,
  ZCategorySuggestSchema,
  ZCategoryTree,
  ZDistrictList,
  type TCategoryNode,
  type TCategorySearchHit,
  type TCategorySearchQuery,
  type TCategorySuggestInput,
  type TCategorySuggestResult,
  type TDistrict,
} from '@hotline/contracts';
import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ALL_STAFF } from '../common/access.decorator';
import { RateLimit } from '../common/rate-limit.decorator';
import { CatalogueService } from './catalogue.service';
import { CategoryTreeService } from './category-tree.service';
import { Route } from '../common/route.decorator';

@ApiTags('catalogue')
@Controller()
export class CatalogueController {
  constructor(
    private readonly tree: CategoryTreeService,
    private readonly catalogue: CatalogueService,
  ) {}

  @Route.get('categories', {
    access: 'public',
    summary: 'The active category tree (three levels) with caller keywords',
    response: ZCategoryTree,
  })
  @RateLimit({ bucket: 'categories', perMinute: 'public' })
  categories(): Promise<TCategoryNode[]> {
    return this.tree.tree();
  }

  @Route.get('categories/search', {
    access: 'public',
    summary: 'Leaf categories matching Chinese, English, keywords, full pinyin or initials ("zdjy")',
    response: ZCategorySearchHitList,
  })
  @RateLimit({ bucket: 'category-search', perMinute: 'public' })
  search(@Query({ schema: ZCategorySearchQuerySchema }) query: TCategorySearchQuery): Promise<TCategorySearchHit[]> {
    return this.tree.search(query.q, query.limit);
  }

  @Route.post('public/catalogue/suggest', {
    access: 'public',
    summary: 'Up to 5 leaf categories for a description in everyday words (names, synonyms, keywords), best first',
    status: 200,
    response: ZCategorySuggestResult,
  })
  @RateLimit({ bucket: 'category-suggest', perMinute: 'public' })
  async suggest(
    @Body({ schema: ZCategorySuggestSchema }) body: TCategorySuggestInput,
  ): Promise<TCategorySuggestResult> {
    return { items: await this.tree.suggest(body.text, body.limit) };
  }

  @Route.get('districts', {
    access: 'public',
    summary: 'Districts of the city, each with its streets and their coordinates',
    response: ZDistrictList,
  })
  @RateLimit({ bucket: 'districts', perMinute: 'public' })
  districts(): Promise<TDistrict[]> {
    return this.catalogue.districts();
  }

  @Route.get('bureaus', {
    access: ALL_STAFF,
    summary: 'Active bureaus (for dispatch pickers and filters)',
    response: ZActiveBureauList,
  })
  bureaus() {
    return this.catalogue.activeBureaus();
  }
}
