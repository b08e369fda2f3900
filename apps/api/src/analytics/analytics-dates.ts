// Calendar-day arithmetic on 'YYYY-MM-DD' strings. Rollup days are already Shanghai dates,
// so plain UTC date maths on them is exact (no time of day, no DST in China).

const DAY_MS = 86_400_000;

function parse(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

function format(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return format(parse(day) + n * DAY_MS);
}

/** Whole days from `from` to `to` (0 when equal). */
export function daysBetween(from: string, to: string): number {
  return Math.round((parse(to) - parse(from)) / DAY_MS);
}

/** Start of the day/week (Monday, as PostgreSQL's date_trunc)/month that holds `day`. */
export function periodStart(day: string, interval: 'day' | 'week' | 'month'): string {
  if (interval === 'day') return day;
  if (interval === 'month') return `${day.slice(0, 8)}01`;
  const weekday = (new Date(parse(day)).getUTCDay() + 6) % 7; // Monday = 0
  return addDays(day, -weekday);
}

/** Every period start that overlaps [from, to], in order. */
export function periodStarts(from: string, to: string, interval: 'day' | 'week' | 'month'): string[] {
  const out: string[] = [];
  let cursor = periodStart(from, interval);
  while (cursor <= to) {
    out.push(cursor);
    if (interval === 'day') cursor = addDays(cursor, 1);
    else if (interval === 'week') cursor = addDays(cursor, 7);
    else {
      const [y, m] = cursor.split('-').map(Number) as [number, number];
      cursor = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    }
  }
  return out;
}

/**
 * Splits [from, to] into the whole calendar months inside it and the leftover days at either
 * end; null when it holds no whole month (then the day grain alone is read).
 */
export function splitMonths(from: string, to: string): { months: [string, string]; days: [string, string][] } | null {
  const firstWhole = from.endsWith('-01') ? from : `${addDays(`${from.slice(0, 8)}01`, 32).slice(0, 8)}01`;
  const nextDay = addDays(to, 1);
  const lastWholeEnd = nextDay.endsWith('-01') ? to : addDays(`${to.slice(0, 8)}01`, -1);
  if (firstWhole > lastWholeEnd) return null;
  const days: [string, string][] = [];
  if (from < firstWhole) days.push([from, addDays(firstWhole, -1)]);
  if (lastWholeEnd < to) days.push([addDays(lastWholeEnd, 1), to]);
  return { months: [firstWhole, `${lastWholeEnd.slice(0, 8)}01`], days };
}

/** How to sum [from, to] from a cube's two grains; every list of day ranges is inclusive. */
export interface RangePlan {
  /** First and last month (first days) read whole from the month grain; null when none. */
  months: [string, string] | null;
  /** Day ranges added from the day grain. */
  add: [string, string][];
  /** Day ranges subtracted (they lie in a month read whole but outside [from, to]). */
  subtract: [string, string][];
}

function monthEnd(firstOfMonth: string): string {
  return addDays(`${addDays(firstOfMonth, 31).slice(0, 8)}01`, -1);
}

/**
 * Splits [from, to] month by month. A month the range covers is read whole from the month
 * grain; a partly covered month is read whichever way touches fewer days: its covered days
 * from the day grain, or the whole month minus its uncovered days (the counters are
 * additive, so the difference is exact). A year from the 25th thus reads 6 + 6 days instead
 * of 6 + 24. The chosen months are always contiguous.
 */
export function planRange(from: string, to: string): RangePlan {
  const months: string[] = [];
  const add: [string, string][] = [];
  const subtract: [string, string][] = [];
  for (const month of periodStarts(from, to, 'month')) {
    const end = monthEnd(month);
    const a = from > month ? from : month;
    const b = to < end ? to : end;
    const inside = daysBetween(a, b) + 1;
    const outside = daysBetween(month, end) + 1 - inside;
    if (outside === 0 || outside < inside) {
      months.push(month);
      if (a > month) subtract.push([month, addDays(a, -1)]);
      if (b < end) subtract.push([addDays(b, 1), end]);
    } else {
      add.push([a, b]);
    }
  }
  return { months: months.length ? [months[0]!, months[months.length - 1]!] : null, add, subtract };
}
