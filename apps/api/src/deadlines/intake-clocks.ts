import { clockChangesFor, planClocks, type DeadlinePlanSettings } from '@hotline/domain';
import type { DeadlineEngine } from '@hotline/database';
import type { IntakeFacts, IntakePlan } from '../cases/case-transition-hooks';

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
): IntakePlan | null {
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

/** The deadline hook's intake plan: intakeDeadlinesFor with the engine's cached settings. */
export async function planIntakeClocks(engine: DeadlineEngine, facts: IntakeFacts): Promise<IntakePlan | null> {
  return intakeDeadlinesFor(await engine.settings.load(facts.reader), facts);
}
