import { z } from 'zod';
import { monthInRange, MAX_YEAR, MIN_YEAR } from './safe-input';

/** Calendar day in Asia/Shanghai, e.g. 2026-10-01. */
const ZDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-10-01')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'Not a real calendar date',
    },
  )
  .refine((s) => Number(s.slice(0, 4)) >= MIN_YEAR && Number(s.slice(0, 4)) <= MAX_YEAR, {
    message: `Use a date between ${MIN_YEAR} and ${MAX_YEAR}`,
  });

const ZMonth = monthInRange();
const ZId = z.coerce.number().int().positive();
const ZFormat = z.enum(['json', 'csv']).default('json');
/** Language of the CSV header row and labels (format=csv only); en keeps the column keys API clients read. */
export const CSV_LANGS = ['zh-CN', 'en'] as const;
export type TCsvLang = (typeof CSV_LANGS)[number];
const ZCsvLang = z.enum(CSV_LANGS).default('en');

export const ANALYTICS_GROUP_BY = ['bureau', 'category', 'district', 'street', 'channel', 'type'] as const;
export type TAnalyticsGroupBy = (typeof ANALYTICS_GROUP_BY)[number];
export const ANALYTICS_INTERVALS = ['day', 'week', 'month'] as const;
export type TAnalyticsInterval = (typeof ANALYTICS_INTERVALS)[number];

/** Filters every aggregate route accepts. categoryId selects the category and its whole subtree. */
const filterShape = {
  bureauId: ZId.optional(),
  categoryId: ZId.optional(),
  districtId: ZId.optional(),
  type: z.enum(['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise']).optional(),
  urgency: z.enum(['normal', 'urgent', 'critical']).optional(),
  channel: z.enum(['phone', 'web', 'open311', 'api']).optional(),
};

function rangeWithin(maxDays: number) {
  return (q: { from: string; to: string }, ctx: z.RefinementCtx) => {
    const days = (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000;
    if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: '"to" must not be before "from"' });
    if (days > maxDays)
      ctx.addIssue({ code: 'custom', path: ['to'], message: `The range may span at most ${maxDays} days` });
  };
}

export const ZAnalyticsOverviewQuery = z
  .strictObject({
    from: ZDay,
    to: ZDay,
    groupBy: z.enum(ANALYTICS_GROUP_BY).default('bureau'),
    /** When given, one row per (period, group) instead of one per group. */
    interval: z.enum(ANALYTICS_INTERVALS).optional(),
    /** For groupBy=category: 1 = top class, 2 = middle class, 3 = leaf (default). */
    categoryLevel: z.coerce.number().int().min(1).max(3).default(3),
    format: ZFormat,
    lang: ZCsvLang,
    ...filterShape,
  })
  .superRefine(rangeWithin(1100));
export type TAnalyticsOverviewQuery = z.infer<typeof ZAnalyticsOverviewQuery>;

export const ZAnalyticsTrendsQuery = z
  .strictObject({
    from: ZDay,
    to: ZDay,
    interval: z.enum(ANALYTICS_INTERVALS).default('month'),
    format: ZFormat,
    lang: ZCsvLang,
    ...filterShape,
  })
  .superRefine(rangeWithin(1100));
export type TAnalyticsTrendsQuery = z.infer<typeof ZAnalyticsTrendsQuery>;

const ZWeight = z.coerce.number().min(0).max(100);

export const ZAnalyticsRankingsQuery = z.strictObject({
  /** The month ranked (Asia/Shanghai), e.g. 2026-10. */
  month: ZMonth,
  /** Size of the red list (top) and the black list (bottom). */
  n: z.coerce.number().int().min(1).max(50).default(5),
  wResponse: ZWeight.default(0.2),
  wResolution: ZWeight.default(0.4),
  wSatisfaction: ZWeight.default(0.4),
  /** Bureaus with fewer follow-ups in the month are listed but not ranked. */
  minFollowUps: z.coerce.number().int().min(0).default(1),
  format: ZFormat,
  lang: ZCsvLang,
});
export type TAnalyticsRankingsQuery = z.infer<typeof ZAnalyticsRankingsQuery>;

export const ZServiceGapsQuery = z
  .strictObject({
    from: ZDay,
    to: ZDay,
    /** A category at one street is a hotspot when it repeats at least this often in the range. */
    hotspotMin: z.coerce.number().int().min(2).default(10),
    /** Ownerless findings need at least this many cases. */
    ownerlessMin: z.coerce.number().int().min(1).default(3),
    /** Failing-owner thresholds (rates 0-1) and the follow-ups a bureau needs to be judged. */
    satisfactionMin: z.coerce.number().min(0).max(1).default(0.8),
    resolutionMin: z.coerce.number().min(0).max(1).default(0.7),
    onTimeMin: z.coerce.number().min(0).max(1).default(0.85),
    minFollowUps: z.coerce.number().int().min(1).default(10),
    /** Most findings returned per kind. */
    limit: z.coerce.number().int().min(1).max(100).default(10),
    format: ZFormat,
    lang: ZCsvLang,
  })
  .superRefine(rangeWithin(400));
export type TServiceGapsQuery = z.infer<typeof ZServiceGapsQuery>;

export const ZCreateMonthlyTheme = z.strictObject({
  month: ZMonth,
  categoryId: z.number().int().positive(),
  streetId: z.number().int().positive().nullable().optional(),
  title: z.string().trim().min(2).max(200),
  note: z.string().trim().max(2000).optional(),
});
export type TCreateMonthlyTheme = z.infer<typeof ZCreateMonthlyTheme>;

// ---- responses ----

export const SERVICE_GAP_KINDS = [
  'ownerless_unmatched',
  'ownerless_multi_returned',
  'hotspot',
  'failing_owner',
  'growth',
  'dissatisfaction_cluster',
  'monthly_theme_candidate',
  'monthly_theme_tracking',
] as const;
export type TServiceGapKind = (typeof SERVICE_GAP_KINDS)[number];
