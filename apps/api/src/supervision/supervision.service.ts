import type { TSupervisionAnswerInput, TSupervisionNoticeInput } from '@hotline/contracts';
import { HttpException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { caseInScope } from '../deadlines/case-access';
import { DeadlineEngine } from '@hotline/database';
import { DomainError } from '../common/domain-error';
import { CaseClocksRepository, type SupervisionNoticeView } from '../deadlines/case-clocks.repository';
import { SupervisionRepository } from './supervision.repository';

const noSuchNotice = () => new DomainError('supervision.notice_not_found', 404, 'No such supervision notice');
const isNotFound = (e: unknown) => e instanceof HttpException && e.getStatus() === 404;

/** Supervision notices (督办): a demand with a due time, tracked by a clock like any other deadline. */
@Injectable()
export class SupervisionService {
  constructor(
    private readonly ds: DataSource,
    private readonly engine: DeadlineEngine,
    private readonly audit: AuditService,
    private readonly notices: SupervisionRepository,
    private readonly clocks: CaseClocksRepository,
  ) {}

  async issue(p: Principal, caseId: string, body: TSupervisionNoticeInput, meta: RequestMeta) {
    const dueAt = new Date(body.dueAt);
    const now = new Date();
    if (dueAt.getTime() <= now.getTime())
      throw new DomainError('supervision.due_in_past', 400, 'The due time must be in the future');
    return this.ds.transaction(async (m) => {
      const c = await caseInScope(m, caseId, p, { lock: true });
      if (c.status === 'closed')
        throw new DomainError(
          'supervision.case_closed',
          409,
          'The case is closed; a supervision notice needs an open case',
        );
      const noticeId = await this.notices.insert(m, { caseId, issuedBy: p.userId, demand: body.demand, dueAt });
      const deadlineId = await this.engine.startSupervisionClock(m, {
        caseId,
        bureauId: c.lead_bureau_id,
        noticeId,
        at: now,
        dueAt,
      });
      const target = { case_id: caseId, bureau_id: c.lead_bureau_id };
      await this.engine.timeline(
        m,
        target,
        'supervision_notice',
        body.demand,
        { noticeId, dueAt },
        { id: p.userId, name: p.displayName, role: p.role },
      );
      await this.engine.notify(
        m,
        target,
        'supervision_notice',
        `督办通知 (supervision notice): ${body.demand.slice(0, 80)}`,
        { handlers: true },
      );
      await this.audit.record(
        {
          action: 'supervision.issue',
          actor: p,
          targetType: 'case',
          targetId: caseId,
          meta,
          detail: { noticeId },
        },
        m,
      );
      return {
        id: noticeId,
        caseId,
        deadlineId,
        demand: body.demand,
        dueAt: dueAt.toISOString(),
        status: 'open',
      };
    });
  }

  async answer(p: Principal, noticeId: string, body: TSupervisionAnswerInput, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const n = await this.notices.findByIdForUpdate(m, noticeId);
      // Another bureau's notice (or one of a case this bureau only assists) answers exactly
      // as a notice that does not exist: the id tells a handler nothing.
      if (!n) throw noSuchNotice();
      const c = await caseInScope(m, n.case_id, p, { leadOnly: true }).catch((e: unknown) => {
        throw isNotFound(e) ? noSuchNotice() : e;
      });
      if (n.status !== 'open')
        throw new DomainError('supervision.notice_not_open', 409, `This notice is ${n.status}`, { status: n.status });
      const now = new Date();
      await this.notices.markAnswered(m, n.id, { answer: body.answer, answeredBy: p.userId, at: now });
      await this.engine.meetSupervisionClock(m, { caseId: n.case_id, noticeId: n.id, at: now });
      await this.engine.timeline(
        m,
        { case_id: n.case_id, bureau_id: c.lead_bureau_id },
        'supervision_answered',
        body.answer,
        { noticeId: n.id },
        { id: p.userId, name: p.displayName, role: p.role },
      );
      await this.audit.record(
        {
          action: 'supervision.answer',
          actor: p,
          targetType: 'case',
          targetId: n.case_id,
          meta,
          detail: { noticeId: n.id },
        },
        m,
      );
      return { id: n.id, status: 'answered', answeredAt: now.toISOString() };
    });
  }

  async listForCase(p: Principal, caseId: string): Promise<SupervisionNoticeView[]> {
    return this.ds.transaction(async (m) => {
      await caseInScope(m, caseId, p);
      return this.clocks.findSupervisionNoticesOfCase(m, caseId);
    });
  }
}
