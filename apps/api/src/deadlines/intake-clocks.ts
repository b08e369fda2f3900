import { clockChangesFor, clockFor, selectDeadlinePolicy } from '@hotline/domain';
import type { IntakeFacts, IntakePlan } from '../cases/case-transition-hooks';
import type { DeadlineEngine } from './engine/deadline-engine';
import type { LoadedPolicy } from './engine/deadline-settings';

/**
 * The deadline hook's share of the intake statement. A new case has no clocks, notices or
 * due dates yet, so what `DeadlineEngine.applyTransition` would do after the INSERT (stop
 * nothing, start the accept and reply clocks, then copy their due times onto the case) can be
 * computed before it: the case row is written once, already carrying accept_due_at /
 * reply_due_at, and both clocks are inserted by the same statement. Same policy selection,
 * same clock arithmetic (`clockFor`) and same rows as `startClocks` + `syncCase`.
 *
 * Returns null for a transition it does not know how to plan (then the hook runs as usual).
 */
export async function planIntakeClocks(engine: DeadlineEngine, facts: IntakeFacts): Promise<IntakePlan | null> {
  const changes = clockChangesFor({ action: facts.action, fromStatus: null, toStatus: facts.toStatus });
  // Stopping clocks of a case that has none changes nothing; its due dates stay null, flag 'none'.
  if (changes.every((c) => c.type === 'stop')) return { columns: {}, statements: [] };
  if (changes.length !== 1 || changes[0]!.type !== 'start_accept_and_reply') return null;

  const settings = await engine.settings.load(facts.reader);
  const policy =
    (selectDeadlinePolicy(settings.policies, {
      categoryPath: facts.categoryPath,
      requestType: facts.type,
      urgency: facts.urgency,
    }) as LoadedPolicy | null) ??
    // The seeded catch-all always matches; this guards an admin edit (as DeadlineEngine.policyFor).
    settings.policies[settings.policies.length - 1]!;
  const clocks = (['accept', 'reply'] as const).map((kind) => {
    const limit = kind === 'accept' ? policy.acceptLimit : policy.replyLimit;
    return { kind, limit, ...clockFor(facts.at, limit, settings.calendar, policy.warningFraction) };
  });
  const policyId = policy.version > 0 ? policy.id : null;
  const policyVersion = policy.version > 0 ? policy.version : null;

  return {
    columns: { acceptDueAt: clocks[0]!.dueAt, replyDueAt: clocks[1]!.dueAt, flag: 'none' },
    statements: [
      (p) => `
        INSERT INTO case_deadlines (case_id, kind, bureau_id, started_at, due_at, warn_at, limit_spec, policy_id, policy_version)
        SELECT c.id, v.kind, c.lead_bureau_id, v.started_at, v.due_at, v.warn_at, v.limit_spec, v.policy_id, v.policy_version
        FROM c CROSS JOIN (VALUES ${clocks
          .map(
            (k, i) =>
              `(${i}, ${p(k.kind)}::text, ${p(facts.at)}::timestamptz, ${p(k.dueAt)}::timestamptz, ${p(k.warnAt)}::timestamptz, ${p(JSON.stringify(k.limit))}::jsonb, ${p(policyId)}::int, ${p(policyVersion)}::int)`,
          )
          .join(', ')}) AS v(n, kind, started_at, due_at, warn_at, limit_spec, policy_id, policy_version)
        ORDER BY v.n`,
    ],
  };
}
