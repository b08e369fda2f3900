// The follow-up worklist (回访, issue 12): an agent's call that did not reach an answer is
// recorded as an attempt, and the case comes back to the list when it is time to try again.

export const FOLLOW_UP_ATTEMPT_OUTCOMES = ['unreachable', 'wrong_number', 'refused', 'call_back_later'] as const;
export type FollowUpAttemptOutcome = (typeof FOLLOW_UP_ATTEMPT_OUTCOMES)[number];

/** Unreachable: try again after two hours unless the agent says when. */
export const UNREACHABLE_RETRY_MS = 2 * 3_600_000;
/** A retry time must be within this far ahead (a follow-up does not wait a month). */
export const MAX_RETRY_AHEAD_MS = 14 * 24 * 3_600_000;
/** After this many attempts the worklist marks the case for closing without an answer. */
export const MAX_FOLLOW_UP_ATTEMPTS = 3;

/** Why a retry time was refused (an error code's last part: `follow_up.<refusal>`). */
export type RetryRefusal = 'retry_in_past' | 'retry_too_far' | 'retry_required' | 'retry_not_taken';

export type RetryDecision =
  { ok: true; retryAfter: Date | null } | { ok: false; refusal: RetryRefusal; message: string };

/**
 * When the case should be called again after an unsuccessful attempt:
 * - unreachable: the agent's time, else two hours later;
 * - call_back_later: the citizen named a time, so it is required;
 * - wrong_number, refused: no retry (null): calling again will not help; the case may be closed.
 * A given time must lie in the future and within 14 days.
 */
export function followUpRetryAfter(outcome: FollowUpAttemptOutcome, now: Date, retryAt?: Date): RetryDecision {
  if (retryAt !== undefined) {
    if (retryAt.getTime() <= now.getTime())
      return { ok: false, refusal: 'retry_in_past', message: 'retryAt must be in the future' };
    if (retryAt.getTime() - now.getTime() > MAX_RETRY_AHEAD_MS) {
      return { ok: false, refusal: 'retry_too_far', message: 'retryAt must be within 14 days' };
    }
  }
  switch (outcome) {
    case 'unreachable':
      return { ok: true, retryAfter: retryAt ?? new Date(now.getTime() + UNREACHABLE_RETRY_MS) };
    case 'call_back_later':
      return retryAt
        ? { ok: true, retryAfter: retryAt }
        : {
            ok: false,
            refusal: 'retry_required',
            message: 'call_back_later needs retryAt: when the citizen asked to be called',
          };
    case 'wrong_number':
    case 'refused':
      if (retryAt) {
        return {
          ok: false,
          refusal: 'retry_not_taken',
          message: `${outcome} takes no retryAt: calling again will not help`,
        };
      }
      return { ok: true, retryAfter: null };
  }
}

/** The worklist shows a case among the ones to call now unless its retry time is still ahead. */
export function isFollowUpDue(retryAfter: Date | null, now: Date): boolean {
  return retryAfter === null || retryAfter.getTime() <= now.getTime();
}
