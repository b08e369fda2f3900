/**
 * Sign-in back-off (ASVS 2.2.1): wrong passwords are counted per username AND client address,
 * so a guesser slows down only themselves; nobody can lock a real user out from elsewhere.
 * The first LOGIN_FREE_FAILURES cost nothing (typos); from then on every further failure
 * doubles the wait before that client may try that username again, up to LOGIN_MAX_BACKOFF_MS.
 * A successful sign-in from the client, or an administrator's password reset, starts over.
 */
export const LOGIN_FREE_FAILURES = 4;
export const LOGIN_BASE_BACKOFF_MS = 1_000;
export const LOGIN_MAX_BACKOFF_MS = 15 * 60_000;
/** Failures are forgotten after a day without one. */
export const LOGIN_FAILURE_MEMORY_SECONDS = 24 * 3600;

/** How long the client must wait after its `failures`-th consecutive wrong password. */
export function loginBackoffMs(failures: number): number {
  if (failures <= LOGIN_FREE_FAILURES) return 0;
  const doublings = failures - LOGIN_FREE_FAILURES - 1;
  return Math.min(LOGIN_MAX_BACKOFF_MS, LOGIN_BASE_BACKOFF_MS * 2 ** Math.min(doublings, 30));
}
