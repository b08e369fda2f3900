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
  isReopenable,
  isRole,
  STAFF_ROLES,
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

describe('staff roles', () => {
  it('are the roles with an account: every role but citizen and system', () => {
    expect(STAFF_ROLES).toEqual(ROLES.filter((r) => r !== 'citizen' && r !== 'system'));
  });
});

describe('isReopenable', () => {
  const dispatched = {
    leadBureauId: 7,
    closeReason: 'follow_up' as const,
    dispatchedAt: new Date('2026-01-05T02:00:00Z'),
  };

  it('a dispatched case closed by follow-up or by hand can go back to its bureau', () => {
    expect(isReopenable(dispatched)).toBe(true);
    expect(isReopenable({ ...dispatched, closeReason: 'manual', dispatchedAt: '2026-01-05T02:00:00Z' })).toBe(true);
  });

  it('not one closed at intake, never dispatched, or merged into another', () => {
    expect(isReopenable({ ...dispatched, leadBureauId: null })).toBe(false);
    expect(isReopenable({ ...dispatched, dispatchedAt: null })).toBe(false);
    expect(isReopenable({ ...dispatched, closeReason: 'merged' })).toBe(false);
  });
});
