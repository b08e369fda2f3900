import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { concreteUrl, routeTable, type RouteEntry } from '../support/route-table';
import { createTestApp, http, tokenFor } from '../support/test-app';

// A bounded, seeded fuzz of every route, anonymous and signed in: hostile strings, dates,
// numbers, shapes, nesting and content types. No request may get a 5xx, and the database
// must stay consistent. Reproduce a failure with FUZZ_SEED=<the printed seed>.

const SEED = Number(process.env['FUZZ_SEED'] ?? 20261202);
const REQUESTS_PER_IDENTITY = Number(process.env['FUZZ_REQUESTS'] ?? 1500);
/** Per identity; the whole file stays under a minute on a 2-core machine. */
const TIME_BUDGET_MS = 20_000;
const IN_FLIGHT = 6;

/** mulberry32: a small PRNG whose whole state is the seed. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof prng>;

const HOSTILE_STRINGS = [
  '',
  ' ',
  'a',
  'ab\u0000cd',
  '\u0000',
  'bell\u0007',
  'esc\u001b[31m',
  'vt\u000b ff\u000c',
  '\ud800',
  '\uffff',
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-02-30',
  '2026-13',
  '2026-11-25T08:00:00+08:00',
  '2026-10-01',
  '2026-10',
  "' OR 1=1 --",
  '%',
  '%00',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'toString',
  '-1',
  '0',
  '1e309',
  '99999999999999999999',
  'NaN',
  'true',
  'null',
  '[]',
  '{}',
  'x'.repeat(5000),
  '停水了',
  '😀',
  '00000000-0000-4000-8000-000000000000',
  'CM.SR.ZDJY',
  'QY.ST',
  'json',
  'xml',
];
const FIELD_NAMES = [
  'type',
  'urgency',
  'categoryId',
  'districtId',
  'streetId',
  'address',
  'lat',
  'lng',
  'description',
  'attributes',
  'caller',
  'disposition',
  'directAnswer',
  'version',
  'note',
  'reason',
  'publicReply',
  'bureauId',
  'password',
  'username',
  'role',
  'displayName',
  'name',
  'kind',
  'dueAt',
  'newDueAt',
  'from',
  'to',
  'month',
  'q',
  'status',
  'limit',
  'cursor',
  'createdFrom',
  'createdTo',
  'format',
  'groupBy',
  'interval',
  'service_code',
  'start_date',
  'end_date',
  'service_request_id',
  'api_key',
  'code',
  'workingPeriods',
  'escalationWorkingDays',
  'acceptLimit',
  'replyLimit',
  '__proto__',
  'constructor',
  'attribute[constructor]',
  'attribute[toString]',
];

/** The inputs that broke the API before (issue "Security hardening"), drawn more often. */
const NASTY_STRINGS = [
  'ab\u0000cd',
  '\u0000',
  'ctl\u0001\u0002',
  'esc\u001b[31m',
  'lone \ud800',
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '0000-01',
  '9999-12-31T23:59:59Z',
  '__proto__',
  'constructor',
  'toString',
];

function scalar(rng: Rng): unknown {
  if (rng.chance(0.4)) return rng.pick(NASTY_STRINGS);
  switch (rng.int(8)) {
    case 0:
      return rng.pick([0, -1, 1, 2, 3.5, 1e308, -1e308, 2 ** 53, Number.MAX_SAFE_INTEGER]);
    case 1:
      return rng.pick([true, false, null]);
    case 2:
      return rng.int(1000);
    default:
      return rng.pick(HOSTILE_STRINGS);
  }
}

function value(rng: Rng, depth: number): unknown {
  if (depth > 3 || rng.chance(0.6)) return scalar(rng);
  if (rng.chance(0.3)) return Array.from({ length: rng.int(4) }, () => value(rng, depth + 1));
  const out: Record<string, unknown> = {};
  for (let i = rng.int(5); i > 0; i--) out[rng.pick(FIELD_NAMES)] = value(rng, depth + 1);
  return out;
}

/** JSON text for a body: usually an object of known field names, sometimes hostile shapes. */
function jsonBody(rng: Rng): string {
  switch (rng.int(10)) {
    case 0:
      return `${'['.repeat(3000)}${']'.repeat(3000)}`;
    case 1:
      return `{"attributes":${'{"a":'.repeat(2000)}1${'}'.repeat(2000)}}`;
    case 2:
      return '{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}}}';
    case 3:
      return rng.pick(['', 'null', '"text"', '42', '[', '{"a":', '\u0000']);
    default:
      return JSON.stringify(value(rng, 0) ?? {});
  }
}

/** Percent-encoded text that no encoder would produce: invalid UTF-8, NUL, broken escapes. */
const RAW_ENCODED = ['%FF', '%00', '%ED%A0%80', '%', '%zz', '%C0%AF'];

/** encodeURIComponent, but a lone surrogate becomes the (invalid) UTF-8 bytes it would be. */
function enc(s: string): string {
  return s
    .split(/([\uD800-\uDFFF])/)
    .map((part) => (/^[\uD800-\uDFFF]$/.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
    .join('');
}

/**
 * Valid queries of the routes that read free text and dates, so part of the fuzz passes the
 * strict schemas and reaches the database with one hostile value.
 */
const QUERY_TEMPLATES: Record<string, Record<string, string>> = {
  '/api/cases': { q: '垃圾桶', createdFrom: '2026-01-01T00:00:00Z', createdTo: '2026-12-31T00:00:00Z' },
  '/api/cases/similar': { q: '垃圾桶满了' },
  '/api/categories/search': { q: '垃圾' },
  '/api/analytics/overview': { from: '2026-01-01', to: '2026-06-30', groupBy: 'bureau' },
  '/api/analytics/trends': { from: '2026-01-01', to: '2026-06-30', interval: 'month' },
  '/api/analytics/rankings': { month: '2026-10' },
  '/api/analytics/service-gaps': { from: '2026-01-01', to: '2026-06-30' },
  '/api/calendar': { from: '2026-01-01', to: '2026-12-31' },
  '/api/admin/audit': { action: 'case.intake', targetId: 'x', from: '2026-01-01T00:00:00Z' },
  '/open311/v2/requests.:format': {
    service_code: 'CM.SR.ZDJY',
    start_date: '2026-11-01T00:00:00+08:00',
    end_date: '2026-11-30T00:00:00+08:00',
  },
};

function templatedQuery(rng: Rng, path: string): string | null {
  const template = QUERY_TEMPLATES[path];
  if (!template || rng.chance(0.3)) return null;
  const params = { ...template };
  if (rng.chance(0.8)) params[rng.pick(Object.keys(params))] = String(scalar(rng));
  return `?${Object.entries(params)
    .map(([k, v]) => `${k}=${enc(v)}`)
    .join('&')}`;
}

function queryString(rng: Rng): string {
  if (rng.chance(0.4)) return '';
  const params: string[] = [];
  for (let i = rng.int(4); i > 0; i--) {
    const v = rng.chance(0.1) ? rng.pick(RAW_ENCODED) : enc(String(scalar(rng)));
    params.push(`${enc(rng.pick(FIELD_NAMES))}=${v}`);
  }
  return params.length ? `?${params.join('&')}` : '';
}

/** Path parameters: the harmless probe, a real case, or something hostile. */
function fillPath(rng: Rng, route: RouteEntry, realCaseId: string, realTracking: string): string {
  const probe = concreteUrl(route.path);
  if (rng.chance(0.3)) return probe;
  return route.path
    .replace(/:format\b/g, () => rng.pick(['json', 'xml', 'csv', 'x']))
    .replace(/\*\w*/g, 'probe')
    .replace(/:(\w+)/g, () =>
      enc(
        rng.pick([
          realCaseId,
          realTracking,
          randomUUID(),
          `${realTracking}.json`,
          `${realTracking}.xml`,
          ...HOSTILE_STRINGS.slice(0, 30),
        ]) || 'x',
      ),
    );
}

const CONTENT_TYPES = [
  'application/json',
  'application/json',
  'application/json',
  'application/x-www-form-urlencoded',
  'text/plain',
  'multipart/form-data; boundary=x',
];

/**
 * Valid bodies for the intake routes, so part of the fuzz gets past validation and writes
 * cases (one field replaced by something hostile half of the time).
 */
function intakeTemplate(rng: Rng, path: string, categoryId: number): string | null {
  const base: Record<string, unknown> = {
    type: rng.pick(['complaint', 'consultation', 'help', 'report']),
    categoryId,
    description: `模糊测试 ${rng.int(1e6)}`,
    caller: { phone: '13912345678', name: '测试' },
    ...(path === '/api/cases' ? { disposition: rng.pick(['dispatch', 'direct_answer', 'not_accepted']) } : {}),
    ...(path === '/api/cases' ? { directAnswer: '已答复' } : {}),
  };
  if (path !== '/api/public/cases' && path !== '/api/cases') return null;
  if (rng.chance(0.5)) base[rng.pick(['description', 'address'])] = scalar(rng);
  else if (rng.chance(0.7)) base[rng.pick(Object.keys(base))] = value(rng, 0);
  if (rng.chance(0.3)) base['attributes'] = value(rng, 0);
  return JSON.stringify(base);
}

/** Routes the fuzz leaves alone: signing out would end the fuzzing session itself. */
const SKIP = /\/auth\/logout$/;

describe(`Fuzz: every route, anonymous and signed in (seed ${SEED})`, () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let realCaseId: string;
  let realTracking: string;
  let startedAt: Date;
  let categoryId: number;

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    console.log(`[fuzz] seed ${SEED} (reproduce with FUZZ_SEED=${SEED})`);
    [{ id: categoryId }] = await ds.query(`SELECT id FROM categories WHERE code = 'CM.HW.LJQY'`);
    startedAt = (await ds.query(`SELECT now() AS now`))[0].now;
    const res = await http(app)
      .post('/api/public/cases')
      .send({ type: 'complaint', categoryId, description: '模糊测试的起点', caller: { phone: '13912345678' } })
      .expect(201);
    realTracking = res.body.trackingNumber;
    [{ id: realCaseId }] = await ds.query(`SELECT id FROM cases WHERE tracking_number = $1`, [realTracking]);
  });
  afterAll(async () => {
    await app.close();
  });

  async function fuzz(identity: string, token: string | null, seed: number) {
    const rng = prng(seed);
    const routes = routeTable(app).filter((r) => !SKIP.test(r.path));
    const failures: string[] = [];
    const deadline = Date.now() + TIME_BUDGET_MS;
    let sent = 0;
    const templated = routes.filter((r) => r.method === 'GET' && QUERY_TEMPLATES[r.path]);
    const intakeRoutes = routes.filter((r) => r.method === 'POST' && /^\/api\/(public\/)?cases$/.test(r.path));
    const one = async () => {
      // Intake is the hottest anonymous write: give it a larger share than one route in ninety.
      const route = rng.chance(0.15)
        ? rng.pick(intakeRoutes)
        : rng.chance(0.15)
          ? rng.pick(templated)
          : rng.pick(routes);
      const method = route.method === 'ALL' ? rng.pick(['GET', 'POST']) : route.method;
      const url =
        fillPath(rng, route, realCaseId, realTracking) + (templatedQuery(rng, route.path) ?? queryString(rng));
      let req = http(app)[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url);
      if (token) req = req.set('Authorization', `Bearer ${token}`);
      let body: string | undefined;
      if (method !== 'GET' && method !== 'HEAD' && rng.chance(0.9)) {
        const type = route.path.startsWith('/open311') ? 'application/x-www-form-urlencoded' : rng.pick(CONTENT_TYPES);
        const template =
          route.method === 'POST' && rng.chance(0.8) ? intakeTemplate(rng, route.path, categoryId) : null;
        body = template
          ? template
          : type.startsWith('application/x-www-form-urlencoded')
            ? queryString(rng).slice(1) + (rng.chance(0.5) ? `&attribute[${rng.pick(HOSTILE_STRINGS)}]=x` : '')
            : jsonBody(rng);
        req = req.set('Content-Type', template ? 'application/json' : type).send(body);
      }
      const res = await req;
      sent++;
      if (res.status >= 500) {
        failures.push(
          `${identity} ${method} ${url} ${body?.slice(0, 200) ?? ''} → ${res.status} ${res.text.slice(0, 200)}`,
        );
      }
    };
    const worker = async () => {
      while (sent < REQUESTS_PER_IDENTITY && Date.now() < deadline) await one();
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    return { sent, failures };
  }

  it('gives no 5xx to an anonymous client', async () => {
    const { sent, failures } = await fuzz('anonymous', null, SEED);
    console.log(`[fuzz] anonymous: ${sent} requests`);
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(300);
  }, 90_000);

  it('gives no 5xx to a signed-in supervisor', async () => {
    const { sent, failures } = await fuzz('supervisor', await tokenFor(app, 'sup02'), SEED + 1);
    console.log(`[fuzz] supervisor: ${sent} requests`);
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(300);
  }, 90_000);

  it('leaves the database consistent: intake event, outbox and audit rows; no clocks on closed cases', async () => {
    const since = [startedAt];
    const withoutIntake = await ds.query(
      `SELECT c.id FROM cases c WHERE c.created_at >= $1
         AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.action = 'intake')`,
      since,
    );
    const withoutOutbox = await ds.query(
      `SELECT c.id FROM cases c WHERE c.created_at >= $1
         AND NOT EXISTS (SELECT 1 FROM outbox_events o WHERE o.aggregate_id = c.id::text)`,
      since,
    );
    const withoutAudit = await ds.query(
      `SELECT c.id FROM cases c WHERE c.created_at >= $1
         AND NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.target_type = 'case' AND a.target_id = c.id::text
                           AND a.action = 'case.intake')`,
      since,
    );
    const clocksOnClosed = await ds.query(
      `SELECT d.id FROM case_deadlines d JOIN cases c ON c.id = d.case_id
        WHERE c.status = 'closed' AND d.status = 'pending' AND c.updated_at >= $1`,
      since,
    );
    const created = await ds.query(`SELECT count(*)::int AS n FROM cases WHERE created_at >= $1`, since);
    console.log(`[fuzz] cases created during the fuzz: ${created[0].n}`);
    expect({ withoutIntake, withoutOutbox, withoutAudit, clocksOnClosed }).toEqual({
      withoutIntake: [],
      withoutOutbox: [],
      withoutAudit: [],
      clocksOnClosed: [],
    });
  });
});
