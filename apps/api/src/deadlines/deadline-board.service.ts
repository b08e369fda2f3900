import type { TBoardQuery, TDeadlineView } from '@hotline/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/request-context';
import { caseInScope } from './case-access';

const VIEW_COLUMNS = `d.id, d.case_id, c.tracking_number, d.kind, d.bureau_id, d.status, d.started_at, d.due_at, d.warn_at,
  d.warned_at, d.fired_at, d.met_at, d.escalated_at, d.paused_at, d.pause_reason, d.generation`;

interface ViewRow {
  id: string;
  case_id: string;
  tracking_number: string;
  kind: TDeadlineView['kind'];
  bureau_id: number | null;
  status: TDeadlineView['status'];
  started_at: Date;
  due_at: Date;
  warn_at: Date | null;
  warned_at: Date | null;
  fired_at: Date | null;
  met_at: Date | null;
  escalated_at: Date | null;
  paused_at: Date | null;
  pause_reason: string | null;
  generation: number;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toView(r: ViewRow, now = Date.now()): TDeadlineView {
  return {
    id: r.id,
    caseId: r.case_id,
    trackingNumber: r.tracking_number,
    kind: r.kind,
    bureauId: r.bureau_id,
    status: r.status,
    startedAt: r.started_at.toISOString(),
    dueAt: r.due_at.toISOString(),
    warnAt: iso(r.warn_at),
    warnedAt: iso(r.warned_at),
    firedAt: iso(r.fired_at),
    metAt: iso(r.met_at),
    escalatedAt: iso(r.escalated_at),
    pausedAt: iso(r.paused_at),
    pauseReason: r.pause_reason,
    generation: r.generation,
    secondsLeft: Math.round((r.due_at.getTime() - now) / 1000),
  };
}

/** The supervisor's boards. Handlers always see their own bureau only, whatever they ask for. */
@Injectable()
export class DeadlineBoardService {
  constructor(private readonly ds: DataSource) {}

  private bureauOf(p: Principal, q: TBoardQuery): number | null {
    return p.role === 'handler' ? p.bureauId : (q.bureauId ?? null);
  }

  async dueSoon(p: Principal, q: TBoardQuery): Promise<TDeadlineView[]> {
    const rows = (await this.ds.query(
      `SELECT ${VIEW_COLUMNS} FROM case_deadlines d JOIN cases c ON c.id = d.case_id
       WHERE d.status = 'pending' AND d.paused_at IS NULL AND d.due_at > now()
         AND d.due_at <= now() + make_interval(secs => $1::double precision * 3600)
         AND ($2::int IS NULL OR d.bureau_id = $2)
       ORDER BY d.due_at, d.id LIMIT $3`,
      [q.withinHours, this.bureauOf(p, q), q.limit],
    )) as ViewRow[];
    return rows.map((r) => toView(r));
  }

  async overdue(p: Principal, q: TBoardQuery): Promise<TDeadlineView[]> {
    const rows = (await this.ds.query(
      `SELECT ${VIEW_COLUMNS} FROM case_deadlines d JOIN cases c ON c.id = d.case_id
       WHERE d.status = 'missed' AND d.settled_at IS NULL AND ($1::int IS NULL OR d.bureau_id = $1)
       ORDER BY d.due_at, d.id LIMIT $2`,
      [this.bureauOf(p, q), q.limit],
    )) as ViewRow[];
    return rows.map((r) => toView(r));
  }

  /** The leadership list: open cases still overdue N working days after their reminder. */
  async escalated(p: Principal, q: TBoardQuery): Promise<TDeadlineView[]> {
    const rows = (await this.ds.query(
      `SELECT ${VIEW_COLUMNS} FROM case_deadlines d JOIN cases c ON c.id = d.case_id
       WHERE d.escalated_at IS NOT NULL AND d.settled_at IS NULL AND ($1::int IS NULL OR d.bureau_id = $1)
       ORDER BY d.escalated_at, d.id LIMIT $2`,
      [this.bureauOf(p, q), q.limit],
    )) as ViewRow[];
    return rows.map((r) => toView(r));
  }

  async countsByBureau(p: Principal, q: TBoardQuery) {
    const rows = (await this.ds.query(
      `SELECT d.bureau_id AS "bureauId", b.code AS "bureauCode", b.name_zh AS "bureauNameZh",
         count(*) FILTER (WHERE d.status = 'pending')::int AS pending,
         count(*) FILTER (WHERE d.status = 'pending' AND d.warned_at IS NOT NULL)::int AS warning,
         count(*) FILTER (WHERE d.status = 'pending' AND d.paused_at IS NULL
                          AND d.due_at <= now() + make_interval(secs => $1::double precision * 3600))::int AS "dueSoon",
         count(*) FILTER (WHERE d.status = 'missed' AND d.settled_at IS NULL)::int AS overdue,
         count(*) FILTER (WHERE d.escalated_at IS NOT NULL AND d.settled_at IS NULL)::int AS escalated
       FROM case_deadlines d LEFT JOIN bureaus b ON b.id = d.bureau_id
       WHERE (d.status = 'pending' OR (d.status = 'missed' AND d.settled_at IS NULL))
         AND ($2::int IS NULL OR d.bureau_id = $2)
       GROUP BY d.bureau_id, b.code, b.name_zh ORDER BY overdue DESC, "dueSoon" DESC, d.bureau_id`,
      [q.withinHours, this.bureauOf(p, q)],
    )) as unknown[];
    return rows;
  }

  /** Every clock the case has had, with extension requests and supervision notices. */
  async history(p: Principal, caseId: string) {
    return this.ds.transaction(async (m) => {
      const c = await caseInScope(m, caseId, p);
      const rows = (await m.query(
        `SELECT ${VIEW_COLUMNS} FROM case_deadlines d JOIN cases c ON c.id = d.case_id WHERE d.case_id = $1 ORDER BY d.id`,
        [caseId],
      )) as ViewRow[];
      const extensions = (await m.query(
        `SELECT id, deadline_id AS "deadlineId", reason, previous_due_at AS "previousDueAt", requested_due_at AS "requestedDueAt",
                status, decided_at AS "decidedAt", decision_note AS "decisionNote", created_at AS "createdAt"
         FROM extension_requests WHERE case_id = $1 ORDER BY id`,
        [caseId],
      )) as unknown[];
      const notices = (await m.query(
        `SELECT id, demand, due_at AS "dueAt", status, answer, answered_at AS "answeredAt", created_at AS "createdAt"
         FROM supervision_notices WHERE case_id = $1 ORDER BY id`,
        [caseId],
      )) as unknown[];
      const [flags] = (await m.query(`SELECT flag, escalated_at FROM cases WHERE id = $1`, [caseId])) as {
        flag: string;
        escalated_at: Date | null;
      }[];
      return {
        caseId: c.id,
        trackingNumber: c.tracking_number,
        flag: flags?.flag ?? 'none',
        escalatedAt: iso(flags?.escalated_at ?? null),
        deadlines: rows.map((r) => toView(r)),
        extensions,
        supervisionNotices: notices,
      };
    });
  }
}
