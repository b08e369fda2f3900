import 'reflect-metadata';
import { env, InvalidEnvironmentError, PinoNestLogger } from '@hotline/config';
import { NestFactory } from '@nestjs/core';
import { pino } from 'pino';

import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = env();
  const log = pino({ level: config.LOG_LEVEL, base: { app: 'worker' } });
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger: new PinoNestLogger(log) });
  app.enableShutdownHooks();
  await app.init();
  log.info({ prefix: config.REDIS_PREFIX }, 'worker ready');
}

main().catch((err: unknown) => {
  console.error(err instanceof InvalidEnvironmentError ? err.message : err);
  process.exit(1);
});
