// `npm run db:migrate` / `npm run db:seed`: migrations and demo data from the compiled build.
import { checkServices, compiledLibs, prepareDatabase } from './lib/system.mjs';

const libs = compiledLibs();
const config = libs.config.env();
await checkServices({ databaseUrl: config.DATABASE_URL, redisUrl: config.REDIS_URL, libs });
// Demo data only when asked: `npm run db:migrate` seeds (development); the docker `migrate`
// service seeds only with SEED_DEMO=1, so production databases never get demo users.
await prepareDatabase(config.DATABASE_URL, libs, console.log, { seed: process.env.SEED_DEMO !== '0' });
