import {
  clockChangesFor,
  planClocks,
  type DeadlineLimit,
  type DeadlinePlanSettings,
  type PlannedClockKind,
} from '@hotline/domain';
import type { DeadlineEngine } from '@hotline/database';
import type { IntakeFacts, IntakePlan } from '../cases/case-transition-hooks';

/** One clock the intake statement inserts with the case (case id and bureau come from the inserted row). */
export interface IntakeDeadlineRow {
  kind: PlannedClockKind;
  startedAt: Date;
  dueAt: Date;
  warnAt: Date | null;
  limitSpec: DeadlineLimit;
  policyId: number | null;
  policyVersion: number | null;
}

/** The deadline hook's share of a new case: its due-date columns and the clocks to insert. */
export interface IntakeDeadlines {
  /** Empty when the intake starts no clocks (the column defaults apply: no due dates, flag 'none'). */
  columns: { acceptDueAt?: Date; replyDueAt?: Date; flag?: 'none' };
  deadlines: IntakeDeadlineRow[];
}

/**
 * What `DeadlineEngine.applyTransition` would do to a new case, computed before it exists. A
 * new case has no clocks, notices or due dates, so its transition stops nothing and at most
 * starts the accept and reply clocks, whose due times are then copied onto the case: the
 * case row can be written once, already carrying accept_due_at / reply_due_at, with both
 * clocks inserted by the same statement. Same planner (planClocks) and same rows as a
 * transition. Null for a transition it cannot plan (the hook then runs as usual).
 */
export function intakeDeadlinesFor(
  settings: DeadlinePlanSettings,
  facts: Pick<IntakeFacts, 'action' | 'toStatus' | 'categoryPath' | 'type' | 'urgency' | 'at'>,
): IntakeDeadlines | null {
  const changes = clockChangesFor({ action: facts.action, fromStatus: null, toStatus: facts.toStatus });
  // Stopping clocks of a case that has none changes nothing; its due dates stay null, flag 'none'.
  if (changes.every((c) => c.type === 'stop')) return { columns: {}, deadlines: [] };
  if (changes.length !== 1 || changes[0]!.type !== 'start_accept_and_reply') return null;

  const { clocks } = planClocks(
    settings,
    { categoryPath: facts.categoryPath, requestType: facts.type, urgency: facts.urgency },
    facts.at,
    ['accept', 'reply'],
  );
  const deadlines = clocks.map(({ limit, ...clock }) => ({ ...clock, limitSpec: limit }));
  return {
    columns: { acceptDueAt: deadlines[0]!.dueAt, replyDueAt: deadlines[1]!.dueAt, flag: 'none' },
    deadlines,
  };
}

/** intakeDeadlinesFor with the engine's cached settings. */
export async function planIntakeDeadlines(engine: DeadlineEngine, facts: IntakeFacts): Promise<IntakeDeadlines | null> {
  return intakeDeadlinesFor(await engine.settings.load(facts.reader), facts);
}

/**
 * The intake plan as SQL fragments (CTEs of the intake INSERT that refer to the new case as
 * `c`), for the intake statement that takes hook statements rather than typed rows.
 */
export async function planIntakeClocks(engine: DeadlineEngine, facts: IntakeFacts): Promise<IntakePlan | null> {
  const planned = await planIntakeDeadlines(engine, facts);
  if (!planned) return null;
  if (planned.deadlines.length === 0) return { columns: planned.columns, statements: [] };
  const rows = planned.deadlines;
  return {
    columns: planned.columns,
    statements: [
      (p) => `
        INSERT INTO case_deadlines (case_id, kind, bureau_id, started_at, due_at, warn_at, limit_spec, policy_id, policy_version)
        SELECT c.id, v.kind, c.lead_bureau_id, v.started_at, v.due_at, v.warn_at, v.limit_spec, v.policy_id, v.policy_version
        FROM c CROSS JOIN (VALUES ${rows
          .map(
            (k, i) =>
              `(${i}, ${p(k.kind)}::text, ${p(k.startedAt)}::timestamptz, ${p(k.dueAt)}::timestamptz, ${p(k.warnAt)}::timestamptz, ${p(JSON.stringify(k.limitSpec))}::jsonb, ${p(k.policyId)}::int, ${p(k.policyVersion)}::int)`,
          )
          .join(', ')}) AS v(n, kind, started_at, due_at, warn_at, limit_spec, policy_id, policy_version)
        ORDER BY v.n`,
    ],
  };
}
