import type { TSupervisionAnswerInput, TSupervisionNoticeInput } from '@hotline/contracts';
import { HttpException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { caseInScope } from '../deadlines/case-access';
import { DeadlineEngine } from '@hotline/database';
import { DomainError } from '../common/domain-error';

const noSuchNotice = () => new DomainError('supervision.notice_not_found', 404, 'No such supervision notice');
const isNotFound = (e: unknown) => e instanceof HttpException && e.getStatus() === 404;

/** Supervision notices (督办): a demand with a due time, tracked by a clock like any other deadline. */
@Injectable()
export class SupervisionService {
  constructor(
    private readonly ds: DataSource,
    private readonly engine: DeadlineEngine,
    private readonly audit: AuditService,
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
      const [notice] = (await m.query(
        `INSERT INTO supervision_notices (case_id, issued_by, demand, due_at) VALUES ($1, $2, $3, $4) RETURNING id, created_at`,
        [caseId, p.userId, body.demand, dueAt],
      )) as { id: string; created_at: Date }[];
      const warnAt = new Date(now.getTime() + Math.round((dueAt.getTime() - now.getTime()) * 0.75));
      const [d] = (await m.query(
        `INSERT INTO case_deadlines (case_id, kind, bureau_id, started_at, due_at, warn_at, limit_spec, supervision_notice_id)
         VALUES ($1, 'supervision', $2, $3, $4, $5, NULL, $6) RETURNING id`,
        [caseId, c.lead_bureau_id, now, dueAt, warnAt, notice!.id],
      )) as { id: string }[];
      const target = { case_id: caseId, bureau_id: c.lead_bureau_id };
      await this.engine.timeline(
        m,
        target,
        'supervision_notice',
        body.demand,
        { noticeId: notice!.id, dueAt },
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
          detail: { noticeId: notice!.id },
        },
        m,
      );
      return {
        id: notice!.id,
        caseId,
        deadlineId: d!.id,
        demand: body.demand,
        dueAt: dueAt.toISOString(),
        status: 'open',
      };
    });
  }

  async answer(p: Principal, noticeId: string, body: TSupervisionAnswerInput, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const [n] = (await m.query(`SELECT id, case_id, status FROM supervision_notices WHERE id = $1 FOR UPDATE`, [
        noticeId,
      ])) as {
        id: string;
        case_id: string;
        status: string;
      }[];
      // Another bureau's notice (or one of a case this bureau only assists) answers exactly
      // as a notice that does not exist: the id tells a handler nothing.
      if (!n) throw noSuchNotice();
      const c = await caseInScope(m, n.case_id, p, { leadOnly: true }).catch((e: unknown) => {
        throw isNotFound(e) ? noSuchNotice() : e;
      });
      if (n.status !== 'open')
        throw new DomainError('supervision.notice_not_open', 409, `This notice is ${n.status}`, { status: n.status });
      const now = new Date();
      await m.query(
        `UPDATE supervision_notices SET status = 'answered', answer = $2, answered_by = $3, answered_at = $4 WHERE id = $1`,
        [n.id, body.answer, p.userId, now],
      );
      await m.query(
        `UPDATE case_deadlines SET status = CASE WHEN status = 'pending' THEN 'met' ELSE status END, met_at = $2, settled_at = $2,
           needs_publish = true, updated_at = now()
         WHERE supervision_notice_id = $1 AND (status = 'pending' OR (status = 'missed' AND settled_at IS NULL))`,
        [n.id, now],
      );
      await this.engine.syncCase(m, { id: n.case_id });
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

  async listForCase(p: Principal, caseId: string) {
    return this.ds.transaction(async (m) => {
      await caseInScope(m, caseId, p);
      return m.query(
        `SELECT id, demand, due_at AS "dueAt", status, answer, answered_at AS "answeredAt", created_at AS "createdAt"
         FROM supervision_notices WHERE case_id = $1 ORDER BY id`,
        [caseId],
      ) as Promise<unknown[]>;
    });
  }
}
