import { LOGIN_FREE_FAILURES, LOGIN_MAX_BACKOFF_MS, loginBackoffMs } from './login-backoff';

describe('loginBackoffMs', () => {
  it('lets the first few typos pass without a wait', () => {
    for (let n = 0; n <= LOGIN_FREE_FAILURES; n++) expect(loginBackoffMs(n)).toBe(0);
  });

  it('doubles the wait with every further failure', () => {
    const waits = [1, 2, 3, 4].map((k) => loginBackoffMs(LOGIN_FREE_FAILURES + k));
    expect(waits).toEqual([1000, 2000, 4000, 8000]);
  });

  it('never waits longer than the cap, however many failures', () => {
    expect(loginBackoffMs(40)).toBe(LOGIN_MAX_BACKOFF_MS);
    expect(loginBackoffMs(10_000)).toBe(LOGIN_MAX_BACKOFF_MS);
  });
});
