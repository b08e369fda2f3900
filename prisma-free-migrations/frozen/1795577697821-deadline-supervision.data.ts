// Frozen on 2026-12-02: exactly what migration 1795577697821 seeds. A migration is history,
// so it must not read today's defaults from libs/domain (editing a default there would silently
// change what this migration gives a fresh database). Never edit this file; a changed default
// reaches existing databases through a new migration. frozen-seed-data.spec.ts shows that these
// rows equal the defaults they were copied from.

export interface FrozenWorkingPeriod {
  start: string;
  end: string;
}

export interface FrozenCalendarDay {
  day: string;
  kind: 'holiday' | 'makeup_workday';
  name: string;
  source: string;
}

export interface FrozenDeadlineLimit {
  amount: number;
  unit: 'minutes' | 'hours' | 'days';
  mode: 'calendar' | 'working';
}

export interface FrozenDeadlinePolicy {
  name: string;
  requestType: string | null;
  urgency: string | null;
  acceptLimit: FrozenDeadlineLimit;
  replyLimit: FrozenDeadlineLimit;
  warningFraction: number;
}

/** deadline_settings.working_periods (Asia/Shanghai local time). */
export const WORKING_PERIODS: readonly FrozenWorkingPeriod[] = [
  { start: '09:00', end: '12:00' },
  { start: '13:00', end: '18:00' },
];

const SOURCE_2025 = '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）';
const SOURCE_2026 = '国务院办公厅关于2026年部分节假日安排的通知（2025-11-04）';
const SOURCE_2027 = 'Statutory days only (全国年节及纪念日放假办法); the 2027 State Council notice is not yet entered';

/** calendar_days, in insertion order: per year its weekday holidays, then its make-up working days. */
export const CALENDAR_DAYS: readonly FrozenCalendarDay[] = [
  { day: '2025-01-01', kind: 'holiday', name: '元旦', source: SOURCE_2025 },
  { day: '2025-01-28', kind: 'holiday', name: '春节', source: SOURCE_2025 },
  { day: '2025-01-29', kind: 'holiday', name: '春节', source: SOURCE_2025 },
  { day: '2025-01-30', kind: 'holiday', name: '春节', source: SOURCE_2025 },
  { day: '2025-01-31', kind: 'holiday', name: '春节', source: SOURCE_2025 },
  { day: '2025-02-03', kind: 'holiday', name: '春节', source: SOURCE_2025 },
  { day: '2025-02-04', kind: 'holiday', name: '春节', source: SOURCE_2025 },
  { day: '2025-04-04', kind: 'holiday', name: '清明节', source: SOURCE_2025 },
  { day: '2025-05-01', kind: 'holiday', name: '劳动节', source: SOURCE_2025 },
  { day: '2025-05-02', kind: 'holiday', name: '劳动节', source: SOURCE_2025 },
  { day: '2025-05-05', kind: 'holiday', name: '劳动节', source: SOURCE_2025 },
  { day: '2025-06-02', kind: 'holiday', name: '端午节', source: SOURCE_2025 },
  { day: '2025-10-01', kind: 'holiday', name: '国庆节、中秋节', source: SOURCE_2025 },
  { day: '2025-10-02', kind: 'holiday', name: '国庆节、中秋节', source: SOURCE_2025 },
  { day: '2025-10-03', kind: 'holiday', name: '国庆节、中秋节', source: SOURCE_2025 },
  { day: '2025-10-06', kind: 'holiday', name: '国庆节、中秋节', source: SOURCE_2025 },
  { day: '2025-10-07', kind: 'holiday', name: '国庆节、中秋节', source: SOURCE_2025 },
  { day: '2025-10-08', kind: 'holiday', name: '国庆节、中秋节', source: SOURCE_2025 },
  { day: '2025-01-26', kind: 'makeup_workday', name: '春节', source: SOURCE_2025 },
  { day: '2025-02-08', kind: 'makeup_workday', name: '春节', source: SOURCE_2025 },
  { day: '2025-04-27', kind: 'makeup_workday', name: '劳动节', source: SOURCE_2025 },
  { day: '2025-09-28', kind: 'makeup_workday', name: '国庆节、中秋节', source: SOURCE_2025 },
  { day: '2025-10-11', kind: 'makeup_workday', name: '国庆节、中秋节', source: SOURCE_2025 },
  { day: '2026-01-01', kind: 'holiday', name: '元旦', source: SOURCE_2026 },
  { day: '2026-01-02', kind: 'holiday', name: '元旦', source: SOURCE_2026 },
  { day: '2026-02-16', kind: 'holiday', name: '春节', source: SOURCE_2026 },
  { day: '2026-02-17', kind: 'holiday', name: '春节', source: SOURCE_2026 },
  { day: '2026-02-18', kind: 'holiday', name: '春节', source: SOURCE_2026 },
  { day: '2026-02-19', kind: 'holiday', name: '春节', source: SOURCE_2026 },
  { day: '2026-02-20', kind: 'holiday', name: '春节', source: SOURCE_2026 },
  { day: '2026-02-23', kind: 'holiday', name: '春节', source: SOURCE_2026 },
  { day: '2026-04-06', kind: 'holiday', name: '清明节', source: SOURCE_2026 },
  { day: '2026-05-01', kind: 'holiday', name: '劳动节', source: SOURCE_2026 },
  { day: '2026-05-04', kind: 'holiday', name: '劳动节', source: SOURCE_2026 },
  { day: '2026-05-05', kind: 'holiday', name: '劳动节', source: SOURCE_2026 },
  { day: '2026-06-19', kind: 'holiday', name: '端午节', source: SOURCE_2026 },
  { day: '2026-09-25', kind: 'holiday', name: '中秋节', source: SOURCE_2026 },
  { day: '2026-10-01', kind: 'holiday', name: '国庆节', source: SOURCE_2026 },
  { day: '2026-10-02', kind: 'holiday', name: '国庆节', source: SOURCE_2026 },
  { day: '2026-10-05', kind: 'holiday', name: '国庆节', source: SOURCE_2026 },
  { day: '2026-10-06', kind: 'holiday', name: '国庆节', source: SOURCE_2026 },
  { day: '2026-10-07', kind: 'holiday', name: '国庆节', source: SOURCE_2026 },
  { day: '2026-01-04', kind: 'makeup_workday', name: '元旦', source: SOURCE_2026 },
  { day: '2026-02-14', kind: 'makeup_workday', name: '春节', source: SOURCE_2026 },
  { day: '2026-02-28', kind: 'makeup_workday', name: '春节', source: SOURCE_2026 },
  { day: '2026-05-09', kind: 'makeup_workday', name: '劳动节', source: SOURCE_2026 },
  { day: '2026-09-20', kind: 'makeup_workday', name: '中秋节', source: SOURCE_2026 },
  { day: '2026-10-10', kind: 'makeup_workday', name: '国庆节', source: SOURCE_2026 },
  { day: '2027-01-01', kind: 'holiday', name: '元旦', source: SOURCE_2027 },
  { day: '2027-02-05', kind: 'holiday', name: '春节', source: SOURCE_2027 },
  { day: '2027-02-08', kind: 'holiday', name: '春节', source: SOURCE_2027 },
  { day: '2027-04-05', kind: 'holiday', name: '清明节', source: SOURCE_2027 },
  { day: '2027-06-09', kind: 'holiday', name: '端午节', source: SOURCE_2027 },
  { day: '2027-09-15', kind: 'holiday', name: '中秋节', source: SOURCE_2027 },
  { day: '2027-10-01', kind: 'holiday', name: '国庆节', source: SOURCE_2027 },
];

/** deadline_policies in insertion order (serial ids 1..8), none for a category. */
export const DEADLINE_POLICIES: readonly FrozenDeadlinePolicy[] = [
  {
    name: 'critical (any type)',
    requestType: null,
    urgency: 'critical',
    acceptLimit: { amount: 30, unit: 'minutes', mode: 'calendar' },
    replyLimit: { amount: 2, unit: 'hours', mode: 'calendar' },
    warningFraction: 0.75,
  },
  {
    name: 'urgent (any type)',
    requestType: null,
    urgency: 'urgent',
    acceptLimit: { amount: 2, unit: 'hours', mode: 'working' },
    replyLimit: { amount: 24, unit: 'hours', mode: 'calendar' },
    warningFraction: 0.75,
  },
  {
    name: 'consultation',
    requestType: 'consultation',
    urgency: null,
    acceptLimit: { amount: 2, unit: 'hours', mode: 'working' },
    replyLimit: { amount: 3, unit: 'days', mode: 'working' },
    warningFraction: 0.75,
  },
  {
    name: 'help',
    requestType: 'help',
    urgency: null,
    acceptLimit: { amount: 2, unit: 'hours', mode: 'working' },
    replyLimit: { amount: 3, unit: 'days', mode: 'working' },
    warningFraction: 0.75,
  },
  {
    name: 'complaint',
    requestType: 'complaint',
    urgency: null,
    acceptLimit: { amount: 2, unit: 'hours', mode: 'working' },
    replyLimit: { amount: 13, unit: 'days', mode: 'working' },
    warningFraction: 0.75,
  },
  {
    name: 'report',
    requestType: 'report',
    urgency: null,
    acceptLimit: { amount: 2, unit: 'hours', mode: 'working' },
    replyLimit: { amount: 13, unit: 'days', mode: 'working' },
    warningFraction: 0.75,
  },
  {
    name: 'suggestion',
    requestType: 'suggestion',
    urgency: null,
    acceptLimit: { amount: 2, unit: 'hours', mode: 'working' },
    replyLimit: { amount: 13, unit: 'days', mode: 'working' },
    warningFraction: 0.75,
  },
  {
    name: 'default',
    requestType: null,
    urgency: null,
    acceptLimit: { amount: 2, unit: 'hours', mode: 'working' },
    replyLimit: { amount: 7, unit: 'days', mode: 'calendar' },
    warningFraction: 0.75,
  },
];
