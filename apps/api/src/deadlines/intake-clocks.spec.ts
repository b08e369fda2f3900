import { describe, expect, it } from '@jest/globals';
import { chinaCalendar2025to2027, DEFAULT_DEADLINE_POLICIES, planClocks } from '@hotline/domain';
import { intakeDeadlinesFor } from './intake-clocks';

const settings = { calendar: chinaCalendar2025to2027(), policies: DEFAULT_DEADLINE_POLICIES };
const at = new Date('2026-03-04T02:00:00Z');
const facts = { categoryPath: [3, 30], type: 'help' as const, urgency: 'urgent' as const, at };

describe('intakeDeadlinesFor', () => {
  it('a case dispatched at intake gets the accept and reply clocks a dispatch would start, and their due dates', () => {
    const out = intakeDeadlinesFor(settings, { ...facts, action: 'auto_dispatch', toStatus: 'dispatched' });
    const { clocks } = planClocks(settings, { categoryPath: [3, 30], requestType: 'help', urgency: 'urgent' }, at);
    expect(out).toEqual({
      columns: { acceptDueAt: clocks[0]!.dueAt, replyDueAt: clocks[1]!.dueAt, flag: 'none' },
      deadlines: clocks.map(({ limit, ...c }) => ({ ...c, limitSpec: limit })),
    });
    expect(out!.deadlines.map((d) => d.kind)).toEqual(['accept', 'reply']);
  });

  it('a case registered or closed at intake starts no clocks', () => {
    expect(intakeDeadlinesFor(settings, { ...facts, action: 'register', toStatus: 'registered' })).toEqual({
      columns: {},
      deadlines: [],
    });
    expect(intakeDeadlinesFor(settings, { ...facts, action: 'resolve_on_call', toStatus: 'closed' })).toEqual({
      columns: {},
      deadlines: [],
    });
  });
});
