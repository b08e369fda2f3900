import { describe, expect, it } from '@jest/globals';
import {
  chinaCalendar2025to2027,
  computeDeadline,
  DEFAULT_DEADLINE_POLICIES,
  type DeadlineLimit,
  type DeadlinePolicyRule,
} from '@hotline/domain';
import { previewDeadlines } from './deadline-preview';

const calendar = chinaCalendar2025to2027();
// Wednesday 10:00 in Beijing.
const now = new Date('2026-03-04T02:00:00Z');
const hours = (amount: number): DeadlineLimit => ({ amount, unit: 'hours', mode: 'working' });
const policy = (id: number, over: Partial<DeadlinePolicyRule>): DeadlinePolicyRule => ({
  id,
  categoryId: null,
  requestType: null,
  urgency: null,
  acceptLimit: hours(1),
  replyLimit: hours(id),
  warningFraction: 0.75,
  ...over,
});

describe('previewDeadlines', () => {
  it('shows the due times of the policy the engine would choose', () => {
    const out = previewDeadlines(
      { calendar, policies: DEFAULT_DEADLINE_POLICIES },
      { categoryPath: [1, 10], type: 'complaint', urgency: 'normal' },
      now,
    );
    const complaint = DEFAULT_DEADLINE_POLICIES.find((p) => p.requestType === 'complaint')!;
    expect(out).toEqual({
      acceptDueAt: computeDeadline(now, complaint.acceptLimit, calendar).toISOString(),
      replyDueAt: computeDeadline(now, complaint.replyLimit, calendar).toISOString(),
    });
  });

  it('falls back to the catch-all (the last policy) when no policy applies, as the engine does', () => {
    // An admin narrowed the catch-all to praise: nothing applies to a normal complaint.
    const policies = [policy(1, { urgency: 'critical' }), policy(8, { requestType: 'praise' })];
    const out = previewDeadlines(
      { calendar, policies },
      { categoryPath: [], type: 'complaint', urgency: 'normal' },
      now,
    );
    expect(out).toEqual({
      acceptDueAt: computeDeadline(now, hours(1), calendar).toISOString(),
      replyDueAt: computeDeadline(now, hours(8), calendar).toISOString(),
    });
  });
});
