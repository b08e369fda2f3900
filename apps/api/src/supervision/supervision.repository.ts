import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** The fields of a supervision notice that answering it needs. */
export interface SupervisionNoticeRef {
  id: string;
  case_id: string;
  status: 'open' | 'answered' | 'cancelled';
}

/**
 * Supervision notices (督办) as the supervision routes write them. Listing a case's notices
 * is the deadline history's read (CaseClocksRepository); their clocks are the DeadlineEngine's.
 */
@Injectable()
export class SupervisionRepository {
  /** Returns the new notice's id. */
  async insert(
    m: EntityManager,
    n: { caseId: string; issuedBy: string; demand: string; dueAt: Date },
  ): Promise<string> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO supervision_notices (case_id, issued_by, demand, due_at) VALUES ($1, $2, $3, $4) RETURNING id`,
      [n.caseId, n.issuedBy, n.demand, n.dueAt],
    );
    return rows[0]!.id;
  }

  async findByIdForUpdate(m: EntityManager, id: string): Promise<SupervisionNoticeRef | undefined> {
    const rows: SupervisionNoticeRef[] = await m.query(
      `SELECT id, case_id, status FROM supervision_notices WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return rows[0];
  }

  async markAnswered(m: EntityManager, id: string, a: { answer: string; answeredBy: string; at: Date }): Promise<void> {
    await m.query(
      `UPDATE supervision_notices SET status = 'answered', answer = $2, answered_by = $3, answered_at = $4 WHERE id = $1`,
      [id, a.answer, a.answeredBy, a.at],
    );
  }
}
