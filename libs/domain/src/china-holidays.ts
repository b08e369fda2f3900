// China's holiday schedules as the State Council publishes them, one entry per holiday:
// the days off (a range, weekends included, as the notice writes it) and the weekend days
// that become working days (调休). Kept as data in our code rather than read from the
// `chinese-days` package at run time, because that package's functions build their table
// with local-time Date arithmetic and shift every holiday by a day on hosts west of UTC
// (seen with TZ=America/Los_Angeles). china-calendar.spec.ts checks 2025 and 2026 against
// the package's pre-built yearly files, which are not affected.

export interface HolidayArrangement {
  name: string;
  /** First and last day off, inclusive, 'YYYY-MM-DD'. */
  off: readonly [string, string];
  /** Weekend days that are working days. */
  work: readonly string[];
}

export interface YearHolidaySchedule {
  year: number;
  source: string;
  /** True while the year's State Council notice has not been entered. */
  provisional: boolean;
  arrangements: readonly HolidayArrangement[];
}

/** 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）, 2024-11-12. */
export const CHINA_HOLIDAYS_2025: YearHolidaySchedule = {
  year: 2025,
  source: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
  provisional: false,
  arrangements: [
    { name: '元旦', off: ['2025-01-01', '2025-01-01'], work: [] },
    { name: '春节', off: ['2025-01-28', '2025-02-04'], work: ['2025-01-26', '2025-02-08'] },
    { name: '清明节', off: ['2025-04-04', '2025-04-06'], work: [] },
    { name: '劳动节', off: ['2025-05-01', '2025-05-05'], work: ['2025-04-27'] },
    { name: '端午节', off: ['2025-05-31', '2025-06-02'], work: [] },
    { name: '国庆节、中秋节', off: ['2025-10-01', '2025-10-08'], work: ['2025-09-28', '2025-10-11'] },
  ],
};

/**
 * 国务院办公厅关于2026年部分节假日安排的通知, 2025-11-04
 * (https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm).
 */
export const CHINA_HOLIDAYS_2026: YearHolidaySchedule = {
  year: 2026,
  source: '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）',
  provisional: false,
  arrangements: [
    { name: '元旦', off: ['2026-01-01', '2026-01-03'], work: ['2026-01-04'] },
    { name: '春节', off: ['2026-02-15', '2026-02-23'], work: ['2026-02-14', '2026-02-28'] },
    { name: '清明节', off: ['2026-04-04', '2026-04-06'], work: [] },
    { name: '劳动节', off: ['2026-05-01', '2026-05-05'], work: ['2026-05-09'] },
    { name: '端午节', off: ['2026-06-19', '2026-06-21'], work: [] },
    { name: '中秋节', off: ['2026-09-25', '2026-09-27'], work: ['2026-09-20'] },
    { name: '国庆节', off: ['2026-10-01', '2026-10-07'], work: ['2026-10-10'] },
  ],
};

/**
 * 2027 — PROVISIONAL. The State Council's notice for 2027 (国务院办公厅关于2027年部分节假日
 * 安排的通知, normally published in November of the year before) could not be verified
 * when this was written, and `chinese-days` 1.5.7 has no 2027 data. Listed here are only
 * the days the law itself makes days off (全国年节及纪念日放假办法, as revised in 2024):
 *   元旦 1-1 (Fri); 春节 除夕 2-5 (Fri, 腊月廿九, the last day of the lunar year) to 初三
 *   2-8 (Mon); 清明 4-5 (Mon); 劳动节 5-1..5-2 (weekend); 端午 6-9 (Wed); 中秋 9-15 (Wed);
 *   国庆节 10-1..10-3 (Fri–Sun).
 * 正月初一 is Feb 6 per the Hong Kong Observatory's 2027 table and `chinese-days`; the new
 * moon is at 23:56 Beijing time, and ICU's Chinese calendar (Intl) wrongly says Feb 7.
 * Missing until the notice is entered: the 补休 weekdays given for statutory days that
 * fall on a weekend, the bridging days of the long holidays, and every make-up working
 * weekend day. Around the 2027 holidays, deadlines can therefore be off by days in both
 * directions (too early for missing days off, too late for missing make-up days).
 */
export const CHINA_HOLIDAYS_2027_PROVISIONAL: YearHolidaySchedule = {
  year: 2027,
  source: 'Statutory days only (全国年节及纪念日放假办法); the 2027 State Council notice is not yet entered',
  provisional: true,
  arrangements: [
    { name: '元旦', off: ['2027-01-01', '2027-01-01'], work: [] },
    { name: '春节', off: ['2027-02-05', '2027-02-08'], work: [] },
    { name: '清明节', off: ['2027-04-05', '2027-04-05'], work: [] },
    { name: '劳动节', off: ['2027-05-01', '2027-05-02'], work: [] },
    { name: '端午节', off: ['2027-06-09', '2027-06-09'], work: [] },
    { name: '中秋节', off: ['2027-09-15', '2027-09-15'], work: [] },
    { name: '国庆节', off: ['2027-10-01', '2027-10-03'], work: [] },
  ],
};

export const CHINA_HOLIDAY_SCHEDULES: readonly YearHolidaySchedule[] = [
  CHINA_HOLIDAYS_2025,
  CHINA_HOLIDAYS_2026,
  CHINA_HOLIDAYS_2027_PROVISIONAL,
];
