export * from './redis-connection';
export * from './queue-factory';
export * from './deadline-jobs';
export * from './analytics-jobs';
