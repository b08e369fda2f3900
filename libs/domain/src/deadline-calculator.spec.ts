import { chinaCalendar2025to2027 } from './china-calendar';
import {
  addWorkingDays,
  computeDeadline,
  warningAt,
  workingMinutesBetween,
  type DeadlineLimit,
} from './deadline-calculator';
import { buildCalendar, formatLocalDateTime, type WorkingCalendar } from './working-calendar';

const at = (local: string): Date => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const show = formatLocalDateTime;

const china = chinaCalendar2025to2027();
const plainWeeks = buildCalendar({ holidays: [], makeupWorkdays: [] });

const workingHours = (amount: number): DeadlineLimit => ({ amount, unit: 'hours', mode: 'working' });
const workingDays = (amount: number): DeadlineLimit => ({ amount, unit: 'days', mode: 'working' });
const due = (start: string, limit: DeadlineLimit, cal: WorkingCalendar = china): string =>
  show(computeDeadline(at(start), limit, cal));

describe('computeDeadline: calendar mode', () => {
  it('critical: 2 hours across midnight', () => {
    expect(due('2025-11-03 23:10', { amount: 2, unit: 'hours', mode: 'calendar' })).toBe('2025-11-04 01:10');
  });

  it('critical: calendar time runs through holidays and nights', () => {
    expect(due('2025-09-30 23:30', { amount: 2, unit: 'hours', mode: 'calendar' })).toBe('2025-10-01 01:30');
    expect(due('2025-10-03 03:00', { amount: 30, unit: 'minutes', mode: 'calendar' })).toBe('2025-10-03 03:30');
  });

  it('days are 24 hours', () => {
    expect(due('2025-09-30 10:00', { amount: 7, unit: 'days', mode: 'calendar' })).toBe('2025-10-07 10:00');
  });

  it('zero is the start itself', () => {
    expect(due('2025-11-08 03:00', { amount: 0, unit: 'hours', mode: 'calendar' })).toBe('2025-11-08 03:00');
  });

  it('keeps seconds and milliseconds', () => {
    const start = new Date('2025-11-03T15:10:07.123Z');
    expect(computeDeadline(start, { amount: 30, unit: 'minutes', mode: 'calendar' }, china).toISOString()).toBe(
      '2025-11-03T15:40:07.123Z',
    );
  });
});

describe('computeDeadline: working hours', () => {
  it('inside working hours, the same morning', () => {
    expect(due('2025-11-03 09:30', workingHours(2))).toBe('2025-11-03 11:30');
  });

  it('skips the lunch break', () => {
    expect(due('2025-11-03 10:30', workingHours(2))).toBe('2025-11-03 13:30');
  });

  it('ending exactly at the end of the day stays on that day', () => {
    expect(due('2025-11-03 16:00', workingHours(2))).toBe('2025-11-03 18:00');
    expect(due('2025-11-03 10:00', workingHours(2))).toBe('2025-11-03 12:00');
  });

  it('a start in the evening begins the next morning', () => {
    expect(due('2025-11-03 19:30', workingHours(2))).toBe('2025-11-04 11:00');
    expect(due('2025-11-03 18:00', workingHours(2))).toBe('2025-11-04 11:00');
  });

  it('a start before work begins at 09:00', () => {
    expect(due('2025-11-04 07:00', workingHours(2))).toBe('2025-11-04 11:00');
  });

  it('a start in the lunch break begins at 13:00', () => {
    expect(due('2025-11-03 12:30', workingHours(2))).toBe('2025-11-03 15:00');
  });

  it('a start at the weekend begins on Monday', () => {
    expect(due('2025-11-08 10:00', workingHours(2))).toBe('2025-11-10 11:00');
    expect(due('2025-11-07 17:00', workingHours(2))).toBe('2025-11-10 10:00');
  });

  it('minutes and fractional hours', () => {
    expect(due('2025-11-03 11:45', { amount: 30, unit: 'minutes', mode: 'working' })).toBe('2025-11-03 13:15');
    expect(due('2025-11-03 11:00', workingHours(1.5))).toBe('2025-11-03 13:30');
  });

  it('zero working hours returns the start, even outside working hours', () => {
    expect(due('2025-11-08 03:00', workingHours(0))).toBe('2025-11-08 03:00');
  });

  it('refuses negative or non-finite amounts and invalid dates', () => {
    expect(() => computeDeadline(at('2025-11-03 10:00'), workingHours(-1), china)).toThrow(RangeError);
    expect(() => computeDeadline(at('2025-11-03 10:00'), workingHours(Number.NaN), china)).toThrow(RangeError);
    expect(() => computeDeadline(new Date('x'), workingHours(1), china)).toThrow(RangeError);
    const weeks = { amount: 1, unit: 'weeks', mode: 'working' } as unknown as DeadlineLimit;
    expect(() => computeDeadline(at('2025-11-03 10:00'), weeks, china)).toThrow(/unit/);
    const lunar = { amount: 1, unit: 'days', mode: 'lunar' } as unknown as DeadlineLimit;
    expect(() => computeDeadline(at('2025-11-03 10:00'), lunar, china)).toThrow(/mode/);
  });

  it('fails loudly on a calendar with no working days', () => {
    const holidays: string[] = [];
    for (let ms = Date.UTC(2025, 0, 1); ms < Date.UTC(2029, 0, 1); ms += 86_400_000) {
      holidays.push(new Date(ms).toISOString().slice(0, 10));
    }
    const never = buildCalendar({ holidays, makeupWorkdays: [] });
    expect(() => computeDeadline(at('2025-11-03 10:00'), workingHours(1), never)).toThrow(/no working time/);
    expect(() => addWorkingDays(at('2025-11-03 10:00'), 1, never)).toThrow(/no working time/);
  });
});

describe('computeDeadline: working days', () => {
  it('3 working days from Friday 10:00 is Wednesday 10:00 with a normal weekend', () => {
    expect(due('2025-11-07 10:00', workingDays(3))).toBe('2025-11-12 10:00');
  });

  it('1 working day from 09:00 ends at 18:00 the same day', () => {
    expect(due('2025-11-03 09:00', workingDays(1))).toBe('2025-11-03 18:00');
  });

  it('from the evening, counting starts the next morning', () => {
    expect(due('2025-11-07 20:00', workingDays(1))).toBe('2025-11-10 18:00');
  });

  it('uses the length of the configured working day', () => {
    const sixHours = buildCalendar({
      holidays: [],
      makeupWorkdays: [],
      workingPeriods: [{ start: '08:00', end: '14:00' }],
    });
    expect(due('2025-11-07 11:00', workingDays(1), sixHours)).toBe('2025-11-10 11:00');
  });
});

describe('2025 National Day week (Oct 1-8 off; Sun Sep 28 and Sat Oct 11 are working days)', () => {
  it('3 working days from Sep 30 10:00 end on the make-up Saturday Oct 11', () => {
    expect(due('2025-09-30 10:00', workingDays(3))).toBe('2025-10-11 10:00');
  });

  it('the make-up Sunday Sep 28 counts: 2 working days from Friday Sep 26 16:00', () => {
    expect(due('2025-09-26 16:00', workingDays(2))).toBe('2025-09-29 16:00');
    // Without the make-up day it would be a day later.
    expect(due('2025-09-26 16:00', workingDays(2), plainWeeks)).toBe('2025-09-30 16:00');
  });

  it('2 working hours from Sep 30 17:00 continue on Oct 9', () => {
    expect(due('2025-09-30 17:00', workingHours(2))).toBe('2025-10-09 10:00');
  });

  it('a case registered during the holiday starts on Oct 9', () => {
    expect(due('2025-10-03 11:00', workingHours(2))).toBe('2025-10-09 11:00');
  });

  it('working hours on the make-up Saturday itself', () => {
    expect(due('2025-10-11 08:00', workingHours(2))).toBe('2025-10-11 11:00');
    expect(due('2025-10-10 17:00', workingHours(2))).toBe('2025-10-11 10:00');
  });

  it('13 working days from Sep 25 10:00', () => {
    // Working days after Sep 25: Sep 26, 28, 29, 30, Oct 9, 10, 11, 13, 14, 15, 16, 17, 20.
    expect(due('2025-09-25 10:00', workingDays(13))).toBe('2025-10-20 10:00');
  });
});

describe('Spring Festival 2026 (Feb 15-23 off; Sat Feb 14 and Sat Feb 28 are working days)', () => {
  it('3 working days from Friday Feb 13 10:00', () => {
    // Feb 13 7 h, Feb 14 (make-up Saturday) 8 h, Feb 24 8 h, Feb 25 1 h.
    expect(due('2026-02-13 10:00', workingDays(3))).toBe('2026-02-25 10:00');
  });

  it('2 working hours from Friday Feb 13 17:00 end on the make-up Saturday', () => {
    expect(due('2026-02-13 17:00', workingHours(2))).toBe('2026-02-14 10:00');
  });

  it('2 working hours from Saturday Feb 14 17:00 end after the holiday', () => {
    expect(due('2026-02-14 17:00', workingHours(2))).toBe('2026-02-24 10:00');
  });

  it('the make-up Saturday Feb 28 counts', () => {
    expect(due('2026-02-27 17:00', workingHours(2))).toBe('2026-02-28 10:00');
  });
});

describe('workingMinutesBetween', () => {
  it('counts only working periods on working days', () => {
    expect(workingMinutesBetween(at('2025-11-07 10:00'), at('2025-11-12 10:00'), china)).toBe(3 * 480);
    expect(workingMinutesBetween(at('2025-11-03 11:00'), at('2025-11-03 14:00'), china)).toBe(120);
    expect(workingMinutesBetween(at('2025-11-08 08:00'), at('2025-11-09 20:00'), china)).toBe(0);
    expect(workingMinutesBetween(at('2025-09-30 17:00'), at('2025-10-09 10:00'), china)).toBe(120);
  });

  it('is zero for equal instants and negative when reversed', () => {
    expect(workingMinutesBetween(at('2025-11-03 10:00'), at('2025-11-03 10:00'), china)).toBe(0);
    expect(workingMinutesBetween(at('2025-11-03 12:00'), at('2025-11-03 10:00'), china)).toBe(-120);
  });

  it('is fractional for seconds', () => {
    expect(
      workingMinutesBetween(at('2025-11-03 10:00'), new Date(at('2025-11-03 10:00').getTime() + 30_000), china),
    ).toBe(0.5);
  });

  it('is the inverse of computeDeadline in working mode', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const base = at('2025-01-01 00:00').getTime();
    for (let i = 0; i < 400; i++) {
      // Any minute from 2025 to 2027, including nights, weekends and holidays.
      const start = new Date(base + random(3 * 365 * 24 * 60) * 60_000);
      const minutes = 1 + random(15 * 480);
      const end = computeDeadline(start, { amount: minutes, unit: 'minutes', mode: 'working' }, china);
      expect(workingMinutesBetween(start, end, china)).toBe(minutes);
      expect(workingMinutesBetween(end, start, china)).toBe(-minutes);
      const days = 1 + random(13);
      const dayDue = computeDeadline(start, workingDays(days), china);
      expect(workingMinutesBetween(start, dayDue, china)).toBe(days * 480);
    }
  });
});

describe('warningAt', () => {
  it('working mode: 75 % of the working time, not of the clock time', () => {
    const start = at('2025-11-07 10:00');
    const limit = workingDays(3);
    const dueAt = computeDeadline(start, limit, china); // Wed Nov 12 10:00, 24 working hours
    // 18 working hours: Fri 7 h, Mon 8 h, Tue 3 h.
    expect(show(warningAt(start, dueAt, limit, china))).toBe('2025-11-11 12:00');
  });

  it('working mode across a night', () => {
    const start = at('2025-11-03 17:00');
    const limit = workingHours(2);
    const dueAt = computeDeadline(start, limit, china);
    expect(show(dueAt)).toBe('2025-11-04 10:00');
    expect(show(warningAt(start, dueAt, limit, china))).toBe('2025-11-04 09:30');
  });

  it('working mode across the National Day week', () => {
    const start = at('2025-09-30 10:00');
    const limit = workingDays(3);
    const dueAt = computeDeadline(start, limit, china); // Oct 11 10:00
    // 18 working hours: Sep 30 7 h, Oct 9 8 h, Oct 10 3 h.
    expect(show(warningAt(start, dueAt, limit, china))).toBe('2025-10-10 12:00');
  });

  it('honours another fraction, and fraction 1 is the deadline', () => {
    const start = at('2025-11-03 09:00');
    const limit = workingDays(1);
    const dueAt = computeDeadline(start, limit, china);
    expect(show(warningAt(start, dueAt, limit, china, 0.5))).toBe('2025-11-03 14:00');
    expect(warningAt(start, dueAt, limit, china, 1)).toEqual(dueAt);
    expect(warningAt(start, dueAt, limit, china, 0)).toEqual(start);
  });

  it('calendar mode: plain fraction of the clock time', () => {
    const start = at('2025-11-03 23:10');
    const limit: DeadlineLimit = { amount: 2, unit: 'hours', mode: 'calendar' };
    const dueAt = computeDeadline(start, limit, china);
    expect(show(warningAt(start, dueAt, limit, china))).toBe('2025-11-04 00:40');
  });

  it('with no working time in the window, shares out the clock time', () => {
    const start = at('2025-11-08 10:00');
    const dueAt = at('2025-11-09 10:00');
    expect(show(warningAt(start, dueAt, workingHours(2), china))).toBe('2025-11-09 04:00');
  });

  it('a due time at or before the start is returned unchanged', () => {
    const start = at('2025-11-03 10:00');
    expect(warningAt(start, at('2025-11-03 09:00'), workingHours(2), china)).toEqual(at('2025-11-03 09:00'));
  });

  it('refuses a fraction outside [0, 1]', () => {
    expect(() => warningAt(at('2025-11-03 10:00'), at('2025-11-03 12:00'), workingHours(2), china, 1.5)).toThrow(
      RangeError,
    );
    expect(() => warningAt(at('2025-11-03 10:00'), at('2025-11-03 12:00'), workingHours(2), china, Number.NaN)).toThrow(
      RangeError,
    );
  });
});

describe('addWorkingDays', () => {
  it('keeps the time of day and skips weekends', () => {
    expect(show(addWorkingDays(at('2025-11-07 17:00'), 5, china))).toBe('2025-11-14 17:00');
  });

  it('counts dates, even from outside working hours', () => {
    expect(show(addWorkingDays(at('2025-11-07 20:00'), 1, china))).toBe('2025-11-10 20:00');
    expect(show(addWorkingDays(at('2025-11-08 10:00'), 1, china))).toBe('2025-11-10 10:00');
  });

  it('skips holidays and counts make-up days', () => {
    // After Fri Sep 26: Sun Sep 28 (make-up), Sep 29, Sep 30, Oct 9, Oct 10.
    expect(show(addWorkingDays(at('2025-09-26 20:00'), 5, china))).toBe('2025-10-10 20:00');
  });

  it('zero days is the start itself; negative or fractional days are refused', () => {
    expect(addWorkingDays(at('2025-11-08 10:00'), 0, china)).toEqual(at('2025-11-08 10:00'));
    expect(() => addWorkingDays(at('2025-11-08 10:00'), -1, china)).toThrow(RangeError);
    expect(() => addWorkingDays(at('2025-11-08 10:00'), 1.5, china)).toThrow(RangeError);
  });
});
