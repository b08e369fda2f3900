// `npm run bench:intake`: how many cases per second the real API registers.
//
// 1. migrates and seeds a throw-away database (hotline_bench_<time>) from the compiled build,
// 2. starts the compiled API on it as a separate process and signs in agent01,
// 3. drives POST /api/cases with autocannon (50 connections, 30 s by default),
// 4. measures a bare Fastify route in another process on the same machine as the baseline,
// 5. prints cases/s, p50, p99, errors, the ratio to the baseline and each process's peak RSS,
//    checks that every 2xx answer left exactly one case in the database, then drops it.
//
// Needs a build (`npm run build`, or set BENCH_API_DIST to another `dist/apps/api`), plus
// PostgreSQL and Redis as for `npm start`. A benchmark, not a test: run it on a quiet machine.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.resolve(process.env.BENCH_API_DIST ?? path.join(ROOT, 'dist/apps/api'));
const API_MAIN = path.join(DIST, 'apps/api/src/main.js');
const DURATION = Number(process.env.BENCH_DURATION ?? 30);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const API_PORT = Number(process.env.BENCH_API_PORT ?? 3190);
const BASE_PORT = API_PORT + 1;
const TARGET = { rps: 500, p99: 100 };

if (!existsSync(API_MAIN)) {
  console.error(`No API build at ${API_MAIN}.\nRun \`npm run build\` first (or set BENCH_API_DIST).`);
  process.exit(1);
}

const libs = {
  config: require(path.join(DIST, 'libs/config/src/index.js')),
  database: require(path.join(DIST, 'libs/database/src/index.js')),
  migrations: require(path.join(DIST, 'prisma-free-migrations/index.js')).MIGRATIONS,
};
const baseEnv = libs.config.env();
const dbUrl = new URL(baseEnv.DATABASE_URL);
dbUrl.pathname = `/hotline_bench_${Date.now().toString(36)}`;
const DATABASE_URL = dbUrl.toString();

const log = (...a) => console.log('[bench]', ...a);
const children = [];

function start(name, args, env) {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stderr.on('data', (d) => process.stderr.write(`[${name}] ${d}`));
  child.stdout.on('data', (d) => {
    if (process.env.BENCH_VERBOSE) process.stdout.write(`[${name}] ${d}`);
  });
  children.push(child);
  return child;
}

async function waitFor(url, ms = 30_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${ms} ms`);
}

/** Peak resident set size of a live process (VmHWM), in MiB. */
function peakRssMiB(pid) {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}

const TICK_S = 0.01; // USER_HZ is 100 on Linux
/** CPU seconds (user + system) a process has used so far; 0 once it is gone. */
function cpuSeconds(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_S;
  } catch {
    return 0;
  }
}

/** Busy CPU seconds of the whole machine so far (all cores, every process: ours and others'). */
function machineBusySeconds() {
  const [, ...t] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = t[3] + t[4];
  return (t.reduce((a, b) => a + b, 0) - idle) * TICK_S;
}

const loadavg = () => os.loadavg()[0].toFixed(1);

function drive(opts) {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ connections: CONNECTIONS, duration: DURATION, ...opts }, (err, res) =>
      err ? reject(err) : resolve(res),
    );
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

const summary = (r) => ({
  rps: r.requests.average,
  ok: r['2xx'],
  p50: r.latency.p50,
  p99: r.latency.p99,
  errors: r.errors + r.timeouts + r.non2xx,
});

async function main() {
  log(
    `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`,
  );
  log(`preparing ${libs.database.databaseName(DATABASE_URL)} (migrate + seed catalogue, users)`);
  await libs.database.createDatabaseIfMissing(DATABASE_URL);
  const ds = libs.database.createDataSource(DATABASE_URL, libs.migrations);
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await libs.database.seedDemoData(ds);

  // BENCH_API_NODE_ARGS="--cpu-prof" profiles the API under load.
  const nodeArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const api = start('api', [...nodeArgs, API_MAIN], {
    DATABASE_URL,
    API_PORT: String(API_PORT),
    API_HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    REDIS_PREFIX: `hlbench:${Date.now().toString(36)}`,
    NODE_ENV: 'production',
    // Production mode (as deployed) refuses the development secret: use a fresh one.
    JWT_SECRET: randomBytes(32).toString('hex'),
  });
  await waitFor(`http://127.0.0.1:${API_PORT}/api/health`);
  const login = await fetch(`http://127.0.0.1:${API_PORT}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'agent01', password: 'Hotline#2026' }),
  });
  if (!login.ok) throw new Error(`login failed: ${login.status} ${await login.text()}`);
  const { accessToken } = await login.json();
  const [{ id: categoryId }] = await ds.query(`SELECT id FROM categories WHERE code = 'CM.HW.LJQY'`);
  const [{ id: streetId }] = await ds.query(`SELECT id FROM streets WHERE code = 'QY.WM'`);
  const body = JSON.stringify({
    type: 'complaint',
    urgency: 'normal',
    categoryId,
    streetId,
    description: '小区门口垃圾桶满了三天没人清运，气味很大',
    caller: { name: '王小明', phone: '13800001111' },
  });
  const intakeRequest = {
    url: `http://127.0.0.1:${API_PORT}/api/cases`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
    body,
  };

  log('warm-up 5 s');
  await drive({ ...intakeRequest, duration: 5 });
  await new Promise((r) => setTimeout(r, 1000)); // let the warm-up's last requests finish
  const [{ n: before }] = await ds.query(`SELECT count(*)::int AS n FROM cases`);
  // The API's PostgreSQL backends (the bench's own pool is idle while autocannon runs).
  const backendPids = async () =>
    (
      await ds.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)
    ).map((r) => r.pid);
  const pgPids = await backendPids();
  const cpu0 = {
    api: cpuSeconds(api.pid),
    pg: pgPids.reduce((a, pid) => a + cpuSeconds(pid), 0),
    bench: process.cpuUsage(),
    machine: machineBusySeconds(),
    at: Date.now(),
  };
  const loadBefore = loadavg();
  log(`POST /api/cases: ${CONNECTIONS} connections, ${DURATION} s (load average ${loadBefore})`);
  const intake = summary(await drive(intakeRequest));
  const wall = (Date.now() - cpu0.at) / 1000;
  const benchCpu = process.cpuUsage(cpu0.bench);
  const pgPidsAfter = [...new Set([...pgPids, ...(await backendPids())])];
  const cpu = {
    api: cpuSeconds(api.pid) - cpu0.api,
    pg: pgPidsAfter.reduce((a, pid) => a + cpuSeconds(pid), 0) - cpu0.pg,
    bench: (benchCpu.user + benchCpu.system) / 1e6,
    machine: machineBusySeconds() - cpu0.machine,
  };
  const loadAfter = loadavg();
  // VmHWM of a backend counts the shared buffers it touched, so it overstates private memory.
  const pgRss = pgPidsAfter.map((pid) => {
    try {
      return peakRssMiB(pid);
    } catch {
      return NaN;
    }
  });
  await new Promise((r) => setTimeout(r, 1000));
  const [{ n: after }] = await ds.query(`SELECT count(*)::int AS n FROM cases`);
  const apiRss = peakRssMiB(api.pid);
  api.kill('SIGINT');
  await new Promise((r) => api.once('exit', r));

  // Baseline: the same JSON body through a bare Fastify route, same machine, same load.
  const baseline = start('baseline', [
    '-e',
    `const f = require('fastify')();
     f.post('/echo', async (req) => ({ ok: true, n: req.body.description.length }));
     f.listen({ port: ${BASE_PORT}, host: '127.0.0.1' });`,
  ]);
  await new Promise((r) => setTimeout(r, 500));
  await fetch(`http://127.0.0.1:${BASE_PORT}/echo`, { method: 'POST', headers: intakeRequest.headers, body }).catch(
    () => undefined,
  );
  log(`bare Fastify POST /echo: ${CONNECTIONS} connections, ${DURATION} s`);
  const bare = summary(await drive({ ...intakeRequest, url: `http://127.0.0.1:${BASE_PORT}/echo` }));
  const baseRss = peakRssMiB(baseline.pid);
  baseline.kill('SIGTERM');

  const created = after - before;
  const perCase = (sec) => ((sec / Math.max(intake.ok, 1)) * 1000).toFixed(2);
  const others = Math.max(0, cpu.machine - cpu.api - cpu.pg - cpu.bench);
  // autocannon stops counting when the time is up; the requests still in flight (at most one
  // per connection) complete on the server, so a few more cases than 2xx answers is expected.
  const consistent = created >= intake.ok && created - intake.ok <= CONNECTIONS;
  const pass = intake.rps >= TARGET.rps && intake.p99 <= TARGET.p99 && intake.errors === 0 && consistent;
  console.log(`
intake  POST /api/cases   ${intake.rps.toFixed(0)} cases/s   p50 ${intake.p50} ms   p99 ${intake.p99} ms   errors ${intake.errors}   (2xx ${intake.ok}, cases written ${created}${consistent ? '' : ' — MISMATCH'})
bare    Fastify /echo     ${bare.rps.toFixed(0)} req/s     p50 ${bare.p50} ms   p99 ${bare.p99} ms   errors ${bare.errors}
ratio   intake / bare     ${((intake.rps / bare.rps) * 100).toFixed(1)} %
peak RSS                  api ${apiRss} MiB   baseline ${baseRss} MiB   bench (autocannon) ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB   PostgreSQL backends ${pgRss.length} × max ${Math.max(...pgRss.filter(Number.isFinite))} MiB (VmHWM, incl. shared buffers touched)
CPU during intake run     ${wall.toFixed(0)} s wall, 2 cores = ${(wall * os.cpus().length).toFixed(0)} CPU-s: api ${cpu.api.toFixed(1)} s (${perCase(cpu.api)} ms/case)   PostgreSQL backends ${cpu.pg.toFixed(1)} s (${perCase(cpu.pg)} ms/case)   autocannon ${cpu.bench.toFixed(1)} s   everything else on the machine ${others.toFixed(1)} s
load average              ${loadBefore} at start of the intake run, ${loadAfter} at its end (1-minute)
target                    >= ${TARGET.rps} cases/s, p99 <= ${TARGET.p99} ms, 0 errors: ${pass ? 'MET' : 'NOT MET'}
`);
  await ds.destroy();
}

async function cleanup() {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  if (process.env.BENCH_KEEP_DB) return;
  await new Promise((r) => setTimeout(r, 500));
  const pg = require('pg');
  const admin = new URL(DATABASE_URL);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${libs.database.databaseName(DATABASE_URL)}" WITH (FORCE)`);
  await client.end();
}

main()
  .then(cleanup)
  .catch(async (e) => {
    console.error('[bench] failed:', e);
    await cleanup().catch(() => undefined);
    process.exit(1);
  });
