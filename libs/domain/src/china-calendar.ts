import { CHINA_HOLIDAY_SCHEDULES, type YearHolidaySchedule } from './china-holidays';
import { buildCalendar, MS_PER_DAY, type WorkingCalendar, type WorkingPeriod } from './working-calendar';

export interface HolidaySets {
  /** Weekdays that are days off, sorted. */
  holidays: string[];
  /** Weekend days that are working days, sorted. */
  makeupWorkdays: string[];
}

function isWeekend(ms: number): boolean {
  const weekday = new Date(ms).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/**
 * One year's schedule reduced to what a WorkingCalendar needs. Weekend days inside a
 * holiday range are dropped (they are off anyway); a "make-up day" that is not a weekend
 * day is a data error and throws.
 */
export function holidaySetsOf(schedule: YearHolidaySchedule): HolidaySets {
  const holidays: string[] = [];
  const makeupWorkdays: string[] = [];
  for (const { name, off, work } of schedule.arrangements) {
    const first = Date.parse(`${off[0]}T00:00:00Z`);
    const last = Date.parse(`${off[1]}T00:00:00Z`);
    if (!(first <= last)) throw new RangeError(`${schedule.year} ${name}: the range ${off[0]}..${off[1]} is not valid`);
    for (let ms = first; ms <= last; ms += MS_PER_DAY) {
      if (!isWeekend(ms)) holidays.push(new Date(ms).toISOString().slice(0, 10));
    }
    for (const day of work) {
      const ms = Date.parse(`${day}T00:00:00Z`);
      if (Number.isNaN(ms) || !isWeekend(ms))
        throw new RangeError(`${schedule.year} ${name}: ${day} is not a weekend day`);
      makeupWorkdays.push(day);
    }
  }
  return { holidays: holidays.sort(), makeupWorkdays: makeupWorkdays.sort() };
}

/**
 * China's working calendar for 2025–2027: statutory holidays and make-up working days.
 * 2025 and 2026 follow the State Council notices; 2027 is provisional (statutory days
 * only, no make-up days) until its notice is entered in china-holidays.ts. Outside these
 * years the calendar is plain Monday–Friday.
 */
export function chinaCalendar2025to2027(workingPeriods?: readonly WorkingPeriod[]): WorkingCalendar {
  const sets = CHINA_HOLIDAY_SCHEDULES.map(holidaySetsOf);
  return buildCalendar({
    holidays: sets.flatMap((s) => s.holidays),
    makeupWorkdays: sets.flatMap((s) => s.makeupWorkdays),
    ...(workingPeriods ? { workingPeriods } : {}),
  });
}
