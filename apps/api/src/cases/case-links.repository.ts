import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface LinkedCaseRow {
  id: string;
  trackingNumber: string;
  status: string;
  channel: string;
  createdAt: Date;
  closedAt: Date | null;
  description: string;
  leadBureauId: number | null;
  assistingBureauIds: number[];
}

export interface ExtensionRequestRow {
  id: string;
  deadlineKind: string;
  status: string;
  reason: string;
  previousDueAt: Date;
  requestedDueAt: Date;
  requestedAt: Date;
  requestedById: string;
  requestedByName: string | null;
  decidedById: string | null;
  decidedByName: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}

/** Reads that complete the case page: merged repeats on both sides, extension requests. */
@Injectable()
export class CaseLinksRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The parent (if this case was merged) and up to `limit` repeats merged into this case, oldest first. */
  async linked(
    caseId: string,
    parentId: string | null,
    limit: number,
  ): Promise<{
    parent: LinkedCaseRow | null;
    children: LinkedCaseRow[];
    childCount: number;
  }> {
    const cols = `id, tracking_number AS "trackingNumber", status, channel, created_at AS "createdAt",
      closed_at AS "closedAt", left(description, 200) AS description, lead_bureau_id AS "leadBureauId",
      assisting_bureau_ids AS "assistingBureauIds"`;
    const [parents, children, counted] = await Promise.all([
      parentId
        ? (this.ds.query(`SELECT ${cols} FROM cases WHERE id = $1`, [parentId]) as Promise<LinkedCaseRow[]>)
        : Promise.resolve([] as LinkedCaseRow[]),
      this.ds.query(`SELECT ${cols} FROM cases WHERE parent_case_id = $1 ORDER BY created_at, id LIMIT $2`, [
        caseId,
        limit,
      ]) as Promise<LinkedCaseRow[]>,
      this.ds.query(`SELECT count(*)::int AS n FROM cases WHERE parent_case_id = $1`, [caseId]) as Promise<
        Array<{ n: number }>
      >,
    ]);
    return { parent: parents[0] ?? null, children, childCount: counted[0]?.n ?? 0 };
  }

  /** Every extension request of the case, newest first, with who asked and who decided. */
  async extensionRequests(caseId: string): Promise<ExtensionRequestRow[]> {
    return this.ds.query(
      `SELECT x.id::text AS id, d.kind AS "deadlineKind", x.status, x.reason,
              x.previous_due_at AS "previousDueAt", x.requested_due_at AS "requestedDueAt", x.created_at AS "requestedAt",
              x.requested_by AS "requestedById", ru.display_name AS "requestedByName",
              x.decided_by AS "decidedById", du.display_name AS "decidedByName", x.decided_at AS "decidedAt",
              x.decision_note AS "decisionNote"
       FROM extension_requests x
       JOIN case_deadlines d ON d.id = x.deadline_id
       LEFT JOIN users ru ON ru.id = x.requested_by
       LEFT JOIN users du ON du.id = x.decided_by
       WHERE x.case_id = $1
       ORDER BY x.created_at DESC, x.id DESC`,
      [caseId],
    );
  }
}
