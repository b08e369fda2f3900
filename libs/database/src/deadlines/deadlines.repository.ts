import type { DeadlineLimit, RequestType, Urgency, WorkingPeriod } from '@hotline/domain';
import type { EntityManager } from 'typeorm';
import type {
  CaseClockColumns,
  CaseDeadlineRow,
  CaseMissingClocksRow,
  ClockScheduleRow,
  NewClock,
} from './deadline-rows';
import { liveClockSql, overdueClockSql, scheduledClockSql } from './live-clock';

type Kinds = readonly CaseDeadlineRow['kind'][];

/** Rows of a SELECT (or of an INSERT … RETURNING, which TypeORM returns as plain rows). */
async function select<T>(m: EntityManager, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await m.query(sql, params)) as T[];
}

/** TypeORM returns [rows, affected] for UPDATE and DELETE. */
async function update<T = unknown>(
  m: EntityManager,
  sql: string,
  params: unknown[] = [],
): Promise<{ rows: T[]; count: number }> {
  const [rows, count] = (await m.query(sql, params)) as [T[], number];
  return { rows, count };
}

const SCHEDULE_COLUMNS = `id, status, generation, due_at, warn_at, warned_at, paused_at, settled_at, escalate_at, escalated_at`;

/** What a case shows from its clocks: latest live due time of each kind, and its flag. */
const SYNC_CASE_SET = `
  accept_due_at = (SELECT due_at FROM case_deadlines d WHERE d.case_id = c.id AND d.kind = 'accept'
                    AND d.status NOT IN ('superseded','cancelled') ORDER BY d.id DESC LIMIT 1),
  reply_due_at = (SELECT due_at FROM case_deadlines d WHERE d.case_id = c.id AND d.kind = 'reply'
                    AND d.status NOT IN ('superseded','cancelled') ORDER BY d.id DESC LIMIT 1),
  flag = CASE
    WHEN EXISTS (SELECT 1 FROM case_deadlines d WHERE d.case_id = c.id AND ${overdueClockSql('d')}) THEN 'overdue'
    WHEN EXISTS (SELECT 1 FROM case_deadlines d WHERE d.case_id = c.id AND d.status = 'pending' AND d.warned_at IS NOT NULL) THEN 'warning'
    ELSE 'none' END`;

const INSERT_CLOCKS = `
  INSERT INTO case_deadlines (case_id, kind, bureau_id, started_at, due_at, warn_at, limit_spec, policy_id, policy_version)
  SELECT v.case_id, v.kind, v.bureau_id, v.started_at, v.due_at, v.warn_at, v.limit_spec::jsonb, v.policy_id, v.policy_version
  FROM unnest($1::uuid[], $2::text[], $3::int[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::int[], $9::int[])
    WITH ORDINALITY AS v(case_id, kind, bureau_id, started_at, due_at, warn_at, limit_spec, policy_id, policy_version, n)
  ORDER BY v.n`;

function clockColumns(clocks: readonly NewClock[]): unknown[] {
  return [
    clocks.map((c) => c.caseId),
    clocks.map((c) => c.kind),
    clocks.map((c) => c.bureauId),
    clocks.map((c) => c.startedAt),
    clocks.map((c) => c.dueAt),
    clocks.map((c) => c.warnAt),
    clocks.map((c) => JSON.stringify(c.limit)),
    clocks.map((c) => c.policyId),
    clocks.map((c) => c.policyVersion),
  ];
}

/**
 * Every statement about clocks (case_deadlines) and what they write beside them: the case's
 * due dates and flag, timeline events, notifications, and the settings they are computed
 * from. Each method takes the caller's EntityManager, so it commits or rolls back with the
 * caller's transaction.
 */
export class DeadlinesRepository {
  // ---- settings ------------------------------------------------------------------------

  async findSettings(m: EntityManager) {
    const [row] = await select<{ working_periods: WorkingPeriod[]; escalation_working_days: number }>(
      m,
      `SELECT working_periods, escalation_working_days FROM deadline_settings WHERE id = 1`,
    );
    return row;
  }

  /** The newest version of the hotline rules, stored as saved (lay it over the defaults to read it). */
  async findCurrentHotlineRules(m: EntityManager) {
    const [row] = await select<{ version: number; rules: unknown }>(
      m,
      `SELECT version, rules FROM hotline_rule_versions ORDER BY version DESC LIMIT 1`,
    );
    return row;
  }

  findCalendarDays(m: EntityManager) {
    return select<{ day: string; kind: 'holiday' | 'makeup_workday' }>(
      m,
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, kind FROM calendar_days`,
    );
  }

  findActivePolicies(m: EntityManager) {
    return select<{
      id: number;
      category_id: number | null;
      request_type: RequestType | null;
      urgency: Urgency | null;
      accept_limit: DeadlineLimit;
      reply_limit: DeadlineLimit;
      warning_fraction: string;
      pause_allowed: boolean;
      version: number;
    }>(
      m,
      `SELECT id, category_id, request_type, urgency, accept_limit, reply_limit, warning_fraction, pause_allowed, version
       FROM deadline_policies WHERE active ORDER BY id`,
    );
  }

  /** The warning fraction of a stored policy; undefined when it is gone. */
  async findPolicyWarningFraction(m: EntityManager, policyId: number): Promise<number | undefined> {
    const [p] = await select<{ warning_fraction: string }>(
      m,
      `SELECT warning_fraction FROM deadline_policies WHERE id = $1`,
      [policyId],
    );
    return p ? Number(p.warning_fraction) : undefined;
  }

  // ---- categories (policies match on the whole path) -----------------------------------

  async findCategoryPath(m: EntityManager, categoryId: number): Promise<number[]> {
    const rows = await select<{ id: number }>(
      m,
      `WITH RECURSIVE up(id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM categories WHERE id = $1
         UNION ALL SELECT c.id, c.parent_id, up.depth + 1 FROM categories c JOIN up ON c.id = up.parent_id)
       SELECT id FROM up ORDER BY depth DESC`,
      [categoryId],
    );
    return rows.map((r) => r.id);
  }

  async findCategoryPaths(m: EntityManager, categoryIds: number[]): Promise<Map<number, number[]>> {
    if (categoryIds.length === 0) return new Map();
    const rows = await select<{ leaf: number; path: number[] }>(
      m,
      `WITH RECURSIVE up(leaf, id, parent_id, depth) AS (
         SELECT id, id, parent_id, 0 FROM categories WHERE id = ANY($1::int[])
         UNION ALL SELECT up.leaf, c.id, c.parent_id, up.depth + 1 FROM categories c JOIN up ON c.id = up.parent_id)
       SELECT leaf, array_agg(id ORDER BY depth DESC) AS path FROM up GROUP BY leaf`,
      [categoryIds],
    );
    return new Map(rows.map((r) => [r.leaf, r.path]));
  }

  // ---- starting and stopping clocks -------------------------------------------------------

  /** Inserts accept / reply clocks, in the given order. */
  async insertClocks(m: EntityManager, clocks: readonly NewClock[]): Promise<void> {
    if (clocks.length === 0) return;
    await m.query(INSERT_CLOCKS, clockColumns(clocks));
  }

  /**
   * Inserts the clocks that no pending clock of the same case and kind blocks (a transition
   * that started the same clock meanwhile wins); returns how many were written.
   */
  async insertClocksUnlessPending(m: EntityManager, clocks: readonly NewClock[]): Promise<number> {
    if (clocks.length === 0) return 0;
    const written = await select<{ id: string }>(
      m,
      `${INSERT_CLOCKS}
       ON CONFLICT (case_id, kind) WHERE status = 'pending' AND kind IN ('accept','reply','dispatch','review','follow_up') DO NOTHING
       RETURNING id`,
      clockColumns(clocks),
    );
    return written.length;
  }

  async insertSupervisionClock(
    m: EntityManager,
    c: { caseId: string; bureauId: number | null; noticeId: string; startedAt: Date; dueAt: Date; warnAt: Date },
  ): Promise<string> {
    const [row] = await select<{ id: string }>(
      m,
      `INSERT INTO case_deadlines (case_id, kind, bureau_id, started_at, due_at, warn_at, limit_spec, supervision_notice_id)
       VALUES ($1, 'supervision', $2, $3, $4, $5, NULL, $6) RETURNING id`,
      [c.caseId, c.bureauId, c.startedAt, c.dueAt, c.warnAt, c.noticeId],
    );
    return row!.id;
  }

  /** Stops the case's live clocks of these kinds: a pending one becomes `status`, a missed one is settled. */
  async stopLiveClocks(
    m: EntityManager,
    caseId: string,
    kinds: Kinds,
    status: 'cancelled' | 'superseded',
    at: Date,
  ): Promise<void> {
    await m.query(
      `UPDATE case_deadlines
       SET status = CASE WHEN status = 'pending' THEN $3 ELSE status END,
           settled_at = $4, paused_at = NULL, pause_reason = NULL, needs_publish = true, updated_at = now()
       WHERE case_id = $1 AND kind = ANY($2) AND ${liveClockSql()}`,
      [caseId, kinds, status, at],
    );
  }

  /** Supersedes the live clocks of these kinds of many cases, each at its own instant. */
  async supersedeLiveClocksOfMany(
    m: EntityManager,
    stops: readonly { caseId: string; at: Date }[],
    kinds: Kinds,
  ): Promise<void> {
    if (stops.length === 0) return;
    await m.query(
      `UPDATE case_deadlines d
       SET status = CASE WHEN d.status = 'pending' THEN 'superseded' ELSE d.status END,
           settled_at = v.at, paused_at = NULL, pause_reason = NULL, needs_publish = true, updated_at = now()
       FROM unnest($1::uuid[], $2::timestamptz[]) AS v(case_id, at)
       WHERE d.case_id = v.case_id AND d.kind = ANY($3) AND ${liveClockSql('d')}`,
      [stops.map((s) => s.caseId), stops.map((s) => s.at), kinds],
    );
  }

  /** Cancels the live clocks of every closed case (settled at its closing); returns how many. */
  async cancelLiveClocksOfClosedCases(m: EntityManager): Promise<number> {
    const { count } = await update(
      m,
      `UPDATE case_deadlines d SET status = CASE WHEN d.status = 'pending' THEN 'cancelled' ELSE d.status END,
         settled_at = coalesce(c.closed_at, now()), needs_publish = true, updated_at = now()
       FROM cases c
       WHERE c.id = d.case_id AND c.status = 'closed' AND ${liveClockSql('d')}`,
    );
    return count;
  }

  /** A live clock met: a pending one becomes met; one met late stays missed (history) but is settled, so the red flag clears. */
  async meetLiveClocks(m: EntityManager, caseId: string, kind: 'accept' | 'reply', at: Date): Promise<void> {
    await m.query(
      `UPDATE case_deadlines
       SET status = CASE WHEN status = 'pending' THEN 'met' ELSE status END,
           met_at = $3, settled_at = $3, paused_at = NULL, pause_reason = NULL, needs_publish = true, updated_at = now()
       WHERE case_id = $1 AND kind = $2 AND ${liveClockSql()}`,
      [caseId, kind, at],
    );
  }

  /** The notice's live clock is met (answered). */
  async meetSupervisionClock(m: EntityManager, noticeId: string, at: Date): Promise<void> {
    await m.query(
      `UPDATE case_deadlines SET status = CASE WHEN status = 'pending' THEN 'met' ELSE status END, met_at = $2, settled_at = $2,
         needs_publish = true, updated_at = now()
       WHERE supervision_notice_id = $1 AND ${liveClockSql()}`,
      [noticeId, at],
    );
  }

  async cancelOpenSupervisionNotices(m: EntityManager, caseId: string): Promise<void> {
    await m.query(`UPDATE supervision_notices SET status = 'cancelled' WHERE case_id = $1 AND status = 'open'`, [
      caseId,
    ]);
  }

  /** The latest live clock of this kind, locked for an extension or a pause. */
  async findLatestLiveClockForUpdate(
    m: EntityManager,
    caseId: string,
    kind: CaseDeadlineRow['kind'],
  ): Promise<CaseDeadlineRow | undefined> {
    const [d] = await select<CaseDeadlineRow>(
      m,
      `SELECT * FROM case_deadlines WHERE case_id = $1 AND kind = $2 AND ${liveClockSql()}
       ORDER BY id DESC LIMIT 1 FOR UPDATE`,
      [caseId, kind],
    );
    return d;
  }

  // ---- the case's due dates and flag ------------------------------------------------------

  /** Writes the case's due dates and flag from its clocks; returns them. The case version is not bumped. */
  async syncCase(m: EntityManager, caseId: string): Promise<CaseClockColumns | undefined> {
    const { rows } = await update<CaseClockColumns>(
      m,
      `UPDATE cases c SET ${SYNC_CASE_SET}
       WHERE c.id = $1
       RETURNING accept_due_at, reply_due_at, flag`,
      [caseId],
    );
    return rows[0];
  }

  async syncCases(m: EntityManager, caseIds: readonly string[]): Promise<void> {
    if (caseIds.length === 0) return;
    await m.query(`UPDATE cases c SET ${SYNC_CASE_SET} WHERE c.id = ANY($1::uuid[])`, [caseIds]);
  }

  async markCaseEscalated(m: EntityManager, caseId: string): Promise<void> {
    await m.query(`UPDATE cases SET escalated_at = coalesce(escalated_at, now()) WHERE id = $1`, [caseId]);
  }

  // ---- moving a clock -------------------------------------------------------------------

  /**
   * A new due time: the clock is pending again with its escalation chain cleared, and its
   * warning re-armed when the new warning point is still ahead of `now`.
   */
  async moveDue(m: EntityManager, id: string, dueAt: Date, warnAt: Date | null, now: Date): Promise<void> {
    await m.query(
      `UPDATE case_deadlines
       SET due_at = $2, warn_at = $3, status = 'pending', fired_at = NULL, escalate_at = NULL, escalated_at = NULL,
           warned_at = CASE WHEN $3::timestamptz IS NOT NULL AND $3::timestamptz > $4 THEN NULL ELSE warned_at END,
           generation = generation + 1, needs_publish = true, updated_at = now()
       WHERE id = $1`,
      [id, dueAt, warnAt, now],
    );
  }

  async pause(m: EntityManager, id: string, at: Date, reason: string, remainingMs: number): Promise<void> {
    await m.query(
      `UPDATE case_deadlines SET paused_at = $2, pause_reason = $3, remaining_ms = $4,
         generation = generation + 1, needs_publish = true, updated_at = now() WHERE id = $1`,
      [id, at, reason, remainingMs],
    );
  }

  /** Runs again with a new due time; a warning not yet given moves by the same shift. */
  async resume(m: EntityManager, id: string, dueAt: Date, shiftMs: number): Promise<void> {
    await m.query(
      `UPDATE case_deadlines SET paused_at = NULL, pause_reason = NULL, remaining_ms = NULL, due_at = $2,
         warn_at = CASE WHEN warned_at IS NULL AND warn_at IS NOT NULL THEN warn_at + make_interval(secs => $3::double precision / 1000) ELSE warn_at END,
         generation = generation + 1, needs_publish = true, updated_at = now() WHERE id = $1`,
      [id, dueAt, shiftMs],
    );
  }

  // ---- firing: each a conditional UPDATE, so a job acts at most once ------------------------

  /** Yellow flag; undefined when the job is outdated (another generation, met, paused, already warned). */
  async claimWarning(m: EntityManager, id: string, generation: number): Promise<CaseDeadlineRow | undefined> {
    const { rows } = await update<CaseDeadlineRow>(
      m,
      `UPDATE case_deadlines SET warned_at = now(), needs_publish = true, updated_at = now()
       WHERE id = $1 AND generation = $2 AND status = 'pending' AND paused_at IS NULL AND warned_at IS NULL
       RETURNING *`,
      [id, generation],
    );
    return rows[0];
  }

  /** Missed, with its escalation armed at `escalateAt`; undefined when the job is outdated or early. */
  async claimMissed(
    m: EntityManager,
    id: string,
    generation: number,
    escalateAt: Date,
  ): Promise<CaseDeadlineRow | undefined> {
    const { rows } = await update<CaseDeadlineRow>(
      m,
      `UPDATE case_deadlines SET status = 'missed', fired_at = now(), escalate_at = $3, needs_publish = true, updated_at = now()
       WHERE id = $1 AND generation = $2 AND status = 'pending' AND paused_at IS NULL
         AND due_at <= now() + interval '2 seconds'
       RETURNING *`,
      [id, generation, escalateAt],
    );
    return rows[0];
  }

  /** Escalated; undefined when the job is outdated, early, or the clock was settled meanwhile. */
  async claimEscalation(m: EntityManager, id: string, generation: number): Promise<CaseDeadlineRow | undefined> {
    const { rows } = await update<CaseDeadlineRow>(
      m,
      `UPDATE case_deadlines SET escalated_at = now(), needs_publish = true, updated_at = now()
       WHERE id = $1 AND generation = $2 AND ${overdueClockSql()} AND escalated_at IS NULL
         AND escalate_at <= now() + interval '2 seconds'
       RETURNING *`,
      [id, generation],
    );
    return rows[0];
  }

  // ---- what a clock writes beside itself ------------------------------------------------

  async insertCaseEvent(
    m: EntityManager,
    e: {
      caseId: string;
      bureauId: number | null;
      action: string;
      note: string;
      data: Record<string, unknown>;
      actor: { id: string | null; name: string | null; role: string };
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO case_events (case_id, actor_id, actor_name, actor_role, action, bureau_id, note, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [e.caseId, e.actor.id, e.actor.name, e.actor.role, e.action, e.bureauId, e.note, JSON.stringify(e.data)],
    );
  }

  /** One notification per recipient: the bureau's handlers, the supervisors and/or named users (enabled ones). */
  async insertNotifications(
    m: EntityManager,
    n: {
      caseId: string;
      bureauId: number | null;
      kind: string;
      title: string;
      to: { handlers?: boolean; supervisors?: boolean; userIds?: string[] };
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO notifications (user_id, case_id, kind, title, body, data)
       SELECT u.id, $1, $2, $3, coalesce(c.tracking_number, ''), jsonb_build_object('trackingNumber', c.tracking_number)
       FROM users u LEFT JOIN cases c ON c.id = $1
       WHERE NOT u.disabled AND (
         ($4 AND u.role = 'handler' AND u.bureau_id = $5) OR ($6 AND u.role = 'supervisor') OR u.id = ANY($7::uuid[]))`,
      [n.caseId, n.kind, n.title, n.to.handlers ?? false, n.bureauId, n.to.supervisors ?? false, n.to.userIds ?? []],
    );
  }

  // ---- the worker's relay and reconciler ----------------------------------------------------

  /** Clocks written since the relay's last pass, locked (SKIP LOCKED: another worker takes the rest). */
  claimUnpublished(m: EntityManager, limit: number) {
    return select<ClockScheduleRow & Pick<CaseDeadlineRow, 'published_job_id'>>(
      m,
      `SELECT ${SCHEDULE_COLUMNS}, published_job_id
       FROM case_deadlines WHERE needs_publish ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
  }

  async markPublished(m: EntityManager, ids: readonly string[], jobIds: readonly (string | null)[]): Promise<void> {
    await m.query(
      `UPDATE case_deadlines d SET needs_publish = false, published_job_id = v.job_id
       FROM (SELECT unnest($1::bigint[]) AS id, unnest($2::text[]) AS job_id) v
       WHERE d.id = v.id`,
      [ids, jobIds],
    );
  }

  /** Published clocks that have a job to come, a page at a time (keyset on id). */
  findScheduledClocks(m: EntityManager, afterId: string, limit: number) {
    return select<ClockScheduleRow>(
      m,
      `SELECT ${SCHEDULE_COLUMNS}
       FROM case_deadlines
       WHERE id > $1 AND NOT needs_publish AND ${scheduledClockSql()}
       ORDER BY id LIMIT $2`,
      [afterId, limit],
    );
  }

  async markNeedsPublish(m: EntityManager, ids: readonly string[]): Promise<void> {
    await m.query(`UPDATE case_deadlines SET needs_publish = true WHERE id = ANY($1::bigint[])`, [ids]);
  }

  /** Dispatched cases without an accept clock (they need accept + reply from dispatched_at), locked. */
  lockDispatchedCasesWithoutClocks(m: EntityManager, limit: number) {
    return select<CaseMissingClocksRow>(
      m,
      `SELECT c.id, c.type, c.urgency, c.category_id, c.lead_bureau_id, c.dispatched_at AS start_at
       FROM cases c
       WHERE c.status = 'dispatched' AND c.dispatched_at IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM case_deadlines d WHERE d.case_id = c.id AND d.kind = 'accept'
                         AND d.status NOT IN ('superseded','cancelled'))
       LIMIT $1 FOR UPDATE OF c SKIP LOCKED`,
      [limit],
    );
  }

  /**
   * Cases in progress or under return review without a live reply clock, locked; it starts at
   * the last reopen (重办) after the dispatch, if any. The reopen lookup walks one case's events
   * backwards on case_events_case_idx, and runs only for the few cases that lack a reply clock.
   */
  lockWorkingCasesWithoutReplyClock(m: EntityManager, limit: number) {
    return select<CaseMissingClocksRow>(
      m,
      `SELECT c.id, c.type, c.urgency, c.category_id, c.lead_bureau_id, greatest(c.dispatched_at, r.at) AS start_at
       FROM cases c
       LEFT JOIN LATERAL (
         SELECT e.at FROM case_events e
         WHERE e.case_id = c.id AND e.to_status = 'in_progress' AND e.from_status IN ('awaiting_follow_up', 'closed')
         ORDER BY e.id DESC LIMIT 1) r ON true
       WHERE c.status IN ('in_progress', 'return_review') AND c.dispatched_at IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM case_deadlines d WHERE d.case_id = c.id AND d.kind = 'reply' AND ${liveClockSql('d')})
       LIMIT $1 FOR UPDATE OF c SKIP LOCKED`,
      [limit],
    );
  }
}
