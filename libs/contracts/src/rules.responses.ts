import { z } from 'zod';
import { ZHotlineRules } from './rules.schemas';

/** One version of the hotline rules: what they were, who saved them, when and why. */
export const ZHotlineRulesVersion = z
  .object({
    version: z.number().int().positive(),
    rules: ZHotlineRules,
    reason: z.string(),
    changedBy: z.string().nullable(),
    changedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'HotlineRulesVersion' });
export type THotlineRulesVersion = z.infer<typeof ZHotlineRulesVersion>;
export const ZHotlineRulesHistory = z.array(ZHotlineRulesVersion);
