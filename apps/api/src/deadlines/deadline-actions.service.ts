import type { TExtensionDecisionInput, TExtensionRequestInput, TPauseInput } from '@hotline/contracts';
import { isLiveClock } from '@hotline/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { caseInScope } from './case-access';
import { DeadlineEngine, type DeadlineRow } from '@hotline/database';
import { DomainError } from '../common/domain-error';
import { CaseClocksRepository } from './case-clocks.repository';
import { ExtensionRequestsRepository, type PendingExtensionView } from './extension-requests.repository';

const actorOf = (p: Principal) => ({ id: p.userId, name: p.displayName, role: p.role });

/** Extensions (延期) and pauses: every change moves the clock, re-arms the jobs and lands on the timeline. */
@Injectable()
export class DeadlineActionsService {
  constructor(
    private readonly ds: DataSource,
    private readonly engine: DeadlineEngine,
    private readonly audit: AuditService,
    private readonly clocks: CaseClocksRepository,
    private readonly extensions: ExtensionRequestsRepository,
  ) {}

  private async liveDeadline(m: EntityManager, caseId: string, kind: DeadlineRow['kind']): Promise<DeadlineRow> {
    // A clock the worker has already fired is 'missed' (still unsettled), not 'pending': it is
    // read here too so a late request is told "the deadline has passed" rather than the
    // misleading "no running deadline".
    const d = await this.engine.liveClockForUpdate(m, caseId, kind);
    if (!d) throw new DomainError('deadline.not_running', 409, `This case has no running ${kind} deadline`, { kind });
    return d;
  }

  async requestExtension(p: Principal, caseId: string, body: TExtensionRequestInput, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      await caseInScope(m, caseId, p, { lock: true, leadOnly: true });
      const d = await this.liveDeadline(m, caseId, body.kind);
      // While paused the due time is frozen in remaining_ms and recomputed on resume, which
      // would silently drop an approved extension: ask for more time once the clock runs.
      if (d.paused_at)
        throw new DomainError('deadline.paused', 409, 'The clock is paused; resume it before asking for an extension');
      const now = new Date();
      const newDue = new Date(body.newDueAt);
      // "Before the deadline": a clock that has already run out needs a supervisor, not a request.
      if (d.status === 'missed' || d.due_at.getTime() <= now.getTime()) {
        throw new DomainError(
          'extension.deadline_passed',
          409,
          'The deadline has already passed; an extension must be asked for before it',
        );
      }
      if (newDue.getTime() <= d.due_at.getTime()) {
        throw new DomainError(
          'extension.due_before_deadline',
          400,
          'The new due time must be later than the current one',
          { dueAt: d.due_at.toISOString() },
        );
      }
      if (await this.extensions.hasPendingFor(m, d.id))
        throw new DomainError(
          'extension.already_pending',
          409,
          'An extension request for this deadline is already waiting for a decision',
        );
      const requestId = await this.extensions.insert(m, {
        caseId,
        deadlineId: d.id,
        requestedBy: p.userId,
        reason: body.reason,
        previousDueAt: d.due_at,
        requestedDueAt: newDue,
      });
      await this.engine.timeline(m, d, 'extension_requested', body.reason, { requestId, newDueAt: newDue }, actorOf(p));
      await this.engine.notify(m, d, 'extension_requested', '延期申请待审批 (extension request)', {
        supervisors: true,
      });
      await this.audit.record(
        {
          action: 'deadline.extension_request',
          actor: p,
          targetType: 'case',
          targetId: caseId,
          meta,
          detail: { requestId },
        },
        m,
      );
      return {
        id: requestId,
        deadlineId: d.id,
        status: 'pending',
        previousDueAt: d.due_at.toISOString(),
        requestedDueAt: newDue.toISOString(),
      };
    });
  }

  async decideExtension(p: Principal, requestId: string, body: TExtensionDecisionInput, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const req = await this.extensions.findByIdForUpdate(m, requestId);
      if (!req) throw new DomainError('extension.not_found', 404, 'No such extension request');
      if (req.status !== 'pending')
        throw new DomainError('extension.already_decided', 409, `This request was already ${req.status}`, {
          status: req.status,
        });
      const d = await this.clocks.findByIdForUpdate(m, req.deadline_id);
      const now = new Date();
      const status = body.approve ? 'approved' : 'rejected';
      await this.extensions.recordDecision(m, req.id, {
        status,
        decidedBy: p.userId,
        decidedAt: now,
        note: body.note ?? null,
      });
      if (body.approve) {
        // A request made in time is honoured even if the clock ran out while it waited.
        const live = d && isLiveClock({ status: d.status, settledAt: d.settled_at });
        if (!d || !live)
          throw new DomainError('deadline.not_running', 409, 'The deadline is no longer running; nothing to extend');
        // A paused clock's due time is recomputed from remaining_ms on resume, which would undo
        // the extension; the request stays pending until the clock runs again.
        if (d.paused_at)
          throw new DomainError('deadline.paused', 409, 'The clock is paused; resume it before approving an extension');
        await this.engine.moveDue(m, d, req.requested_due_at, now);
        await this.clocks.incrementExtensionCount(m, req.case_id);
      }
      const target = d ?? { case_id: req.case_id, bureau_id: null };
      await this.engine.timeline(
        m,
        target,
        `extension_${status}`,
        body.note ?? '',
        { requestId: req.id, newDueAt: req.requested_due_at },
        actorOf(p),
      );
      await this.engine.notify(
        m,
        target,
        `extension_${status}`,
        body.approve ? '延期已批准 (extension approved)' : '延期被驳回 (extension rejected)',
        { userIds: [req.requested_by] },
      );
      await this.audit.record(
        {
          action: `deadline.extension_${status}`,
          actor: p,
          targetType: 'case',
          targetId: req.case_id,
          meta,
          detail: { requestId: req.id },
        },
        m,
      );
      return {
        id: req.id,
        status,
        dueAt: body.approve ? req.requested_due_at.toISOString() : (d?.due_at.toISOString() ?? null),
      };
    });
  }

  listPendingExtensions(p: Principal): Promise<PendingExtensionView[]> {
    return this.extensions.findPendingOfLiveClocks(p.role === 'handler' ? p.bureauId : null);
  }

  /** Pauses the case's running accept/reply clocks, e.g. while waiting for the citizen; only where policy allows. */
  async pause(p: Principal, caseId: string, body: TPauseInput, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      await caseInScope(m, caseId, p, { lock: true, leadOnly: true });
      const rows = await this.clocks.findPendingAcceptReplyForUpdate(m, caseId);
      if (rows.length === 0)
        throw new DomainError('deadline.not_running', 409, 'This case has no running deadline to pause');
      if (rows.some((r) => r.paused_at))
        throw new DomainError('deadline.already_paused', 409, 'The clock is already paused');
      if (rows.some((r) => !r.pause_allowed))
        throw new DomainError(
          'deadline.pause_not_allowed',
          409,
          'The deadline policy of this case does not allow pausing',
        );
      const now = new Date();
      for (const d of rows) await this.engine.pause(m, d, body.reason, now);
      await this.engine.timeline(m, rows[0]!, 'clock_paused', body.reason, {}, actorOf(p));
      await this.audit.record(
        {
          action: 'deadline.pause',
          actor: p,
          targetType: 'case',
          targetId: caseId,
          meta,
          detail: { reason: body.reason },
        },
        m,
      );
      return { paused: rows.length, reason: body.reason, pausedAt: now.toISOString() };
    });
  }

  async resume(p: Principal, caseId: string, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      await caseInScope(m, caseId, p, { lock: true, leadOnly: true });
      const rows = await this.clocks.findPausedForUpdate(m, caseId);
      if (rows.length === 0) throw new DomainError('deadline.not_paused', 409, 'The clock is not paused');
      const now = new Date();
      const dues: Record<string, string> = {};
      for (const d of rows) dues[d.kind] = (await this.engine.resume(m, d, now)).toISOString();
      await this.engine.timeline(m, rows[0]!, 'clock_resumed', '', { dueAt: dues }, actorOf(p));
      await this.audit.record({ action: 'deadline.resume', actor: p, targetType: 'case', targetId: caseId, meta }, m);
      return { resumed: rows.length, dueAt: dues };
    });
  }
}
