export * from './env';
export * from './pino-nest-logger';
