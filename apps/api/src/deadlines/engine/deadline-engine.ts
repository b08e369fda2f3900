import {
  addWorkingDays,
  clockChangesFor,
  clockFor,
  computeDeadline,
  selectDeadlinePolicy,
  warningAt,
  workingMinutesBetween,
  type ClockChange,
  type DeadlineLimit,
  type RequestType,
  type Urgency,
} from '@hotline/domain';
import type { EntityManager } from 'typeorm';
import { DeadlineSettingsCache, type DeadlineSettings, type LoadedPolicy } from './deadline-settings';

/** The case fields the clocks depend on (a CaseEntity satisfies it). */
export interface CaseClockInput {
  id: string;
  type: RequestType;
  urgency: Urgency;
  categoryId: number | null;
  leadBureauId: number | null;
  acceptDueAt?: Date | null;
  replyDueAt?: Date | null;
  flag?: 'none' | 'warning' | 'overdue';
}

export interface DeadlineRow {
  id: string;
  case_id: string;
  kind: 'accept' | 'reply' | 'supervision';
  bureau_id: number | null;
  started_at: Date;
  due_at: Date;
  warn_at: Date | null;
  limit_spec: DeadlineLimit | null;
  policy_id: number | null;
  generation: number;
  status: 'pending' | 'met' | 'missed' | 'cancelled' | 'superseded';
  warned_at: Date | null;
  fired_at: Date | null;
  met_at: Date | null;
  escalate_at: Date | null;
  escalated_at: Date | null;
  settled_at: Date | null;
  paused_at: Date | null;
  pause_reason: string | null;
  remaining_ms: string | null;
  supervision_notice_id: string | null;
  published_job_id: string | null;
}

const KIND_ZH: Record<DeadlineRow['kind'], string> = { accept: '签收', reply: '答复', supervision: '督办' };

/** What a case shows from its clocks: latest live due time of each kind, and its flag. */
const SYNC_CASE_SET = `
  accept_due_at = (SELECT due_at FROM case_deadlines d WHERE d.case_id = c.id AND d.kind = 'accept'
                    AND d.status NOT IN ('superseded','cancelled') ORDER BY d.id DESC LIMIT 1),
  reply_due_at = (SELECT due_at FROM case_deadlines d WHERE d.case_id = c.id AND d.kind = 'reply'
                    AND d.status NOT IN ('superseded','cancelled') ORDER BY d.id DESC LIMIT 1),
  flag = CASE
    WHEN EXISTS (SELECT 1 FROM case_deadlines d WHERE d.case_id = c.id AND d.status = 'missed' AND d.settled_at IS NULL) THEN 'overdue'
    WHEN EXISTS (SELECT 1 FROM case_deadlines d WHERE d.case_id = c.id AND d.status = 'pending' AND d.warned_at IS NOT NULL) THEN 'warning'
    ELSE 'none' END`;

/**
 * Everything that writes deadlines, used by the API (inside case transitions and the
 * extension / supervision / pause routes) and by the worker (when jobs fire). Every method
 * takes the caller's EntityManager so it commits or rolls back with the caller's change,
 * and every firing is a conditional UPDATE … RETURNING: the database, not Redis, decides
 * that a warning or reminder happens at most once.
 */
export class DeadlineEngine {
  constructor(readonly settings = new DeadlineSettingsCache()) {}

  // ---- case transitions (run inside the case's transaction) --------------------------

  async applyTransition(
    m: EntityManager,
    caseRow: CaseClockInput,
    event: { action: string; fromStatus: string | null; toStatus: string; at: string },
  ): Promise<void> {
    const changes = clockChangesFor(event);
    if (changes.length === 0) return;
    const at = new Date(event.at);
    for (const change of changes) await this.applyChange(m, caseRow, change, at);
    await this.syncCase(m, caseRow);
  }

  private async applyChange(m: EntityManager, caseRow: CaseClockInput, change: ClockChange, at: Date): Promise<void> {
    switch (change.type) {
      case 'start_accept_and_reply':
        await this.stopClocks(m, caseRow.id, at, 'superseded', ['accept', 'reply']);
        await this.startClocks(m, caseRow, at, ['accept', 'reply']);
        return;
      case 'start_reply':
        await this.stopClocks(m, caseRow.id, at, 'superseded', ['reply']);
        await this.startClocks(m, caseRow, at, ['reply']);
        return;
      case 'met':
        await this.markMet(m, caseRow.id, change.kind, at);
        return;
      case 'stop':
        await this.stopClocks(
          m,
          caseRow.id,
          at,
          change.kinds === 'all' ? 'cancelled' : 'superseded',
          change.kinds === 'all' ? ['accept', 'reply', 'supervision'] : ['accept', 'reply'],
        );
        if (change.kinds === 'all') {
          await m.query(`UPDATE supervision_notices SET status = 'cancelled' WHERE case_id = $1 AND status = 'open'`, [
            caseRow.id,
          ]);
        }
        return;
    }
  }

  async policyFor(m: EntityManager, caseRow: CaseClockInput, settings: DeadlineSettings): Promise<LoadedPolicy> {
    const categoryPath = caseRow.categoryId === null ? [] : await this.categoryPath(m, caseRow.categoryId);
    return this.choosePolicy(settings, caseRow, categoryPath);
  }

  /** Policy selection once the case's category path (root first) is known. */
  choosePolicy(
    settings: DeadlineSettings,
    caseRow: Pick<CaseClockInput, 'type' | 'urgency'>,
    categoryPath: number[],
  ): LoadedPolicy {
    const rule = selectDeadlinePolicy(settings.policies, {
      categoryPath,
      requestType: caseRow.type,
      urgency: caseRow.urgency,
    });
    // The seeded catch-all (no category, type or urgency) always matches; this guards an admin edit.
    return (rule as LoadedPolicy | null) ?? settings.policies[settings.policies.length - 1]!;
  }

  /** Category paths (root first) of many categories in one query, for the batch paths. */
  async categoryPaths(m: EntityManager, categoryIds: number[]): Promise<Map<number, number[]>> {
    if (categoryIds.length === 0) return new Map();
    const rows = (await m.query(
      `WITH RECURSIVE up(leaf, id, parent_id, depth) AS (
         SELECT id, id, parent_id, 0 FROM categories WHERE id = ANY($1::int[])
         UNION ALL SELECT up.leaf, c.id, c.parent_id, up.depth + 1 FROM categories c JOIN up ON c.id = up.parent_id)
       SELECT leaf, array_agg(id ORDER BY depth DESC) AS path FROM up GROUP BY leaf`,
      [categoryIds],
    )) as { leaf: number; path: number[] }[];
    return new Map(rows.map((r) => [r.leaf, r.path]));
  }

  /**
   * The batch form of startClocks + syncCase, for the reconciler: starts the given clocks for
   * many cases (each from its own start instant) with one INSERT and one UPDATE of the cases.
   * Same policy selection and clock arithmetic as a transition. A clock already past due is
   * written as pending like any other: the relay gives it a job with no delay, so it is
   * flagged (and its reminder recorded) at once. Returns the number of clocks written.
   */
  async startClocksForMany(
    m: EntityManager,
    cases: (CaseClockInput & { startAt: Date })[],
    kinds: ('accept' | 'reply')[],
  ): Promise<number> {
    if (cases.length === 0) return 0;
    const settings = await this.settings.load(m);
    const paths = await this.categoryPaths(m, [
      ...new Set(cases.flatMap((c) => (c.categoryId === null ? [] : [c.categoryId]))),
    ]);
    const cols = {
      caseId: [] as string[],
      kind: [] as string[],
      bureauId: [] as (number | null)[],
      startedAt: [] as Date[],
      dueAt: [] as Date[],
      warnAt: [] as (Date | null)[],
      limit: [] as string[],
      policyId: [] as (number | null)[],
      policyVersion: [] as (number | null)[],
    };
    for (const c of cases) {
      const policy = this.choosePolicy(settings, c, c.categoryId === null ? [] : (paths.get(c.categoryId) ?? []));
      for (const kind of kinds) {
        const limit = kind === 'accept' ? policy.acceptLimit : policy.replyLimit;
        const clock = clockFor(c.startAt, limit, settings.calendar, policy.warningFraction);
        cols.caseId.push(c.id);
        cols.kind.push(kind);
        cols.bureauId.push(c.leadBureauId);
        cols.startedAt.push(c.startAt);
        cols.dueAt.push(clock.dueAt);
        cols.warnAt.push(clock.warnAt);
        cols.limit.push(JSON.stringify(limit));
        cols.policyId.push(policy.version > 0 ? policy.id : null);
        cols.policyVersion.push(policy.version > 0 ? policy.version : null);
      }
    }
    // ON CONFLICT: a transition that started the same clock meanwhile wins (one pending clock per kind).
    const [, written] = (await m.query(
      `INSERT INTO case_deadlines (case_id, kind, bureau_id, started_at, due_at, warn_at, limit_spec, policy_id, policy_version)
       SELECT v.case_id, v.kind, v.bureau_id, v.started_at, v.due_at, v.warn_at, v.limit_spec::jsonb, v.policy_id, v.policy_version
       FROM unnest($1::uuid[], $2::text[], $3::int[], $4::timestamptz[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::int[], $9::int[])
         AS v(case_id, kind, bureau_id, started_at, due_at, warn_at, limit_spec, policy_id, policy_version)
       ON CONFLICT (case_id, kind) WHERE status = 'pending' AND kind <> 'supervision' DO NOTHING`,
      [
        cols.caseId,
        cols.kind,
        cols.bureauId,
        cols.startedAt,
        cols.dueAt,
        cols.warnAt,
        cols.limit,
        cols.policyId,
        cols.policyVersion,
      ],
    )) as [unknown, number];
    await this.syncCases(
      m,
      cases.map((c) => c.id),
    );
    return written;
  }

  /** Supersedes the live clocks of the given kinds of many cases, each at its own instant. */
  async supersedeClocksOfMany(
    m: EntityManager,
    stops: { caseId: string; at: Date }[],
    kinds: ('accept' | 'reply')[],
  ): Promise<void> {
    if (stops.length === 0) return;
    await m.query(
      `UPDATE case_deadlines d
       SET status = CASE WHEN d.status = 'pending' THEN 'superseded' ELSE d.status END,
           settled_at = v.at, paused_at = NULL, pause_reason = NULL, needs_publish = true, updated_at = now()
       FROM unnest($1::uuid[], $2::timestamptz[]) AS v(case_id, at)
       WHERE d.case_id = v.case_id AND d.kind = ANY($3)
         AND (d.status = 'pending' OR (d.status = 'missed' AND d.settled_at IS NULL))`,
      [stops.map((s) => s.caseId), stops.map((s) => s.at), kinds],
    );
  }

  private async categoryPath(m: EntityManager, categoryId: number): Promise<number[]> {
    const rows = (await m.query(
      `WITH RECURSIVE up(id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM categories WHERE id = $1
         UNION ALL SELECT c.id, c.parent_id, up.depth + 1 FROM categories c JOIN up ON c.id = up.parent_id)
       SELECT id FROM up ORDER BY depth DESC`,
      [categoryId],
    )) as { id: number }[];
    return rows.map((r) => r.id);
  }

  private async startClocks(
    m: EntityManager,
    caseRow: CaseClockInput,
    at: Date,
    kinds: ('accept' | 'reply')[],
  ): Promise<void> {
    const settings = await this.settings.load(m);
    const policy = await this.policyFor(m, caseRow, settings);
    for (const kind of kinds) {
      const limit = kind === 'accept' ? policy.acceptLimit : policy.replyLimit;
      const clock = clockFor(at, limit, settings.calendar, policy.warningFraction);
      await m.query(
        `INSERT INTO case_deadlines (case_id, kind, bureau_id, started_at, due_at, warn_at, limit_spec, policy_id, policy_version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          caseRow.id,
          kind,
          caseRow.leadBureauId,
          at,
          clock.dueAt,
          clock.warnAt,
          JSON.stringify(limit),
          policy.version > 0 ? policy.id : null,
          policy.version > 0 ? policy.version : null,
        ],
      );
    }
  }

  private async markMet(m: EntityManager, caseId: string, kind: 'accept' | 'reply', at: Date): Promise<void> {
    // A clock met late stays 'missed' (history) but is settled, so the red flag clears.
    await m.query(
      `UPDATE case_deadlines
       SET status = CASE WHEN status = 'pending' THEN 'met' ELSE status END,
           met_at = $3, settled_at = $3, paused_at = NULL, pause_reason = NULL, needs_publish = true, updated_at = now()
       WHERE case_id = $1 AND kind = $2 AND (status = 'pending' OR (status = 'missed' AND settled_at IS NULL))`,
      [caseId, kind, at],
    );
  }

  private async stopClocks(
    m: EntityManager,
    caseId: string,
    at: Date,
    status: 'cancelled' | 'superseded',
    kinds: string[],
  ): Promise<void> {
    await m.query(
      `UPDATE case_deadlines
       SET status = CASE WHEN status = 'pending' THEN $3 ELSE status END,
           settled_at = $4, paused_at = NULL, pause_reason = NULL, needs_publish = true, updated_at = now()
       WHERE case_id = $1 AND kind = ANY($2) AND (status = 'pending' OR (status = 'missed' AND settled_at IS NULL))`,
      [caseId, kinds, status, at],
    );
  }

  /**
   * Writes the case's accept_due_at / reply_due_at (latest live clock of each kind) and its
   * flag, and mirrors them onto the passed row so a later save of that entity keeps them.
   * The case version is not bumped: flags are not edits and must not cause 409s.
   */
  async syncCase(m: EntityManager, caseRow: { id: string } & Partial<CaseClockInput>): Promise<void> {
    const [row] = (await m.query(
      `UPDATE cases c SET ${SYNC_CASE_SET}
       WHERE c.id = $1
       RETURNING accept_due_at, reply_due_at, flag`,
      [caseRow.id],
    )) as [{ accept_due_at: Date | null; reply_due_at: Date | null; flag: 'none' | 'warning' | 'overdue' }[], number];
    const updated = row[0];
    if (updated) {
      caseRow.acceptDueAt = updated.accept_due_at;
      caseRow.replyDueAt = updated.reply_due_at;
      caseRow.flag = updated.flag;
    }
  }

  /** syncCase for many cases at once (no entity to mirror onto). */
  async syncCases(m: EntityManager, caseIds: string[]): Promise<void> {
    if (caseIds.length === 0) return;
    await m.query(`UPDATE cases c SET ${SYNC_CASE_SET} WHERE c.id = ANY($1::uuid[])`, [caseIds]);
  }

  // ---- moving a clock (extension, pause, resume) --------------------------------------

  /** Moves a live clock to a new due time; the warning point is recomputed and re-armed if still ahead. */
  async moveDue(m: EntityManager, d: DeadlineRow, newDue: Date, now: Date): Promise<void> {
    const settings = await this.settings.load(m);
    const limit = d.limit_spec ?? { amount: 0, unit: 'minutes', mode: 'calendar' };
    const fraction = await this.warningFractionOf(m, d);
    const warn = warningAt(d.started_at, newDue, limit, settings.calendar, fraction);
    const warnAt = warn.getTime() < newDue.getTime() ? warn : null;
    // escalated_at is cleared too: an extension decided after the clock missed and escalated
    // restarts the chain (the old reminder and escalation stay on the timeline). Leaving it set
    // kept a pending clock on the leadership list and stopped it from ever escalating again.
    await m.query(
      `UPDATE case_deadlines
       SET due_at = $2, warn_at = $3, status = 'pending', fired_at = NULL, escalate_at = NULL, escalated_at = NULL,
           warned_at = CASE WHEN $3::timestamptz IS NOT NULL AND $3::timestamptz > $4 THEN NULL ELSE warned_at END,
           generation = generation + 1, needs_publish = true, updated_at = now()
       WHERE id = $1`,
      [d.id, newDue, warnAt, now],
    );
    await this.syncCase(m, { id: d.case_id });
  }

  async pause(m: EntityManager, d: DeadlineRow, reason: string, now: Date): Promise<void> {
    const settings = await this.settings.load(m);
    // Working-time clocks keep their remaining working time, so a pause over a weekend is fair.
    const remaining =
      d.limit_spec?.mode === 'working'
        ? Math.max(0, workingMinutesBetween(now, d.due_at, settings.calendar) * 60_000)
        : Math.max(0, d.due_at.getTime() - now.getTime());
    await m.query(
      `UPDATE case_deadlines SET paused_at = $2, pause_reason = $3, remaining_ms = $4,
         generation = generation + 1, needs_publish = true, updated_at = now() WHERE id = $1`,
      [d.id, now, reason, Math.round(remaining)],
    );
  }

  async resume(m: EntityManager, d: DeadlineRow, now: Date): Promise<Date> {
    const settings = await this.settings.load(m);
    const remainingMs = Number(d.remaining_ms ?? 0);
    const newDue = computeDeadline(
      now,
      { amount: remainingMs / 60_000, unit: 'minutes', mode: d.limit_spec?.mode ?? 'calendar' },
      settings.calendar,
    );
    const shift = newDue.getTime() - d.due_at.getTime();
    await m.query(
      `UPDATE case_deadlines SET paused_at = NULL, pause_reason = NULL, remaining_ms = NULL, due_at = $2,
         warn_at = CASE WHEN warned_at IS NULL AND warn_at IS NOT NULL THEN warn_at + make_interval(secs => $3::double precision / 1000) ELSE warn_at END,
         generation = generation + 1, needs_publish = true, updated_at = now() WHERE id = $1`,
      [d.id, newDue, shift],
    );
    await this.syncCase(m, { id: d.case_id });
    return newDue;
  }

  private async warningFractionOf(m: EntityManager, d: DeadlineRow): Promise<number> {
    if (d.policy_id === null) return 0.75;
    const [p] = (await m.query(`SELECT warning_fraction FROM deadline_policies WHERE id = $1`, [d.policy_id])) as {
      warning_fraction: string;
    }[];
    return p ? Number(p.warning_fraction) : 0.75;
  }

  // ---- firing (the worker's processors) ------------------------------------------------

  /** Yellow flag. Returns false when the job is outdated (another generation, met, paused, already warned). */
  async fireWarn(m: EntityManager, deadlineId: string, generation: number): Promise<boolean> {
    const [rows] = (await m.query(
      `UPDATE case_deadlines SET warned_at = now(), needs_publish = true, updated_at = now()
       WHERE id = $1 AND generation = $2 AND status = 'pending' AND paused_at IS NULL AND warned_at IS NULL
       RETURNING *`,
      [deadlineId, generation],
    )) as [DeadlineRow[], number];
    const d = rows[0];
    if (!d) return false;
    await this.timeline(m, d, 'deadline_warning', `${KIND_ZH[d.kind]}时限即将到期 (${d.kind} deadline due soon)`, {
      dueAt: d.due_at,
    });
    await this.syncCase(m, { id: d.case_id });
    return true;
  }

  /**
   * Red flag + reminder (催办) on the timeline + notifications for the bureau's handlers and
   * the supervisors; arms the escalation N working days later. At most once per clock.
   */
  async fireDue(m: EntityManager, deadlineId: string, generation: number): Promise<boolean> {
    const settings = await this.settings.load(m);
    const escalateAt = addWorkingDays(new Date(), settings.escalationWorkingDays, settings.calendar);
    const [rows] = (await m.query(
      `UPDATE case_deadlines SET status = 'missed', fired_at = now(), escalate_at = $3, needs_publish = true, updated_at = now()
       WHERE id = $1 AND generation = $2 AND status = 'pending' AND paused_at IS NULL
         AND due_at <= now() + interval '2 seconds'
       RETURNING *`,
      [deadlineId, generation, escalateAt],
    )) as [DeadlineRow[], number];
    const d = rows[0];
    if (!d) return false;
    const note = `催办：${KIND_ZH[d.kind]}已超期 (${d.kind} deadline passed)`;
    await this.timeline(m, d, 'reminder', note, { dueAt: d.due_at, deadlineId: d.id, kind: d.kind });
    await this.notify(m, d, 'deadline_overdue', note, { handlers: true, supervisors: true });
    await this.syncCase(m, { id: d.case_id });
    return true;
  }

  /** Still overdue N working days after the reminder → the case joins the leadership list. */
  async fireEscalate(m: EntityManager, deadlineId: string, generation: number): Promise<boolean> {
    const [rows] = (await m.query(
      `UPDATE case_deadlines SET escalated_at = now(), needs_publish = true, updated_at = now()
       WHERE id = $1 AND generation = $2 AND status = 'missed' AND settled_at IS NULL AND escalated_at IS NULL
         AND escalate_at <= now() + interval '2 seconds'
       RETURNING *`,
      [deadlineId, generation],
    )) as [DeadlineRow[], number];
    const d = rows[0];
    if (!d) return false;
    await m.query(`UPDATE cases SET escalated_at = coalesce(escalated_at, now()) WHERE id = $1`, [d.case_id]);
    const note = `升级督办：${KIND_ZH[d.kind]}超期未办 (escalated to leadership)`;
    await this.timeline(m, d, 'escalated', note, { deadlineId: d.id, kind: d.kind });
    await this.notify(m, d, 'deadline_escalated', note, { handlers: true, supervisors: true });
    return true;
  }

  async timeline(
    m: EntityManager,
    d: Pick<DeadlineRow, 'case_id' | 'bureau_id'>,
    action: string,
    note: string,
    data: Record<string, unknown>,
    actor: { id: string | null; name: string | null; role: string } = { id: null, name: null, role: 'system' },
  ): Promise<void> {
    await m.query(
      `INSERT INTO case_events (case_id, actor_id, actor_name, actor_role, action, bureau_id, note, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [d.case_id, actor.id, actor.name, actor.role, action, d.bureau_id, note, JSON.stringify(data)],
    );
  }

  async notify(
    m: EntityManager,
    d: Pick<DeadlineRow, 'case_id' | 'bureau_id'>,
    kind: string,
    title: string,
    to: { handlers?: boolean; supervisors?: boolean; userIds?: string[] },
  ): Promise<void> {
    await m.query(
      `INSERT INTO notifications (user_id, case_id, kind, title, body, data)
       SELECT u.id, $1, $2, $3, coalesce(c.tracking_number, ''), jsonb_build_object('trackingNumber', c.tracking_number)
       FROM users u LEFT JOIN cases c ON c.id = $1
       WHERE NOT u.disabled AND (
         ($4 AND u.role = 'handler' AND u.bureau_id = $5) OR ($6 AND u.role = 'supervisor') OR u.id = ANY($7::uuid[]))`,
      [d.case_id, kind, title, to.handlers ?? false, d.bureau_id, to.supervisors ?? false, to.userIds ?? []],
    );
  }
}
