import { REQUEST_TYPES, URGENCIES, type RequestType, type Urgency } from './case-model';
import type { DeadlineLimit } from './deadline-calculator';
import { DEFAULT_DEADLINE_POLICIES, selectDeadlinePolicy, type DeadlinePolicyRule } from './deadline-policy';

const limit = (amount: number): DeadlineLimit => ({ amount, unit: 'hours', mode: 'working' });

function rule(
  id: number,
  categoryId: number | null,
  requestType: RequestType | null,
  urgency: Urgency | null,
): DeadlinePolicyRule {
  return { id, categoryId, requestType, urgency, acceptLimit: limit(1), replyLimit: limit(id), warningFraction: 0.75 };
}

const path = [1, 10, 100];
const input = { categoryPath: path, requestType: 'complaint' as const, urgency: 'urgent' as const };

describe('selectDeadlinePolicy', () => {
  it('returns null when nothing applies', () => {
    expect(selectDeadlinePolicy([], input)).toBeNull();
    expect(
      selectDeadlinePolicy(
        [rule(1, 2, null, null), rule(2, null, 'praise', null), rule(3, null, null, 'critical')],
        input,
      ),
    ).toBeNull();
  });

  it('a deeper category beats a shallower one, and any category beats none', () => {
    const rules = [
      rule(1, null, 'complaint', 'urgent'),
      rule(2, 1, null, null),
      rule(3, 10, null, null),
      rule(4, 100, null, null),
    ];
    expect(selectDeadlinePolicy(rules, input)?.id).toBe(4);
    expect(selectDeadlinePolicy(rules.slice(0, 3), input)?.id).toBe(3);
    expect(selectDeadlinePolicy(rules.slice(0, 2), input)?.id).toBe(2);
    expect(selectDeadlinePolicy(rules.slice(0, 1), input)?.id).toBe(1);
  });

  it('on the same category, urgency beats type', () => {
    expect(selectDeadlinePolicy([rule(1, 10, 'complaint', null), rule(2, 10, null, 'urgent')], input)?.id).toBe(2);
  });

  it('urgency + type beats urgency alone', () => {
    expect(selectDeadlinePolicy([rule(1, null, null, 'urgent'), rule(2, null, 'complaint', 'urgent')], input)?.id).toBe(
      2,
    );
  });

  it('type beats the catch-all', () => {
    expect(selectDeadlinePolicy([rule(1, null, null, null), rule(2, null, 'complaint', null)], input)?.id).toBe(2);
  });

  it('the lowest id breaks a tie, whatever the order', () => {
    const a = rule(9, 10, 'complaint', null);
    const b = rule(4, 10, 'complaint', null);
    expect(selectDeadlinePolicy([a, b], input)).toBe(b);
    expect(selectDeadlinePolicy([b, a], input)).toBe(b);
  });
});

describe('DEFAULT_DEADLINE_POLICIES', () => {
  const pick = (requestType: RequestType, urgency: Urgency) =>
    selectDeadlinePolicy(DEFAULT_DEADLINE_POLICIES, { categoryPath: [1, 10, 100], requestType, urgency })!;

  it('has no category and warns at 75 %', () => {
    for (const p of DEFAULT_DEADLINE_POLICIES) {
      expect(p.categoryId).toBeNull();
      expect(p.warningFraction).toBe(0.75);
    }
  });

  it('has unique ids', () => {
    expect(new Set(DEFAULT_DEADLINE_POLICIES.map((p) => p.id)).size).toBe(DEFAULT_DEADLINE_POLICIES.length);
  });

  it.each(REQUEST_TYPES)('critical %s: accept 30 min and reply 2 h, calendar time', (type) => {
    const p = pick(type, 'critical');
    expect(p.acceptLimit).toEqual({ amount: 30, unit: 'minutes', mode: 'calendar' });
    expect(p.replyLimit).toEqual({ amount: 2, unit: 'hours', mode: 'calendar' });
  });

  it.each(REQUEST_TYPES)('urgent %s: accept 2 working hours, reply 24 h', (type) => {
    const p = pick(type, 'urgent');
    expect(p.acceptLimit).toEqual({ amount: 2, unit: 'hours', mode: 'working' });
    expect(p.replyLimit).toEqual({ amount: 24, unit: 'hours', mode: 'calendar' });
  });

  const normalReply: Record<RequestType, DeadlineLimit> = {
    consultation: { amount: 3, unit: 'days', mode: 'working' },
    help: { amount: 3, unit: 'days', mode: 'working' },
    complaint: { amount: 13, unit: 'days', mode: 'working' },
    report: { amount: 13, unit: 'days', mode: 'working' },
    suggestion: { amount: 13, unit: 'days', mode: 'working' },
    praise: { amount: 7, unit: 'days', mode: 'calendar' },
  };

  it.each(REQUEST_TYPES)('normal %s', (type) => {
    const p = pick(type, 'normal');
    expect(p.acceptLimit).toEqual({ amount: 2, unit: 'hours', mode: 'working' });
    expect(p.replyLimit).toEqual(normalReply[type]);
  });

  it('every type and urgency gets a policy', () => {
    for (const type of REQUEST_TYPES) for (const urgency of URGENCIES) expect(pick(type, urgency)).toBeDefined();
  });

  it('cannot be modified', () => {
    expect(Object.isFrozen(DEFAULT_DEADLINE_POLICIES)).toBe(true);
    expect(Object.isFrozen(DEFAULT_DEADLINE_POLICIES[0])).toBe(true);
    expect(Object.isFrozen(DEFAULT_DEADLINE_POLICIES[0]!.replyLimit)).toBe(true);
  });

  it('a category rule outranks the defaults', () => {
    const water = rule(100, 10, null, null);
    expect(
      selectDeadlinePolicy([...DEFAULT_DEADLINE_POLICIES, water], {
        categoryPath: [1, 10],
        requestType: 'help',
        urgency: 'critical',
      }),
    ).toBe(water);
  });
});
