import { CITIZEN_TIMELINE_ACTIONS } from './citizen-timeline';

describe('citizen timeline', () => {
  it('shows the intake and every lifecycle action except a handler asking to return the case', () => {
    // The list the public case service carried by hand before it moved here.
    expect([...CITIZEN_TIMELINE_ACTIONS].sort()).toEqual(
      [
        'intake',
        'auto_dispatch',
        'queue_for_dispatch',
        'direct_answer',
        'not_accept',
        'emergency_transfer',
        'dispatch',
        'redispatch',
        'accept',
        'approve_return',
        'reject_return',
        'reply',
        'follow_up_close',
        'follow_up_reopen',
        'close',
        'reopen',
        'merge',
      ].sort(),
    );
    expect(CITIZEN_TIMELINE_ACTIONS.has('request_return')).toBe(false);
    expect(CITIZEN_TIMELINE_ACTIONS.has('extension_approved')).toBe(false);
  });
});
