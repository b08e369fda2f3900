import {
  addWorkingDays,
  choosePolicy,
  clockChangesFor,
  computeDeadline,
  planClocks,
  planSupervisionClock,
  warningAt,
  workingMinutesBetween,
  type ClockChange,
  type PlannedClockKind,
  type RequestType,
  type Urgency,
} from '@hotline/domain';
import type { EntityManager } from 'typeorm';
import type { CaseDeadlineRow, NewClock } from './deadline-rows';
import { DeadlineSettingsCache, type DeadlineSettings, type LoadedPolicy } from './deadline-settings';
import { DeadlinesRepository } from './deadlines.repository';

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

/** A clock as the engine reads it: a case_deadlines row. */
export type DeadlineRow = CaseDeadlineRow;

type Actor = { id: string | null; name: string | null; role: string };

const KIND_ZH: Record<DeadlineRow['kind'], string> = { accept: '签收', reply: '答复', supervision: '督办' };
const SYSTEM: Actor = { id: null, name: null, role: 'system' };

/**
 * Everything that writes deadlines, used by the API (inside case transitions and the
 * extension / supervision / pause routes) and by the worker (when jobs fire). Every method
 * takes the caller's EntityManager so it commits or rolls back with the caller's change,
 * and every firing is a conditional UPDATE … RETURNING: the database, not Redis, decides
 * that a warning or reminder happens at most once. Framework-free: each app wires it in.
 */
export class DeadlineEngine {
  constructor(
    readonly settings = new DeadlineSettingsCache(),
    readonly deadlines = new DeadlinesRepository(),
  ) {}

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
        await this.deadlines.stopLiveClocks(m, caseRow.id, ['accept', 'reply'], 'superseded', at);
        await this.startClocks(m, caseRow, at, ['accept', 'reply']);
        return;
      case 'start_reply':
        await this.deadlines.stopLiveClocks(m, caseRow.id, ['reply'], 'superseded', at);
        await this.startClocks(m, caseRow, at, ['reply']);
        return;
      case 'met':
        await this.deadlines.meetLiveClocks(m, caseRow.id, change.kind, at);
        return;
      case 'stop':
        if (change.kinds === 'all') {
          await this.deadlines.stopLiveClocks(m, caseRow.id, ['accept', 'reply', 'supervision'], 'cancelled', at);
          await this.deadlines.cancelOpenSupervisionNotices(m, caseRow.id);
        } else {
          await this.deadlines.stopLiveClocks(m, caseRow.id, ['accept', 'reply'], 'superseded', at);
        }
        return;
    }
  }

  async policyFor(m: EntityManager, caseRow: CaseClockInput, settings: DeadlineSettings): Promise<LoadedPolicy> {
    return this.choosePolicy(settings, caseRow, await this.categoryPathOf(m, caseRow.categoryId));
  }

  /** Policy selection once the case's category path (root first) is known (planClocks' choice). */
  choosePolicy(
    settings: DeadlineSettings,
    caseRow: Pick<CaseClockInput, 'type' | 'urgency'>,
    categoryPath: number[],
  ): LoadedPolicy {
    return choosePolicy(settings.policies, { categoryPath, requestType: caseRow.type, urgency: caseRow.urgency });
  }

  /** Category paths (root first) of many categories in one query, for the batch paths. */
  categoryPaths(m: EntityManager, categoryIds: number[]): Promise<Map<number, number[]>> {
    return this.deadlines.findCategoryPaths(m, categoryIds);
  }

  private async categoryPathOf(m: EntityManager, categoryId: number | null): Promise<number[]> {
    return categoryId === null ? [] : this.deadlines.findCategoryPath(m, categoryId);
  }

  /** The clocks this case gets when they start at `at`, as rows to insert. */
  private newClocks(
    settings: DeadlineSettings,
    caseRow: CaseClockInput,
    categoryPath: number[],
    at: Date,
    kinds: readonly PlannedClockKind[],
  ): NewClock[] {
    const facts = { categoryPath, requestType: caseRow.type, urgency: caseRow.urgency };
    return planClocks(settings, facts, at, kinds).clocks.map((clock) => ({
      ...clock,
      caseId: caseRow.id,
      bureauId: caseRow.leadBureauId,
    }));
  }

  private async startClocks(
    m: EntityManager,
    caseRow: CaseClockInput,
    at: Date,
    kinds: PlannedClockKind[],
  ): Promise<void> {
    const settings = await this.settings.load(m);
    const path = await this.categoryPathOf(m, caseRow.categoryId);
    await this.deadlines.insertClocks(m, this.newClocks(settings, caseRow, path, at, kinds));
  }

  /**
   * The batch form of startClocks + syncCase, for the reconciler: starts the given clocks for
   * many cases (each from its own start instant) with one INSERT and one UPDATE of the cases.
   * Same planner as a transition. A clock already past due is written as pending like any
   * other: the relay gives it a job with no delay, so it is flagged (and its reminder
   * recorded) at once. A transition that started the same clock meanwhile wins (one pending
   * clock per kind). Returns the number of clocks written.
   */
  async startClocksForMany(
    m: EntityManager,
    cases: (CaseClockInput & { startAt: Date })[],
    kinds: PlannedClockKind[],
  ): Promise<number> {
    if (cases.length === 0) return 0;
    const settings = await this.settings.load(m);
    const paths = await this.categoryPaths(m, [
      ...new Set(cases.flatMap((c) => (c.categoryId === null ? [] : [c.categoryId]))),
    ]);
    const clocks = cases.flatMap((c) =>
      this.newClocks(settings, c, c.categoryId === null ? [] : (paths.get(c.categoryId) ?? []), c.startAt, kinds),
    );
    const written = await this.deadlines.insertClocksUnlessPending(m, clocks);
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
    kinds: PlannedClockKind[],
  ): Promise<void> {
    await this.deadlines.supersedeLiveClocksOfMany(m, stops, kinds);
  }

  /**
   * Writes the case's accept_due_at / reply_due_at (latest live clock of each kind) and its
   * flag, and mirrors them onto the passed row so a later save of that entity keeps them.
   * The case version is not bumped: flags are not edits and must not cause 409s.
   */
  async syncCase(m: EntityManager, caseRow: { id: string } & Partial<CaseClockInput>): Promise<void> {
    const updated = await this.deadlines.syncCase(m, caseRow.id);
    if (updated) {
      caseRow.acceptDueAt = updated.accept_due_at;
      caseRow.replyDueAt = updated.reply_due_at;
      caseRow.flag = updated.flag;
    }
  }

  /** syncCase for many cases at once (no entity to mirror onto). */
  async syncCases(m: EntityManager, caseIds: string[]): Promise<void> {
    await this.deadlines.syncCases(m, caseIds);
  }

  // ---- supervision notices (督办) ----------------------------------------------------------

  /** Starts a supervision notice's clock (due when the supervisor said); returns its id. */
  startSupervisionClock(
    m: EntityManager,
    c: { caseId: string; bureauId: number | null; noticeId: string; at: Date; dueAt: Date },
  ): Promise<string> {
    return this.deadlines.insertSupervisionClock(m, {
      caseId: c.caseId,
      bureauId: c.bureauId,
      noticeId: c.noticeId,
      ...planSupervisionClock(c.at, c.dueAt),
    });
  }

  /** The notice was answered: its clock is met (or settled, if already missed) and the case's flag follows. */
  async meetSupervisionClock(m: EntityManager, c: { caseId: string; noticeId: string; at: Date }): Promise<void> {
    await this.deadlines.meetSupervisionClock(m, c.noticeId, c.at);
    await this.syncCase(m, { id: c.caseId });
  }

  // ---- moving a clock (extension, pause, resume) --------------------------------------

  /** The latest live clock of this kind, locked for an extension or a pause; undefined if none. */
  liveClockForUpdate(m: EntityManager, caseId: string, kind: DeadlineRow['kind']): Promise<DeadlineRow | undefined> {
    return this.deadlines.findLatestLiveClockForUpdate(m, caseId, kind);
  }

  /** Moves a live clock to a new due time; the warning point is recomputed and re-armed if still ahead. */
  async moveDue(m: EntityManager, d: DeadlineRow, newDue: Date, now: Date): Promise<void> {
    const settings = await this.settings.load(m);
    const limit = d.limit_spec ?? { amount: 0, unit: 'minutes', mode: 'calendar' };
    const fraction = await this.warningFractionOf(m, d);
    const warn = warningAt(d.started_at, newDue, limit, settings.calendar, fraction);
    // escalated_at is cleared too: an extension decided after the clock missed and escalated
    // restarts the chain (the old reminder and escalation stay on the timeline). Leaving it set
    // kept a pending clock on the leadership list and stopped it from ever escalating again.
    await this.deadlines.moveDue(m, d.id, newDue, warn.getTime() < newDue.getTime() ? warn : null, now);
    await this.syncCase(m, { id: d.case_id });
  }

  async pause(m: EntityManager, d: DeadlineRow, reason: string, now: Date): Promise<void> {
    const settings = await this.settings.load(m);
    // Working-time clocks keep their remaining working time, so a pause over a weekend is fair.
    const remaining =
      d.limit_spec?.mode === 'working'
        ? Math.max(0, workingMinutesBetween(now, d.due_at, settings.calendar) * 60_000)
        : Math.max(0, d.due_at.getTime() - now.getTime());
    await this.deadlines.pause(m, d.id, now, reason, Math.round(remaining));
  }

  async resume(m: EntityManager, d: DeadlineRow, now: Date): Promise<Date> {
    const settings = await this.settings.load(m);
    const remainingMs = Number(d.remaining_ms ?? 0);
    const newDue = computeDeadline(
      now,
      { amount: remainingMs / 60_000, unit: 'minutes', mode: d.limit_spec?.mode ?? 'calendar' },
      settings.calendar,
    );
    await this.deadlines.resume(m, d.id, newDue, newDue.getTime() - d.due_at.getTime());
    await this.syncCase(m, { id: d.case_id });
    return newDue;
  }

  private async warningFractionOf(m: EntityManager, d: DeadlineRow): Promise<number> {
    if (d.policy_id === null) return 0.75;
    return (await this.deadlines.findPolicyWarningFraction(m, d.policy_id)) ?? 0.75;
  }

  // ---- firing (the worker's processors) ------------------------------------------------

  /** Yellow flag. Returns false when the job is outdated (another generation, met, paused, already warned). */
  async fireWarn(m: EntityManager, deadlineId: string, generation: number): Promise<boolean> {
    const d = await this.deadlines.claimWarning(m, deadlineId, generation);
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
    const d = await this.deadlines.claimMissed(m, deadlineId, generation, escalateAt);
    if (!d) return false;
    const note = `催办：${KIND_ZH[d.kind]}已超期 (${d.kind} deadline passed)`;
    await this.timeline(m, d, 'reminder', note, { dueAt: d.due_at, deadlineId: d.id, kind: d.kind });
    await this.notify(m, d, 'deadline_overdue', note, { handlers: true, supervisors: true });
    await this.syncCase(m, { id: d.case_id });
    return true;
  }

  /** Still overdue N working days after the reminder → the case joins the leadership list. */
  async fireEscalate(m: EntityManager, deadlineId: string, generation: number): Promise<boolean> {
    const d = await this.deadlines.claimEscalation(m, deadlineId, generation);
    if (!d) return false;
    await this.deadlines.markCaseEscalated(m, d.case_id);
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
    actor: Actor = SYSTEM,
  ): Promise<void> {
    await this.deadlines.insertCaseEvent(m, { caseId: d.case_id, bureauId: d.bureau_id, action, note, data, actor });
  }

  async notify(
    m: EntityManager,
    d: Pick<DeadlineRow, 'case_id' | 'bureau_id'>,
    kind: string,
    title: string,
    to: { handlers?: boolean; supervisors?: boolean; userIds?: string[] },
  ): Promise<void> {
    await this.deadlines.insertNotifications(m, { caseId: d.case_id, bureauId: d.bureau_id, kind, title, to });
  }
}
