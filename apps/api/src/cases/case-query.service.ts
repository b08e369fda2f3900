import type {
  TCaseDetail,
  TCaseEvent,
  TCaseList,
  TCaseListQuery,
  TSimilarCase,
  TSimilarCasesQuery,
} from '@hotline/contracts';
import type { CaseEntity } from '@hotline/database';
import { caseFieldVisibility, decodeCaseCursor, encodeCaseCursor } from '@hotline/domain';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { toCaseDetail, toCaseEvent, toCaseSummary } from './case-presenter';
import { canSee, caseNotFound } from './case-transition.service';
import { CasesRepository } from './cases.repository';
import { DomainError } from '../common/domain-error';

/** How far back a closed case still counts as a possible repeat at intake. */
const SIMILAR_RECENT_DAYS = 30;

/** Reads: the case, its timeline, lists and search, repeat detection, contact details. */
@Injectable()
export class CaseQueryService {
  constructor(
    private readonly repo: CasesRepository,
    private readonly audit: AuditService,
  ) {}

  async detail(caseId: string, viewer: Principal): Promise<TCaseDetail> {
    return toCaseDetail(await this.visibleCase(caseId, viewer), viewer);
  }

  async events(caseId: string, viewer: Principal): Promise<TCaseEvent[]> {
    const c = await this.visibleCase(caseId, viewer);
    const visible = caseFieldVisibility(viewer, c);
    const events = await this.repo.listEvents(caseId);
    return events.map((e) => toCaseEvent(e, visible));
  }

  async list(q: TCaseListQuery, viewer: Principal): Promise<TCaseList> {
    const after = q.cursor === undefined ? undefined : decodeCaseCursor(q.cursor);
    if (after === null)
      throw new DomainError('request.invalid_cursor', 400, 'The cursor is not valid; start again from the first page');
    if (q.createdFrom && q.createdTo && Date.parse(q.createdFrom) > Date.parse(q.createdTo)) {
      throw new DomainError('request.invalid_range', 400, 'createdFrom must not be after createdTo');
    }
    const rows = await this.repo.list({
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
      text: q.q,
      scopeBureauId: viewer.role === 'handler' ? (viewer.bureauId ?? -1) : undefined,
      after,
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => toCaseSummary(r.caseRow)),
      nextCursor:
        rows.length > q.limit && last ? encodeCaseCursor({ createdAt: last.cursorAt, id: last.caseRow.id }) : null,
    };
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
      if (c.leadBureauId !== viewer.bureauId)
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
    if (!c || !canSee(c, viewer)) throw caseNotFound();
    return c;
  }
}
