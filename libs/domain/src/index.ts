// @hotline/domain: the pure rules of the hotline (habit 3 in STYLE.md). No Nest, no
// TypeORM, no HTTP: services and processors call these functions.
export * from './case-model';
export * from './case-state-machine';
export * from './dispatch-matching';
export * from './working-calendar';
export * from './deadline-calculator';
export * from './china-holidays';
export * from './china-calendar';
export * from './deadline-policy';
export * from './metrics';
export * from './tracking';
export * from './case-intake';
export * from './analytics';
export * from './rollup-schema';
export * from './deadline-schedule';
export * from './deadline-plan';
export * from './hotline-rules';
export * from './dispatch-reason';
export * from './login-backoff';
export * from './case-visibility';
export * from './case-queue';
export * from './case-search';
export * from './follow-up-attempts';
export * from './category-suggest';
export * from './citizen-steps';
export * from './citizen-timeline';
