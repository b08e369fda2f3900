import { DeadlineEngine, type CaseEntity } from '@hotline/database';
import type { TCaseChangedEvent } from '@hotline/contracts';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import {
  CaseTransitionHooks,
  type CaseTransitionHook,
  type IntakeFacts,
  type IntakePlan,
} from '../cases/case-transition-hooks';
import { planIntakeClocks } from './intake-clocks';

/**
 * Plugs deadlines into every case transition: the clocks are written in the case's own
 * transaction (the transactional outbox), so a committed dispatch always has its deadlines
 * and a rolled-back one never does. The worker's relay schedules the jobs from there.
 */
@Injectable()
export class DeadlineTransitionHook implements CaseTransitionHook, OnModuleInit {
  readonly name = 'deadlines';

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly engine: DeadlineEngine,
  ) {}

  onModuleInit(): void {
    let hooks: CaseTransitionHooks | undefined;
    try {
      hooks = this.moduleRef.get(CaseTransitionHooks, { strict: false });
    } catch {
      hooks = undefined;
    }
    // Without the hooks a dispatched case would get its clocks only from the worker's
    // reconciler, minutes late: a module graph that leaves them out must not start.
    if (!hooks)
      throw new Error('CaseTransitionHooks not provided: import CasesModule where DeadlineTransitionHook is provided');
    hooks.register(this);
  }

  afterTransition(ctx: { manager: EntityManager; caseRow: CaseEntity; event: TCaseChangedEvent }): Promise<void> {
    return this.engine.applyTransition(ctx.manager, ctx.caseRow, ctx.event);
  }

  /** At intake the clocks and due dates are written by the intake statement itself (one write of the case row). */
  planIntake(facts: IntakeFacts): Promise<IntakePlan | null> {
    return planIntakeClocks(this.engine, facts);
  }
}
