import { followUpRetryAfter, isFollowUpDue, UNREACHABLE_RETRY_MS } from './follow-up-attempts';

const now = new Date('2026-12-02T06:00:00Z');
const later = (h: number) => new Date(now.getTime() + h * 3_600_000);

describe('follow-up attempts', () => {
  it('unreachable retries after two hours unless the agent names a time', () => {
    expect(followUpRetryAfter('unreachable', now)).toEqual({
      ok: true,
      retryAfter: new Date(now.getTime() + UNREACHABLE_RETRY_MS),
    });
    expect(followUpRetryAfter('unreachable', now, later(5))).toEqual({ ok: true, retryAfter: later(5) });
  });

  it('call_back_later needs the time the citizen asked for', () => {
    expect(followUpRetryAfter('call_back_later', now).ok).toBe(false);
    expect(followUpRetryAfter('call_back_later', now, later(24))).toEqual({ ok: true, retryAfter: later(24) });
  });

  it('wrong number and refusal do not retry', () => {
    expect(followUpRetryAfter('wrong_number', now)).toEqual({ ok: true, retryAfter: null });
    expect(followUpRetryAfter('refused', now, later(1)).ok).toBe(false);
  });

  it('refuses a retry time in the past or more than 14 days ahead', () => {
    expect(followUpRetryAfter('unreachable', now, later(-1)).ok).toBe(false);
    expect(followUpRetryAfter('unreachable', now, later(15 * 24)).ok).toBe(false);
  });

  it('a case is due when it has no retry time or the time has come', () => {
    expect(isFollowUpDue(null, now)).toBe(true);
    expect(isFollowUpDue(later(-1), now)).toBe(true);
    expect(isFollowUpDue(later(1), now)).toBe(false);
  });
});
