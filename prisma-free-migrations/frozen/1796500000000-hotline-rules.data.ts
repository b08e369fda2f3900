// Frozen on 2026-12-02: the first version of the hotline rules that migration 1796500000000
// seeds (DOMAIN.md's defaults at the time). Never edit this file; frozen-seed-data.spec.ts shows
// that it equals DEFAULT_HOTLINE_RULES as it was frozen.
export const HOTLINE_RULES_V1 = {
  returnWindow: { amount: 1, unit: 'days', mode: 'working' },
  extensions: { maxCount: 1, maxWorkingDays: 10 },
  pause: {
    criticalAllowed: false,
    reasonCodes: ['awaiting_citizen', 'outside_inspection', 'third_party', 'legal_procedure', 'force_majeure'],
  },
  hotlineClocks: {
    dispatch: { amount: 2, unit: 'hours', mode: 'working' },
    review: { amount: 1, unit: 'days', mode: 'working' },
    followUp: { amount: 1, unit: 'days', mode: 'working' },
    warningFraction: 0.75,
  },
  assisting: { acceptLimit: null, replyLimit: null },
  repeatCaller: { cases: 3, days: 30 },
} as const;
