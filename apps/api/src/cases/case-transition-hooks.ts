import { Injectable } from '@nestjs/common';
import type { CaseEntity } from '@hotline/database';
import type { DeadlineLimit, PlannedClockKind } from '@hotline/domain';
import type { TCaseChangedEvent } from '@hotline/contracts';
import type { EntityManager } from 'typeorm';

/** What a hook may know about a case before the intake statement writes it. */
export interface IntakeFacts {
  type: CaseEntity['type'];
  urgency: CaseEntity['urgency'];
  categoryId: number | null;
  /** Root → leaf category ids (from the in-memory tree); empty without a category. */
  categoryPath: number[];
  leadBureauId: number | null;
  action: string;
  toStatus: string;
  /** The intake instant: the case's dispatched_at when it is dispatched at intake. */
  at: Date;
  /** Outside any transaction: only for reading cached settings. */
  reader: EntityManager;
}

/** One clock the intake statement inserts with the case (its case id and bureau are the new case's). */
export interface NewDeadlineRow {
  kind: PlannedClockKind;
  startedAt: Date;
  dueAt: Date;
  warnAt: Date | null;
  limitSpec: DeadlineLimit;
  policyId: number | null;
  policyVersion: number | null;
}

/**
 * A hook's share of the single intake statement, as typed rows: case columns it sets (the
 * deadline hook's due dates and flag) and the clocks to insert. The statement itself is fixed
 * (CasesRepository, cases.repository.sql); hooks never contribute SQL.
 */
export interface IntakePlan {
  columns: { acceptDueAt?: Date; replyDueAt?: Date; flag?: CaseEntity['flag'] };
  deadlines: NewDeadlineRow[];
}

/**
 * Work that must commit atomically with a case transition (e.g. writing the case's
 * deadlines for the outbox relay). Hooks run inside the transaction, after the case row
 * and its timeline event are written; a hook that throws rolls the whole change back.
 *
 * At intake a hook may instead contribute to the intake statement itself (`planIntake`):
 * the case is new, so its effect can be computed before the INSERT and written by it, which
 * saves the round trips and the second write of the case row. A hook that returns a plan is
 * not run again for that intake; one that returns null (or has no planIntake) runs as usual.
 */
export interface CaseTransitionHook {
  readonly name: string;
  afterTransition(ctx: { manager: EntityManager; caseRow: CaseEntity; event: TCaseChangedEvent }): Promise<void>;
  planIntake?(facts: IntakeFacts): Promise<IntakePlan | null>;
}

@Injectable()
export class CaseTransitionHooks {
  private readonly hooks: CaseTransitionHook[] = [];

  register(hook: CaseTransitionHook): void {
    if (this.hooks.some((h) => h.name === hook.name)) throw new Error(`case hook ${hook.name} registered twice`);
    this.hooks.push(hook);
  }

  /** Collects the hooks' intake plans; `planned` names the hooks that `run` must then skip. */
  async planIntake(facts: IntakeFacts): Promise<IntakePlan & { planned: Set<string> }> {
    const out: IntakePlan & { planned: Set<string> } = { columns: {}, deadlines: [], planned: new Set() };
    for (const hook of this.hooks) {
      const plan = hook.planIntake ? await hook.planIntake(facts) : null;
      if (!plan) continue;
      Object.assign(out.columns, plan.columns);
      out.deadlines.push(...plan.deadlines);
      out.planned.add(hook.name);
    }
    return out;
  }

  /** True when every registered hook is covered by `planned` (nothing left to run in a transaction). */
  allPlanned(planned: ReadonlySet<string>): boolean {
    return this.hooks.every((h) => planned.has(h.name));
  }

  async run(
    ctx: { manager: EntityManager; caseRow: CaseEntity; event: TCaseChangedEvent },
    skip: ReadonlySet<string> = new Set(),
  ): Promise<void> {
    for (const hook of this.hooks) if (!skip.has(hook.name)) await hook.afterTransition(ctx);
  }
}
