import { Injectable } from '@nestjs/common';
import type { CaseEntity } from '@hotline/database';
import type { TCaseChangedEvent } from '@hotline/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Work that must commit atomically with a case transition (e.g. writing the case's
 * deadlines for the outbox relay). Hooks run inside the transaction, after the case row
 * and its timeline event are written; a hook that throws rolls the whole change back.
 */
export interface CaseTransitionHook {
  readonly name: string;
  afterTransition(ctx: { manager: EntityManager; caseRow: CaseEntity; event: TCaseChangedEvent }): Promise<void>;
}

@Injectable()
export class CaseTransitionHooks {
  private readonly hooks: CaseTransitionHook[] = [];

  register(hook: CaseTransitionHook): void {
    if (this.hooks.some((h) => h.name === hook.name)) throw new Error(`case hook ${hook.name} registered twice`);
    this.hooks.push(hook);
  }

  async run(ctx: { manager: EntityManager; caseRow: CaseEntity; event: TCaseChangedEvent }): Promise<void> {
    for (const hook of this.hooks) await hook.afterTransition(ctx);
  }
}
