import { z } from 'zod';
import { REQUEST_TYPE_VALUES, URGENCY_VALUES } from './case.schemas';
import { ZDeadlineLimit } from './deadline.schemas';

// Deadlines, policies, the working calendar, supervision notices and notifications.
// Row ids of the bigserial tables (deadlines, extension requests, notices, notifications)
// are strings: they may outgrow a JavaScript number.

const instant = z.iso.datetime({ offset: true });
const rowId = z.string();
const intId = z.number().int();
const count = z.number().int().nonnegative();
const DEADLINE_KINDS = ['accept', 'reply', 'supervision'] as const;
const EXTENSION_STATUSES = ['pending', 'approved', 'rejected'] as const;
const NOTICE_STATUSES = ['open', 'answered', 'cancelled'] as const;

/** Which case's clock a row is about, as the deadline lists show it. */
const deadlineCaseRef = {
  caseId: z.uuid(),
  trackingNumber: z.string(),
  kind: z.enum(DEADLINE_KINDS),
  bureauId: intId.nullable(),
};
/** An extension request moves a clock's due time from one instant to another. */
const extensionDueTimes = { previousDueAt: instant, requestedDueAt: instant };

export const ZDeadlineView = z
  .object({
    id: rowId,
    ...deadlineCaseRef,
    status: z.enum(['pending', 'met', 'missed', 'cancelled', 'superseded']),
    startedAt: instant,
    dueAt: instant,
    warnAt: instant.nullable(),
    warnedAt: instant.nullable(),
    firedAt: instant.nullable(),
    metAt: instant.nullable(),
    escalatedAt: instant.nullable(),
    pausedAt: instant.nullable(),
    pauseReason: z.string().nullable(),
    generation: intId,
    /** Negative when overdue. */
    secondsLeft: intId,
  })
  .meta({ id: 'DeadlineView' });
export type TDeadlineView = z.infer<typeof ZDeadlineView>;
export const ZDeadlineViewList = z.array(ZDeadlineView);

export const ZDeadlineBureauCounts = z
  .object({
    bureauId: intId.nullable(),
    bureauCode: z.string().nullable(),
    bureauNameZh: z.string().nullable(),
    pending: count,
    warning: count,
    dueSoon: count,
    overdue: count,
    escalated: count,
  })
  .meta({ id: 'DeadlineBureauCounts' });
export type TDeadlineBureauCounts = z.infer<typeof ZDeadlineBureauCounts>;
export const ZDeadlineBureauCountsList = z.array(ZDeadlineBureauCounts);

export const ZExtensionRequestRow = z
  .object({
    id: rowId,
    deadlineId: rowId,
    reason: z.string(),
    ...extensionDueTimes,
    status: z.enum(EXTENSION_STATUSES),
    decidedAt: instant.nullable(),
    decisionNote: z.string().nullable(),
    createdAt: instant,
  })
  .meta({ id: 'ExtensionRequestRow' });
export type TExtensionRequestRow = z.infer<typeof ZExtensionRequestRow>;

export const ZSupervisionNotice = z
  .object({
    id: rowId,
    demand: z.string(),
    dueAt: instant,
    status: z.enum(NOTICE_STATUSES),
    answer: z.string().nullable(),
    answeredAt: instant.nullable(),
    createdAt: instant,
  })
  .meta({ id: 'SupervisionNotice' });
export type TSupervisionNotice = z.infer<typeof ZSupervisionNotice>;
export const ZSupervisionNoticeList = z.array(ZSupervisionNotice);

export const ZCaseDeadlineHistory = z
  .object({
    caseId: z.uuid(),
    trackingNumber: z.string(),
    flag: z.enum(['none', 'warning', 'overdue']),
    escalatedAt: instant.nullable(),
    deadlines: z.array(ZDeadlineView),
    extensions: z.array(ZExtensionRequestRow),
    supervisionNotices: z.array(ZSupervisionNotice),
  })
  .meta({ id: 'CaseDeadlineHistory' });
export type TCaseDeadlineHistory = z.infer<typeof ZCaseDeadlineHistory>;

export const ZExtensionRequested = z
  .object({
    id: rowId,
    deadlineId: rowId,
    status: z.literal('pending'),
    ...extensionDueTimes,
  })
  .meta({ id: 'ExtensionRequested' });

export const ZPendingExtension = z
  .object({
    id: rowId,
    ...deadlineCaseRef,
    reason: z.string(),
    ...extensionDueTimes,
    createdAt: instant,
  })
  .meta({ id: 'PendingExtension' });
export type TPendingExtension = z.infer<typeof ZPendingExtension>;
export const ZPendingExtensionList = z.array(ZPendingExtension);

export const ZExtensionDecided = z
  .object({
    id: rowId,
    status: z.enum(['approved', 'rejected']),
    /** The clock's due time after the decision. */
    dueAt: instant.nullable(),
  })
  .meta({ id: 'ExtensionDecided' });

export const ZDeadlinesPaused = z
  .object({ paused: count, reason: z.string(), pausedAt: instant })
  .meta({ id: 'DeadlinesPaused' });

export const ZDeadlinesResumed = z
  .object({
    resumed: count,
    /** New due time per resumed deadline id. */
    dueAt: z.record(z.string(), instant),
  })
  .meta({ id: 'DeadlinesResumed' });

export const ZDeadlinePolicy = z
  .object({
    id: intId,
    name: z.string(),
    categoryId: intId.nullable(),
    requestType: z.enum(REQUEST_TYPE_VALUES).nullable(),
    urgency: z.enum(URGENCY_VALUES).nullable(),
    acceptLimit: ZDeadlineLimit,
    replyLimit: ZDeadlineLimit,
    warningFraction: z.number(),
    pauseAllowed: z.boolean(),
    active: z.boolean(),
    version: intId,
    updatedAt: instant,
  })
  .meta({ id: 'DeadlinePolicy' });
export type TDeadlinePolicy = z.infer<typeof ZDeadlinePolicy>;
export const ZDeadlinePolicyList = z.array(ZDeadlinePolicy);

export const ZDeadlinePolicyVersion = z
  .object({
    version: intId,
    /** The policy row as it was saved at this version (the seeded first versions in column spelling). */
    snapshot: z.record(z.string(), z.unknown()),
    changedBy: z.string().nullable(),
    changedAt: instant,
  })
  .meta({ id: 'DeadlinePolicyVersion' });
export const ZDeadlinePolicyVersionList = z.array(ZDeadlinePolicyVersion);

export const ZDeadlinePolicyRetired = z
  .object({ id: intId, active: z.literal(false) })
  .meta({ id: 'DeadlinePolicyRetired' });

const workingPeriods = z.array(z.object({ start: z.string(), end: z.string() }));
const calendarDayKind = z.enum(['holiday', 'makeup_workday']);

export const ZCalendarDay = z
  .object({ day: z.iso.date(), kind: calendarDayKind, name: z.string() })
  .meta({ id: 'CalendarDay' });
export type TCalendarDay = z.infer<typeof ZCalendarDay>;

export const ZCalendarSettings = z
  .object({ version: intId, workingPeriods, escalationWorkingDays: intId })
  .meta({ id: 'CalendarSettings' });
export type TCalendarSettings = z.infer<typeof ZCalendarSettings>;

export const ZCalendar = ZCalendarSettings.extend({ days: z.array(ZCalendarDay) }).meta({ id: 'Calendar' });
export type TCalendar = z.infer<typeof ZCalendar>;

export const ZCalendarDayCleared = z
  .object({ day: z.iso.date(), deleted: z.literal(true) })
  .meta({ id: 'CalendarDayCleared' });

export const ZSupervisionNoticeIssued = z
  .object({
    id: rowId,
    caseId: z.uuid(),
    deadlineId: rowId,
    demand: z.string(),
    dueAt: instant,
    status: z.literal('open'),
  })
  .meta({ id: 'SupervisionNoticeIssued' });

export const ZSupervisionNoticeAnswered = z
  .object({ id: rowId, status: z.literal('answered'), answeredAt: instant })
  .meta({ id: 'SupervisionNoticeAnswered' });

export const ZNotification = z
  .object({
    id: rowId,
    caseId: z.uuid().nullable(),
    kind: z.string(),
    title: z.string(),
    body: z.string(),
    data: z.record(z.string(), z.unknown()),
    createdAt: instant,
    readAt: instant.nullable(),
  })
  .meta({ id: 'Notification' });
export type TNotification = z.infer<typeof ZNotification>;

export const ZNotificationList = z
  .object({ items: z.array(ZNotification), unread: count })
  .meta({ id: 'NotificationList' });
export type TNotificationList = z.infer<typeof ZNotificationList>;

export const ZNotificationsMarked = z.object({ marked: count }).meta({ id: 'NotificationsMarked' });
export const ZNotificationRead = z.object({ id: rowId, read: z.literal(true) }).meta({ id: 'NotificationRead' });
