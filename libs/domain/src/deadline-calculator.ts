import {
  MS_PER_MINUTE,
  isWorkingDayNumber,
  localDayNumber,
  localDayStart,
  workingDayMinutes,
  workingIntervalsOfDay,
  type WorkingCalendar,
} from './working-calendar';

export interface DeadlineLimit {
  amount: number;
  unit: 'minutes' | 'hours' | 'days';
  /** 'calendar': clock time, nights and holidays included; 'working': only working periods count. */
  mode: 'calendar' | 'working';
}

// A calendar with no working day for this long is misconfigured; fail loudly rather than loop.
const MAX_SCAN_DAYS = 3 * 366;

function assertDate(date: Date, name: string): number {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${name} is an invalid Date`);
  return ms;
}

// Limits are stored by administrators in the database; check them at run time too.
function assertLimit(limit: DeadlineLimit): void {
  if (!Number.isFinite(limit.amount) || limit.amount < 0) {
    throw new RangeError(`A deadline amount must be a finite number ≥ 0, got ${limit.amount}`);
  }
  if (!['minutes', 'hours', 'days'].includes(limit.unit)) throw new RangeError(`Unknown deadline unit '${limit.unit}'`);
  if (!['calendar', 'working'].includes(limit.mode)) throw new RangeError(`Unknown deadline mode '${limit.mode}'`);
}

function noWorkingTime(): never {
  throw new RangeError(`The working calendar has no working time within ${MAX_SCAN_DAYS} days`);
}

/**
 * The instant at which `durationMs` of working time has elapsed after `startMs`. Work ending
 * exactly at the end of a period lands on that end (18:00), not on the next period's start.
 */
function addWorkingMs(startMs: number, durationMs: number, cal: WorkingCalendar): number {
  if (durationMs <= 0) return startMs;
  let remaining = durationMs;
  let lastWorkingDay = localDayNumber(startMs);
  for (let day = lastWorkingDay; day - lastWorkingDay <= MAX_SCAN_DAYS; day++) {
    for (const [periodStart, periodEnd] of workingIntervalsOfDay(day, cal)) {
      lastWorkingDay = day;
      if (periodEnd <= startMs) continue;
      const from = Math.max(periodStart, startMs);
      const available = periodEnd - from;
      if (remaining <= available) return from + remaining;
      remaining -= available;
    }
  }
  return noWorkingTime();
}

/** Working milliseconds in [fromMs, toMs), for fromMs ≤ toMs. */
function workingMsInRange(fromMs: number, toMs: number, cal: WorkingCalendar): number {
  let total = 0;
  for (let day = localDayNumber(fromMs); day <= localDayNumber(toMs); day++) {
    for (const [periodStart, periodEnd] of workingIntervalsOfDay(day, cal)) {
      const overlap = Math.min(periodEnd, toMs) - Math.max(periodStart, fromMs);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

function limitToMinutes(limit: DeadlineLimit, cal: WorkingCalendar): number {
  switch (limit.unit) {
    case 'minutes':
      return limit.amount;
    case 'hours':
      return limit.amount * 60;
    case 'days':
      // A working day is the length of the calendar's working periods (8 h by default), so
      // "3 working days" from Friday 10:00 is the next Wednesday 10:00.
      return limit.amount * (limit.mode === 'working' ? workingDayMinutes(cal) : 24 * 60);
  }
}

/**
 * When a clock that started at `start` runs out.
 *
 * - calendar mode: plain arithmetic (a day is 24 h; Asia/Shanghai has no daylight saving).
 * - working mode, minutes/hours: that much time inside the working periods of working days;
 *   a start outside working hours begins counting at the next working period.
 * - working mode, days: N × (length of one working day) of working time, so the deadline
 *   keeps the start's time of day when the start is inside working hours.
 */
export function computeDeadline(start: Date, limit: DeadlineLimit, cal: WorkingCalendar): Date {
  const startMs = assertDate(start, 'start');
  assertLimit(limit);
  const durationMs = Math.round(limitToMinutes(limit, cal) * MS_PER_MINUTE);
  if (limit.mode === 'calendar') return new Date(startMs + durationMs);
  return new Date(addWorkingMs(startMs, durationMs, cal));
}

/**
 * Working minutes between two instants (fractional when the instants have seconds).
 * Negative when `b` is before `a`, so that
 * `workingMinutesBetween(start, computeDeadline(start, { amount: n, unit: 'minutes',
 * mode: 'working' }, cal), cal) === n`.
 */
export function workingMinutesBetween(a: Date, b: Date, cal: WorkingCalendar): number {
  const aMs = assertDate(a, 'a');
  const bMs = assertDate(b, 'b');
  if (bMs < aMs) return -workingMsInRange(bMs, aMs, cal) / MS_PER_MINUTE;
  return workingMsInRange(aMs, bMs, cal) / MS_PER_MINUTE;
}

/**
 * When the yellow warning fires: after `fraction` (default 75 %) of the allowed time.
 * In working mode the fraction is of the working time between start and due, so a weekend
 * inside the window does not bring the warning forward. If there is no working time
 * between them (e.g. a due time moved by hand into a weekend), the clock time is shared
 * out instead. A due time at or before the start is returned as it is.
 */
export function warningAt(start: Date, due: Date, limit: DeadlineLimit, cal: WorkingCalendar, fraction = 0.75): Date {
  const startMs = assertDate(start, 'start');
  const dueMs = assertDate(due, 'due');
  if (!(fraction >= 0 && fraction <= 1))
    throw new RangeError(`The warning fraction must be in [0, 1], got ${fraction}`);
  if (dueMs <= startMs) return new Date(dueMs);
  const calendarShare = new Date(startMs + Math.round((dueMs - startMs) * fraction));
  if (limit.mode === 'calendar') return calendarShare;
  const workingMs = workingMsInRange(startMs, dueMs, cal);
  if (workingMs === 0) return calendarShare;
  return new Date(Math.min(dueMs, addWorkingMs(startMs, Math.round(workingMs * fraction), cal)));
}

/**
 * The same local time of day on the n-th working day after the start's local date, for
 * escalation rules such as "still overdue 5 working days after the reminder". Unlike a
 * working-days deadline this counts dates, not working time: a reminder sent at 20:00 on
 * Friday escalates at 20:00 on the fifth working day after it.
 */
export function addWorkingDays(start: Date, n: number, cal: WorkingCalendar): Date {
  const startMs = assertDate(start, 'start');
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays needs a whole number ≥ 0, got ${n}`);
  const startDay = localDayNumber(startMs);
  const timeOfDay = startMs - localDayStart(startDay);
  let day = startDay;
  let lastWorkingDay = startDay;
  let counted = 0;
  while (counted < n) {
    day++;
    if (isWorkingDayNumber(day, cal)) {
      counted++;
      lastWorkingDay = day;
    } else if (day - lastWorkingDay > MAX_SCAN_DAYS) {
      noWorkingTime();
    }
  }
  return new Date(localDayStart(day) + timeOfDay);
}
