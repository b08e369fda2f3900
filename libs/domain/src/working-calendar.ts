// Working time for deadlines. The hotline runs on Beijing time: Asia/Shanghai is UTC+8
// all year (no daylight saving since 1991), so a fixed offset is exact and we avoid
// depending on the host's time zone data or TZ setting.

export const SHANGHAI_UTC_OFFSET_MINUTES = 8 * 60;
const OFFSET_MS = SHANGHAI_UTC_OFFSET_MINUTES * 60_000;
export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 24 * 60 * MS_PER_MINUTE;

export interface WorkingPeriod {
  /** Local start time, 'HH:MM'. */
  start: string;
  /** Local end time, 'HH:MM' ('24:00' allowed); after start. */
  end: string;
}

export interface WorkingCalendar {
  workingPeriods: readonly WorkingPeriod[];
  /** 'YYYY-MM-DD' days off that would otherwise be working days (statutory holidays). */
  holidays: ReadonlySet<string>;
  /** 'YYYY-MM-DD' weekend days that are working days (调休 make-up days). */
  makeupWorkdays: ReadonlySet<string>;
}

export const DEFAULT_WORKING_PERIODS: readonly WorkingPeriod[] = Object.freeze([
  Object.freeze({ start: '09:00', end: '12:00' }),
  Object.freeze({ start: '13:00', end: '18:00' }),
]);

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_OF_DAY = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Days since 1970-01-01 of the Asia/Shanghai calendar date that contains `ms`. */
export function localDayNumber(ms: number): number {
  return Math.floor((ms + OFFSET_MS) / MS_PER_DAY);
}

/** The UTC instant of local midnight starting the given local day. */
export function localDayStart(dayNumber: number): number {
  return dayNumber * MS_PER_DAY - OFFSET_MS;
}

function dayNumberToKey(dayNumber: number): string {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

function assertValidDate(date: Date): void {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid Date');
}

/** The Asia/Shanghai calendar date of an instant, as 'YYYY-MM-DD'. */
export function localDateKey(date: Date): string {
  assertValidDate(date);
  return dayNumberToKey(localDayNumber(date.getTime()));
}

/** 'YYYY-MM-DD HH:MM' in Asia/Shanghai; for messages, logs and test assertions. */
export function formatLocalDateTime(date: Date): string {
  assertValidDate(date);
  return new Date(date.getTime() + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

function dayNumberOfKey(key: string): number {
  const match = DATE_KEY.exec(key);
  if (!match) throw new RangeError(`'${key}' is not a YYYY-MM-DD date`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  // Date.UTC rolls 2025-02-30 over to March; refuse it instead of guessing.
  if (dayNumberToKey(ms / MS_PER_DAY) !== key) throw new RangeError(`'${key}' is not a real calendar date`);
  return ms / MS_PER_DAY;
}

function isWeekend(dayNumber: number): boolean {
  const weekday = new Date(dayNumber * MS_PER_DAY).getUTCDay();
  return weekday === 0 || weekday === 6;
}

/** Whether a local day is a working day: make-up days first, then holidays, then Mon–Fri. */
export function isWorkingDayNumber(dayNumber: number, cal: WorkingCalendar): boolean {
  const key = dayNumberToKey(dayNumber);
  if (cal.makeupWorkdays.has(key)) return true;
  if (cal.holidays.has(key)) return false;
  return !isWeekend(dayNumber);
}

/** Whether the local (Asia/Shanghai) date of `date` — or a 'YYYY-MM-DD' key — is a working day. */
export function isWorkingDay(date: Date | string, cal: WorkingCalendar): boolean {
  if (typeof date === 'string') return isWorkingDayNumber(dayNumberOfKey(date), cal);
  assertValidDate(date);
  return isWorkingDayNumber(localDayNumber(date.getTime()), cal);
}

function minutesOfDay(time: string): number {
  const match = TIME_OF_DAY.exec(time);
  if (!match) throw new RangeError(`'${time}' is not an HH:MM time`);
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  if (minutes > 24 * 60) throw new RangeError(`'${time}' is after 24:00`);
  return minutes;
}

/** Working periods as [startMinute, endMinute) pairs, validated once per periods array. */
const parsedPeriods = new WeakMap<readonly WorkingPeriod[], readonly (readonly [number, number])[]>();

export function workingPeriodMinutes(periods: readonly WorkingPeriod[]): readonly (readonly [number, number])[] {
  const cached = parsedPeriods.get(periods);
  if (cached) return cached;
  const parsed = periods.map((p) => [minutesOfDay(p.start), minutesOfDay(p.end)] as const);
  let previousEnd = 0;
  for (const [i, [start, end]] of parsed.entries()) {
    if (end <= start) throw new RangeError(`Working period ${i + 1} ends before it starts`);
    if (start < previousEnd) throw new RangeError(`Working period ${i + 1} overlaps or precedes the one before it`);
    previousEnd = end;
  }
  parsedPeriods.set(periods, parsed);
  return parsed;
}

/** Length of a full working day in minutes (8 h with the default periods). */
export function workingDayMinutes(cal: WorkingCalendar): number {
  return workingPeriodMinutes(cal.workingPeriods).reduce((sum, [start, end]) => sum + end - start, 0);
}

/** The working intervals of one local day as UTC [start, end) milliseconds; empty on days off. */
export function workingIntervalsOfDay(dayNumber: number, cal: WorkingCalendar): [number, number][] {
  if (!isWorkingDayNumber(dayNumber, cal)) return [];
  const midnight = localDayStart(dayNumber);
  return workingPeriodMinutes(cal.workingPeriods).map(([start, end]) => [
    midnight + start * MS_PER_MINUTE,
    midnight + end * MS_PER_MINUTE,
  ]);
}

export interface CalendarInput {
  holidays: Iterable<string>;
  makeupWorkdays: Iterable<string>;
  workingPeriods?: readonly WorkingPeriod[];
}

/**
 * Builds a validated calendar. A day cannot be both a holiday and a make-up working day:
 * that is a data-entry mistake, and silently letting one win would move deadlines.
 */
export function buildCalendar(input: CalendarInput): WorkingCalendar {
  const holidays = new Set<string>();
  for (const key of input.holidays) {
    dayNumberOfKey(key);
    holidays.add(key);
  }
  const makeupWorkdays = new Set<string>();
  for (const key of input.makeupWorkdays) {
    dayNumberOfKey(key);
    if (holidays.has(key)) throw new RangeError(`${key} is listed both as a holiday and as a make-up working day`);
    makeupWorkdays.add(key);
  }
  const workingPeriods = Object.freeze(
    (input.workingPeriods ?? DEFAULT_WORKING_PERIODS).map((p) => Object.freeze({ ...p })),
  );
  workingPeriodMinutes(workingPeriods);
  if (workingPeriods.length === 0) throw new RangeError('A working calendar needs at least one working period');
  return { workingPeriods, holidays, makeupWorkdays };
}
