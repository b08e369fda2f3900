import {
  CHINA_HOLIDAY_SCHEDULES,
  DEFAULT_DEADLINE_POLICIES,
  DEFAULT_HOTLINE_RULES,
  DEFAULT_WORKING_PERIODS,
  holidaySetsOf,
} from '@hotline/domain';
import { CALENDAR_DAYS, DEADLINE_POLICIES, WORKING_PERIODS } from './1795577697821-deadline-supervision.data';
import { CATEGORY_SYNONYMS as SEEDED_SYNONYMS } from '../../libs/database/src/seed/demo-data/category-synonyms';
import { CATEGORY_SYNONYMS } from './1796300000001-category-synonyms.data';
import { HOTLINE_RULES_V1 } from './1796500000000-hotline-rules.data';

// The migrations seed from frozen copies; these tests show that each copy still produces the
// rows the live defaults produced when it was frozen (the derivations below are the ones the
// migrations used before). If you change a default on purpose, do not edit the frozen copy:
// ship the change to existing databases in a new migration and point this test at its copy.

describe('frozen seed data of migration 1795577697821 (DeadlineSupervision)', () => {
  it('working periods equal DEFAULT_WORKING_PERIODS', () => {
    expect(JSON.stringify(WORKING_PERIODS)).toBe(JSON.stringify(DEFAULT_WORKING_PERIODS));
  });

  it('calendar days equal the China holiday schedules, row for row and in order', () => {
    const live = CHINA_HOLIDAY_SCHEDULES.flatMap((schedule) => {
      const sets = holidaySetsOf(schedule);
      const nameOf = (day: string) =>
        schedule.arrangements.find((a) => (a.off[0] <= day && day <= a.off[1]) || a.work.includes(day))?.name ?? '';
      return [
        ...sets.holidays.map((day) => ({ day, kind: 'holiday', name: nameOf(day), source: schedule.source })),
        ...sets.makeupWorkdays.map((day) => ({
          day,
          kind: 'makeup_workday',
          name: nameOf(day),
          source: schedule.source,
        })),
      ];
    });
    expect(CALENDAR_DAYS).toEqual(live);
  });

  it('deadline policies equal DEFAULT_DEADLINE_POLICIES, in insertion order', () => {
    const live = DEFAULT_DEADLINE_POLICIES.map((p) => {
      expect(p.categoryId).toBeNull(); // the migration inserts category_id NULL
      return {
        name: p.urgency ? `${p.urgency} (any type)` : p.requestType ? `${p.requestType}` : 'default',
        requestType: p.requestType,
        urgency: p.urgency,
        acceptLimit: p.acceptLimit,
        replyLimit: p.replyLimit,
        warningFraction: p.warningFraction,
      };
    });
    expect(DEADLINE_POLICIES).toEqual(live);
  });
});

describe('frozen seed data of migration 1796300000001 (CategorySynonyms)', () => {
  it('equals the demo seed synonyms', () => {
    expect(CATEGORY_SYNONYMS).toEqual(SEEDED_SYNONYMS);
  });
});

describe('frozen seed data of migration 1796500000000 (HotlineRules)', () => {
  it('the first version of the rules equals DEFAULT_HOTLINE_RULES', () => {
    expect(HOTLINE_RULES_V1).toEqual(DEFAULT_HOTLINE_RULES);
  });
});
