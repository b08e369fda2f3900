import { caseFlagOf, clockChangesFor, clockFor, nextClockEvent, type ClockState } from './deadline-schedule';
import { chinaCalendar2025to2027 } from './china-calendar';

const cal = chinaCalendar2025to2027();
const at = (s: string) => new Date(s);

describe('clockChangesFor', () => {
  it('starts accept and reply clocks on dispatch, redispatch and a rejected return', () => {
    expect(clockChangesFor({ action: 'auto_dispatch', fromStatus: null, toStatus: 'dispatched' })).toEqual([
      { type: 'start_accept_and_reply' },
    ]);
    expect(clockChangesFor({ action: 'redispatch', fromStatus: 'dispatched', toStatus: 'dispatched' })).toEqual([
      { type: 'start_accept_and_reply' },
    ]);
    expect(clockChangesFor({ action: 'return_decision', fromStatus: 'return_review', toStatus: 'dispatched' })).toEqual(
      [{ type: 'start_accept_and_reply' }],
    );
  });

  it('meets accept on accept, reply on reply, restarts reply on reopen, stops all on close', () => {
    expect(clockChangesFor({ action: 'accept', fromStatus: 'dispatched', toStatus: 'in_progress' })).toEqual([
      { type: 'met', kind: 'accept' },
    ]);
    expect(clockChangesFor({ action: 'reply', fromStatus: 'in_progress', toStatus: 'awaiting_follow_up' })).toEqual([
      { type: 'met', kind: 'reply' },
    ]);
    expect(
      clockChangesFor({ action: 'follow_up_reopen', fromStatus: 'awaiting_follow_up', toStatus: 'in_progress' }),
    ).toEqual([{ type: 'start_reply' }]);
    // A supervisor's reopen of a closed case gives the bureau a new reply deadline too.
    expect(clockChangesFor({ action: 'reopen', fromStatus: 'closed', toStatus: 'in_progress' })).toEqual([
      { type: 'start_reply' },
    ]);
    expect(clockChangesFor({ action: 'follow_up', fromStatus: 'awaiting_follow_up', toStatus: 'closed' })).toEqual([
      { type: 'stop', kinds: 'all' },
    ]);
    expect(
      clockChangesFor({ action: 'return_decision', fromStatus: 'return_review', toStatus: 'awaiting_dispatch' }),
    ).toEqual([{ type: 'stop', kinds: 'accept_reply' }]);
    expect(clockChangesFor({ action: 'note', fromStatus: 'in_progress', toStatus: 'in_progress' })).toEqual([]);
  });
});

describe('clockFor', () => {
  it('runs a working-day reply clock over the National Day holiday and its 调休 Saturday', () => {
    // Dispatched Tue 2025-09-30 10:00 Beijing; 1–8 Oct are off, Sat 11 Oct is a make-up working day.
    const { dueAt, warnAt } = clockFor(
      at('2025-09-30T02:00:00Z'),
      { amount: 3, unit: 'days', mode: 'working' },
      cal,
      0.75,
    );
    // Working days used: 30 Sep (rest), 9 Oct, 10 Oct, 11 Oct (Sat, make-up) until 10:00.
    expect(dueAt.toISOString()).toBe('2025-10-11T02:00:00.000Z');
    expect(warnAt!.getTime()).toBeLessThan(dueAt.getTime());
  });

  it('has no warning when the fraction is 1', () => {
    const c = clockFor(at('2025-06-03T02:00:00Z'), { amount: 2, unit: 'hours', mode: 'calendar' }, cal, 1);
    expect(c.warnAt).toBeNull();
  });
});

describe('nextClockEvent and caseFlagOf', () => {
  const base: ClockState = {
    status: 'pending',
    dueAt: at('2025-06-03T10:00:00Z'),
    warnAt: at('2025-06-03T09:00:00Z'),
    warnedAt: null,
    pausedAt: null,
    settledAt: null,
    escalateAt: null,
    escalatedAt: null,
  };

  it('schedules warn, then due, then escalation; nothing while paused or settled', () => {
    expect(nextClockEvent(base)).toEqual({ event: 'warn', at: base.warnAt });
    expect(nextClockEvent({ ...base, warnedAt: at('2025-06-03T09:00:01Z') })).toEqual({ event: 'due', at: base.dueAt });
    expect(nextClockEvent({ ...base, pausedAt: at('2025-06-03T09:30:00Z') })).toBeNull();
    const missed: ClockState = { ...base, status: 'missed', escalateAt: at('2025-06-10T10:00:00Z') };
    expect(nextClockEvent(missed)).toEqual({ event: 'escalate', at: missed.escalateAt });
    expect(nextClockEvent({ ...missed, settledAt: at('2025-06-04T00:00:00Z') })).toBeNull();
    expect(nextClockEvent({ ...base, status: 'met' })).toBeNull();
  });

  it('flags red over yellow, and clears when the missed clock is settled', () => {
    expect(caseFlagOf([base])).toBe('none');
    expect(caseFlagOf([{ ...base, warnedAt: base.warnAt }])).toBe('warning');
    expect(
      caseFlagOf([
        { ...base, warnedAt: base.warnAt },
        { ...base, status: 'missed' },
      ]),
    ).toBe('overdue');
    expect(caseFlagOf([{ ...base, status: 'missed', settledAt: base.dueAt }])).toBe('none');
  });
});
