import { PAUSE_REASON_CODES, type HotlineRules } from '@hotline/domain';
import { z } from 'zod';
import { ZDeadlineLimit } from './deadline.schemas';

/** The hotline-wide rules document (see HotlineRules in libs/domain for what each rule means). */
export const ZHotlineRules = z
  .strictObject({
    returnWindow: ZDeadlineLimit,
    extensions: z.strictObject({
      maxCount: z.number().int().min(0).max(20),
      maxWorkingDays: z.number().int().min(0).max(365),
    }),
    pause: z.strictObject({
      criticalAllowed: z.boolean(),
      reasonCodes: z.array(z.enum(PAUSE_REASON_CODES)).min(1),
    }),
    hotlineClocks: z.strictObject({
      dispatch: ZDeadlineLimit,
      review: ZDeadlineLimit,
      followUp: ZDeadlineLimit,
      warningFraction: z.number().gt(0).max(1),
    }),
    assisting: z.strictObject({ acceptLimit: ZDeadlineLimit.nullable(), replyLimit: ZDeadlineLimit.nullable() }),
    repeatCaller: z.strictObject({
      cases: z.number().int().min(2).max(1000),
      days: z.number().int().min(1).max(3660),
    }),
  })
  .meta({ id: 'HotlineRules' }) satisfies z.ZodType<HotlineRules>;

/** A new version of the rules: the whole document, the version it was edited from, and why. */
export const ZHotlineRulesUpdate = z.strictObject({
  version: z.number().int().positive(),
  rules: ZHotlineRules,
  reason: z.string().trim().min(1).max(500),
});
export type THotlineRulesUpdate = z.infer<typeof ZHotlineRulesUpdate>;
