import type {
  TCaseDetail,
  TCaseEvent,
  TCaseListItem,
  TCaseSummary,
  TExtensionRequestView,
  TLinkedCase,
} from '@hotline/contracts';
import type { CaseEntity, CaseEventEntity } from '@hotline/database';
import {
  allowedHttpActions,
  type CaseFieldVisibility,
  caseFieldVisibility,
  caseVisibility,
  clockState,
  isReopenable,
} from '@hotline/domain';
import { presentCaller } from '../common/contact-privacy';
import type { Principal } from '../common/request-context';
import type { ExtensionRequestRow, LinkedCaseRow } from './case-links.repository';

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

export function toCaseSummary(c: CaseEntity): TCaseSummary {
  return {
    id: c.id,
    trackingNumber: c.trackingNumber,
    status: c.status,
    channel: c.channel,
    type: c.type,
    urgency: c.urgency,
    categoryId: c.categoryId,
    districtId: c.districtId,
    streetId: c.streetId,
    leadBureauId: c.leadBureauId,
    description: c.description,
    flag: c.flag,
    acceptDueAt: iso(c.acceptDueAt),
    replyDueAt: iso(c.replyDueAt),
    createdAt: iso(c.createdAt)!,
    version: c.version,
  };
}

/** A list row: the summary plus the engine's clock verdict, so every list colours alike. */
export function toCaseListItem(c: CaseEntity, paused: boolean): TCaseListItem {
  return {
    ...toCaseSummary(c),
    dispatchedAt: iso(c.dispatchedAt),
    acceptedAt: iso(c.acceptedAt),
    warning: c.flag === 'warning',
    overdue: c.flag === 'overdue',
    clockState: clockState({ status: c.status, paused }),
    parentCaseId: c.parentCaseId,
    mergedChildren: c.mergedChildren,
  };
}

/** The full case for staff, as caseFieldVisibility lets this viewer see it. */
export function toCaseDetail(c: CaseEntity, viewer: Principal): TCaseDetail {
  const caller = presentCaller(c, viewer);
  const visible = caseFieldVisibility(viewer, c);
  return {
    ...toCaseSummary(c),
    address: c.address,
    lat: c.lat,
    lng: c.lng,
    attributes: c.attributes,
    mediaUrl: c.mediaUrl,
    caller: {
      name: caller.name,
      phone: caller.phone,
      email: caller.email,
      type: c.callerType,
      anonymous: c.anonymous,
      confidential: c.confidential,
      contactAllowed: c.contactAllowed,
      masked: caller.masked,
      hidden: caller.hidden,
    },
    assistingBureauIds: c.assistingBureauIds,
    matchedRuleId: c.matchedRuleId,
    unmatchedAtIntake: c.unmatchedAtIntake,
    dispatchedAt: iso(c.dispatchedAt),
    acceptedAt: iso(c.acceptedAt),
    repliedAt: iso(c.repliedAt),
    closedAt: iso(c.closedAt),
    closeReason: c.closeReason,
    directAnswer: c.directAnswer,
    notAcceptedReason: c.notAcceptedReason,
    properChannel: c.properChannel,
    publicReply: c.publicReply,
    internalNote: visible.internalNote ? c.internalNote : null,
    returnReason: c.returnReason,
    followUp: {
      contacted: c.followUpContacted,
      solved: c.followUpSolved,
      satisfaction: c.followUpSatisfaction,
      at: iso(c.followedUpAt),
    },
    returnCount: c.returnCount,
    reopenCount: c.reopenCount,
    extensionCount: c.extensionCount,
    parentCaseId: c.parentCaseId,
    mergedChildren: c.mergedChildren,
    escalatedAt: iso(c.escalatedAt),
    updatedAt: iso(c.updatedAt)!,
    allowedActions: allowedHttpActions({
      status: c.status,
      role: viewer.role,
      isLeadBureau: caseVisibility(viewer, c) === 'lead',
      reopenable: isReopenable(c),
    }),
  };
}

/** One timeline entry for staff; the internal note in `data` follows caseFieldVisibility. */
export function toCaseEvent(e: CaseEventEntity, visible: Pick<CaseFieldVisibility, 'internalNote'>): TCaseEvent {
  const data = !visible.internalNote && 'internalNote' in e.data ? { ...e.data, internalNote: null } : e.data;
  return {
    id: String(e.id),
    at: iso(e.at)!,
    actorId: e.actorId,
    actorName: e.actorName,
    actorRole: e.actorRole,
    action: e.action,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    bureauId: e.bureauId,
    note: e.note,
    isPublic: e.isPublic,
    data,
  };
}

export function toLinkedCase(l: LinkedCaseRow): TLinkedCase {
  return {
    id: l.id,
    trackingNumber: l.trackingNumber,
    status: l.status as TLinkedCase['status'],
    channel: l.channel as TLinkedCase['channel'],
    createdAt: iso(l.createdAt)!,
    closedAt: iso(l.closedAt),
    description: l.description,
  };
}

export function toExtensionRequestView(x: ExtensionRequestRow): TExtensionRequestView {
  return {
    id: x.id,
    deadlineKind: x.deadlineKind as TExtensionRequestView['deadlineKind'],
    status: x.status as TExtensionRequestView['status'],
    reason: x.reason,
    previousDueAt: iso(x.previousDueAt)!,
    requestedDueAt: iso(x.requestedDueAt)!,
    requestedAt: iso(x.requestedAt)!,
    requestedBy: { id: x.requestedById, name: x.requestedByName },
    decidedBy: x.decidedById ? { id: x.decidedById, name: x.decidedByName } : null,
    decidedAt: iso(x.decidedAt),
    decisionNote: x.decisionNote,
  };
}
