import { liveClockSql } from '@hotline/database';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export type ExtensionStatus = 'pending' | 'approved' | 'rejected';

/** A row of `extension_requests`. */
export interface ExtensionRequestRow {
  id: string;
  case_id: string;
  deadline_id: string;
  requested_by: string;
  reason: string;
  previous_due_at: Date;
  requested_due_at: Date;
  status: ExtensionStatus;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
  created_at: Date;
}

/** A request as the case's deadline history shows it. */
export interface ExtensionHistoryView {
  id: string;
  deadlineId: string;
  reason: string;
  previousDueAt: Date;
  requestedDueAt: Date;
  status: ExtensionStatus;
  decidedAt: Date | null;
  decisionNote: string | null;
  createdAt: Date;
}

/** A request waiting for a supervisor, with the clock it would move. */
export interface PendingExtensionView {
  id: string;
  caseId: string;
  trackingNumber: string;
  kind: 'accept' | 'reply' | 'supervision';
  bureauId: number | null;
  reason: string;
  previousDueAt: Date;
  requestedDueAt: Date;
  createdAt: Date;
}

/** Extension requests (延期申请): asked for by the lead bureau, decided by a supervisor. */
@Injectable()
export class ExtensionRequestsRepository {
  constructor(private readonly ds: DataSource) {}

  async hasPendingFor(m: EntityManager, deadlineId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `SELECT 1 FROM extension_requests WHERE deadline_id = $1 AND status = 'pending'`,
      [deadlineId],
    );
    return rows.length > 0;
  }

  /** Returns the new request's id. */
  async insert(
    m: EntityManager,
    r: {
      caseId: string;
      deadlineId: string;
      requestedBy: string;
      reason: string;
      previousDueAt: Date;
      requestedDueAt: Date;
    },
  ): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO extension_requests (case_id, deadline_id, requested_by, reason, previous_due_at, requested_due_at)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [r.caseId, r.deadlineId, r.requestedBy, r.reason, r.previousDueAt, r.requestedDueAt],
    );
    return rows[0]!.id;
  }

  async findByIdForUpdate(m: EntityManager, id: string): Promise<ExtensionRequestRow | undefined> {
    const rows: ExtensionRequestRow[] = await m.query(`SELECT * FROM extension_requests WHERE id = $1 FOR UPDATE`, [
      id,
    ]);
    return rows[0];
  }

  async recordDecision(
    m: EntityManager,
    id: string,
    d: { status: 'approved' | 'rejected'; decidedBy: string; decidedAt: Date; note: string | null },
  ): Promise<void> {
    await m.query(
      `UPDATE extension_requests SET status = $2, decided_by = $3, decided_at = $4, decision_note = $5 WHERE id = $1`,
      [id, d.status, d.decidedBy, d.decidedAt, d.note],
    );
  }

  async findAllOfCase(m: EntityManager, caseId: string): Promise<ExtensionHistoryView[]> {
    return m.query(
      `SELECT id, deadline_id AS "deadlineId", reason, previous_due_at AS "previousDueAt", requested_due_at AS "requestedDueAt",
              status, decided_at AS "decidedAt", decision_note AS "decisionNote", created_at AS "createdAt"
       FROM extension_requests WHERE case_id = $1 ORDER BY id`,
      [caseId],
    );
  }

  /**
   * Pending requests of still-live clocks, oldest first (null bureau: every bureau). A request
   * for a clock since met, superseded (redispatch) or cancelled (case closed) has nothing left
   * to decide and must not clutter the list.
   */
  async findPendingOfLiveClocks(bureauId: number | null): Promise<PendingExtensionView[]> {
    return this.ds.query(
      `SELECT e.id, e.case_id AS "caseId", c.tracking_number AS "trackingNumber", d.kind, d.bureau_id AS "bureauId",
              e.reason, e.previous_due_at AS "previousDueAt", e.requested_due_at AS "requestedDueAt", e.created_at AS "createdAt"
       FROM extension_requests e JOIN case_deadlines d ON d.id = e.deadline_id JOIN cases c ON c.id = e.case_id
       WHERE e.status = 'pending' AND ($1::int IS NULL OR d.bureau_id = $1) AND ${liveClockSql('d')}
       ORDER BY e.created_at`,
      [bureauId],
    );
  }
}
