import { escalatedClockSql, liveClockSql, overdueClockSql, type DeadlineRow } from '@hotline/database';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** A clock as the boards and the case's deadline history read it: the row plus the case's tracking number. */
export type DeadlineViewRow = Pick<
  DeadlineRow,
  | 'id'
  | 'case_id'
  | 'kind'
  | 'bureau_id'
  | 'status'
  | 'started_at'
  | 'due_at'
  | 'warn_at'
  | 'warned_at'
  | 'fired_at'
  | 'met_at'
  | 'escalated_at'
  | 'paused_at'
  | 'pause_reason'
  | 'generation'
> & { tracking_number: string };

/** A running accept/reply clock and whether its policy lets it pause (no policy: it may). */
export type PausableDeadlineRow = DeadlineRow & { pause_allowed: boolean };

/** One bureau's line on the supervisor's counts board. */
export interface BureauDeadlineCounts {
  bureauId: number | null;
  bureauCode: string | null;
  bureauNameZh: string | null;
  pending: number;
  warning: number;
  dueSoon: number;
  overdue: number;
  escalated: number;
}

/** The deadline columns of the case itself. */
export interface CaseDeadlineFlags {
  flag: string;
  escalated_at: Date | null;
}

/** A supervision notice as the case's deadline history and the notices route list it. */
export interface SupervisionNoticeView {
  id: string;
  demand: string;
  dueAt: Date;
  status: 'open' | 'answered' | 'cancelled';
  answer: string | null;
  answeredAt: Date | null;
  createdAt: Date;
}

/** A board page: optional bureau (null: every bureau) and a row limit. */
export interface BoardFilter {
  bureauId: number | null;
  limit: number;
}

const VIEW_COLUMNS = `d.id, d.case_id, c.tracking_number, d.kind, d.bureau_id, d.status, d.started_at, d.due_at, d.warn_at,
  d.warned_at, d.fired_at, d.met_at, d.escalated_at, d.paused_at, d.pause_reason, d.generation`;
const VIEW_FROM = `FROM case_deadlines d JOIN cases c ON c.id = d.case_id`;

/**
 * Clocks (`case_deadlines`) as the API's boards, history and extension / pause routes read and
 * lock them. Every write to a clock goes through the DeadlineEngine (and its DeadlinesRepository
 * in @hotline/database), which does the clock arithmetic.
 */
@Injectable()
export class CaseClocksRepository {
  constructor(private readonly ds: DataSource) {}

  // ---- boards ------------------------------------------------------------------------------

  async findDueSoon(f: BoardFilter & { withinHours: number }): Promise<DeadlineViewRow[]> {
    return this.ds.query(
      `SELECT ${VIEW_COLUMNS} ${VIEW_FROM}
       WHERE d.status = 'pending' AND d.paused_at IS NULL AND d.due_at > now()
         AND d.due_at <= now() + make_interval(secs => $1::double precision * 3600)
         AND ($2::int IS NULL OR d.bureau_id = $2)
       ORDER BY d.due_at, d.id LIMIT $3`,
      [f.withinHours, f.bureauId, f.limit],
    );
  }

  async findOverdue(f: BoardFilter): Promise<DeadlineViewRow[]> {
    return this.ds.query(
      `SELECT ${VIEW_COLUMNS} ${VIEW_FROM}
       WHERE ${overdueClockSql('d')} AND ($1::int IS NULL OR d.bureau_id = $1)
       ORDER BY d.due_at, d.id LIMIT $2`,
      [f.bureauId, f.limit],
    );
  }

  async findEscalated(f: BoardFilter): Promise<DeadlineViewRow[]> {
    return this.ds.query(
      `SELECT ${VIEW_COLUMNS} ${VIEW_FROM}
       WHERE ${escalatedClockSql('d')} AND ($1::int IS NULL OR d.bureau_id = $1)
       ORDER BY d.escalated_at, d.id LIMIT $2`,
      [f.bureauId, f.limit],
    );
  }

  /** Live clocks counted per bureau, most overdue bureau first. */
  async countLiveByBureau(f: { bureauId: number | null; withinHours: number }): Promise<BureauDeadlineCounts[]> {
    return this.ds.query(
      `SELECT d.bureau_id AS "bureauId", b.code AS "bureauCode", b.name_zh AS "bureauNameZh",
         count(*) FILTER (WHERE d.status = 'pending')::int AS pending,
         count(*) FILTER (WHERE d.status = 'pending' AND d.warned_at IS NOT NULL)::int AS warning,
         count(*) FILTER (WHERE d.status = 'pending' AND d.paused_at IS NULL
                          AND d.due_at <= now() + make_interval(secs => $1::double precision * 3600))::int AS "dueSoon",
         count(*) FILTER (WHERE ${overdueClockSql('d')})::int AS overdue,
         count(*) FILTER (WHERE ${escalatedClockSql('d')})::int AS escalated
       FROM case_deadlines d LEFT JOIN bureaus b ON b.id = d.bureau_id
       WHERE ${liveClockSql('d')} AND ($2::int IS NULL OR d.bureau_id = $2)
       GROUP BY d.bureau_id, b.code, b.name_zh ORDER BY overdue DESC, "dueSoon" DESC, d.bureau_id`,
      [f.withinHours, f.bureauId],
    );
  }

  // ---- one case ----------------------------------------------------------------------------

  /** Every clock the case has had, oldest first. */
  async findAllOfCase(m: EntityManager, caseId: string): Promise<DeadlineViewRow[]> {
    return m.query(`SELECT ${VIEW_COLUMNS} ${VIEW_FROM} WHERE d.case_id = $1 ORDER BY d.id`, [caseId]);
  }

  async findCaseFlags(m: EntityManager, caseId: string): Promise<CaseDeadlineFlags | undefined> {
    const rows: CaseDeadlineFlags[] = await m.query(`SELECT flag, escalated_at FROM cases WHERE id = $1`, [caseId]);
    return rows[0];
  }

  async findByIdForUpdate(m: EntityManager, id: string): Promise<DeadlineRow | undefined> {
    const rows: DeadlineRow[] = await m.query(`SELECT * FROM case_deadlines WHERE id = $1 FOR UPDATE`, [id]);
    return rows[0];
  }

  /** The case's pending accept/reply clocks with their policy's pause permission, locked. */
  async findPendingAcceptReplyForUpdate(m: EntityManager, caseId: string): Promise<PausableDeadlineRow[]> {
    return m.query(
      `SELECT d.*, coalesce(pol.pause_allowed, true) AS pause_allowed FROM case_deadlines d
       LEFT JOIN deadline_policies pol ON pol.id = d.policy_id
       WHERE d.case_id = $1 AND d.kind IN ('accept','reply') AND d.status = 'pending' FOR UPDATE OF d`,
      [caseId],
    );
  }

  async findPausedForUpdate(m: EntityManager, caseId: string): Promise<DeadlineRow[]> {
    return m.query(
      `SELECT * FROM case_deadlines WHERE case_id = $1 AND status = 'pending' AND paused_at IS NOT NULL FOR UPDATE`,
      [caseId],
    );
  }

  async incrementExtensionCount(m: EntityManager, caseId: string): Promise<void> {
    await m.query(`UPDATE cases SET extension_count = extension_count + 1 WHERE id = $1`, [caseId]);
  }

  /**
   * The case's supervision notices, oldest first. Read here, beside the clocks they start,
   * because the deadline history lists them and the supervision module builds on this one
   * (not the other way round).
   */
  async findSupervisionNoticesOfCase(m: EntityManager, caseId: string): Promise<SupervisionNoticeView[]> {
    return m.query(
      `SELECT id, demand, due_at AS "dueAt", status, answer, answered_at AS "answeredAt", created_at AS "createdAt"
       FROM supervision_notices WHERE case_id = $1 ORDER BY id`,
      [caseId],
    );
  }
}
