export * from './env';
export * from './pino-nest-logger';
export * from './log-redaction';
