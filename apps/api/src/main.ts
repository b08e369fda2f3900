import 'reflect-metadata';
import { env, InvalidEnvironmentError } from '@hotline/config';
import { createApp } from './create-app';

async function main(): Promise<void> {
  const config = env();
  const app = await createApp();
  await app.listen(config.API_PORT, config.API_HOST);
  app.getHttpAdapter().getInstance().log.info(`API listening on http://${config.API_HOST}:${config.API_PORT}/api`);
}

main().catch((err: unknown) => {
  // Configuration errors are for people: print the list, not a stack trace.
  console.error(err instanceof InvalidEnvironmentError ? err.message : err);
  process.exit(1);
});
