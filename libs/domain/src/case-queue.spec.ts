import { phoneSearch, trackingSearch } from './case-search';
import {
  clockState,
  comparePriority,
  decodePriorityCursor,
  encodePriorityCursor,
  nextDueAt,
  priorityBucket,
  type QueueCase,
} from './case-queue';

const at = (min: number) => new Date(Date.UTC(2026, 11, 2, 8, 0) + min * 60_000);
const base: QueueCase & { createdAt: Date; id: string } = {
  status: 'dispatched',
  urgency: 'normal',
  flag: 'none',
  acceptDueAt: at(120),
  replyDueAt: at(10_000),
  acceptedAt: null,
  createdAt: at(0),
  id: '00000000-0000-4000-8000-000000000001',
};

describe('priority order of the queues', () => {
  it('puts breached first, then critical, then urgent, then the nearest due; ties oldest first', () => {
    const cases = [
      { ...base, id: 'a', createdAt: at(50), acceptDueAt: at(30) },
      { ...base, id: 'b', urgency: 'critical' as const, acceptDueAt: at(500) },
      { ...base, id: 'c', flag: 'overdue' as const, createdAt: at(90) },
      { ...base, id: 'd', urgency: 'urgent' as const },
      { ...base, id: 'e', createdAt: at(40), acceptDueAt: at(30) },
      { ...base, id: 'f', status: 'awaiting_dispatch' as const },
    ];
    expect([...cases].sort(comparePriority).map((c) => c.id)).toEqual(['c', 'b', 'd', 'e', 'a', 'f']);
  });

  it('a closed case flagged overdue is not breached', () => {
    expect(priorityBucket({ status: 'closed', flag: 'overdue', urgency: 'normal' })).toBe(3);
    expect(priorityBucket({ status: 'in_progress', flag: 'overdue', urgency: 'normal' })).toBe(0);
  });

  it('races the acceptance until accepted, then the reply; no countdown off the bureau clock', () => {
    expect(nextDueAt(base)).toEqual(at(120));
    expect(nextDueAt({ ...base, status: 'in_progress', acceptedAt: at(5) })).toEqual(at(10_000));
    expect(nextDueAt({ ...base, status: 'awaiting_follow_up' })).toBeNull();
    expect(nextDueAt({ ...base, status: 'return_review' })).toBeNull();
  });

  it('stops the countdown of replied and returned cases; paused wins', () => {
    expect(clockState({ status: 'dispatched' })).toBe('running');
    expect(clockState({ status: 'awaiting_follow_up' })).toBe('stopped');
    expect(clockState({ status: 'return_review' })).toBe('stopped');
    expect(clockState({ status: 'in_progress', paused: true })).toBe('paused');
  });

  it('round-trips the priority cursor and refuses a forged one', () => {
    const c = { bucket: 1, due: '2026-12-02T08:05:00.123456Z', createdAt: '2026-12-01T01:00:00.5Z', id: base.id };
    expect(decodePriorityCursor(encodePriorityCursor(c))).toEqual(c);
    expect(decodePriorityCursor(encodePriorityCursor({ ...c, due: 'infinity' }))?.due).toBe('infinity');
    expect(decodePriorityCursor('p9~x~y~z')).toBeNull();
    expect(decodePriorityCursor(`p1~2026-12-02T08:05:00Z~2026-12-02T08:05:00Z~'; drop`)).toBeNull();
  });
});

describe('staff search by phone and tracking number', () => {
  it('reads a whole number, the last four digits or a part', () => {
    expect(phoneSearch('138 0013 8000')).toEqual({ mode: 'exact', digits: '13800138000' });
    expect(phoneSearch('+86 13800138000')).toEqual({ mode: 'exact', digits: '13800138000' });
    expect(phoneSearch('8000')).toEqual({ mode: 'suffix', digits: '8000' });
    expect(phoneSearch('0013800')).toEqual({ mode: 'contains', digits: '0013800' });
    expect(phoneSearch('12')).toBeNull();
  });

  it('matches a whole tracking number exactly, a part of 6+ digits anywhere', () => {
    expect(trackingSearch('2026120200000123')).toEqual({ mode: 'exact', digits: '2026120200000123' });
    expect(trackingSearch('000123')).toEqual({ mode: 'contains', digits: '000123' });
    expect(trackingSearch('12345')).toBeNull();
    expect(trackingSearch('12a456')).toBeNull();
  });
});
