import {
  DEFAULT_WORKING_PERIODS,
  buildCalendar,
  formatLocalDateTime,
  isWorkingDay,
  localDateKey,
  workingDayMinutes,
  workingIntervalsOfDay,
  localDayNumber,
} from './working-calendar';

const at = (local: string): Date => new Date(`${local.replace(' ', 'T')}:00+08:00`);

describe('Asia/Shanghai dates', () => {
  it('uses the Beijing date, not the UTC date', () => {
    expect(localDateKey(new Date('2025-09-30T15:59:59Z'))).toBe('2025-09-30');
    expect(localDateKey(new Date('2025-09-30T16:00:00Z'))).toBe('2025-10-01');
    expect(localDateKey(new Date('2025-12-31T16:00:00Z'))).toBe('2026-01-01');
  });

  it('formats local date and time', () => {
    expect(formatLocalDateTime(new Date('2026-02-14T01:05:00Z'))).toBe('2026-02-14 09:05');
  });

  it('refuses an invalid Date', () => {
    expect(() => localDateKey(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('buildCalendar and isWorkingDay', () => {
  const cal = buildCalendar({ holidays: ['2025-10-01'], makeupWorkdays: ['2025-09-28'] });

  it('uses the default working periods: 09-12 and 13-18, 8 hours', () => {
    expect(cal.workingPeriods).toEqual(DEFAULT_WORKING_PERIODS);
    expect(workingDayMinutes(cal)).toBe(480);
  });

  it('Monday to Friday are working days, weekends are not', () => {
    expect(isWorkingDay(at('2025-11-03 10:00'), cal)).toBe(true); // Monday
    expect(isWorkingDay(at('2025-11-07 23:59'), cal)).toBe(true); // Friday
    expect(isWorkingDay(at('2025-11-08 10:00'), cal)).toBe(false); // Saturday
    expect(isWorkingDay(at('2025-11-09 10:00'), cal)).toBe(false); // Sunday
  });

  it('a holiday is off, a make-up weekend day is on', () => {
    expect(isWorkingDay(at('2025-10-01 10:00'), cal)).toBe(false);
    expect(isWorkingDay(at('2025-09-28 10:00'), cal)).toBe(true); // Sunday
  });

  it('decides by the Beijing date of the instant', () => {
    // 2025-11-07T16:30Z is Saturday 00:30 in Beijing.
    expect(isWorkingDay(new Date('2025-11-07T16:30:00Z'), cal)).toBe(false);
  });

  it('accepts a YYYY-MM-DD key', () => {
    expect(isWorkingDay('2025-09-28', cal)).toBe(true);
    expect(isWorkingDay('2025-10-01', cal)).toBe(false);
    expect(() => isWorkingDay('2025-02-30', cal)).toThrow(RangeError);
  });

  it('refuses a day that is both a holiday and a make-up day', () => {
    expect(() => buildCalendar({ holidays: ['2025-10-01'], makeupWorkdays: ['2025-10-01'] })).toThrow(/both/);
  });

  it('refuses malformed dates', () => {
    expect(() => buildCalendar({ holidays: ['2025/10/01'], makeupWorkdays: [] })).toThrow(RangeError);
    expect(() => buildCalendar({ holidays: ['2025-13-01'], makeupWorkdays: [] })).toThrow(RangeError);
  });

  it('refuses malformed, reversed, overlapping or missing working periods', () => {
    const build = (workingPeriods: { start: string; end: string }[]) => () =>
      buildCalendar({ holidays: [], makeupWorkdays: [], workingPeriods });
    expect(build([{ start: '9:00', end: '12:00' }])).toThrow(RangeError);
    expect(build([{ start: '12:00', end: '09:00' }])).toThrow(RangeError);
    expect(build([{ start: '09:00', end: '09:00' }])).toThrow(RangeError);
    expect(build([{ start: '09:00', end: '24:30' }])).toThrow(RangeError);
    expect(
      build([
        { start: '09:00', end: '13:00' },
        { start: '12:00', end: '18:00' },
      ]),
    ).toThrow(RangeError);
    expect(build([])).toThrow(RangeError);
  });

  it('accepts custom periods, including a round-the-clock day', () => {
    const allDay = buildCalendar({
      holidays: [],
      makeupWorkdays: [],
      workingPeriods: [{ start: '00:00', end: '24:00' }],
    });
    expect(workingDayMinutes(allDay)).toBe(1440);
    const shifts = buildCalendar({
      holidays: [],
      makeupWorkdays: [],
      workingPeriods: [
        { start: '08:30', end: '12:00' },
        { start: '14:00', end: '17:30' },
      ],
    });
    expect(workingDayMinutes(shifts)).toBe(420);
  });

  it('gives the working intervals of a day as UTC instants, none on a day off', () => {
    const monday = localDayNumber(at('2025-11-03 12:00').getTime());
    expect(
      workingIntervalsOfDay(monday, cal).map(([s, e]) => [new Date(s).toISOString(), new Date(e).toISOString()]),
    ).toEqual([
      ['2025-11-03T01:00:00.000Z', '2025-11-03T04:00:00.000Z'],
      ['2025-11-03T05:00:00.000Z', '2025-11-03T10:00:00.000Z'],
    ]);
    expect(workingIntervalsOfDay(monday + 5, cal)).toEqual([]);
  });
});
