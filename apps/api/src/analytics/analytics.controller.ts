import {
  ZAnalyticsOverviewQuery,
  ZAnalyticsRankingsQuery,
  ZAnalyticsTrendsQuery,
  ZCreateMonthlyTheme,
  ZServiceGapsQuery,
  type TAnalyticsOverviewQuery,
  type TAnalyticsRankingsQuery,
  type TAnalyticsTrendsQuery,
  type TCreateMonthlyTheme,
  type TCsvLang,
  type TServiceGapsQuery,
} from '@hotline/contracts';
import { ANALYTICS_FORMULAS, DEFAULT_COMPOSITE_WEIGHTS } from '@hotline/domain';
import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Roles } from '../common/access.decorator';
import { CurrentPrincipal, ReqMeta, type RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { overviewCsv, rankingsCsv, serviceGapsCsv, trendsCsv } from './analytics-csv';
import { AnalyticsService } from './analytics.service';
import { MonthlyThemesService } from './monthly-themes.service';
import { RollupMaintenanceService } from './rollup-maintenance.service';
import { SERVICE_GAP_RULES, ServiceGapsService } from './service-gaps.service';

const FORMULAS = Object.values(ANALYTICS_FORMULAS).join('. ');
const SCOPE = 'Handlers see only their own bureau (another bureauId → 403); supervisors and admins see all.';
const CSV =
  'format=csv returns the same table as CSV (UTF-8 with BOM, so Excel shows Chinese correctly); lang=zh-CN gives it a Chinese header row and labels (default en: the English column keys).';
const ZConsistencyBody = z.strictObject({ repair: z.boolean().default(true) });

/** JSON, or the CSV rendering of the same result when format=csv. */
function respond<T>(
  reply: FastifyReply,
  q: { format: 'json' | 'csv'; lang: TCsvLang },
  name: string,
  toCsv: (r: T, lang: TCsvLang) => string,
) {
  return (result: T): T | string => {
    if (q.format === 'json') return result;
    void reply.header('content-type', 'text/csv; charset=utf-8');
    void reply.header('content-disposition', `attachment; filename="${name}.csv"`);
    return toCsv(result, q.lang);
  };
}

@ApiTags('analytics')
@ApiBearerAuth()
@Controller('analytics')
export class AnalyticsController {
  constructor(
    private readonly analytics: AnalyticsService,
    private readonly gaps: ServiceGapsService,
    private readonly maintenance: RollupMaintenanceService,
    private readonly themes: MonthlyThemesService,
  ) {}

  @Get('overview')
  @Roles('handler', 'supervisor', 'admin')
  @ApiOperation({
    summary: 'Rates per bureau, category, district, street, channel or type (from the rollups)',
    description: `${FORMULAS}. ${SCOPE} ${CSV}`,
  })
  overview(
    @Query({ schema: ZAnalyticsOverviewQuery }) q: TAnalyticsOverviewQuery,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.analytics.overview(p, q).then(respond(reply, q, 'overview', overviewCsv));
  }

  @Get('trends')
  @Roles('handler', 'supervisor', 'admin')
  @ApiOperation({
    summary: 'The same measures as a time series, with change against the previous period',
    description: `${FORMULAS}. Each point's change compares it with the point before (volume relative, rates in absolute points); periodOverPeriod compares the whole range with the range of equal length just before it. ${SCOPE} ${CSV}`,
  })
  trends(
    @Query({ schema: ZAnalyticsTrendsQuery }) q: TAnalyticsTrendsQuery,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.analytics.trends(p, q).then(respond(reply, q, 'trends', trendsCsv));
  }

  @Get('rankings')
  @Roles('handler', 'supervisor', 'admin')
  @ApiOperation({
    summary: 'Bureaus ranked by the composite of response, resolution and satisfaction; red and black lists',
    description: `score = Σ(weight × rate) ÷ Σ(weight) over the three rates that have data (default weights response ${DEFAULT_COMPOSITE_WEIGHTS.response}, resolution ${DEFAULT_COMPOSITE_WEIGHTS.resolution}, satisfaction ${DEFAULT_COMPOSITE_WEIGHTS.satisfaction}; change with wResponse, wResolution, wSatisfaction). Red list = the n best, black list = the n worst of the month. ${SCOPE.replace('(another bureauId → 403)', '(only their own entry)')} ${CSV}`,
  })
  rankings(
    @Query({ schema: ZAnalyticsRankingsQuery }) q: TAnalyticsRankingsQuery,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.analytics.rankings(p, q).then(respond(reply, q, 'rankings', rankingsCsv));
  }

  @Get('service-gaps')
  @Roles('supervisor', 'admin')
  @ApiOperation({
    summary:
      'Service-gap report: ownerless problems, hotspots, failing owners, growth, dissatisfaction, monthly themes',
    description: `${SERVICE_GAP_RULES} ${CSV}`,
  })
  serviceGaps(
    @Query({ schema: ZServiceGapsQuery }) q: TServiceGapsQuery,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.gaps.report(p, q).then(respond(reply, q, 'service-gaps', serviceGapsCsv));
  }

  @Get('monthly-themes')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Monthly themes (每月一题) chosen so far' })
  listThemes() {
    return this.themes.list();
  }

  @Post('monthly-themes')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'Choose a monthly theme (每月一题); its volume is then tracked in the service-gap report' })
  chooseTheme(
    @Body({ schema: ZCreateMonthlyTheme }) body: TCreateMonthlyTheme,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.themes.choose(p, meta, body);
  }

  @Get('status')
  @Roles('supervisor', 'admin')
  @ApiOperation({ summary: 'How far the rollups have read the outbox (lag in events)' })
  status() {
    return this.maintenance.status();
  }

  @Post('refresh')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Bring the rollups up to date with the outbox now (the worker does this every second)' })
  refresh(@CurrentPrincipal() p: Principal, @ReqMeta() meta: RequestMeta) {
    return this.maintenance.refresh(p, meta);
  }

  @Post('consistency-check')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Compare the rollups with the raw cases; repair drift (default) or only report it',
  })
  consistencyCheck(
    @Body({ schema: ZConsistencyBody }) body: z.infer<typeof ZConsistencyBody>,
    @CurrentPrincipal() p: Principal,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.maintenance.checkConsistency(p, meta, body.repair);
  }
}
