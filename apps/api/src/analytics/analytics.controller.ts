import {
  ZAnalyticsOverview,
  ZAnalyticsOverviewQuery,
  ZAnalyticsRankings,
  ZAnalyticsRankingsQuery,
  ZAnalyticsTrends,
  ZAnalyticsTrendsQuery,
  ZConsistencyReport,
  ZCreateMonthlyTheme,
  ZMonthlyTheme,
  ZMonthlyThemeList,
  ZRollupRefresh,
  ZRollupStatus,
  ZServiceGapReport,
  ZServiceGapsQuery,
  type TAnalyticsOverviewQuery,
  type TAnalyticsRankingsQuery,
  type TAnalyticsTrendsQuery,
  type TCreateMonthlyTheme,
  type TCsvLang,
  type TServiceGapsQuery,
} from '@hotline/contracts';
import { ANALYTICS_FORMULAS, DEFAULT_COMPOSITE_WEIGHTS } from '@hotline/domain';
import { Body, Controller, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { Actor, CurrentPrincipal } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { overviewCsv, rankingsCsv, serviceGapsCsv, trendsCsv } from './analytics-csv';
import { AnalyticsService } from './analytics.service';
import { MonthlyThemesService } from './monthly-themes.service';
import { RollupMaintenanceService } from './rollup-maintenance.service';
import { SERVICE_GAP_RULES, ServiceGapsService } from './service-gaps.service';
import { Route } from '../common/route.decorator';

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
@Controller('analytics')
export class AnalyticsController {
  constructor(
    private readonly analytics: AnalyticsService,
    private readonly gaps: ServiceGapsService,
    private readonly maintenance: RollupMaintenanceService,
    private readonly themes: MonthlyThemesService,
  ) {}

  @Route.get('overview', {
    access: ['handler', 'supervisor', 'admin'],
    summary: 'Rates per bureau, category, district, street, channel or type (from the rollups)',
    description: `${FORMULAS}. ${SCOPE} ${CSV}`,
    response: ZAnalyticsOverview,
    alsoAs: 'text/csv',
  })
  overview(
    @Query({ schema: ZAnalyticsOverviewQuery }) q: TAnalyticsOverviewQuery,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.analytics.overview(p, q).then(respond(reply, q, 'overview', overviewCsv));
  }

  @Route.get('trends', {
    access: ['handler', 'supervisor', 'admin'],
    summary: 'The same measures as a time series, with change against the previous period',
    description: `${FORMULAS}. Each point's change compares it with the point before (volume relative, rates in absolute points); periodOverPeriod compares the whole range with the range of equal length just before it. ${SCOPE} ${CSV}`,
    response: ZAnalyticsTrends,
    alsoAs: 'text/csv',
  })
  trends(
    @Query({ schema: ZAnalyticsTrendsQuery }) q: TAnalyticsTrendsQuery,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.analytics.trends(p, q).then(respond(reply, q, 'trends', trendsCsv));
  }

  @Route.get('rankings', {
    access: ['handler', 'supervisor', 'admin'],
    summary: 'Bureaus ranked by the composite of response, resolution and satisfaction; red and black lists',
    description: `score = Σ(weight × rate) ÷ Σ(weight) over the three rates that have data (default weights response ${DEFAULT_COMPOSITE_WEIGHTS.response}, resolution ${DEFAULT_COMPOSITE_WEIGHTS.resolution}, satisfaction ${DEFAULT_COMPOSITE_WEIGHTS.satisfaction}; change with wResponse, wResolution, wSatisfaction). Red list = the n best, black list = the n worst of the month. ${SCOPE.replace('(another bureauId → 403)', '(only their own entry)')} ${CSV}`,
    response: ZAnalyticsRankings,
    alsoAs: 'text/csv',
  })
  rankings(
    @Query({ schema: ZAnalyticsRankingsQuery }) q: TAnalyticsRankingsQuery,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.analytics.rankings(p, q).then(respond(reply, q, 'rankings', rankingsCsv));
  }

  @Route.get('service-gaps', {
    access: ['supervisor', 'admin'],
    summary:
      'Service-gap report: ownerless problems, hotspots, failing owners, growth, dissatisfaction, monthly themes',
    description: `${SERVICE_GAP_RULES} ${CSV}`,
    response: ZServiceGapReport,
    alsoAs: 'text/csv',
  })
  serviceGaps(
    @Query({ schema: ZServiceGapsQuery }) q: TServiceGapsQuery,
    @CurrentPrincipal() p: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.gaps.report(p, q).then(respond(reply, q, 'service-gaps', serviceGapsCsv));
  }

  @Route.get('monthly-themes', {
    access: ['supervisor', 'admin'],
    summary: 'Monthly themes (每月一题) chosen so far',
    response: ZMonthlyThemeList,
  })
  listThemes() {
    return this.themes.list();
  }

  @Route.post('monthly-themes', {
    access: ['supervisor', 'admin'],
    summary: 'Choose a monthly theme (每月一题); its volume is then tracked in the service-gap report',
    response: ZMonthlyTheme,
  })
  chooseTheme(
    @Body({ schema: ZCreateMonthlyTheme }) body: TCreateMonthlyTheme,
    @Actor() { principal: p, meta }: Actor,
  ) {
    return this.themes.choose(p, meta, body);
  }

  @Route.get('status', {
    access: ['supervisor', 'admin'],
    summary: 'How far the rollups have read the outbox (lag in events)',
    response: ZRollupStatus,
  })
  status() {
    return this.maintenance.status();
  }

  @Route.post('refresh', {
    access: ['admin'],
    summary: 'Bring the rollups up to date with the outbox now (the worker does this every second)',
    status: 200,
    response: ZRollupRefresh,
  })
  refresh(@Actor() { principal: p, meta }: Actor) {
    return this.maintenance.refresh(p, meta);
  }

  @Route.post('consistency-check', {
    access: ['admin'],
    summary: 'Compare the rollups with the raw cases; repair drift (default) or only report it',
    status: 200,
    response: ZConsistencyReport,
  })
  consistencyCheck(
    @Body({ schema: ZConsistencyBody }) body: z.infer<typeof ZConsistencyBody>,
    @Actor() { principal: p, meta }: Actor,
  ) {
    return this.maintenance.checkConsistency(p, meta, body.repair);
  }
}
