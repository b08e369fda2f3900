// Pure rules of deadline scheduling: which clock changes a case transition causes, when a
// clock's due and warning instants are, and which event of a clock should fire next.
// The API's transition hook and the worker's relay both call these.
import { computeDeadline, warningAt, type DeadlineLimit } from './deadline-calculator';
import type { WorkingCalendar } from './working-calendar';

export type ClockKind = 'accept' | 'reply' | 'supervision';

/** What a case transition does to the case's clocks. */
export type ClockChange =
  | { type: 'start_accept_and_reply' }
  | { type: 'start_reply' }
  | { type: 'met'; kind: 'accept' | 'reply' }
  | { type: 'stop'; kinds: 'all' | 'accept_reply' };

export interface TransitionFacts {
  action: string;
  fromStatus: string | null;
  toStatus: string;
}

/**
 * Reads the transition by its states, not only its action name, so a new action that ends
 * in a known state still moves the clocks correctly:
 * - into `dispatched` (dispatch, redispatch, a rejected return): fresh accept + reply clocks;
 * - `dispatched` → `in_progress` (accept): the accept clock is met;
 * - `in_progress` → `awaiting_follow_up`, or the `reply` action: the reply clock is met;
 * - `awaiting_follow_up` or `closed` → `in_progress` (reopen, 重办): a fresh reply clock;
 * - back to `awaiting_dispatch`/`registered`: the bureau's clocks stop;
 * - `closed` (any way): every clock stops, supervision notices included.
 */
export function clockChangesFor(t: TransitionFacts): ClockChange[] {
  if (t.toStatus === 'closed') return [{ type: 'stop', kinds: 'all' }];
  if (t.toStatus === 'dispatched' && (t.fromStatus !== 'dispatched' || /dispatch/.test(t.action))) {
    return [{ type: 'start_accept_and_reply' }];
  }
  if (t.toStatus === 'awaiting_dispatch' || t.toStatus === 'registered') {
    return t.fromStatus === t.toStatus ? [] : [{ type: 'stop', kinds: 'accept_reply' }];
  }
  const changes: ClockChange[] = [];
  if (t.fromStatus === 'dispatched' && t.toStatus === 'in_progress') changes.push({ type: 'met', kind: 'accept' });
  if (t.action === 'reply' || (t.fromStatus === 'in_progress' && t.toStatus === 'awaiting_follow_up')) {
    changes.push({ type: 'met', kind: 'reply' });
  }
  // Reopened after follow-up (重办) or by a supervisor after closing: the bureau must reply again.
  if ((t.fromStatus === 'awaiting_follow_up' || t.fromStatus === 'closed') && t.toStatus === 'in_progress') {
    changes.push({ type: 'start_reply' });
  }
  return changes;
}

export interface Clock {
  dueAt: Date;
  /** null when the warning would coincide with the due time (nothing to warn about). */
  warnAt: Date | null;
}

export function clockFor(start: Date, limit: DeadlineLimit, cal: WorkingCalendar, warningFraction: number): Clock {
  const dueAt = computeDeadline(start, limit, cal);
  const warn = warningAt(start, dueAt, limit, cal, warningFraction);
  return { dueAt, warnAt: warn.getTime() < dueAt.getTime() ? warn : null };
}

export interface ClockState {
  status: 'pending' | 'met' | 'missed' | 'cancelled' | 'superseded';
  dueAt: Date;
  warnAt: Date | null;
  warnedAt: Date | null;
  pausedAt: Date | null;
  settledAt: Date | null;
  escalateAt: Date | null;
  escalatedAt: Date | null;
}

/**
 * The one job a clock needs in the queue right now (one at a time keeps Redis small):
 * the warning until it has fired, then the due time, then — once missed — the escalation.
 * Paused, met, cancelled and superseded clocks need none.
 */
export function nextClockEvent(c: ClockState): { event: 'warn' | 'due' | 'escalate'; at: Date } | null {
  if (c.status === 'pending') {
    if (c.pausedAt) return null;
    if (c.warnAt && !c.warnedAt && c.warnAt.getTime() < c.dueAt.getTime()) return { event: 'warn', at: c.warnAt };
    return { event: 'due', at: c.dueAt };
  }
  if (c.status === 'missed' && !c.settledAt && !c.escalatedAt && c.escalateAt) {
    return { event: 'escalate', at: c.escalateAt };
  }
  return null;
}

/** The flag a case shows: red while any clock is missed and unsettled, yellow while any pending clock has warned. */
export function caseFlagOf(clocks: readonly ClockState[]): 'none' | 'warning' | 'overdue' {
  if (clocks.some((c) => c.status === 'missed' && !c.settledAt)) return 'overdue';
  if (clocks.some((c) => c.status === 'pending' && c.warnedAt)) return 'warning';
  return 'none';
}
