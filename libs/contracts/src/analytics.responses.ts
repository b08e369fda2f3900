import { z } from 'zod';
import { ANALYTICS_GROUP_BY, ANALYTICS_INTERVALS, SERVICE_GAP_KINDS } from './analytics.schemas';

// Analytics answers in their JSON form; format=csv answers the same table as text/csv.
// Days, weeks and months are written as the rollups key them ('2026-10-01', '2026-10').

const instant = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative();
const maybe = z.number().nullable();
/** The days asked about, and the range of equal length just before them (the comparison). */
const dayRange = { from: z.string(), to: z.string() };
const previousDayRange = { previousFrom: z.string(), previousTo: z.string() };

export const ZRate = z
  .object({ numerator: count, denominator: count, value: z.number().nullable() })
  .meta({ id: 'Rate' });
export type TRate = z.infer<typeof ZRate>;

export const ZAnalyticsMeasures = z
  .object({
    volume: count,
    dispatched: count,
    overdueCount: count,
    rates: z.object({
      directAnswer: ZRate,
      acceptOnTime: ZRate,
      onTimeClose: ZRate,
      response: ZRate,
      resolution: ZRate,
      satisfaction: ZRate,
      return: ZRate,
      reopen: ZRate,
      overdue: ZRate,
    }),
    replyHours: z.object({ median: maybe, p90: maybe, replied: count }),
  })
  .meta({ id: 'AnalyticsMeasures' });
export type TAnalyticsMeasures = z.infer<typeof ZAnalyticsMeasures>;

export const ZAnalyticsGroupKey = z
  .object({
    /** id for bureau/category/district/street (0 = none, e.g. not yet dispatched); the code for channel/type. */
    id: z.union([z.number().int(), z.string()]),
    code: z.string().nullable(),
    nameZh: z.string(),
    nameEn: z.string(),
  })
  .meta({ id: 'AnalyticsGroupKey' });
export type TAnalyticsGroupKey = z.infer<typeof ZAnalyticsGroupKey>;

export const ZAnalyticsOverviewRow = ZAnalyticsMeasures.extend({
  /** Start day of the period when `interval` was given. */
  period: z.string().optional(),
  group: ZAnalyticsGroupKey,
}).meta({ id: 'AnalyticsOverviewRow' });
export type TAnalyticsOverviewRow = z.infer<typeof ZAnalyticsOverviewRow>;

export const ZAnalyticsOverview = z
  .object({
    ...dayRange,
    groupBy: z.enum(ANALYTICS_GROUP_BY),
    /** Where the figures come from, and how far behind the newest case change they may be. */
    source: z.object({ cube: z.string(), lastEventId: z.number().int(), updatedAt: instant.nullable() }),
    totals: ZAnalyticsMeasures,
    rows: z.array(ZAnalyticsOverviewRow),
  })
  .meta({ id: 'AnalyticsOverview' });
export type TAnalyticsOverview = z.infer<typeof ZAnalyticsOverview>;

export const ZAnalyticsTrendPoint = ZAnalyticsMeasures.extend({
  period: z.string(),
  /** Change against the previous point: volume relative, rates in absolute points. */
  change: z
    .object({
      volume: z.object({ delta: maybe, relative: maybe }),
      onTimeClose: maybe,
      response: maybe,
      resolution: maybe,
      satisfaction: maybe,
      overdue: maybe,
    })
    .nullable(),
}).meta({ id: 'AnalyticsTrendPoint' });
export type TAnalyticsTrendPoint = z.infer<typeof ZAnalyticsTrendPoint>;

export const ZAnalyticsTrends = z
  .object({
    ...dayRange,
    interval: z.enum(ANALYTICS_INTERVALS),
    points: z.array(ZAnalyticsTrendPoint),
    /** The whole range against the range of equal length just before it. */
    periodOverPeriod: z.object({
      ...previousDayRange,
      current: ZAnalyticsMeasures,
      previous: ZAnalyticsMeasures,
    }),
  })
  .meta({ id: 'AnalyticsTrends' });
export type TAnalyticsTrends = z.infer<typeof ZAnalyticsTrends>;

export const ZBureauRanking = z
  .object({
    rank: z.number().int().nullable(),
    bureau: ZAnalyticsGroupKey,
    score: maybe,
    followUps: count,
    response: ZRate,
    resolution: ZRate,
    satisfaction: ZRate,
  })
  .meta({ id: 'BureauRanking' });
export type TBureauRanking = z.infer<typeof ZBureauRanking>;

export const ZAnalyticsRankings = z
  .object({
    month: z.string(),
    weights: z.object({ response: z.number(), resolution: z.number(), satisfaction: z.number() }),
    formula: z.string(),
    ranked: z.array(ZBureauRanking),
    redList: z.array(ZBureauRanking),
    blackList: z.array(ZBureauRanking),
    unranked: z.array(ZBureauRanking),
  })
  .meta({ id: 'AnalyticsRankings' });
export type TAnalyticsRankings = z.infer<typeof ZAnalyticsRankings>;

const scalar = z.union([z.number(), z.string()]).nullable();
export const ZServiceGapFinding = z
  .object({
    kind: z.enum(SERVICE_GAP_KINDS),
    /** English, as `titleEn` (kept for older clients). */
    title: z.string(),
    titleEn: z.string(),
    titleZh: z.string(),
    /** 0-100; formulas in the OpenAPI description. */
    severity: z.number(),
    /** English, as `suggestionEn` (kept for older clients). */
    suggestion: z.string(),
    suggestionEn: z.string(),
    suggestionZh: z.string(),
    numbers: z.record(z.string(), scalar),
    subject: z.record(z.string(), scalar),
    exampleCases: z.array(z.object({ id: z.string(), trackingNumber: z.string(), href: z.string() })),
  })
  .meta({ id: 'ServiceGapFinding' });
export type TServiceGapFinding = z.infer<typeof ZServiceGapFinding>;

export const ZServiceGapReport = z
  .object({
    ...dayRange,
    ...previousDayRange,
    findings: z.array(ZServiceGapFinding),
  })
  .meta({ id: 'ServiceGapReport' });
export type TServiceGapReport = z.infer<typeof ZServiceGapReport>;

export const ZMonthlyTheme = z
  .object({
    id: z.number().int(),
    month: z.string(),
    categoryId: z.number().int(),
    streetId: z.number().int().nullable(),
    title: z.string(),
    note: z.string().nullable(),
    chosenAt: instant,
  })
  .meta({ id: 'MonthlyTheme' });
export type TMonthlyTheme = z.infer<typeof ZMonthlyTheme>;
export const ZMonthlyThemeList = z.array(ZMonthlyTheme);

export const ZRollupStatus = z
  .object({
    lastId: z.number().int(),
    updatedAt: instant.nullable(),
    outboxMaxId: z.number().int(),
    /** Outbox events the rollups have not read yet. */
    lagEvents: count,
  })
  .meta({ id: 'RollupStatus' });

export const ZRollupRefresh = z
  .object({ outboxRowsRead: count, lastEventId: z.number().int(), outboxMaxId: z.number().int() })
  .meta({ id: 'RollupRefresh' });

export const ZConsistencyReport = z
  .object({
    driftedCases: count,
    /** Up to 10 of the drifted cases. */
    sampleCaseIds: z.array(z.uuid()).nullable(),
    /** Drifted rows per cube and grain. */
    driftedCubeRows: z.record(z.string(), z.unknown()),
    repaired: z.boolean(),
  })
  .meta({ id: 'ConsistencyReport' });
export type TConsistencyReport = z.infer<typeof ZConsistencyReport>;
