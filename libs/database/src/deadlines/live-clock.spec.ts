import { describe, expect, it } from '@jest/globals';
import { escalatedClockSql, liveClockSql, overdueClockSql, scheduledClockSql } from './live-clock';

describe('clock predicates in SQL', () => {
  it('spells isLiveClock over an alias or bare columns', () => {
    expect(liveClockSql('d')).toBe(`(d.status = 'pending' OR (d.status = 'missed' AND d.settled_at IS NULL))`);
    expect(liveClockSql()).toBe(`(status = 'pending' OR (status = 'missed' AND settled_at IS NULL))`);
  });

  it('an overdue clock is a missed, unsettled one; a scheduled clock has a job to come', () => {
    expect(overdueClockSql('d')).toBe(`(d.status = 'missed' AND d.settled_at IS NULL)`);
    expect(escalatedClockSql('d')).toBe(`(d.escalated_at IS NOT NULL AND d.settled_at IS NULL)`);
    expect(scheduledClockSql().replace(/\s+/g, ' ')).toBe(
      `((status = 'pending' AND paused_at IS NULL) OR ((status = 'missed' AND settled_at IS NULL) AND escalated_at IS NULL AND escalate_at IS NOT NULL))`,
    );
  });
});
