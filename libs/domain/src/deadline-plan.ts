// The deadline planner: which policy a case falls under and the clocks it gets when they
// start. Every place that starts clocks (a case transition, the intake statement, the
// worker's reconciler, the web's intake preview) calls planClocks, so they cannot disagree.
import type { RequestType, Urgency } from './case-model';
import type { DeadlineLimit } from './deadline-calculator';
import { selectDeadlinePolicy, type DeadlinePolicyRule } from './deadline-policy';
import { clockFor, type ClockState } from './deadline-schedule';
import type { WorkingCalendar } from './working-calendar';

/** A policy as the planner sees it; `version` is the stored policy's (0 or absent: a built-in default). */
export interface PlannablePolicy extends DeadlinePolicyRule {
  version?: number;
}

/** What planning needs from the settings: the active policies (ordered by id) and the working calendar. */
export interface DeadlinePlanSettings<P extends PlannablePolicy = PlannablePolicy> {
  calendar: WorkingCalendar;
  policies: readonly P[];
}

/** The case facts a policy is chosen by. */
export interface ClockFacts {
  /** Category ids from the root to the leaf; empty without a category. */
  categoryPath: readonly number[];
  requestType: RequestType;
  urgency: Urgency;
}

export type PlannedClockKind = 'accept' | 'reply';

/** One clock to write: what a case_deadlines row of kind accept/reply starts with. */
export interface PlannedClock {
  kind: PlannedClockKind;
  limit: DeadlineLimit;
  startedAt: Date;
  dueAt: Date;
  /** null when the warning would coincide with the due time. */
  warnAt: Date | null;
  /** null for a built-in default policy (nothing stored to point at). */
  policyId: number | null;
  policyVersion: number | null;
}

export interface ClockPlan<P extends PlannablePolicy = PlannablePolicy> {
  policy: P;
  clocks: PlannedClock[];
}

/**
 * The policy for these facts: the most specific applicable one, or, when none applies, the
 * last one. The seeded catch-all (no category, type or urgency) has the highest id and always
 * applies; the fallback only guards an admin who narrowed it.
 */
export function choosePolicy<P extends PlannablePolicy>(policies: readonly P[], facts: ClockFacts): P {
  const chosen = selectDeadlinePolicy(policies, {
    categoryPath: [...facts.categoryPath],
    requestType: facts.requestType,
    urgency: facts.urgency,
  }) as P | null;
  const policy = chosen ?? policies[policies.length - 1];
  if (!policy) throw new Error('no deadline policy to plan clocks with');
  return policy;
}

/** The clocks a case with these facts gets when its accept / reply clocks start at `at`. */
export function planClocks<P extends PlannablePolicy>(
  settings: DeadlinePlanSettings<P>,
  facts: ClockFacts,
  at: Date,
  kinds: readonly PlannedClockKind[] = ['accept', 'reply'],
): ClockPlan<P> {
  const policy = choosePolicy(settings.policies, facts);
  const stored = (policy.version ?? 0) > 0;
  const clocks = kinds.map((kind): PlannedClock => {
    const limit = kind === 'accept' ? policy.acceptLimit : policy.replyLimit;
    const { dueAt, warnAt } = clockFor(at, limit, settings.calendar, policy.warningFraction);
    return {
      kind,
      limit,
      startedAt: at,
      dueAt,
      warnAt,
      policyId: stored ? policy.id : null,
      policyVersion: stored ? (policy.version ?? null) : null,
    };
  });
  return { policy, clocks };
}

/** Share of a supervision notice's time after which its clock warns (no policy applies to it). */
export const SUPERVISION_WARNING_FRACTION = 0.75;

/** A supervision notice's clock: due when the supervisor said, warning at 75 % of calendar time. */
export function planSupervisionClock(at: Date, dueAt: Date): { startedAt: Date; dueAt: Date; warnAt: Date } {
  const span = dueAt.getTime() - at.getTime();
  return { startedAt: at, dueAt, warnAt: new Date(at.getTime() + Math.round(span * SUPERVISION_WARNING_FRACTION)) };
}

/**
 * A live clock: still running (pending, paused or not) or missed and not yet settled (met
 * late or stopped). Live clocks are the ones a transition stops, meets or supersedes, and
 * the ones an extension or pause acts on. The SQL form is `liveClockSql` in @hotline/database.
 */
export function isLiveClock(d: Pick<ClockState, 'status' | 'settledAt'>): boolean {
  return d.status === 'pending' || (d.status === 'missed' && d.settledAt === null);
}
