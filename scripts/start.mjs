// `npm start`: build, prepare the database, then run api + worker + web until Ctrl-C.
import {
  buildAll,
  checkServices,
  compiledLibs,
  prepareDatabase,
  ROOT,
  startSystem,
  stopAll,
  waitForHttp,
} from './lib/system.mjs';
import { ensureJwtSecret } from './lib/jwt-secret.mjs';

const skipBuild = process.argv.includes('--no-build') || process.env.SKIP_BUILD === '1';

async function main() {
  if (!skipBuild) buildAll((m) => console.log(`[start] ${m}`));
  const libs = compiledLibs();
  ensureJwtSecret(ROOT, process.env, (m) => console.log(`[start] ${m}`));
  let config;
  try {
    config = libs.config.env();
  } catch (e) {
    console.error(`[start] ${e.message}`);
    process.exit(1);
  }
  await checkServices({ databaseUrl: config.DATABASE_URL, redisUrl: config.REDIS_URL, libs });
  const demoCases = Number(process.env.DEMO_CASES ?? 3000);
  await prepareDatabase(config.DATABASE_URL, libs, (m) => console.log(`[start] ${m}`), { demoCases });

  const procs = startSystem({ env: process.env, apiPort: config.API_PORT, webPort: config.WEB_PORT });
  const children = Object.values(procs);
  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    console.log('\n[start] stopping api, worker and web…');
    await stopAll(children);
    console.log('[start] stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  for (const [name, child] of Object.entries(procs)) {
    child.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(`[start] ${name} exited (${code ?? signal}); stopping the rest`);
      void stop(1);
    });
  }

  await waitForHttp(`http://127.0.0.1:${config.API_PORT}/api/ready`, 60_000);
  await waitForHttp(`http://127.0.0.1:${config.WEB_PORT}/login`, 60_000);
  const { DEMO_USERS, DEMO_PASSWORD } = libs.database;
  console.log(`
  12345 hotline is running
    Web app      http://localhost:${config.WEB_PORT}
    API          http://localhost:${config.API_PORT}/api   (ready: /api/ready)
    API docs     http://localhost:${config.API_PORT}/api/docs
    Public form  http://localhost:${config.WEB_PORT}/public

  Demo logins (password for all: ${DEMO_PASSWORD})
${DEMO_USERS.map((u) => `    ${u.username.padEnd(14)} ${u.role.padEnd(11)} ${u.displayName}${u.bureau ? ` (${u.bureau})` : ''}`).join('\n')}

  Ctrl-C stops everything.
`);
}

main().catch((e) => {
  console.error(`[start] ${e.message}`);
  process.exit(1);
});
