import {
  CASE_STATUSES,
  CHANNELS,
  CITIZEN_STEP_CODES,
  FOLLOW_UP_ATTEMPT_OUTCOMES,
  REQUEST_TYPES,
  SATISFACTION_VALUES,
  SOLVED_VALUES,
  URGENCIES,
} from '@hotline/domain';
import {
  CASE_STATUS_VALUES,
  CHANNEL_VALUES,
  CITIZEN_STEP_CODE_VALUES,
  FOLLOW_UP_ATTEMPT_OUTCOME_VALUES,
  REQUEST_TYPE_VALUES,
  SATISFACTION_OPTIONS,
  SOLVED_OPTIONS,
  URGENCY_VALUES,
  ZCaseIntakeSchema,
  ZCaseListQuerySchema,
  ZReturnDecisionSchema,
} from './case.schemas';

describe('case schemas', () => {
  it('use the domain vocabularies under the names the forms know', () => {
    expect(CASE_STATUS_VALUES).toEqual(CASE_STATUSES);
    expect(REQUEST_TYPE_VALUES).toEqual(REQUEST_TYPES);
    expect(URGENCY_VALUES).toEqual(URGENCIES);
    expect(CHANNEL_VALUES).toEqual(CHANNELS);
    expect(SOLVED_OPTIONS).toEqual(SOLVED_VALUES);
    expect(SATISFACTION_OPTIONS).toEqual(SATISFACTION_VALUES);
    expect(FOLLOW_UP_ATTEMPT_OUTCOME_VALUES).toEqual(FOLLOW_UP_ATTEMPT_OUTCOMES);
    expect(CITIZEN_STEP_CODE_VALUES).toEqual(CITIZEN_STEP_CODES);
  });

  it('intake: defaults, phone normalisation, unknown fields refused', () => {
    const ok = ZCaseIntakeSchema.parse({
      type: 'help',
      categoryId: 3,
      description: ' x ',
      caller: { phone: '138 0000-1111' },
    });
    expect(ok).toMatchObject({
      urgency: 'normal',
      disposition: 'dispatch',
      description: 'x',
      caller: { phone: '13800001111' },
    });
    expect(ZCaseIntakeSchema.safeParse({ type: 'help', categoryId: 3, description: 'x', extra: 1 }).success).toBe(
      false,
    );
    expect(
      ZCaseIntakeSchema.safeParse({ type: 'help', categoryId: 3, description: 'x', disposition: 'direct_answer' })
        .success,
    ).toBe(false);
  });

  it('return decision: redispatch needs a bureau', () => {
    expect(ZReturnDecisionSchema.safeParse({ version: 1, decision: 'redispatch' }).success).toBe(false);
    expect(ZReturnDecisionSchema.safeParse({ version: 1, decision: 'send_back' }).success).toBe(true);
  });

  it('list query: comma lists, limits, ISO instants', () => {
    expect(ZCaseListQuerySchema.parse({ status: 'dispatched,in_progress', limit: '10' })).toMatchObject({
      status: ['dispatched', 'in_progress'],
      limit: 10,
    });
    expect(ZCaseListQuerySchema.safeParse({ status: 'nope' }).success).toBe(false);
    expect(ZCaseListQuerySchema.safeParse({ limit: '1000' }).success).toBe(false);
    expect(ZCaseListQuerySchema.safeParse({ createdFrom: 'yesterday' }).success).toBe(false);
  });
});
