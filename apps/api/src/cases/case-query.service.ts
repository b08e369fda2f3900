import type {
  TCaseDetail,
  TCaseEvent,
  TCaseCounts,
  TCaseCountsQuery,
  TCaseList,
  TCaseListQuery,
  TSimilarCase,
  TSimilarCasesQuery,
} from '@hotline/contracts';
import type { CaseEntity } from '@hotline/database';
import {
  caseFieldVisibility,
  caseVisibility,
  decodeCaseCursor,
  decodePriorityCursor,
  encodeCaseCursor,
  encodePriorityCursor,
  LIST_TOTAL_CAP,
  phoneSearch,
  trackingSearch,
} from '@hotline/domain';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { caseAllows, caseNotFound } from './case-access.repository';
import { CaseLinksRepository, type LinkedCaseRow } from './case-links.repository';
import {
  toCaseDetail,
  toCaseEvent,
  toCaseListItem,
  toCaseSummary,
  toExtensionRequestView,
  toLinkedCase,
} from './case-presenter';
import { CasesRepository } from './cases.repository';
import { DomainError } from '../common/domain-error';

/** How far back a closed case still counts as a possible repeat at intake. */
const SIMILAR_RECENT_DAYS = 30;

/** How many merged repeats the case page lists (the count covers them all). */
const LINKED_CHILDREN_SHOWN = 50;

/** The web's tabs as fixed SQL conditions over open cases (CASE_COUNT_SETS in the contracts). */
const OPEN_BUREAU = `status IN ('dispatched', 'in_progress', 'return_review')`;
const COUNT_CONDITIONS: Record<TCaseCountsQuery['set'], Record<string, string>> = {
  inbox: {
    toAccept: `status = 'dispatched'`,
    inProgress: `status = 'in_progress'`,
    dueSoon: `flag = 'warning' AND ${OPEN_BUREAU}`,
    overdue: `flag = 'overdue' AND ${OPEN_BUREAU}`,
    returned: `status = 'return_review'`,
  },
  board: {
    overdue: `flag = 'overdue' AND ${OPEN_BUREAU}`,
    dueSoon: `flag = 'warning' AND ${OPEN_BUREAU}`,
    escalated: `escalated_at IS NOT NULL`,
  },
  queue: {
    awaitingDispatch: `status = 'awaiting_dispatch'`,
    returnReview: `status = 'return_review'`,
    awaitingFollowUp: `status = 'awaiting_follow_up'`,
  },
};

/** Reads: the case, its timeline, lists and search, repeat detection, contact details. */
@Injectable()
export class CaseQueryService {
  constructor(
    private readonly repo: CasesRepository,
    private readonly audit: AuditService,
    private readonly links: CaseLinksRepository,
  ) {}

  async detail(caseId: string, viewer: Principal): Promise<TCaseDetail> {
    return this.present(await this.visibleCase(caseId, viewer), viewer);
  }

  /**
   * The full case page: the case, the repeats merged into it or the case it was merged into
   * (a bureau sees only linked cases it could open), and its extension requests.
   */
  async present(c: CaseEntity, viewer: Principal): Promise<TCaseDetail> {
    const [links, extensions] = await Promise.all([
      this.links.linked(c.id, c.parentCaseId, LINKED_CHILDREN_SHOWN),
      this.links.extensionRequests(c.id),
    ]);
    const visible = (l: LinkedCaseRow) => caseAllows(viewer, l);
    return {
      ...toCaseDetail(c, viewer),
      linked: {
        parent: links.parent && visible(links.parent) ? toLinkedCase(links.parent) : null,
        children: links.children.filter(visible).map(toLinkedCase),
        childCount: links.childCount,
      },
      extensionRequests: extensions.map(toExtensionRequestView),
    };
  }

  async events(caseId: string, viewer: Principal): Promise<TCaseEvent[]> {
    const c = await this.visibleCase(caseId, viewer);
    const visible = caseFieldVisibility(viewer, c);
    const events = await this.repo.listEvents(caseId);
    return events.map((e) => toCaseEvent(e, visible));
  }

  async list(q: TCaseListQuery, viewer: Principal): Promise<TCaseList> {
    const priority = q.sort === 'priority';
    const after = q.cursor === undefined || priority ? undefined : decodeCaseCursor(q.cursor);
    const afterPriority = q.cursor === undefined || !priority ? undefined : decodePriorityCursor(q.cursor);
    if (after === null || afterPriority === null) {
      throw new DomainError('request.invalid_cursor', 400, 'The cursor is not valid; start again from the first page');
    }
    if (q.createdFrom && q.createdTo && Date.parse(q.createdFrom) > Date.parse(q.createdTo)) {
      throw new DomainError('request.invalid_range', 400, 'createdFrom must not be after createdTo');
    }
    const phone = q.phone === undefined ? undefined : phoneSearch(q.phone);
    if (phone === null)
      throw new DomainError('search.phone_too_short', 400, 'Enter at least 4 digits of the phone number');
    const trackingNo = q.trackingNo === undefined ? undefined : trackingSearch(q.trackingNo);
    if (trackingNo === null)
      throw new DomainError(
        'search.tracking_too_short',
        400,
        'Enter the tracking number (or at least 6 of its digits)',
      );
    const overdueOnly = q.overdue === 'true' || q.flag === 'overdue';
    const filter = {
      statuses: q.status,
      bureauId: q.bureauId,
      categoryId: q.categoryId,
      districtId: q.districtId,
      streetId: q.streetId,
      types: q.type,
      urgencies: q.urgency,
      channels: q.channel,
      createdFrom: q.createdFrom,
      createdTo: q.createdTo,
      flag: q.overdue === 'true' ? 'overdue' : q.flag,
      notFlag: q.overdue === 'false' ? 'overdue' : undefined,
      // "Overdue" is open work past its deadline: a closed case is never listed as overdue.
      openOnly: overdueOnly || undefined,
      text: q.q,
      address: q.address,
      phone,
      trackingNo,
      parentId: q.parentId,
      viewer,
      sort: q.sort,
    };
    const [rows, counted] = await Promise.all([
      this.repo.list({ ...filter, after, afterPriority, limit: q.limit + 1 }),
      this.repo.countList(filter, LIST_TOTAL_CAP),
    ]);
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    const more = rows.length > q.limit && last;
    return {
      items: page.map((r) => toCaseListItem(r.caseRow, r.paused)),
      nextCursor: !more
        ? null
        : priority
          ? encodePriorityCursor({ ...last.priority, createdAt: last.cursorAt, id: last.caseRow.id })
          : encodeCaseCursor({ createdAt: last.cursorAt, id: last.caseRow.id }),
      total: Math.min(counted, LIST_TOTAL_CAP),
      totalCapped: counted > LIST_TOTAL_CAP,
    };
  }

  /**
   * Counts per inbox tab / board column / queue in one scan, scoped as the lists are (a
   * handler counts only their bureau's cases). Each condition matches the list filter the web
   * sends for that tab, so a tab's count equals its list's total.
   */
  async counts(q: TCaseCountsQuery, viewer: Principal): Promise<TCaseCounts> {
    const conditions = COUNT_CONDITIONS[q.set];
    const counts = await this.repo.countBy(conditions, {
      bureauId: q.bureauId,
      viewer,
    });
    return { set: q.set, counts };
  }

  async similar(q: TSimilarCasesQuery): Promise<TSimilarCase[]> {
    const rows = await this.repo.findSimilar({ ...q, recentDays: SIMILAR_RECENT_DAYS, limit: 20 });
    return rows.map((r) => ({
      ...toCaseSummary(r.caseRow),
      matchedBy: [...(r.byCaller ? (['caller'] as const) : []), ...(r.byPlace ? (['place'] as const) : [])],
    }));
  }

  /**
   * The unmasked contact for the lead bureau's handler, when the citizen allowed contact and
   * the case is not confidential. Every disclosure is audited.
   */
  async contact(
    caseId: string,
    viewer: Principal,
    meta: RequestMeta,
  ): Promise<{ name: string | null; phone: string | null; email: string | null }> {
    const c = await this.visibleCase(caseId, viewer);
    if (viewer.role === 'handler') {
      if (caseVisibility(viewer, c) !== 'lead')
        throw new DomainError('contact.lead_bureau_only', 403, 'Only the lead bureau may contact the citizen');
      if (c.confidential)
        throw new DomainError(
          'contact.confidential',
          403,
          'This case is confidential: the hotline contacts the citizen',
        );
      if (!c.contactAllowed || c.anonymous) {
        throw new DomainError('contact.no_consent', 403, 'The citizen did not agree to be contacted by the bureau');
      }
    }
    await this.audit.record({ action: 'case.contact_viewed', actor: viewer, targetType: 'case', targetId: c.id, meta });
    return { name: c.callerName, phone: c.callerPhone, email: c.callerEmail };
  }

  private async visibleCase(caseId: string, viewer: Principal): Promise<CaseEntity> {
    const c = await this.repo.findById(caseId);
    if (!c || !caseAllows(viewer, c)) throw caseNotFound();
    return c;
  }
}
