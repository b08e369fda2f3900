import type { LoggerService } from '@nestjs/common';

type Level = 'info' | 'warn' | 'error' | 'debug' | 'trace' | 'fatal';
/** Any pino logger (the API passes Fastify's, the worker its own). */
export type PinoLike = Record<Level, (obj: object, msg?: string) => void>;

/** Routes Nest's own log lines into pino, so every process writes the same JSON lines. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: PinoLike) {}

  private write(level: Level, message: unknown, params: unknown[]): void {
    const context = typeof params.at(-1) === 'string' ? (params.at(-1) as string) : undefined;
    if (message && typeof message === 'object') this.pino[level]({ context, ...(message as object) });
    else this.pino[level]({ context }, String(message));
  }

  log(message: unknown, ...params: unknown[]) {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]) {
    this.write('fatal', message, params);
  }
}
