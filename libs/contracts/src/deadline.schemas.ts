import { z } from 'zod';
import { dayInRange, instantInRange } from './safe-input';

const isoInstant = instantInRange();
const day = dayInRange();
const hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'use HH:MM');

export const ZDeadlineLimit = z.strictObject({
  amount: z.number().positive().max(100_000),
  unit: z.enum(['minutes', 'hours', 'days']),
  mode: z.enum(['calendar', 'working']),
});
export type TDeadlineLimit = z.infer<typeof ZDeadlineLimit>;

export const ZDeadlinePolicyInput = z.strictObject({
  name: z.string().trim().min(1).max(100),
  categoryId: z.number().int().positive().nullable(),
  requestType: z.enum(['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise']).nullable(),
  urgency: z.enum(['normal', 'urgent', 'critical']).nullable(),
  acceptLimit: ZDeadlineLimit,
  replyLimit: ZDeadlineLimit,
  warningFraction: z.number().gt(0).max(1).default(0.75),
  pauseAllowed: z.boolean().default(true),
});
export type TDeadlinePolicyInput = z.infer<typeof ZDeadlinePolicyInput>;

export const ZDeadlinePolicyUpdate = ZDeadlinePolicyInput.extend({ version: z.number().int().positive() });
export type TDeadlinePolicyUpdate = z.infer<typeof ZDeadlinePolicyUpdate>;

export const ZCalendarDayInput = z.strictObject({
  kind: z.enum(['holiday', 'makeup_workday']),
  name: z.string().trim().max(100).default(''),
});
export type TCalendarDayInput = z.infer<typeof ZCalendarDayInput>;

export const ZCalendarSettingsInput = z.strictObject({
  version: z.number().int().positive(),
  workingPeriods: z
    .array(z.strictObject({ start: hhmm, end: hhmm }))
    .min(1)
    .max(6),
  escalationWorkingDays: z.number().int().min(0).max(60),
});
export type TCalendarSettingsInput = z.infer<typeof ZCalendarSettingsInput>;

export const ZCalendarQuery = z.strictObject({ from: day.optional(), to: day.optional() });
export const ZDayParam = day;

export const ZBoardQuery = z.strictObject({
  bureauId: z.coerce.number().int().positive().optional(),
  withinHours: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(24),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TBoardQuery = z.infer<typeof ZBoardQuery>;

export const ZExtensionRequestInput = z.strictObject({
  kind: z.enum(['accept', 'reply', 'supervision']).default('reply'),
  reason: z.string().trim().min(1, 'give a reason').max(2000),
  newDueAt: isoInstant,
});
export type TExtensionRequestInput = z.infer<typeof ZExtensionRequestInput>;

export const ZExtensionDecisionInput = z.strictObject({
  approve: z.boolean(),
  note: z.string().trim().max(2000).optional(),
});
export type TExtensionDecisionInput = z.infer<typeof ZExtensionDecisionInput>;

export const ZPauseInput = z.strictObject({ reason: z.string().trim().min(1, 'give a reason').max(500) });
export type TPauseInput = z.infer<typeof ZPauseInput>;

export const ZSupervisionNoticeInput = z.strictObject({
  demand: z.string().trim().min(1, 'state the demand').max(2000),
  dueAt: isoInstant,
});
export type TSupervisionNoticeInput = z.infer<typeof ZSupervisionNoticeInput>;

export const ZSupervisionAnswerInput = z.strictObject({ answer: z.string().trim().min(1).max(4000) });
export type TSupervisionAnswerInput = z.infer<typeof ZSupervisionAnswerInput>;

export const ZNotificationsQuery = z.strictObject({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type TNotificationsQuery = z.infer<typeof ZNotificationsQuery>;

export const ZDeadlineCaseIdParam = z.uuid('not a case id');
export const ZDeadlineRowIdParam = z.string().regex(/^\d{1,18}$/, 'not an id');
export const ZDeadlinePolicyIdParam = z.coerce.number().int().positive();
