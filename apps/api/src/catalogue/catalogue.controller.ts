import {
  ZCategorySearchQuerySchema,
  ZCategorySuggestSchema,
  type TCategoryNode,
  type TCategorySuggestInput,
  type TCategorySuggestResult,
  type TCategorySearchHit,
  type TCategorySearchQuery,
  type TDistrict,
} from '@hotline/contracts';
import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, Public, Roles } from '../common/access.decorator';
import { RateLimit } from '../common/rate-limit.decorator';
import { CatalogueService } from './catalogue.service';
import { CategoryTreeService } from './category-tree.service';

@ApiTags('catalogue')
@Controller()
export class CatalogueController {
  constructor(
    private readonly tree: CategoryTreeService,
    private readonly catalogue: CatalogueService,
  ) {}

  @Get('categories')
  @Public()
  @RateLimit({ bucket: 'categories', perMinute: 'public' })
  @ApiOperation({ summary: 'The active category tree (three levels) with caller keywords' })
  categories(): Promise<TCategoryNode[]> {
    return this.tree.tree();
  }

  @Get('categories/search')
  @Public()
  @RateLimit({ bucket: 'category-search', perMinute: 'public' })
  @ApiOperation({ summary: 'Leaf categories matching Chinese, English, keywords, full pinyin or initials ("zdjy")' })
  search(@Query({ schema: ZCategorySearchQuerySchema }) query: TCategorySearchQuery): Promise<TCategorySearchHit[]> {
    return this.tree.search(query.q, query.limit);
  }

  @Post('public/catalogue/suggest')
  @Public()
  @HttpCode(200)
  @RateLimit({ bucket: 'category-suggest', perMinute: 'public' })
  @ApiOperation({
    summary: 'Up to 5 leaf categories for a description in everyday words (names, synonyms, keywords), best first',
  })
  async suggest(
    @Body({ schema: ZCategorySuggestSchema }) body: TCategorySuggestInput,
  ): Promise<TCategorySuggestResult> {
    return { items: await this.tree.suggest(body.text, body.limit) };
  }

  @Get('districts')
  @Public()
  @RateLimit({ bucket: 'districts', perMinute: 'public' })
  @ApiOperation({ summary: 'Districts of the city, each with its streets and their coordinates' })
  districts(): Promise<TDistrict[]> {
    return this.catalogue.districts();
  }

  @Get('bureaus')
  @Roles(...ALL_STAFF)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Active bureaus (for dispatch pickers and filters)' })
  bureaus() {
    return this.catalogue.activeBureaus();
  }
}
