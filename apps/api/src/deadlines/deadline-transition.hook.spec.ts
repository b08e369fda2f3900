import { describe, expect, it } from '@jest/globals';
import { DeadlineEngine } from '@hotline/database';
import { Test } from '@nestjs/testing';
import { CaseTransitionHooks } from '../cases/case-transition-hooks';
import { DeadlineTransitionHook } from './deadline-transition.hook';

// Without the hook a dispatched case would get its clocks only from the worker's reconciler,
// minutes late: a module graph that leaves CaseTransitionHooks out must not start at all.
describe('DeadlineTransitionHook at start-up', () => {
  const engine = { provide: DeadlineEngine, useValue: new DeadlineEngine() };

  it('fails start-up when no CaseTransitionHooks is provided', async () => {
    const moduleRef = await Test.createTestingModule({ providers: [engine, DeadlineTransitionHook] }).compile();
    await expect(moduleRef.init()).rejects.toThrow(/CaseTransitionHooks/);
  });

  it('registers itself with the CaseTransitionHooks it finds', async () => {
    const moduleRef = await Test.createTestingModule({
      providers: [engine, CaseTransitionHooks, DeadlineTransitionHook],
    }).compile();
    await moduleRef.init();
    const hooks = moduleRef.get(CaseTransitionHooks);
    // Registering the same hook again is refused, so it is registered already.
    expect(() => hooks.register(moduleRef.get(DeadlineTransitionHook))).toThrow(/registered twice/);
    await moduleRef.close();
  });
});
