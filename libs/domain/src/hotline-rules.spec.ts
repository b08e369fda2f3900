import { DEFAULT_HOTLINE_RULES, withRuleDefaults } from './hotline-rules';

describe('withRuleDefaults', () => {
  it('fills rules a stored version does not have from the defaults', () => {
    const rules = withRuleDefaults({ extensions: { maxCount: 2 } });
    expect(rules.extensions).toEqual({ maxCount: 2, maxWorkingDays: 10 });
    expect(rules.returnWindow).toEqual({ amount: 1, unit: 'days', mode: 'working' });
    expect(rules.repeatCaller).toEqual({ cases: 3, days: 30 });
  });

  it('keeps stored values, including a limit that replaces a null default', () => {
    const limit = { amount: 4, unit: 'hours', mode: 'working' } as const;
    const rules = withRuleDefaults({ assisting: { acceptLimit: limit }, pause: { criticalAllowed: true } });
    expect(rules.assisting).toEqual({ acceptLimit: limit, replyLimit: null });
    expect(rules.pause.criticalAllowed).toBe(true);
    expect(rules.pause.reasonCodes).toEqual(DEFAULT_HOTLINE_RULES.pause.reasonCodes);
  });

  it('drops keys no rule knows and treats a non-object as "nothing stored"', () => {
    expect(withRuleDefaults({ retired: 1 })).toEqual(DEFAULT_HOTLINE_RULES);
    expect(withRuleDefaults(null)).toEqual(DEFAULT_HOTLINE_RULES);
  });
});
