import { citizenReplyDueAt, citizenSteps } from './citizen-steps';

const states = (s: ReturnType<typeof citizenSteps>) => s.map((x) => `${x.code}:${x.state}`);

describe('citizen steps', () => {
  it('shows the step in progress, the done ones before it and the ones ahead', () => {
    expect(states(citizenSteps('awaiting_dispatch', false))).toEqual([
      'received:done',
      'dispatching:current',
      'handling:next',
      'replied:next',
      'closed:next',
    ]);
    expect(states(citizenSteps('return_review', true))[2]).toBe('handling:current');
    expect(states(citizenSteps('awaiting_follow_up', true))[3]).toBe('replied:current');
  });

  it('a closed request is all done; closed at intake skips the bureau steps', () => {
    expect(citizenSteps('closed', true).every((s) => s.state === 'done')).toBe(true);
    expect(states(citizenSteps('closed', false))).toEqual(['received:done', 'closed:done']);
  });

  it('shows the reply deadline only while a bureau owes the reply', () => {
    const d = new Date('2026-12-10T10:00:00Z');
    expect(citizenReplyDueAt('in_progress', d)).toBe(d);
    expect(citizenReplyDueAt('awaiting_follow_up', d)).toBeNull();
    expect(citizenReplyDueAt('awaiting_dispatch', null)).toBeNull();
  });
});
