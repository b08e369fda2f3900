import { z } from 'zod';
import {
  CASE_FLAG_VALUES,
  CASE_STATUS_VALUES,
  CHANNEL_VALUES,
  REQUEST_TYPE_VALUES,
  SATISFACTION_OPTIONS,
  SOLVED_OPTIONS,
  URGENCY_VALUES,
  ZCaseCountsSchema,
  ZCaseLinksSchema,
  ZCitizenStepSchema,
  ZExtensionRequestViewSchema,
  ZFollowUpAttemptStateSchema,
  ZFollowUpWorklistSchema,
} from './case.schemas';

// What the case routes answer (issue 13: every route declares its response). The ids name
// the OpenAPI components the web's generated client uses; an e2e flag checks every answer
// against these schemas, so they say what the API really sends.

/** ISO-8601 instant as the API writes it (Date.toISOString). */
const instant = z.iso.datetime({ offset: true });
const nullableInstant = instant.nullable();
const intId = z.number().int();

export const ZBureauRef = z
  .object({ id: intId, code: z.string(), nameZh: z.string(), nameEn: z.string() })
  .meta({ id: 'BureauRef' });
export type TBureauRef = z.infer<typeof ZBureauRef>;

export const ZCallerView = z
  .object({
    name: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    type: z.enum(['person', 'company']),
    anonymous: z.boolean(),
    confidential: z.boolean(),
    contactAllowed: z.boolean(),
    /** True when the values above were masked for the viewer (bureaus). */
    masked: z.boolean(),
    /** True when the citizen is hidden entirely (confidential case seen by a bureau). */
    hidden: z.boolean(),
  })
  .meta({ id: 'CallerView' });
export type TCallerView = z.infer<typeof ZCallerView>;

const caseSummaryShape = {
  id: z.uuid(),
  trackingNumber: z.string(),
  status: z.enum(CASE_STATUS_VALUES),
  channel: z.enum(CHANNEL_VALUES),
  type: z.enum(REQUEST_TYPE_VALUES),
  urgency: z.enum(URGENCY_VALUES),
  categoryId: intId.nullable(),
  districtId: intId.nullable(),
  streetId: intId.nullable(),
  leadBureauId: intId.nullable(),
  description: z.string(),
  flag: z.enum(CASE_FLAG_VALUES),
  acceptDueAt: nullableInstant,
  replyDueAt: nullableInstant,
  createdAt: instant,
  version: intId,
};
export const ZCaseSummary = z.object(caseSummaryShape);
export type TCaseSummary = z.infer<typeof ZCaseSummary>;

export const ZCaseDetail = ZCaseSummary.extend({
  address: z.string().nullable(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  attributes: z.record(z.string(), z.unknown()),
  mediaUrl: z.string().nullable(),
  caller: ZCallerView,
  assistingBureauIds: z.array(intId),
  matchedRuleId: intId.nullable(),
  unmatchedAtIntake: z.boolean(),
  dispatchedAt: nullableInstant,
  acceptedAt: nullableInstant,
  repliedAt: nullableInstant,
  closedAt: nullableInstant,
  closeReason: z.string().nullable(),
  directAnswer: z.string().nullable(),
  /** Not accepted at intake: the reason and the proper channel the citizen was told. */
  notAcceptedReason: z.string().nullable(),
  properChannel: z.string().nullable(),
  publicReply: z.string().nullable(),
  /** Internal notes are staff-only; never part of the citizen view. */
  internalNote: z.string().nullable(),
  returnReason: z.string().nullable(),
  followUp: z.object({
    contacted: z.boolean().nullable(),
    solved: z.enum(SOLVED_OPTIONS).nullable(),
    satisfaction: z.enum(SATISFACTION_OPTIONS).nullable(),
    at: nullableInstant,
  }),
  returnCount: intId,
  reopenCount: intId,
  extensionCount: intId,
  parentCaseId: z.uuid().nullable(),
  mergedChildren: intId,
  escalatedAt: nullableInstant,
  updatedAt: instant,
  /** HTTP action names (dispatch, accept, reply, …) the viewer may send now. */
  allowedActions: z.array(z.string()),
  /** Merged repeats on both sides (GET /cases/:id and action answers; not on intake). */
  linked: ZCaseLinksSchema.optional(),
  /** Extension requests of the case, newest first (GET /cases/:id and action answers). */
  extensionRequests: z.array(ZExtensionRequestViewSchema).optional(),
}).meta({ id: 'CaseDetail' });
export type TCaseDetail = z.infer<typeof ZCaseDetail>;

export const ZCaseEvent = z
  .object({
    id: z.string(),
    at: instant,
    actorId: z.string().nullable(),
    actorName: z.string().nullable(),
    actorRole: z.string(),
    action: z.string(),
    fromStatus: z.string().nullable(),
    toStatus: z.string().nullable(),
    bureauId: intId.nullable(),
    note: z.string().nullable(),
    isPublic: z.boolean(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'CaseEvent' });
export type TCaseEvent = z.infer<typeof ZCaseEvent>;
export const ZCaseEventList = z.array(ZCaseEvent);

export const ZCaseListItem = ZCaseSummary.extend({
  dispatchedAt: nullableInstant,
  acceptedAt: nullableInstant,
  /** flag = 'warning' (yellow). */
  warning: z.boolean(),
  /** flag = 'overdue' (red). */
  overdue: z.boolean(),
  /** running: the bureau owes an acceptance or reply; stopped: replied, returned, queued or closed; paused. */
  clockState: z.enum(['running', 'stopped', 'paused']),
  parentCaseId: z.uuid().nullable(),
  mergedChildren: intId,
}).meta({ id: 'CaseListItem' });
export type TCaseListItem = z.infer<typeof ZCaseListItem>;

export const ZCaseListPage = z
  .object({
    items: z.array(ZCaseListItem),
    nextCursor: z.string().nullable(),
    /** Exact number of cases for the filter (all pages), or LIST_TOTAL_CAP when capped. */
    total: intId,
    totalCapped: z.boolean(),
  })
  .meta({ id: 'CaseListPage' });
export type TCaseList = z.infer<typeof ZCaseListPage>;

export const ZCaseCounts = ZCaseCountsSchema.meta({ id: 'CaseCounts' });

export const ZSimilarCase = ZCaseSummary.extend({
  /** Why it is listed: the same caller, the same place and category, or both. */
  matchedBy: z.array(z.enum(['caller', 'place'])),
}).meta({ id: 'SimilarCase' });
export type TSimilarCase = z.infer<typeof ZSimilarCase>;
export const ZSimilarCaseList = z.array(ZSimilarCase);

export const ZCaseContact = z
  .object({ name: z.string().nullable(), phone: z.string().nullable(), email: z.string().nullable() })
  .meta({ id: 'CaseContact' });
export type TCaseContact = z.infer<typeof ZCaseContact>;

export const ZCaseIntakeResult = z
  .object({
    case: ZCaseDetail,
    /** True when this answered a retried request (same Idempotency-Key): no new case was made. */
    replayed: z.boolean(),
  })
  .meta({ id: 'CaseIntakeResult' });
export type TCaseIntakeResult = z.infer<typeof ZCaseIntakeResult>;

export const ZPublicIntakeResult = z
  .object({
    trackingNumber: z.string(),
    /** Shown once: the citizen needs it with the tracking number to follow the case. */
    accessCode: z.string(),
    status: z.enum(CASE_STATUS_VALUES),
    bureau: ZBureauRef.nullable(),
    /** When the bureau must reply at the latest (null until a bureau has the case). */
    replyDueAt: nullableInstant,
    steps: z.array(ZCitizenStepSchema),
  })
  .meta({ id: 'PublicIntakeResult' });
export type TPublicIntakeResult = z.infer<typeof ZPublicIntakeResult>;

export const ZPublicCaseView = z
  .object({
    trackingNumber: z.string(),
    status: z.enum(CASE_STATUS_VALUES),
    type: z.enum(REQUEST_TYPE_VALUES),
    createdAt: instant,
    bureau: z.object({ nameZh: z.string(), nameEn: z.string() }).nullable(),
    /** Set when the case was merged into another request: the status shown is the parent's. */
    mergedInto: z.string().nullable(),
    replies: z.array(z.object({ at: instant, text: z.string() })),
    timeline: z.array(
      z.object({ at: instant, action: z.string(), status: z.string().nullable(), note: z.string().nullable() }),
    ),
    /** The citizen may give follow-up feedback now (the bureau has replied). */
    canGiveFeedback: z.boolean(),
    /** When the bureau must reply at the latest, while it owes the reply; else null. */
    replyDueAt: nullableInstant,
    /** received → dispatching → handling → replied → closed (received → closed when closed at intake). */
    steps: z.array(ZCitizenStepSchema),
  })
  .meta({ id: 'PublicCaseView' });
export type TPublicCaseView = z.infer<typeof ZPublicCaseView>;

export const ZFollowUpWorklist = ZFollowUpWorklistSchema.meta({ id: 'FollowUpWorklist' });
export const ZFollowUpAttemptState = ZFollowUpAttemptStateSchema.meta({ id: 'FollowUpAttemptState' });
