import { getDayDetail } from 'chinese-days';
import { chinaCalendar2025to2027, holidaySetsOf } from './china-calendar';
import {
  CHINA_HOLIDAYS_2025,
  CHINA_HOLIDAYS_2026,
  CHINA_HOLIDAYS_2027_PROVISIONAL,
  CHINA_HOLIDAY_SCHEDULES,
  type YearHolidaySchedule,
} from './china-holidays';
import { isWorkingDay } from './working-calendar';

interface PackageYear {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

// The package's pre-built yearly files are an independent transcription of the notices.
async function packageYear(year: 2025 | 2026): Promise<PackageYear> {
  const mod = (
    year === 2025
      ? await import('chinese-days/dist/years/2025.json', { with: { type: 'json' } })
      : await import('chinese-days/dist/years/2026.json', { with: { type: 'json' } })
  ) as { default: PackageYear };
  return mod.default;
}

function allDaysOff(schedule: YearHolidaySchedule): string[] {
  return schedule.arrangements.flatMap(({ off }) => {
    const days: string[] = [];
    for (let ms = Date.parse(`${off[0]}T00:00:00Z`); ms <= Date.parse(`${off[1]}T00:00:00Z`); ms += 86_400_000) {
      days.push(new Date(ms).toISOString().slice(0, 10));
    }
    return days;
  });
}

const weekday = (day: string): number => new Date(`${day}T00:00:00Z`).getUTCDay();

describe('China holiday data', () => {
  it.each([
    [2025, CHINA_HOLIDAYS_2025],
    [2026, CHINA_HOLIDAYS_2026],
  ] as const)('%i agrees with chinese-days day by day', async (year, schedule) => {
    const pkg = await packageYear(year);
    expect(allDaysOff(schedule).sort()).toEqual(Object.keys(pkg.holidays).sort());
    expect(schedule.arrangements.flatMap((a) => a.work).sort()).toEqual(Object.keys(pkg.workdays).sort());
  });

  it('2025 reduces to these weekdays off and make-up days', () => {
    expect(holidaySetsOf(CHINA_HOLIDAYS_2025)).toEqual({
      holidays: [
        '2025-01-01',
        '2025-01-28',
        '2025-01-29',
        '2025-01-30',
        '2025-01-31',
        '2025-02-03',
        '2025-02-04',
        '2025-04-04',
        '2025-05-01',
        '2025-05-02',
        '2025-05-05',
        '2025-06-02',
        '2025-10-01',
        '2025-10-02',
        '2025-10-03',
        '2025-10-06',
        '2025-10-07',
        '2025-10-08',
      ],
      makeupWorkdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
    });
  });

  it('every schedule is internally consistent', () => {
    for (const schedule of CHINA_HOLIDAY_SCHEDULES) {
      const { holidays, makeupWorkdays } = holidaySetsOf(schedule);
      for (const day of holidays) expect(day.startsWith(String(schedule.year))).toBe(true);
      for (const day of holidays) expect([1, 2, 3, 4, 5]).toContain(weekday(day));
      for (const day of makeupWorkdays) expect([0, 6]).toContain(weekday(day));
    }
  });

  it('refuses a make-up day that is not a weekend day, or a reversed range', () => {
    const bad = (arrangement: { off: [string, string]; work: string[] }): YearHolidaySchedule => ({
      year: 2025,
      source: 'test',
      provisional: false,
      arrangements: [{ name: 'x', ...arrangement }],
    });
    expect(() => holidaySetsOf(bad({ off: ['2025-10-01', '2025-10-02'], work: ['2025-10-09'] }))).toThrow(/weekend/);
    expect(() => holidaySetsOf(bad({ off: ['2025-10-08', '2025-10-01'], work: [] }))).toThrow(RangeError);
  });

  it('the package still lacks 2027 (when it has it, enter the notice in china-holidays.ts)', () => {
    // 2027-02-08 is 正月初三, a statutory day off, on a Monday.
    expect(getDayDetail(new Date(2027, 1, 8)).work).toBe(true);
  });
});

describe('2027 provisional data', () => {
  it('is marked provisional and has no make-up days', () => {
    expect(CHINA_HOLIDAYS_2027_PROVISIONAL.provisional).toBe(true);
    expect(holidaySetsOf(CHINA_HOLIDAYS_2027_PROVISIONAL)).toEqual({
      holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-04-05', '2027-06-09', '2027-09-15', '2027-10-01'],
      makeupWorkdays: [],
    });
  });

  it('the lunar holidays agree with the Chinese calendar in ICU (Intl)', () => {
    const lunar = new Intl.DateTimeFormat('zh-CN-u-ca-chinese', {
      timeZone: 'Asia/Shanghai',
      month: 'long',
      day: 'numeric',
    });
    const lunarDay = (day: string): string =>
      lunar
        .formatToParts(new Date(`${day}T12:00:00+08:00`))
        .filter((p) => p.type === 'month' || p.type === 'day')
        .map((p) => p.value)
        .join(' ');
    expect(lunarDay('2027-06-09')).toBe('五月 5'); // 端午
    expect(lunarDay('2027-09-15')).toBe('八月 15'); // 中秋
    // Spring Festival 2027 is deliberately not checked against ICU: the new moon falls at
    // 23:56 Beijing time on Feb 6 and ICU's approximation puts it after midnight (Feb 7).
    // The Hong Kong Observatory and chinese-days give 正月初一 = Feb 6, so 除夕 is Feb 5.
    expect(lunarDay('2027-02-08').startsWith('正月')).toBe(true);
  });
});

describe('chinaCalendar2025to2027', () => {
  const cal = chinaCalendar2025to2027();

  it.each([
    ['2025-09-28', true, 'make-up Sunday before National Day'],
    ['2025-10-01', false, 'National Day'],
    ['2025-10-08', false, 'last day of the 2025 National Day week'],
    ['2025-10-11', true, 'make-up Saturday after National Day'],
    ['2025-10-12', false, 'an ordinary Sunday'],
    ['2026-01-02', false, 'New Year bridge day 2026'],
    ['2026-01-04', true, 'make-up Sunday 2026'],
    ['2026-02-14', true, 'make-up Saturday before Spring Festival 2026'],
    ['2026-02-23', false, 'last day of Spring Festival 2026'],
    ['2026-02-24', true, 'first working day after Spring Festival 2026'],
    ['2026-02-28', true, 'make-up Saturday after Spring Festival 2026'],
    ['2027-01-01', false, 'New Year 2027 (provisional)'],
    ['2027-02-08', false, 'Spring Festival 2027 初三 (provisional)'],
    ['2027-03-01', true, 'an ordinary Monday 2027'],
    ['2028-01-03', true, 'beyond the data: plain Monday'],
  ] as const)('%s working: %s (%s)', (day, working, _why) => {
    expect(isWorkingDay(day, cal)).toBe(working);
  });

  it('accepts custom working periods', () => {
    const custom = chinaCalendar2025to2027([{ start: '08:30', end: '17:30' }]);
    expect(custom.workingPeriods).toEqual([{ start: '08:30', end: '17:30' }]);
    expect(custom.holidays).toEqual(cal.holidays);
  });
});
