import {
  CASE_STATUSES,
  CHANNELS,
  CLOSE_REASONS,
  OPEN_STATUSES,
  REQUEST_TYPES,
  ROLES,
  SATISFACTION_VALUES,
  SOLVED_VALUES,
  URGENCIES,
  isCaseStatus,
  isOpen,
  isRole,
} from './case-model';

describe('case model vocabulary', () => {
  it('has the agreed values', () => {
    expect(CASE_STATUSES).toEqual([
      'registered',
      'awaiting_dispatch',
      'dispatched',
      'return_review',
      'in_progress',
      'awaiting_follow_up',
      'closed',
    ]);
    expect(ROLES).toEqual(['agent', 'handler', 'supervisor', 'admin', 'citizen', 'system']);
    expect(REQUEST_TYPES).toEqual(['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise']);
    expect(URGENCIES).toEqual(['normal', 'urgent', 'critical']);
    expect(CHANNELS).toEqual(['phone', 'web', 'open311', 'api']);
    expect(SOLVED_VALUES).toEqual(['solved', 'partly', 'not']);
    expect(SATISFACTION_VALUES).toEqual(['satisfied', 'basically', 'dissatisfied', 'no_answer']);
    expect(CLOSE_REASONS).toEqual([
      'direct_answer',
      'not_accepted',
      'emergency_transfer',
      'follow_up',
      'merged',
      'manual',
    ]);
  });

  it('OPEN_STATUSES is every status but closed, in lifecycle order', () => {
    expect(OPEN_STATUSES).toEqual(CASE_STATUSES.filter((s) => s !== 'closed'));
  });

  it.each(CASE_STATUSES)('isOpen(%s)', (status) => {
    expect(isOpen(status)).toBe(status !== 'closed');
  });

  it('guards untyped strings', () => {
    expect(isCaseStatus('dispatched')).toBe(true);
    expect(isCaseStatus('Dispatched')).toBe(false);
    expect(isCaseStatus(3)).toBe(false);
    expect(isRole('handler')).toBe(true);
    expect(isRole('root')).toBe(false);
  });
});
