import { chinaCalendar2025to2027 } from './china-calendar';
import { computeDeadline, type DeadlineLimit } from './deadline-calculator';
import { choosePolicy, isLiveClock, planClocks, planSupervisionClock, type PlannablePolicy } from './deadline-plan';
import { DEFAULT_DEADLINE_POLICIES } from './deadline-policy';
import { clockFor } from './deadline-schedule';

const calendar = chinaCalendar2025to2027();
// A Wednesday morning in Beijing (working time).
const at = new Date('2026-03-04T02:00:00Z');
const hours = (amount: number, mode: 'working' | 'calendar' = 'working'): DeadlineLimit => ({
  amount,
  unit: 'hours',
  mode,
});

function stored(id: number, over: Partial<PlannablePolicy> = {}): PlannablePolicy {
  return {
    id,
    categoryId: null,
    requestType: null,
    urgency: null,
    acceptLimit: hours(1),
    replyLimit: hours(id * 10),
    warningFraction: 0.5,
    version: 3,
    ...over,
  };
}

const facts = { categoryPath: [1, 10], requestType: 'complaint' as const, urgency: 'normal' as const };

describe('planClocks', () => {
  it('plans accept and reply clocks from the most specific policy, as clockFor computes them', () => {
    const policies = [stored(1, { categoryId: 10 }), stored(2, { requestType: 'complaint' }), stored(9)];
    const plan = planClocks({ calendar, policies }, facts, at);
    expect(plan.policy.id).toBe(1);
    expect(plan.clocks).toEqual([
      {
        kind: 'accept',
        limit: hours(1),
        startedAt: at,
        ...clockFor(at, hours(1), calendar, 0.5),
        policyId: 1,
        policyVersion: 3,
      },
      {
        kind: 'reply',
        limit: hours(10),
        startedAt: at,
        ...clockFor(at, hours(10), calendar, 0.5),
        policyId: 1,
        policyVersion: 3,
      },
    ]);
  });

  it('plans only the kinds asked for (a reopen restarts the reply clock alone)', () => {
    const plan = planClocks({ calendar, policies: [stored(9)] }, facts, at, ['reply']);
    expect(plan.clocks.map((c) => c.kind)).toEqual(['reply']);
    expect(plan.clocks[0]!.dueAt).toEqual(computeDeadline(at, hours(90), calendar));
  });

  it('falls back to the last policy when none applies (an admin narrowed the catch-all)', () => {
    const policies = [stored(1, { urgency: 'critical' }), stored(8, { requestType: 'praise' })];
    const plan = planClocks({ calendar, policies }, facts, at);
    expect(plan.policy.id).toBe(8);
    expect(plan.clocks[1]!.dueAt).toEqual(computeDeadline(at, hours(80), calendar));
  });

  it('points at no stored policy when the policy is a built-in default', () => {
    const plan = planClocks({ calendar, policies: DEFAULT_DEADLINE_POLICIES }, facts, at);
    expect(plan.policy.id).toBe(5);
    expect(plan.clocks.every((c) => c.policyId === null && c.policyVersion === null)).toBe(true);
    const zero = planClocks({ calendar, policies: [stored(4, { version: 0 })] }, facts, at);
    expect(zero.clocks[0]).toMatchObject({ policyId: null, policyVersion: null });
  });

  it('leaves warnAt null when the warning would coincide with the due time', () => {
    const plan = planClocks({ calendar, policies: [stored(1, { warningFraction: 1 })] }, facts, at);
    expect(plan.clocks.every((c) => c.warnAt === null)).toBe(true);
  });

  it('refuses to plan without any policy', () => {
    expect(() => choosePolicy([], facts)).toThrow('no deadline policy');
  });
});

describe('planSupervisionClock', () => {
  it('is due when the supervisor said and warns at 75 % of the calendar time', () => {
    const due = new Date(at.getTime() + 4 * 3600_000);
    expect(planSupervisionClock(at, due)).toEqual({
      startedAt: at,
      dueAt: due,
      warnAt: new Date(at.getTime() + 3 * 3600_000),
    });
  });
});

describe('isLiveClock', () => {
  it('is pending, or missed and not yet settled', () => {
    const settled = new Date();
    expect(isLiveClock({ status: 'pending', settledAt: null })).toBe(true);
    expect(isLiveClock({ status: 'missed', settledAt: null })).toBe(true);
    expect(isLiveClock({ status: 'missed', settledAt: settled })).toBe(false);
    for (const status of ['met', 'cancelled', 'superseded'] as const) {
      expect(isLiveClock({ status, settledAt: settled })).toBe(false);
    }
  });
});
