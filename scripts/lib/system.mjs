// Shared by `npm start` and the browser tests: build, prepare the database, run the processes.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const NEXT_BIN = path.join(ROOT, 'node_modules/next/dist/bin/next');
const NEST_BIN = path.join(ROOT, 'node_modules/@nestjs/cli/bin/nest.js');
export const API_MAIN = path.join(ROOT, 'dist/apps/api/apps/api/src/main.js');
export const WORKER_MAIN = path.join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');
const WEB_SERVER = path.join(ROOT, 'apps/web/server.mjs');

function run(label, cmd, args, env = process.env) {
  const started = Date.now();
  const res = spawnSync(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
  if (res.status !== 0) throw new Error(`${label} failed (exit ${res.status ?? res.signal})`);
  return Date.now() - started;
}

/** Compiles the API, the worker and the web app (the same as `npm run build`). */
export function buildAll(log = console.log) {
  log(`built api in ${run('nest build api', process.execPath, [NEST_BIN, 'build', 'api'])} ms`);
  log(`built worker in ${run('nest build worker', process.execPath, [NEST_BIN, 'build', 'worker'])} ms`);
  const webEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
  log(`built web in ${run('next build', process.execPath, [NEXT_BIN, 'build', 'apps/web'], webEnv)} ms`);
}

/**
 * The compiled libraries and the migration list, loaded from the API's build output (one
 * data source for all; the migrations are passed to it, libs never import them).
 */
export function compiledLibs() {
  const build = path.join(ROOT, 'dist/apps/api');
  const base = path.join(build, 'libs');
  if (!existsSync(base)) throw new Error('No build output; run `npm run build` first');
  return {
    config: require(path.join(base, 'config/src/index.js')),
    database: require(path.join(base, 'database/src/index.js')),
    queue: require(path.join(base, 'queue/src/index.js')),
    migrations: require(path.join(build, 'prisma-free-migrations/index.js')).MIGRATIONS,
  };
}

const HOW_TO_GET = {
  PostgreSQL:
    'Install and start a server (Debian: apt-get install postgresql; pg_ctlcluster 15 main start), ' +
    'or run `docker compose -f docker/compose.yml up -d postgres`, or point DATABASE_URL at one.',
  Redis:
    'Install and start a server (Debian: apt-get install redis-server; redis-server --daemonize yes), ' +
    'or run `docker compose -f docker/compose.yml up -d redis`, or point REDIS_URL at one.',
};

function redact(url) {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/** Fails with a message naming the service, its URL and how to get one. */
export async function checkServices({ databaseUrl, redisUrl, libs }) {
  const problems = [];
  try {
    const pg = require('pg');
    const u = new URL(databaseUrl);
    u.pathname = '/postgres';
    const client = new pg.Client({ connectionString: u.toString(), connectionTimeoutMillis: 3000 });
    await client.connect();
    await client.end();
  } catch (e) {
    problems.push(
      `PostgreSQL is not reachable at ${redact(databaseUrl)} (${e.message}).\n    ${HOW_TO_GET.PostgreSQL}`,
    );
  }
  try {
    await libs.queue.pingRedis(redisUrl, 3000);
  } catch (e) {
    problems.push(`Redis is not reachable at ${redact(redisUrl)} (${e.message}).\n    ${HOW_TO_GET.Redis}`);
  }
  if (problems.length) throw new Error(problems.join('\n  '));
}

/**
 * Creates the database if missing, runs every migration, and loads the demo catalogue and
 * users into an empty one (unless seed is false). With demoCases > 0, a freshly seeded
 * database also gets that many historical cases (scripts/seed-bulk.mjs), so the boards and
 * the analysis dashboard have something to show on first start.
 */
export async function prepareDatabase(databaseUrl, libs, log = console.log, { seed = true, demoCases = 0 } = {}) {
  const { database, migrations } = libs;
  if (await database.createDatabaseIfMissing(databaseUrl))
    log(`created database ${database.databaseName(databaseUrl)}`);
  const ds = database.createDataSource(databaseUrl, migrations);
  let seeded = false;
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    log(applied.length ? `applied ${applied.length} migration(s)` : 'schema up to date');
    if (seed) seeded = await database.seedDemoData(ds);
    if (seeded) log('loaded demo data (catalogue, city, bureaus, dispatch rules, users)');
  } finally {
    await ds.destroy();
  }
  if (seeded && demoCases > 0) {
    const ms = run('seed demo cases', process.execPath, [
      path.join(ROOT, 'scripts/seed-bulk.mjs'),
      '--cases',
      String(demoCases),
      '--db',
      databaseUrl,
      '--force',
    ]);
    log(`loaded ${demoCases} demo cases of the past year in ${ms} ms`);
  }
}

/** Starts one process with a prefix on every output line; resolves to the child. */
export function startProcess(name, cmd, args, env, { quiet = false } = {}) {
  const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `[${name}] `;
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream.on('data', (chunk) => {
      buf += chunk.toString();
      const lines = buf.split('\n');
      buf = lines.pop() ?? '';
      if (!quiet) for (const line of lines) process.stdout.write(prefix + line + '\n');
      child.lastLines = [...(child.lastLines ?? []), ...lines].slice(-40);
    });
  }
  return child;
}

export function startSystem({ env, apiPort, webPort, quiet = false }) {
  const base = { ...env, API_PORT: String(apiPort), WEB_PORT: String(webPort), NEXT_TELEMETRY_DISABLED: '1' };
  // Browsers reach the API through the web app's /api proxy: exactly one hop to trust.
  const api = { ...base, TRUST_PROXY: env.TRUST_PROXY ?? '1' };
  return {
    api: startProcess('api', process.execPath, [API_MAIN], api, { quiet }),
    worker: startProcess('worker', process.execPath, [WORKER_MAIN], base, { quiet }),
    // Next behind apps/web/server.mjs, which sets X-Forwarded-For from the socket (see there).
    web: startProcess(
      'web',
      process.execPath,
      [WEB_SERVER],
      { ...base, WEB_HOST: env.WEB_HOST ?? '0.0.0.0', API_URL: `http://127.0.0.1:${apiPort}` },
      { quiet },
    ),
  };
}

export async function waitForHttp(url, timeoutMs, isUp = (res) => res.ok) {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (isUp(res)) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e.message;
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} not up after ${timeoutMs} ms (${last})`);
}

/** Stops children with SIGTERM, then SIGKILL after a grace period. */
export async function stopAll(children, graceMs = 8000) {
  await Promise.all(
    children
      .filter((c) => c && c.exitCode === null && c.signalCode === null)
      .map(
        (c) =>
          new Promise((resolve) => {
            const timer = setTimeout(() => c.kill('SIGKILL'), graceMs);
            c.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            c.kill('SIGTERM');
          }),
      ),
  );
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}
