// `npm run seed:bulk -- --cases 1000000`: a realistic year of cases in a SEPARATE database
// (default hotline_bench), for the analytics benchmark. Generation is set-based SQL
// (INSERT … SELECT over generate_series, in chunks), then the rollups are built with one
// set-based pass (analytics_rebuild()). Prints rows/s and peak RSS.
//
// Realism: seasonality (summer peak, Spring Festival dip, quieter weekends), 9-11 h and
// 14-16 h peaks, Zipf-skewed categories, channel/type/urgency mixes seen in real 12345
// reports, 50-60 % answered at intake, dispatch by the demo catalogue (ownerless categories
// really go unmatched), log-normal reply times, and planted problems: three hotspots and two
// failing bureaus (slow, overdue, dissatisfied).
//
// Options: --cases N (default 1000000)  --db URL (default $BENCH_DATABASE_URL or
// postgres://postgres@127.0.0.1:5432/hotline_bench)  --end YYYY-MM-DD (last day, default
// yesterday)  --chunk N (rows per INSERT, default 100000)  --force (allow a database whose
// name lacks "bench"). Needs the compiled build (npm run build / npm start), or
// HOTLINE_BUILD_DIR pointing at another tsc output of apps/api.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const { values: args } = parseArgs({
  options: {
    cases: { type: 'string', default: '1000000' },
    db: {
      type: 'string',
      default: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hotline_bench',
    },
    end: { type: 'string' },
    chunk: { type: 'string', default: '100000' },
    force: { type: 'boolean', default: false },
  },
});

const total = Number(args.cases);
const chunk = Number(args.chunk);
if (!Number.isInteger(total) || total < 1) throw new Error(`--cases must be a positive integer, got ${args.cases}`);
if (!Number.isInteger(chunk) || chunk < 1) throw new Error(`--chunk must be a positive integer, got ${args.chunk}`);
const dbName = new URL(args.db).pathname.slice(1);
if (!dbName.includes('bench') && !args.force) {
  throw new Error(`refusing to fill "${dbName}" with bulk data: use a database named *bench* or pass --force`);
}
const end = args.end ?? new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(end)) throw new Error(`--end must look like 2026-11-24, got ${end}`);

/** The compiled libraries (path aliases resolved to the same build). */
function loadLibs() {
  const base = process.env.HOTLINE_BUILD_DIR ?? path.join(ROOT, 'dist/apps/api');
  const libs = path.join(base, 'libs');
  const paths = Object.fromEntries(
    ['domain', 'contracts', 'database', 'queue', 'config'].map((n) => [`@hotline/${n}`, [`libs/${n}/src/index.js`]]),
  );
  require('tsconfig-paths').register({ baseUrl: base, paths });
  try {
    return {
      database: require(path.join(libs, 'database/src/index.js')),
      migrations: require(path.join(base, 'prisma-free-migrations/index.js')).MIGRATIONS,
    };
  } catch (e) {
    throw new Error(`No usable build at ${base} (${e.message}); run \`npm run build\` first`);
  }
}

const pg = require('pg');
const log = (...a) => console.log(new Date().toISOString().slice(11, 19), ...a);

// ---- distributions --------------------------------------------------------------------

/** Cumulative lower bounds [0, w1, w1+w2, …] normalised to 1, for width_bucket sampling. */
function cumulative(weights) {
  const sum = weights.reduce((s, w) => s + w, 0);
  const out = [0];
  let acc = 0;
  for (const w of weights.slice(0, -1)) {
    acc += w / sum;
    out.push(Number(acc.toFixed(8)));
  }
  return out;
}
const arr = (xs, type) => `ARRAY[${xs.join(',')}]::${type}[]`;
const textArr = (xs) => `ARRAY[${xs.map((x) => `'${x}'`).join(',')}]::text[]`;

function dayWeights(days) {
  return days.map((d) => {
    const date = new Date(`${d}T00:00:00Z`);
    const doy = (date - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86_400_000;
    let w = 1 + 0.25 * Math.sin((2 * Math.PI * (doy - 100)) / 365); // summer (heat, power, water) peak
    const wd = date.getUTCDay();
    if (wd === 0 || wd === 6) w *= 0.65;
    const md = d.slice(5);
    if (md >= '01-28' && md <= '02-12') w *= 0.6; // Spring Festival (approx.)
    if (md >= '10-01' && md <= '10-07') w *= 0.7; // National Day
    return w;
  });
}

// Hourly shape of a 12345 call centre: quiet nights, peaks 9-11 h and 14-16 h.
const HOUR_WEIGHTS = [
  0.4, 0.25, 0.2, 0.15, 0.15, 0.25, 0.6, 1.5, 3.5, 6, 6.5, 5, 3, 3.5, 5.5, 6, 5.5, 4, 3, 2.8, 2.5, 2, 1.3, 0.8,
];

async function main() {
  const started = Date.now();
  const { database, migrations } = loadLibs();
  if (await database.createDatabaseIfMissing(args.db)) log(`created database ${dbName}`);
  const ds = database.createDataSource(args.db, migrations);
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    if (applied.length) log(`applied ${applied.length} migration(s)`);
    if (await database.seedDemoData(ds)) log('loaded the demo catalogue, city, bureaus, rules and users');
  } finally {
    await ds.destroy();
  }

  const client = new pg.Client({ connectionString: args.db });
  await client.connect();
  await client.query(`SET work_mem = '256MB'`);
  await client.query(`SET maintenance_work_mem = '512MB'`);
  await client.query(`SET synchronous_commit = off`);
  // Generated ids come from the reference tables themselves: skip per-row FK triggers while loading.
  await client.query(`SET session_replication_role = replica`);

  // Reference data
  const { rows: categories } = await client.query(
    `SELECT id, parent_id, level, code FROM categories WHERE active ORDER BY id`,
  );
  const parent = new Map(categories.map((c) => [c.id, c.parent_id]));
  const leaves = categories.filter((c) => !categories.some((x) => x.parent_id === c.id));
  const { rows: streets } = await client.query(`SELECT s.id, s.code, s.district_id FROM streets s ORDER BY s.id`);
  const { rows: districts } = await client.query(`SELECT id FROM districts ORDER BY id`);
  const { rows: bureaus } = await client.query(`SELECT id, code, kind FROM bureaus ORDER BY id`);
  const { rows: rules } = await client.query(
    `SELECT category_id, district_id, lead_bureau_id FROM dispatch_rules WHERE active AND street_id IS NULL AND keyword IS NULL`,
  );
  const bureauId = (code) => bureaus.find((b) => b.code === code)?.id ?? null;

  // Dispatch map (leaf × district → lead bureau, 0 = no rule): the most specific rule wins,
  // district before city-wide, deeper category before shallower — as the catalogue resolves.
  const depth = (id) => {
    let d = 0;
    for (let x = id; x; x = parent.get(x)) d++;
    return d;
  };
  const ancestors = (id) => {
    const out = [];
    for (let x = id; x; x = parent.get(x)) out.push(x);
    return out;
  };
  const bmap = [];
  for (const leaf of leaves) {
    const up = new Set(ancestors(leaf.id));
    for (const d of districts) {
      const best = rules
        .filter((r) => up.has(r.category_id) && (r.district_id === null || r.district_id === d.id))
        .sort(
          (a, b) => (b.district_id !== null) - (a.district_id !== null) || depth(b.category_id) - depth(a.category_id),
        )[0];
      bmap.push(best ? best.lead_bureau_id : 0);
    }
  }
  const districtIndex = new Map(districts.map((d, i) => [d.id, i + 1]));

  // Zipf-skewed categories in a fixed, shuffled order (so skew does not follow ids).
  const order = leaves
    .map((l, i) => ({ l, k: (i * 7919) % leaves.length }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.l);
  const catWeights = order.map((_, rank) => 1 / Math.pow(rank + 1, 0.9));
  const catIds = order.map((l) => l.id);
  const catLeafIndex = order.map((l) => leaves.indexOf(l) + 1);
  const streetWeights = streets.map((s, i) => (s.code.startsWith('QY.') ? 1.6 : 1) * (1 + (i % 5) * 0.15));

  const firstDay = new Date(Date.parse(`${end}T00:00:00Z`) - 364 * 86_400_000).toISOString().slice(0, 10);
  const days = Array.from({ length: 365 }, (_, i) =>
    new Date(Date.parse(`${firstDay}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10),
  );
  const now = new Date(Date.parse(`${end}T18:00:00+08:00`)).toISOString();

  const failing = ['GAS', 'HX-CGJ'].map(bureauId).filter(Boolean);
  const utilities = bureaus.filter((b) => b.kind === 'utility').map((b) => b.id);
  const zwb = bureauId('ZWB') ?? bureaus[0].id;

  // ---- load -----------------------------------------------------------------------------
  log(`bulk load into ${dbName}: ${total.toLocaleString()} cases over ${firstDay} … ${end}`);
  await client.query(`TRUNCATE cases CASCADE`);
  await client.query(`TRUNCATE outbox_events`);
  // Secondary indexes are rebuilt once after the load: far cheaper than 1M index updates.
  const { rows: indexes } = await client.query(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
      WHERE i.tablename = 'cases' AND i.schemaname = current_schema()
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)`,
  );
  for (const ix of indexes) await client.query(`DROP INDEX ${ix.indexname}`);

  const generate = (from, to, plant) => `
    WITH a AS (
      SELECT i, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7,
             random() r8, random() r9, random() r10, random() r11, random() r12, random() r13, random() r14,
             random() r15, random() r16, greatest(random(), 1e-9) u1, random() u2
        FROM generate_series(${from}, ${to}) i
    ), b AS MATERIALIZED (
      SELECT a.*,
        ${
          plant
            ? `'${plant.month}'::date + floor(r1 * 28)::int`
            : `(${arr(
                days.map((d) => `'${d}'`),
                'date',
              )})[width_bucket(r1, ${arr(cumulative(dayWeights(days)), 'float8')})]`
        } AS d,
        width_bucket(r2, ${arr(cumulative(HOUR_WEIGHTS), 'float8')}) - 1 AS hr,
        ${plant ? plant.catIdx : `width_bucket(r3, ${arr(cumulative(catWeights), 'float8')})`} AS ci,
        ${plant ? plant.streetIdx : `width_bucket(r4, ${arr(cumulative(streetWeights), 'float8')})`} AS si,
        (${textArr(['phone', 'web', 'open311', 'api'])})[width_bucket(r5, ARRAY[0, 0.72, 0.9, 0.95]::float8[])] AS channel,
        (${textArr(['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise'])})[width_bucket(r6, ARRAY[0, 0.55, 0.68, 0.86, 0.92, 0.98]::float8[])] AS type,
        (${textArr(['normal', 'urgent', 'critical'])})[width_bucket(r7, ARRAY[0, 0.93, 0.99]::float8[])] AS urgency
      FROM a
    ), c AS MATERIALIZED (
      SELECT b.*,
        ((d + hr * interval '1 hour' + (r8 * 3600) * interval '1 second') AT TIME ZONE 'Asia/Shanghai') AS created,
        (${arr(catIds, 'int')})[ci] AS category_id,
        (${arr(
          streets.map((s) => s.id),
          'int',
        )})[si] AS street_id,
        (${arr(
          streets.map((s) => s.district_id),
          'int',
        )})[si] AS district_id,
        (${arr(bmap, 'int')})[((${arr(catLeafIndex, 'int')})[ci] - 1) * ${districts.length} + (${arr(
          streets.map((s) => districtIndex.get(s.district_id)),
          'int',
        )})[si]] AS rule_bureau,
        CASE WHEN r9 < (CASE type WHEN 'consultation' THEN 0.8 WHEN 'help' THEN 0.35 WHEN 'praise' THEN 0.6 ELSE 0.06 END) THEN 'direct'
             WHEN r9 > 0.985 THEN 'not_accepted' WHEN r9 > 0.98 THEN 'emergency' ELSE 'dispatch' END AS disposition
      FROM b
    ), d AS MATERIALIZED (
      SELECT c.*,
        CASE WHEN disposition <> 'dispatch' THEN NULL WHEN rule_bureau <> 0 THEN rule_bureau WHEN r10 < 0.93 THEN ${zwb} END AS bureau,
        (disposition = 'dispatch' AND rule_bureau = 0) AS unmatched
      FROM c
    ), e AS MATERIALIZED (
      SELECT d.*,
        CASE WHEN bureau = ANY(${arr(failing.length ? failing : [0], 'int')}) THEN 3.2 ELSE 1 END AS slow,
        created + CASE WHEN unmatched THEN (0.5 + r11 * 4) * interval '1 hour' ELSE (1 + r11 * 20) * interval '1 minute' END AS dispatched_at
      FROM d
    ), f AS MATERIALIZED (
      SELECT e.*,
        dispatched_at + CASE WHEN urgency = 'critical' THEN interval '30 minutes' ELSE interval '2 hours' END AS accept_due_at,
        dispatched_at + (-ln(1 - r12) * 0.7 * slow) * interval '1 hour' AS accepted_at,
        dispatched_at + CASE WHEN urgency = 'critical' THEN interval '2 hours'
                             WHEN bureau = ANY(${arr(utilities.length ? utilities : [0], 'int')}) THEN interval '24 hours'
                             ELSE interval '168 hours' END AS reply_due_at,
        dispatched_at + (exp(ln(CASE WHEN urgency = 'critical' THEN 1.2 WHEN bureau = ANY(${arr(utilities.length ? utilities : [0], 'int')}) THEN 9 ELSE 40 END)
                          + 0.85 * sqrt(-2 * ln(u1)) * cos(2 * pi() * u2)) * slow) * interval '1 hour' AS replied_at0
      FROM e
    ), g AS MATERIALIZED (
      SELECT f.*,
        greatest(replied_at0, accepted_at + interval '10 minutes') AS replied_at1,
        greatest(replied_at0, accepted_at + interval '10 minutes') + (12 + r13 * 36) * interval '1 hour' AS followed_at,
        CASE WHEN r14 < (CASE WHEN slow > 1 THEN 0.7 ELSE 0.96 END) THEN true ELSE false END AS contacted,
        CASE WHEN r15 < (CASE WHEN slow > 1 THEN 0.5 ELSE 0.86 END) THEN 'solved'
             WHEN r15 < (CASE WHEN slow > 1 THEN 0.72 ELSE 0.94 END) THEN 'partly' ELSE 'not' END AS solved,
        CASE WHEN r16 < (CASE WHEN slow > 1 THEN 0.45 ELSE 0.8 END) THEN 'satisfied'
             WHEN r16 < (CASE WHEN slow > 1 THEN 0.6 ELSE 0.92 END) THEN 'basically'
             WHEN r16 < (CASE WHEN slow > 1 THEN 0.94 ELSE 0.97 END) THEN 'dissatisfied' ELSE 'no_answer' END AS satisfaction
      FROM f
    ), h AS MATERIALIZED (
      SELECT g.*,
        bureau IS NOT NULL AND accepted_at <= '${now}'::timestamptz AS is_accepted,
        bureau IS NOT NULL AND replied_at1 <= '${now}'::timestamptz AS is_replied,
        bureau IS NOT NULL AND followed_at <= '${now}'::timestamptz AS is_followed
      FROM g
    )
    INSERT INTO cases (tracking_number, channel, type, urgency, status, category_id, district_id, street_id, description,
      lead_bureau_id, unmatched_at_intake, dispatched_at, accept_due_at, accepted_at, reply_due_at, replied_at, closed_at,
      close_reason, direct_answer, follow_up_contacted, follow_up_solved, follow_up_satisfaction, followed_up_at,
      return_count, reopen_count, flag, caller_phone, created_at, updated_at)
    SELECT 'B' || lpad(i::text, 9, '0'), channel, type, urgency,
      CASE WHEN disposition <> 'dispatch' THEN 'closed' WHEN bureau IS NULL THEN 'awaiting_dispatch'
           WHEN NOT is_accepted THEN 'dispatched' WHEN NOT is_replied THEN 'in_progress'
           WHEN NOT is_followed THEN 'awaiting_follow_up' ELSE 'closed' END,
      category_id, district_id, street_id, 'bulk ' || i,
      bureau, unmatched,
      CASE WHEN bureau IS NOT NULL THEN dispatched_at END,
      CASE WHEN bureau IS NOT NULL THEN accept_due_at END,
      CASE WHEN is_accepted THEN accepted_at END,
      CASE WHEN bureau IS NOT NULL THEN reply_due_at END,
      CASE WHEN is_replied THEN replied_at1 END,
      CASE WHEN disposition <> 'dispatch' THEN created + interval '6 minutes' WHEN is_followed THEN followed_at END,
      CASE disposition WHEN 'direct' THEN 'direct_answer' WHEN 'not_accepted' THEN 'not_accepted'
                       WHEN 'emergency' THEN 'emergency_transfer' ELSE CASE WHEN is_followed THEN 'follow_up' END END,
      CASE WHEN disposition = 'direct' THEN '已按知识库答复' END,
      CASE WHEN is_followed THEN contacted END,
      CASE WHEN is_followed THEN solved END,
      CASE WHEN is_followed THEN satisfaction END,
      CASE WHEN is_followed THEN followed_at END,
      CASE WHEN bureau IS NULL THEN 0 WHEN r10 < 0.004 * slow THEN 2 WHEN r10 < 0.04 * slow THEN 1 ELSE 0 END,
      CASE WHEN is_followed AND satisfaction = 'dissatisfied' AND r13 < 0.4 THEN 1 ELSE 0 END,
      CASE WHEN bureau IS NOT NULL AND ((NOT is_replied AND reply_due_at < '${now}'::timestamptz) OR (is_replied AND replied_at1 > reply_due_at))
           THEN 'overdue' ELSE 'none' END,
      '1' || lpad((floor(r16 * 1e10))::bigint::text, 10, '0'),
      created, created
    FROM h`;

  // Planted hotspots: ~0.1 % of the volume each, in one month, at one street.
  const hotspotPlan = [
    ['CM.SR.ZDJY', 'QY.ST'],
    ['CM.SR.LDLF', 'HX.HT'],
    ['GY.GS.TS', streets.find((s) => s.code.startsWith('NS.'))?.code],
  ]
    .map(([cat, street], k) => ({
      catIdx: order.findIndex((l) => l.code === cat) + 1,
      streetIdx: streets.findIndex((s) => s.code === street) + 1,
      month: days[days.length - 1 - 30 * (k + 1)].slice(0, 8) + '01',
      n: Math.max(20, Math.round(total * 0.0004)),
      label: `${cat} @ ${street}`,
    }))
    .filter((p) => p.catIdx > 0 && p.streetIdx > 0);
  const planted = hotspotPlan.reduce((s, p) => s + p.n, 0);
  const background = Math.max(0, total - planted);

  if (process.env.SEED_BULK_DUMP_SQL)
    require('node:fs').writeFileSync(process.env.SEED_BULK_DUMP_SQL, generate(1, chunk, null));
  const loadStarted = Date.now();
  let next = 1;
  while (next <= background) {
    const to = Math.min(background, next + chunk - 1);
    await client.query(generate(next, to, null));
    log(
      `  ${to.toLocaleString()} / ${total.toLocaleString()} (${Math.round(to / ((Date.now() - loadStarted) / 1000)).toLocaleString()} rows/s)`,
    );
    next = to + 1;
  }
  for (const p of hotspotPlan) {
    await client.query(generate(next, next + p.n - 1, p));
    log(`  planted hotspot ${p.label}: ${p.n} cases in ${p.month.slice(0, 7)}`);
    next += p.n;
  }
  const loadSeconds = (Date.now() - loadStarted) / 1000;
  log(
    `inserted ${total.toLocaleString()} cases in ${loadSeconds.toFixed(1)} s = ${Math.round(total / loadSeconds).toLocaleString()} rows/s`,
  );

  await client.query(`SET session_replication_role = origin`);
  const ixStarted = Date.now();
  for (const ix of indexes) await client.query(ix.indexdef);
  await client.query(`SELECT setval('case_tracking_seq', ${next})`);
  await client.query(`ANALYZE cases`);
  log(`rebuilt ${indexes.length} indexes in ${((Date.now() - ixStarted) / 1000).toFixed(1)} s`);

  const rollStarted = Date.now();
  const { rows: rebuilt } = await client.query(`SELECT analytics_rebuild() AS n`);
  // What autovacuum would do on a live database: hint bits, visibility map, statistics.
  await client.query(`VACUUM ANALYZE`);
  const { rows: cubeSizes } = await client.query(
    `SELECT relname AS cube, n_live_tup::bigint AS rows FROM pg_stat_user_tables
      WHERE relname LIKE 'analytics_rollup_%' OR relname = 'analytics_case_facts' ORDER BY relname`,
  );
  log(
    `built rollups from ${Number(rebuilt[0].n).toLocaleString()} cases in ${((Date.now() - rollStarted) / 1000).toFixed(1)} s`,
  );
  for (const c of cubeSizes) log(`  ${c.cube}: ${Number(c.rows).toLocaleString()} rows`);
  // The supervision boards show open cases only; the worker's reconciler gives these their
  // clocks on start (dispatched: accept + reply; in progress: reply). Reported so a demo load
  // with nothing open in its last week is noticed.
  const { rows: recent } = await client.query(
    `SELECT status, count(*)::int AS n FROM cases
      WHERE created_at >= ($1::date - 6) AT TIME ZONE 'Asia/Shanghai' GROUP BY status ORDER BY status`,
    [end],
  );
  const recentTotal = recent.reduce((s, r) => s + r.n, 0);
  const recentOpen = recent.filter((r) => r.status !== 'closed');
  log(
    `last 7 days: ${recentTotal.toLocaleString()} cases, ${recentOpen.reduce((s, r) => s + r.n, 0).toLocaleString()} still open` +
      ` (${recentOpen.map((r) => `${r.status} ${r.n}`).join(', ') || 'none'})`,
  );
  await client.end();

  const rssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  log(
    `done in ${((Date.now() - started) / 1000).toFixed(1)} s; failing bureaus planted: ${['GAS', 'HX-CGJ'].join(', ')}; ` +
      `peak RSS of this process ${rssMb} MB`,
  );
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
