import { z } from 'zod';

// The catalogue (issue 4): category tree, city districts and streets, bureaus and the
// dispatch catalogue (派单目录) that decides which bureau owns a case.

const id = z.coerce.number().int('Must be a whole number').positive('Must be a positive id');
const version = z.number().int().positive('version must be the positive number you last read');

export const ZCategorySearchQuerySchema = z.strictObject({
  q: z.string().trim().min(1, 'Type something to search for').max(50, 'The search text is too long (max 50)'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type TCategorySearchQuery = z.infer<typeof ZCategorySearchQuerySchema>;

/** "Describe it and we suggest the category" (public, rate-limited). */
export const ZCategorySuggestSchema = z.strictObject({
  text: z.string().trim().min(2, 'Describe the problem in a few words').max(4000, 'The text is too long (max 4000)'),
  limit: z.number().int().min(1).max(5).default(5),
});
export type TCategorySuggestInput = z.infer<typeof ZCategorySuggestSchema>;

export const ZCategorySuggestionSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  level: z.number().int(),
  nameZh: z.string(),
  nameEn: z.string(),
  pathZh: z.array(z.string()),
  pathEn: z.array(z.string()),
  /** Higher is a better match (for ordering only). */
  score: z.number(),
  /** The words of the text that matched. */
  matched: z.array(z.string()),
});
export type TCategorySuggestion = z.infer<typeof ZCategorySuggestionSchema>;
export const ZCategorySuggestResultSchema = z.object({ items: z.array(ZCategorySuggestionSchema) });
export type TCategorySuggestResult = z.infer<typeof ZCategorySuggestResultSchema>;

const keyword = z
  .string()
  .trim()
  .max(50, 'The keyword is too long (max 50 characters)')
  .transform((s) => (s === '' ? null : s))
  .nullable();

const ruleFields = {
  categoryId: id,
  districtId: id.nullable().optional(),
  streetId: id.nullable().optional(),
  keyword: keyword.optional(),
  leadBureauId: id,
  assistingBureauIds: z.array(id).max(10, 'At most 10 assisting bureaus').optional(),
};

export const ZCreateDispatchRuleSchema = z.strictObject(ruleFields);
export type TCreateDispatchRule = z.infer<typeof ZCreateDispatchRuleSchema>;

/** Only the fields sent change; `version` is the one the editor last read. */
export const ZUpdateDispatchRuleSchema = z.strictObject({
  version,
  categoryId: ruleFields.categoryId.optional(),
  districtId: ruleFields.districtId,
  streetId: ruleFields.streetId,
  keyword: ruleFields.keyword,
  leadBureauId: ruleFields.leadBureauId.optional(),
  assistingBureauIds: ruleFields.assistingBureauIds,
});
export type TUpdateDispatchRule = z.infer<typeof ZUpdateDispatchRuleSchema>;

export const ZDeactivateDispatchRuleSchema = z.strictObject({ version });
export type TDeactivateDispatchRule = z.infer<typeof ZDeactivateDispatchRuleSchema>;

export const ZDispatchRulesQuerySchema = z.strictObject({
  categoryId: id.optional(),
  includeInactive: z
    .enum(['true', 'false'], 'includeInactive must be true or false')
    .transform((v) => v === 'true')
    .optional(),
});
export type TDispatchRulesQuery = z.infer<typeof ZDispatchRulesQuerySchema>;

/** What the dispatch preview matches on: the category, and the place when known. */
const previewWhat = { categoryId: id, districtId: id.optional(), streetId: id.optional() };

export const ZDispatchPreviewQuerySchema = z.strictObject({
  ...previewWhat,
  description: z.string().max(4000, 'The description is too long (max 4000 characters)').optional(),
});
export type TDispatchPreviewQuery = z.infer<typeof ZDispatchPreviewQuerySchema>;

/**
 * The same question sent as a JSON body (POST): a long description no longer ends up in a
 * URL (HTTP 431). Matching reads the description's keywords only, so a generous cap is safe.
 */
export const ZDispatchPreviewBodySchema = z.strictObject({
  ...previewWhat,
  description: z.string().max(20000, 'The description is too long (max 20000 characters)').optional(),
});
export type TDispatchPreviewBody = z.infer<typeof ZDispatchPreviewBodySchema>;
