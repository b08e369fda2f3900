import type { TExtensionDecisionInput, TExtensionRequestInput, TPauseInput } from '@hotline/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { caseInScope } from './case-access';
import { DeadlineEngine, type DeadlineRow } from '@hotline/database';
import { DomainError } from '../common/domain-error';

const actorOf = (p: Principal) => ({ id: p.userId, name: p.displayName, role: p.role });

/** Extensions (延期) and pauses: every change moves the clock, re-arms the jobs and lands on the timeline. */
@Injectable()
export class DeadlineActionsService {
  constructor(
    private readonly ds: DataSource,
    private readonly engine: DeadlineEngine,
    private readonly audit: AuditService,
  ) {}

  private async liveDeadline(m: EntityManager, caseId: string, kind: string): Promise<DeadlineRow> {
    // A clock the worker has already fired is 'missed' (still unsettled), not 'pending': it is
    // read here too so a late request is told "the deadline has passed" rather than the
    // misleading "no running deadline".
    const [d] = (await m.query(
      `SELECT * FROM case_deadlines WHERE case_id = $1 AND kind = $2
         AND (status = 'pending' OR (status = 'missed' AND settled_at IS NULL))
       ORDER BY id DESC LIMIT 1 FOR UPDATE`,
      [caseId, kind],
    )) as DeadlineRow[];
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
      const pending = (await m.query(`SELECT 1 FROM extension_requests WHERE deadline_id = $1 AND status = 'pending'`, [
        d.id,
      ])) as unknown[];
      if (pending.length)
        throw new DomainError(
          'extension.already_pending',
          409,
          'An extension request for this deadline is already waiting for a decision',
        );
      const [row] = (await m.query(
        `INSERT INTO extension_requests (case_id, deadline_id, requested_by, reason, previous_due_at, requested_due_at)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, status, created_at AS "createdAt"`,
        [caseId, d.id, p.userId, body.reason, d.due_at, newDue],
      )) as { id: string; status: string; createdAt: Date }[];
      await this.engine.timeline(
        m,
        d,
        'extension_requested',
        body.reason,
        { requestId: row!.id, newDueAt: newDue },
        actorOf(p),
      );
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
          detail: { requestId: row!.id },
        },
        m,
      );
      return {
        id: row!.id,
        deadlineId: d.id,
        status: 'pending',
        previousDueAt: d.due_at.toISOString(),
        requestedDueAt: newDue.toISOString(),
      };
    });
  }

  async decideExtension(p: Principal, requestId: string, body: TExtensionDecisionInput, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      const [req] = (await m.query(`SELECT * FROM extension_requests WHERE id = $1 FOR UPDATE`, [requestId])) as {
        id: string;
        case_id: string;
        deadline_id: string;
        requested_by: string;
        requested_due_at: Date;
        status: string;
      }[];
      if (!req) throw new DomainError('extension.not_found', 404, 'No such extension request');
      if (req.status !== 'pending')
        throw new DomainError('extension.already_decided', 409, `This request was already ${req.status}`, {
          status: req.status,
        });
      const [d] = (await m.query(`SELECT * FROM case_deadlines WHERE id = $1 FOR UPDATE`, [
        req.deadline_id,
      ])) as DeadlineRow[];
      const now = new Date();
      const status = body.approve ? 'approved' : 'rejected';
      await m.query(
        `UPDATE extension_requests SET status = $2, decided_by = $3, decided_at = $4, decision_note = $5 WHERE id = $1`,
        [req.id, status, p.userId, now, body.note ?? null],
      );
      if (body.approve) {
        // A request made in time is honoured even if the clock ran out while it waited.
        const live = d && (d.status === 'pending' || (d.status === 'missed' && !d.settled_at));
        if (!d || !live)
          throw new DomainError('deadline.not_running', 409, 'The deadline is no longer running; nothing to extend');
        // A paused clock's due time is recomputed from remaining_ms on resume, which would undo
        // the extension; the request stays pending until the clock runs again.
        if (d.paused_at)
          throw new DomainError('deadline.paused', 409, 'The clock is paused; resume it before approving an extension');
        await this.engine.moveDue(m, d, req.requested_due_at, now);
        await m.query(`UPDATE cases SET extension_count = extension_count + 1 WHERE id = $1`, [req.case_id]);
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

  async listPendingExtensions(p: Principal) {
    return this.ds.query(
      `SELECT e.id, e.case_id AS "caseId", c.tracking_number AS "trackingNumber", d.kind, d.bureau_id AS "bureauId",
              e.reason, e.previous_due_at AS "previousDueAt", e.requested_due_at AS "requestedDueAt", e.created_at AS "createdAt"
       FROM extension_requests e JOIN case_deadlines d ON d.id = e.deadline_id JOIN cases c ON c.id = e.case_id
       WHERE e.status = 'pending' AND ($1::int IS NULL OR d.bureau_id = $1)
         -- Only clocks still running: a request for a clock since met, superseded (redispatch)
         -- or cancelled (case closed) has nothing left to decide and must not clutter the list.
         AND (d.status = 'pending' OR (d.status = 'missed' AND d.settled_at IS NULL))
       ORDER BY e.created_at`,
      [p.role === 'handler' ? p.bureauId : null],
    ) as Promise<unknown[]>;
  }

  /** Pauses the case's running accept/reply clocks, e.g. while waiting for the citizen; only where policy allows. */
  async pause(p: Principal, caseId: string, body: TPauseInput, meta: RequestMeta) {
    return this.ds.transaction(async (m) => {
      await caseInScope(m, caseId, p, { lock: true, leadOnly: true });
      const rows = (await m.query(
        `SELECT d.*, coalesce(pol.pause_allowed, true) AS pause_allowed FROM case_deadlines d
         LEFT JOIN deadline_policies pol ON pol.id = d.policy_id
         WHERE d.case_id = $1 AND d.kind IN ('accept','reply') AND d.status = 'pending' FOR UPDATE OF d`,
        [caseId],
      )) as (DeadlineRow & { pause_allowed: boolean })[];
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
      const rows = (await m.query(
        `SELECT * FROM case_deadlines WHERE case_id = $1 AND status = 'pending' AND paused_at IS NOT NULL FOR UPDATE`,
        [caseId],
      )) as DeadlineRow[];
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
