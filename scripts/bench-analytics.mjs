// `npm run bench:analytics`: times every analytics endpoint of a running API over HTTP
// (p50 / p95 of --runs sequential requests after 2 warm-ups) and, as the baseline in the
// same run, the equivalent GROUP BY over the raw `cases` table straight in PostgreSQL (no HTTP,
// no JSON — which flatters the baseline). Run it after `npm run seed:bulk` with the API
// pointed at the same database, e.g.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/hotline_bench API_PORT=3999 node dist/apps/api/apps/api/src/main.js &
//   npm run bench:analytics -- --url http://127.0.0.1:3999 --api-pid $!
// Options: --url (default $API_URL or http://127.0.0.1:3000)  --db (default $BENCH_DATABASE_URL or
// postgres://postgres@127.0.0.1:5432/hotline_bench)  --runs 20  --baseline-runs 5  --api-pid PID
// (report the API's peak RSS)  --json FILE (write the raw figures).
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const pg = require('pg');

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.API_URL ?? 'http://127.0.0.1:3000' },
    db: {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hotline_bench',
    },
    runs: { type: 'string', default: '20' },
    'baseline-runs': { type: 'string', default: '5' },
    'api-pid': { type: 'string' },
    json: { type: 'string' },
    password: { type: 'string', default: process.env.DEMO_PASSWORD ?? 'Hotline#2026' },
  },
});
const RUNS = Number(args.runs);
const BASE_RUNS = Number(args['baseline-runs']);

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
function stats(times) {
  const s = [...times].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), runs: s.length };
}
const addDays = (day, n) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

// The raw-table equivalent of the rollup counters (same definitions as the AnalyticsRollups migration).
const RAW_COUNTERS = `count(*) AS volume,
  count(*) FILTER (WHERE c.dispatched_at IS NOT NULL) AS dispatched,
  count(*) FILTER (WHERE c.close_reason = 'direct_answer') AS direct_answered,
  count(*) FILTER (WHERE c.accepted_at IS NOT NULL) AS accepted,
  count(*) FILTER (WHERE c.accepted_at IS NOT NULL AND (c.accept_due_at IS NULL OR c.accepted_at <= c.accept_due_at)) AS accepted_on_time,
  count(*) FILTER (WHERE c.reply_due_at IS NOT NULL AND (c.replied_at IS NOT NULL OR c.closed_at IS NOT NULL OR c.flag = 'overdue')) AS due,
  count(*) FILTER (WHERE c.reply_due_at IS NOT NULL AND COALESCE(c.replied_at, c.closed_at) <= c.reply_due_at) AS closed_on_time,
  count(*) FILTER (WHERE c.reply_due_at IS NOT NULL AND (c.replied_at IS NOT NULL OR c.closed_at IS NOT NULL OR c.flag = 'overdue')
                     AND NOT COALESCE(COALESCE(c.replied_at, c.closed_at) <= c.reply_due_at, false)) AS overdue,
  count(*) FILTER (WHERE c.followed_up_at IS NOT NULL) AS follow_ups,
  count(*) FILTER (WHERE c.followed_up_at IS NOT NULL AND c.follow_up_contacted) AS contacted,
  count(*) FILTER (WHERE c.follow_up_solved = 'solved') AS solved,
  count(*) FILTER (WHERE c.follow_up_satisfaction IN ('satisfied', 'basically')) AS satisfied,
  count(*) FILTER (WHERE c.follow_up_satisfaction = 'dissatisfied') AS dissatisfied,
  count(*) FILTER (WHERE c.follow_up_satisfaction = 'no_answer') AS no_answer,
  count(*) FILTER (WHERE c.return_count > 0) AS returned,
  count(*) FILTER (WHERE c.return_count >= 2) AS multi_returned,
  count(*) FILTER (WHERE c.reopen_count > 0) AS reopened,
  count(*) FILTER (WHERE c.unmatched_at_intake) AS unmatched,
  percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.replied_at - c.dispatched_at)) AS reply_median,
  percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM c.replied_at - c.dispatched_at)) AS reply_p90`;
const DAY = `(c.created_at AT TIME ZONE 'Asia/Shanghai')::date`;

function raw(group, from, to, where = []) {
  const conditions = [
    `c.created_at >= ('${from}'::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
    `c.created_at < ('${addDays(to, 1)}'::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
    ...where,
  ];
  return `SELECT ${group ? `${group} AS g, ` : ''}${RAW_COUNTERS} FROM cases c WHERE ${conditions.join(' AND ')}${group ? ' GROUP BY 1' : ''}`;
}

async function main() {
  const db = new pg.Client({ connectionString: args.db });
  await db.connect();
  const [{ last }] = (await db.query(`SELECT max(day)::text AS last FROM analytics_rollup_bureau`)).rows;
  const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM cases`)).rows;
  if (!last) throw new Error('The bench database has no rollups: run `npm run seed:bulk` first');
  const ids = Object.fromEntries(
    (
      await db.query(
        `SELECT 'c:' || code AS k, id FROM categories UNION ALL SELECT 'd:' || code, id FROM districts UNION ALL SELECT 'b:' || code, id FROM bureaus`,
      )
    ).rows.map((r) => [r.k, r.id]),
  );
  const yearFrom = addDays(last, -364);
  const monthStart = `${addDays(`${last.slice(0, 8)}01`, -1).slice(0, 8)}01`; // last full month
  const monthEnd = addDays(`${last.slice(0, 8)}01`, -1);
  const prevMonthEnd = addDays(monthStart, -1);
  const prevMonthStart = addDays(prevMonthEnd, -(Date.parse(monthEnd) - Date.parse(monthStart)) / 86_400_000);
  const quarterFrom = addDays(last, -89);
  const Y = `from=${yearFrom}&to=${last}`;
  const M = `from=${monthStart}&to=${monthEnd}`;

  const login = async (username) => {
    const res = await fetch(`${args.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: args.password }),
    });
    if (!res.ok) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
    return (await res.json()).accessToken;
  };
  const tokens = { admin: await login('admin'), handler: await login('h.cgj') };

  const cgj = ids['b:CGJ'];
  const cases = [
    ['overview by bureau (year)', `overview?${Y}&groupBy=bureau`, [raw('c.lead_bureau_id', yearFrom, last)]],
    [
      'overview by top category (year)',
      `overview?${Y}&groupBy=category&categoryLevel=1`,
      [raw('c.category_id', yearFrom, last)],
    ],
    ['overview by district (year)', `overview?${Y}&groupBy=district`, [raw('c.district_id', yearFrom, last)]],
    ['overview by street (year)', `overview?${Y}&groupBy=street`, [raw('c.street_id', yearFrom, last)]],
    [
      'overview by channel, complaints (year)',
      `overview?${Y}&groupBy=channel&type=complaint`,
      [raw('c.channel', yearFrom, last, [`c.type = 'complaint'`])],
    ],
    [
      'overview by type, category subtree + district (year)',
      `overview?${Y}&groupBy=type&categoryId=${ids['c:CM']}&districtId=${ids['d:QY']}`,
      [
        raw('c.type', yearFrom, last, [
          `c.category_id IN (SELECT id FROM categories WHERE code LIKE 'CM.%')`,
          `c.district_id = ${ids['d:QY']}`,
        ]),
      ],
    ],
    [
      'overview by bureau per month (year)',
      `overview?${Y}&groupBy=bureau&interval=month`,
      [raw(`date_trunc('month', ${DAY})::text || '/' || c.lead_bureau_id`, yearFrom, last)],
    ],
    [
      'overview as a handler (own bureau, by category, year)',
      `overview?${Y}&groupBy=category`,
      [raw('c.category_id', yearFrom, last, [`c.lead_bureau_id = ${cgj}`])],
      'handler',
    ],
    [
      'overview CSV by leaf category (year)',
      `overview?${Y}&groupBy=category&format=csv`,
      [raw('c.category_id', yearFrom, last)],
    ],
    [
      'trends monthly (year)',
      `trends?${Y}&interval=month`,
      [raw(`date_trunc('month', ${DAY})`, yearFrom, last), raw(null, addDays(yearFrom, -365), addDays(yearFrom, -1))],
    ],
    [
      'trends daily (quarter)',
      `trends?from=${quarterFrom}&to=${last}&interval=day`,
      [raw(DAY, quarterFrom, last), raw(null, addDays(quarterFrom, -90), addDays(quarterFrom, -1))],
    ],
    ['rankings (month)', `rankings?month=${monthStart.slice(0, 7)}`, [raw('c.lead_bureau_id', monthStart, monthEnd)]],
    [
      'service gaps (month)',
      `service-gaps?${M}`,
      [
        raw('c.category_id', monthStart, monthEnd),
        raw('c.category_id', prevMonthStart, prevMonthEnd),
        raw(`c.category_id || '/' || c.street_id`, monthStart, monthEnd),
        raw('c.lead_bureau_id', monthStart, monthEnd),
        raw('c.lead_bureau_id', prevMonthStart, prevMonthEnd),
        raw(`c.category_id || '/' || c.lead_bureau_id`, monthStart, monthEnd),
      ],
    ],
  ];

  const timeHttp = async (path, who) => {
    const t0 = performance.now();
    const res = await fetch(`${args.url}/api/analytics/${path}`, {
      headers: { authorization: `Bearer ${tokens[who]}` },
    });
    const body = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${body.slice(0, 300)}`);
    return performance.now() - t0;
  };
  const timeSql = async (sqls) => {
    const t0 = performance.now();
    for (const sql of sqls) await db.query(sql);
    return performance.now() - t0;
  };

  console.log(
    `analytics benchmark: ${n.toLocaleString()} cases, year ${yearFrom} … ${last}, month ${monthStart.slice(0, 7)}`,
  );
  // Peak RSS of the PostgreSQL backends serving this database (the API's pool and this driver),
  // sampled after each endpoint's HTTP runs, before idle pool connections close. Their RSS
  // counts the shared buffers they touched, so it overstates their private memory.
  const backendRss = new Map();
  const sampleBackends = async () => {
    const { rows } = await db.query(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend'`,
    );
    for (const { pid } of rows) {
      try {
        const mb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
        backendRss.set(pid, Math.max(backendRss.get(pid) ?? 0, mb));
      } catch {
        // another host, or the backend has just exited
      }
    }
  };
  const results = [];
  // The machine is shared: record how busy it was (1-min load average before and after every endpoint).
  const loads = [os.loadavg()[0]];
  for (const [name, path, sqls, who = 'admin'] of cases) {
    for (let i = 0; i < 2; i++) await timeHttp(path, who);
    const api = [];
    for (let i = 0; i < RUNS; i++) api.push(await timeHttp(path, who));
    await sampleBackends();
    await timeSql(sqls);
    const base = [];
    for (let i = 0; i < BASE_RUNS; i++) base.push(await timeSql(sqls));
    const r = { name, path, api: stats(api), baseline: stats(base) };
    r.speedup = r.baseline.p50 / r.api.p50;
    results.push(r);
    loads.push(os.loadavg()[0]);
    console.log(
      `${name.padEnd(56)} p50 ${r.api.p50.toFixed(1).padStart(7)} ms  p95 ${r.api.p95.toFixed(1).padStart(7)} ms | raw GROUP BY p50 ${r.baseline.p50.toFixed(0).padStart(6)} ms p95 ${r.baseline.p95.toFixed(0).padStart(6)} ms | ×${r.speedup.toFixed(0)}`,
    );
  }
  await db.end();

  const apiRss = args['api-pid']
    ? Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${args['api-pid']}/status`, 'utf8'))?.[1] ?? 0) / 1024
    : null;
  const meta = {
    date: new Date().toISOString(),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}, Node ${process.version}`,
    cases: n,
    peakRssMb: {
      bench: Math.round(process.resourceUsage().maxRSS / 1024),
      api: apiRss === null ? null : Math.round(apiRss),
      postgresBackends: backendRss.size
        ? { count: backendRss.size, max: Math.round(Math.max(...backendRss.values())) }
        : null,
    },
    runs: RUNS,
    baselineRuns: BASE_RUNS,
    loadAverage1m: {
      min: Math.min(...loads),
      max: Math.max(...loads),
      mean: Math.round((loads.reduce((a, b) => a + b, 0) / loads.length) * 100) / 100,
    },
  };
  console.log('\n| endpoint | API p50 (ms) | API p95 (ms) | raw GROUP BY p50 (ms) | raw p95 (ms) | speed-up (p50) |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.api.p50.toFixed(1)} | ${r.api.p95.toFixed(1)} | ${r.baseline.p50.toFixed(0)} | ${r.baseline.p95.toFixed(0)} | ${r.speedup.toFixed(0)}× |`,
    );
  }
  console.log(`\n${JSON.stringify(meta)}`);
  const worst = Math.max(...results.map((r) => r.api.p95));
  const slowest = Math.min(...results.map((r) => r.speedup));
  console.log(
    `worst p95 ${worst.toFixed(1)} ms (target ≤ 200); smallest speed-up ×${slowest.toFixed(0)} (target ≥ 20)`,
  );
  if (args.json) writeFileSync(args.json, JSON.stringify({ meta, results }, null, 2));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
