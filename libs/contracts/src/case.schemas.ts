import { z } from 'zod';
import { httpUrl } from './http-url';
import { instantInRange, ZFreeJsonRecord } from './safe-input';

// Cases (issue 4): intake, lifecycle actions, lists and the citizen's view. One schema
// validates the API request and drives the web form (STYLE habit 6). Vocabularies are
// repeated here as literals rather than imported from @hotline/domain so that the web
// bundle stays free of server code; a unit test keeps the two lists equal.

export const CASE_STATUS_VALUES = [
  'registered',
  'awaiting_dispatch',
  'dispatched',
  'return_review',
  'in_progress',
  'awaiting_follow_up',
  'closed',
] as const;
export const REQUEST_TYPE_VALUES = ['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise'] as const;
export const URGENCY_VALUES = ['normal', 'urgent', 'critical'] as const;
export const CHANNEL_VALUES = ['phone', 'web', 'open311', 'api'] as const;
export const SOLVED_OPTIONS = ['solved', 'partly', 'not'] as const;
export const SATISFACTION_OPTIONS = ['satisfied', 'basically', 'dissatisfied', 'no_answer'] as const;
export const INTAKE_DISPOSITIONS = ['dispatch', 'direct_answer', 'not_accepted', 'emergency_transfer'] as const;
export const CASE_FLAG_VALUES = ['none', 'warning', 'overdue'] as const;

const id = z.coerce.number().int('Must be a whole number').positive('Must be a positive id');
const text = (max: number, what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter ${what}`)
    .max(max, `${what[0]!.toUpperCase()}${what.slice(1)} is too long (max ${max} characters)`);
const version = z.number().int().positive('version must be the positive number you last read');

/** Mainland mobile or landline digits, optionally with +86, spaces or hyphens. */
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{4,19}$/, 'Enter a phone number of digits (spaces and hyphens allowed)')
  .transform((s) => s.replace(/[\s-]/g, ''));

export const ZCallerSchema = z.strictObject({
  name: z.string().trim().max(100).optional(),
  phone: phone.optional(),
  email: z.email('Enter a valid email address').max(200).optional(),
  type: z.enum(['person', 'company']).optional(),
  anonymous: z.boolean().optional(),
  confidential: z.boolean().optional(),
  contactAllowed: z.boolean().optional(),
});
export type TCaller = z.infer<typeof ZCallerSchema>;

const place = {
  districtId: id.optional(),
  streetId: id.optional(),
  address: z.string().trim().max(300).optional(),
  lat: z.number().min(-90).max(90).optional(),
  lng: z.number().min(-180).max(180).optional(),
};

/** What an agent types while on the phone (channel is always 'phone'). */
export const ZCaseIntakeSchema = z
  .strictObject({
    type: z.enum(REQUEST_TYPE_VALUES, 'Choose the request type'),
    urgency: z.enum(URGENCY_VALUES).default('normal'),
    categoryId: id,
    ...place,
    description: text(4000, 'a description'),
    attributes: ZFreeJsonRecord.optional(),
    mediaUrl: httpUrl('mediaUrl', 1000).optional(),
    caller: ZCallerSchema.default({}),
    disposition: z.enum(INTAKE_DISPOSITIONS).default('dispatch'),
    directAnswer: z.string().trim().max(4000).optional(),
    /** Not accepted (不予受理): why (shown to the citizen). */
    notAcceptedReason: z.string().trim().max(2000).optional(),
    /** Not accepted: where the citizen should turn instead (e.g. the court, 110). */
    properChannel: z.string().trim().max(2000).optional(),
  })
  .refine((v) => v.disposition !== 'direct_answer' || (v.directAnswer ?? '').length > 0, {
    path: ['directAnswer'],
    message: 'A direct answer needs the answer text',
  })
  .refine((v) => v.disposition !== 'not_accepted' || (v.notAcceptedReason ?? '').length > 0, {
    path: ['notAcceptedReason'],
    message: 'Not accepted needs the reason the citizen is told',
  })
  .refine((v) => v.disposition !== 'not_accepted' || (v.properChannel ?? '').length > 0, {
    path: ['properChannel'],
    message: 'Not accepted needs the proper channel the citizen should use',
  });
export type TCaseIntake = z.infer<typeof ZCaseIntakeSchema>;
export type TCaseIntakeInput = z.input<typeof ZCaseIntakeSchema>;

/**
 * The citizen's web form: no disposition, no urgency choice, contact details optional. No
 * category means "not sure": the case waits in the agents' dispatch queue (awaiting_dispatch).
 */
export const ZPublicCaseIntakeSchema = z.strictObject({
  type: z.enum(REQUEST_TYPE_VALUES, 'Choose the request type'),
  categoryId: id.optional(),
  ...place,
  description: text(4000, 'a description'),
  attributes: ZFreeJsonRecord.optional(),
  mediaUrl: httpUrl('mediaUrl', 1000).optional(),
  caller: ZCallerSchema.omit({ type: true }).default({}),
});
export type TPublicCaseIntake = z.infer<typeof ZPublicCaseIntakeSchema>;
export type TPublicCaseIntakeInput = z.input<typeof ZPublicCaseIntakeSchema>;

/** The one command every intake path (agent, citizen, Open311, API) hands to CaseIntakeService. */
export interface TIntakeCommand {
  channel: (typeof CHANNEL_VALUES)[number];
  type: (typeof REQUEST_TYPE_VALUES)[number];
  urgency: (typeof URGENCY_VALUES)[number];
  /** Absent only from the citizen's "not sure": an agent chooses the category at dispatch. */
  categoryId?: number;
  districtId?: number;
  streetId?: number;
  address?: string;
  lat?: number;
  lng?: number;
  description: string;
  attributes?: Record<string, unknown>;
  mediaUrl?: string;
  caller: TCaller;
  disposition?: (typeof INTAKE_DISPOSITIONS)[number];
  directAnswer?: string;
  notAcceptedReason?: string;
  properChannel?: string;
  sourceRef?: Record<string, unknown>;
}

export const ZIdempotencyKey = z
  .string()
  .trim()
  .min(16, 'Idempotency-Key must be 16 to 200 characters (use a UUID)')
  .max(200, 'Idempotency-Key must be 16 to 200 characters (use a UUID)');

// ---- lifecycle actions: every body names the version the user saw --------------------

const note = z.string().trim().max(4000).optional();
const bureaus = {
  bureauId: id,
  assistingBureauIds: z.array(id).max(10).optional(),
};

/** A case filed as "not sure" (no category) gets its category when dispatched; a wrong one is corrected. */
const categoryFix = { categoryId: id.optional() };

export const ZDispatchActionSchema = z.strictObject({ version, ...bureaus, ...categoryFix, note });
export type TDispatchAction = z.infer<typeof ZDispatchActionSchema>;

export const ZRedispatchActionSchema = z.strictObject({
  version,
  ...bureaus,
  ...categoryFix,
  reason: text(2000, 'a reason'),
});
export type TRedispatchAction = z.infer<typeof ZRedispatchActionSchema>;

export const ZAcceptActionSchema = z.strictObject({ version, note });
export type TAcceptAction = z.infer<typeof ZAcceptActionSchema>;

export const ZReturnActionSchema = z.strictObject({ version, reason: text(2000, 'the reason for returning') });
export type TReturnAction = z.infer<typeof ZReturnActionSchema>;

/**
 * The hotline's answer to a bureau's return: send it to another bureau (`redispatch`,
 * bureau required), hold the bureau responsible (`send_back`), or put it back in the
 * dispatch queue (`requeue`).
 */
export const ZReturnDecisionSchema = z
  .strictObject({
    version,
    decision: z.enum(['redispatch', 'send_back', 'requeue']),
    bureauId: id.optional(),
    assistingBureauIds: z.array(id).max(10).optional(),
    ...categoryFix,
    note,
  })
  .refine((v) => v.decision !== 'redispatch' || v.bureauId !== undefined, {
    path: ['bureauId'],
    message: 'Choose the bureau to redispatch to',
  });
export type TReturnDecision = z.infer<typeof ZReturnDecisionSchema>;

export const ZReplyActionSchema = z.strictObject({
  version,
  publicReply: text(4000, 'the reply to the citizen'),
  internalNote: z.string().trim().max(4000).optional(),
});
export type TReplyAction = z.infer<typeof ZReplyActionSchema>;

const followUpAnswers = {
  contacted: z.boolean('Say whether the citizen was contacted'),
  solved: z.enum(SOLVED_OPTIONS, 'Choose solved, partly or not'),
  satisfaction: z.enum(SATISFACTION_OPTIONS, 'Choose satisfied, basically, dissatisfied or no_answer'),
  comment: z.string().trim().max(2000).optional(),
};
export const ZFollowUpActionSchema = z.strictObject({ version, ...followUpAnswers });
export type TFollowUpAction = z.infer<typeof ZFollowUpActionSchema>;

export const ZCloseActionSchema = z.strictObject({ version, note });
export type TCloseAction = z.infer<typeof ZCloseActionSchema>;

export const ZReopenActionSchema = z.strictObject({ version, reason: text(2000, 'a reason') });
export type TReopenAction = z.infer<typeof ZReopenActionSchema>;

export const ZMergeActionSchema = z.strictObject({
  version,
  parentCaseId: z.uuid('parentCaseId must be a case id'),
  note,
});
export type TMergeAction = z.infer<typeof ZMergeActionSchema>;

/** An assisting bureau's part of the work; it does not change the case's status. */
export const ZContributionActionSchema = z.strictObject({
  version: version.optional(),
  note: text(4000, 'what your bureau did'),
});
export type TContributionAction = z.infer<typeof ZContributionActionSchema>;

export const ZCaseIdParam = z.uuid('Not a case id');

// ---- lists and search ---------------------------------------------------------------

const csv = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .string()
    .transform((s) => s.split(',').map((v) => v.trim()))
    .pipe(z.array(z.enum(values)).min(1));
const instant = instantInRange();

export const ZCaseListQuerySchema = z.strictObject({
  status: csv(CASE_STATUS_VALUES).optional(),
  bureauId: id.optional(),
  categoryId: id.optional(),
  districtId: id.optional(),
  streetId: id.optional(),
  type: csv(REQUEST_TYPE_VALUES).optional(),
  urgency: csv(URGENCY_VALUES).optional(),
  channel: csv(CHANNEL_VALUES).optional(),
  createdFrom: instant.optional(),
  createdTo: instant.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  flag: z.enum(CASE_FLAG_VALUES).optional(),
  q: z.string().trim().min(2, 'Search for at least 2 characters').max(100).optional(),
  /** The caller's phone: the whole number, its last 4 digits, or 5-10 digits of it. */
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 -]{3,19}$/, 'Enter at least 4 digits of the phone number')
    .optional(),
  /** The whole tracking number, or 6+ of its digits. */
  trackingNo: z
    .string()
    .trim()
    .regex(/^\d{6,20}$/, 'Enter the tracking number (or at least 6 of its digits)')
    .optional(),
  address: z.string().trim().min(2, 'Search for at least 2 characters').max(100).optional(),
  /** The repeats merged into this case (并单). */
  parentId: z.uuid('parentId must be a case id').optional(),
  /** newest (default): newest first. priority: breached, critical, urgent, then the nearest due; ties oldest first. */
  sort: z.enum(['newest', 'priority']).default('newest'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type TCaseListQuery = z.infer<typeof ZCaseListQuerySchema>;

/** Named sets of counts: the handler inbox tabs, the supervisor board, the agents' queue. */
export const CASE_COUNT_SETS = {
  inbox: ['toAccept', 'inProgress', 'dueSoon', 'overdue', 'returned'],
  board: ['overdue', 'dueSoon', 'escalated'],
  queue: ['awaitingDispatch', 'returnReview', 'awaitingFollowUp'],
} as const;
export const ZCaseCountsQuerySchema = z.strictObject({
  set: z.enum(['inbox', 'board', 'queue'], 'set must be inbox, board or queue').default('inbox'),
  bureauId: id.optional(),
});
export type TCaseCountsQuery = z.infer<typeof ZCaseCountsQuerySchema>;
export const ZCaseCountsSchema = z.object({
  set: z.enum(['inbox', 'board', 'queue']),
  counts: z.record(z.string(), z.number().int().nonnegative()),
});
export type TCaseCounts = z.infer<typeof ZCaseCountsSchema>;

export const ZSimilarCasesQuerySchema = z
  .strictObject({
    phone: phone.optional(),
    categoryId: id.optional(),
    streetId: id.optional(),
    excludeId: z.uuid().optional(),
  })
  .refine((v) => v.phone !== undefined || (v.categoryId !== undefined && v.streetId !== undefined), {
    message: 'Give a phone number, or a category and a street',
  });
export type TSimilarCasesQuery = z.infer<typeof ZSimilarCasesQuerySchema>;

// ---- citizen side ------------------------------------------------------------------

export const ZTrackingNumberParam = z.string().regex(/^\d{13,20}$/, 'Not a tracking number');
export const ZAccessCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{6}$/, 'The access code has 6 letters and digits');

export const ZPublicFeedbackSchema = z.strictObject({ accessCode: ZAccessCode, ...followUpAnswers });
export type TPublicFeedback = z.infer<typeof ZPublicFeedbackSchema>;

// ---- responses ---------------------------------------------------------------------

/** A case on the other side of a merge (并单), as much as the viewer may see of it. */
export const ZLinkedCaseSchema = z.object({
  id: z.string(),
  trackingNumber: z.string(),
  status: z.enum(CASE_STATUS_VALUES),
  channel: z.enum(CHANNEL_VALUES),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  /** The first 200 characters. */
  description: z.string(),
});
export type TLinkedCase = z.infer<typeof ZLinkedCaseSchema>;

export const ZCaseLinksSchema = z.object({
  /** The case this one was merged into (null when not merged, or not visible to a bureau). */
  parent: ZLinkedCaseSchema.nullable(),
  /** Repeats merged into this case, oldest first (at most 50; visible ones for a bureau). */
  children: z.array(ZLinkedCaseSchema),
  /** How many repeats were merged into this case in all ("3 linked reports"). */
  childCount: z.number().int().nonnegative(),
});
export type TCaseLinks = z.infer<typeof ZCaseLinksSchema>;

export const ZExtensionRequestViewSchema = z.object({
  id: z.string(),
  deadlineKind: z.enum(['accept', 'reply', 'supervision']),
  status: z.enum(['pending', 'approved', 'rejected']),
  reason: z.string(),
  previousDueAt: z.string(),
  requestedDueAt: z.string(),
  requestedAt: z.string(),
  requestedBy: z.object({ id: z.string(), name: z.string().nullable() }),
  decidedBy: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
});
export type TExtensionRequestView = z.infer<typeof ZExtensionRequestViewSchema>;

export const CITIZEN_STEP_CODE_VALUES = ['received', 'dispatching', 'handling', 'replied', 'closed'] as const;
/** One step of the citizen's request; the web translates the code. */
export const ZCitizenStepSchema = z.object({
  code: z.enum(CITIZEN_STEP_CODE_VALUES),
  state: z.enum(['done', 'current', 'next']),
});
export type TCitizenStep = z.infer<typeof ZCitizenStepSchema>;

// ---- follow-up worklist (回访, issue 12) -------------------------------------------------

export const FOLLOW_UP_ATTEMPT_OUTCOME_VALUES = ['unreachable', 'wrong_number', 'refused', 'call_back_later'] as const;

/** An unsuccessful follow-up call; the successful one stays POST /cases/:id/follow-up. */
export const ZFollowUpAttemptSchema = z.strictObject({
  version: version.optional(),
  outcome: z.enum(FOLLOW_UP_ATTEMPT_OUTCOME_VALUES, 'Choose unreachable, wrong_number, refused or call_back_later'),
  note: z.string().trim().max(2000).optional(),
  retryAt: instant.optional(),
});
export type TFollowUpAttempt = z.infer<typeof ZFollowUpAttemptSchema>;

export const ZFollowUpWorklistQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(100),
});
export type TFollowUpWorklistQuery = z.infer<typeof ZFollowUpWorklistQuerySchema>;

export const ZFollowUpAttemptStateSchema = z.object({
  attempts: z.number().int().nonnegative(),
  lastAttemptAt: z.string().nullable(),
  lastOutcome: z.enum(FOLLOW_UP_ATTEMPT_OUTCOME_VALUES).nullable(),
  /** Call again from then; null when the case may be called now (or calling again will not help). */
  retryAfter: z.string().nullable(),
  /** The retry time has not come: the row is listed after the ones to call now. */
  later: z.boolean(),
  /** MAX_FOLLOW_UP_ATTEMPTS reached: close it without an answer. */
  exhausted: z.boolean(),
});
export type TFollowUpAttemptState = z.infer<typeof ZFollowUpAttemptStateSchema>;

export const ZFollowUpRowSchema = ZFollowUpAttemptStateSchema.extend({
  id: z.string(),
  trackingNumber: z.string(),
  version: z.number().int(),
  type: z.enum(REQUEST_TYPE_VALUES),
  urgency: z.enum(URGENCY_VALUES),
  categoryId: z.number().int().nullable(),
  leadBureauId: z.number().int().nullable(),
  description: z.string(),
  publicReply: z.string().nullable(),
  repliedAt: z.string().nullable(),
  caller: z.object({ name: z.string().nullable(), phone: z.string().nullable(), anonymous: z.boolean() }),
});
export type TFollowUpRow = z.infer<typeof ZFollowUpRowSchema>;

export const ZFollowUpWorklistSchema = z.object({
  items: z.array(ZFollowUpRowSchema),
  total: z.number().int().nonnegative(),
});
export type TFollowUpWorklist = z.infer<typeof ZFollowUpWorklistSchema>;
