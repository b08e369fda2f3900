import { periodStarts, planRange, splitMonths } from './analytics-dates';

describe('splitMonths', () => {
  it('reads whole months from the month grain and the edges from the day grain', () => {
    expect(splitMonths('2025-11-25', '2026-11-24')).toEqual({
      months: ['2025-12-01', '2026-10-01'],
      days: [
        ['2025-11-25', '2025-11-30'],
        ['2026-11-01', '2026-11-24'],
      ],
    });
    expect(splitMonths('2026-02-01', '2026-02-28')).toEqual({ months: ['2026-02-01', '2026-02-01'], days: [] });
    expect(splitMonths('2024-01-31', '2024-03-01')).toEqual({
      months: ['2024-02-01', '2024-02-01'],
      days: [
        ['2024-01-31', '2024-01-31'],
        ['2024-03-01', '2024-03-01'],
      ],
    });
  });

  it('returns null when no whole month fits', () => {
    expect(splitMonths('2026-03-02', '2026-03-31')).toBeNull();
    expect(splitMonths('2026-03-15', '2026-04-14')).toBeNull();
  });
});

describe('periodStarts', () => {
  it('lists Monday-based weeks and calendar months overlapping the range', () => {
    expect(periodStarts('2021-03-03', '2021-03-16', 'week')).toEqual(['2021-03-01', '2021-03-08', '2021-03-15']);
    expect(periodStarts('2025-12-15', '2026-02-01', 'month')).toEqual(['2025-12-01', '2026-01-01', '2026-02-01']);
  });
});

describe('planRange', () => {
  it('reads each partial month by whichever touches fewer days', () => {
    expect(planRange('2025-11-25', '2026-11-24')).toEqual({
      months: ['2025-12-01', '2026-11-01'],
      add: [['2025-11-25', '2025-11-30']],
      subtract: [['2026-11-25', '2026-11-30']],
    });
    expect(planRange('2026-02-01', '2026-02-28')).toEqual({
      months: ['2026-02-01', '2026-02-01'],
      add: [],
      subtract: [],
    });
    expect(planRange('2026-03-10', '2026-03-10')).toEqual({
      months: null,
      add: [['2026-03-10', '2026-03-10']],
      subtract: [],
    });
    expect(planRange('2026-03-02', '2026-03-30')).toEqual({
      months: ['2026-03-01', '2026-03-01'],
      add: [],
      subtract: [
        ['2026-03-01', '2026-03-01'],
        ['2026-03-31', '2026-03-31'],
      ],
    });
    expect(planRange('2024-01-31', '2024-03-01')).toEqual({
      months: ['2024-02-01', '2024-02-01'],
      add: [
        ['2024-01-31', '2024-01-31'],
        ['2024-03-01', '2024-03-01'],
      ],
      subtract: [],
    });
  });
});
