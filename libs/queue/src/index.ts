export * from './redis-connection';
export * from './deadline-jobs';
