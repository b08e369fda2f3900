import { DeadlineEngine, type CaseEntity } from '@hotline/database';
import type { TCaseChangedEvent } from '@hotline/contracts';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
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
  private readonly log = new Logger(DeadlineTransitionHook.name);

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
    // Until the cases module provides the hooks, the worker's reconciler still gives every
    // dispatched case its clocks (from dispatched_at), so nothing goes unsupervised.
    if (!hooks) return this.log.warn('CaseTransitionHooks not provided: deadlines come from the reconciler only');
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
