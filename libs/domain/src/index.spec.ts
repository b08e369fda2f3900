import * as domain from './index';

// Other modules code against these names; renaming one is a breaking change.
const CONTRACT = [
  'CASE_STATUSES',
  'ROLES',
  'REQUEST_TYPES',
  'URGENCIES',
  'CHANNELS',
  'SOLVED_VALUES',
  'SATISFACTION_VALUES',
  'CLOSE_REASONS',
  'OPEN_STATUSES',
  'isOpen',
  'CASE_ACTIONS',
  'CASE_TRANSITIONS',
  'transition',
  'allowedActions',
  'followUpOutcome',
  'matchDispatchRule',
  'ruleSpecificityKey',
  'DEFAULT_WORKING_PERIODS',
  'isWorkingDay',
  'localDateKey',
  'buildCalendar',
  'computeDeadline',
  'workingMinutesBetween',
  'warningAt',
  'addWorkingDays',
  'chinaCalendar2025to2027',
  'selectDeadlinePolicy',
  'DEFAULT_DEADLINE_POLICIES',
  'planClocks',
  'isLiveClock',
  'rate',
  'responseRate',
  'resolutionRate',
  'satisfactionRate',
  'compositeScore',
  'percentile',
  'median',
  'formatTrackingNumber',
  'isTrackingNumber',
  'maskPhone',
  'maskName',
  'generateAccessCode',
];

it('exports the agreed API from the library entry', () => {
  const exported = new Set(Object.keys(domain));
  expect(CONTRACT.filter((name) => !exported.has(name))).toEqual([]);
  expect(exported.has('ping')).toBe(false);
});
