import { resetEnvCache, env } from '@hotline/config';
import { ERROR_CODES, isErrorCode } from '@hotline/contracts';
import { UserEntity, type StaffRole } from '@hotline/database';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { TokenService } from '../../apps/api/src/auth/token.service';
import { SessionsRepository } from '../../apps/api/src/auth/sessions.repository';
import { catalogueIds } from '../support/catalogue-fixtures';
import { concreteUrl, routeTable, type RouteEntry } from '../support/route-table';
import { createTestApp, http, tokenFor } from '../support/test-app';

/**
 * Every refusal names a stable `code` from the catalogue (libs/contracts ERROR_CODES) beside
 * its English message, so the web can say it in the reader's language (issue 12).
 */
const ROLE_USERS: Record<StaffRole, string> = {
  agent: 'agent01',
  handler: 'h.cgj',
  supervisor: 'sup01',
  admin: 'admin',
};

describe('API error codes', () => {
  let app: NestFastifyApplication;
  const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  async function phoneCase(agent: string) {
    const ids = await catalogueIds(app, agent);
    const res = await http(app)
      .post('/api/cases')
      .set(bearer(agent))
      .send({
        type: 'complaint',
        categoryId: ids.category('CM.SR.ZDJY'),
        description: `路口有流动摊贩占道 ${randomUUID().slice(0, 8)}`,
        caller: { name: '李四', phone: '13812340000' },
      })
      .expect(201);
    return res.body.case as { id: string; version: number; status: string };
  }

  it('names wrong credentials auth.invalid_credentials', async () => {
    const res = await http(app).post('/api/auth/login').send({ username: 'agent01', password: 'not-the-password' });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ statusCode: 401, code: 'auth.invalid_credentials', message: expect.any(String) });
  });

  it('names a stale version case.version_conflict and a step the case cannot take case.invalid_transition', async () => {
    const agent = await tokenFor(app, 'agent01');
    const handler = await tokenFor(app, 'h.cgj');
    const c = await phoneCase(agent);
    expect(c.status).toBe('dispatched');

    const stale = await http(app)
      .post(`/api/cases/${c.id}/accept`)
      .set(bearer(handler))
      .send({ version: c.version + 5 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('case.version_conflict');

    // Replying before accepting: the case is still 'dispatched'.
    const early = await http(app)
      .post(`/api/cases/${c.id}/reply`)
      .set(bearer(handler))
      .send({ version: c.version, publicReply: '已安排城管到场处理' });
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({
      code: 'case.invalid_transition',
      params: { status: 'dispatched', action: 'reply', role: 'handler' },
    });
  });

  it('names an extension to a time before the current deadline extension.due_before_deadline, with that deadline', async () => {
    const agent = await tokenFor(app, 'agent01');
    const handler = await tokenFor(app, 'h.cgj');
    const c = await phoneCase(agent);
    await http(app).post(`/api/cases/${c.id}/accept`).set(bearer(handler)).send({ version: c.version }).expect(200);
    const res = await http(app)
      .post(`/api/cases/${c.id}/extensions`)
      .set(bearer(handler))
      .send({ kind: 'reply', reason: '需要协调多个部门', newDueAt: new Date(Date.now() + 60_000).toISOString() });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('extension.due_before_deadline');
    expect(Date.parse(String(res.body.params?.dueAt))).toBeGreaterThan(Date.now());
    // The English message stays what it was, for other clients and the logs.
    expect(res.body.message).toBe('The new due time must be later than the current one');
  });

  it('answers a validation failure validation.invalid_input with each field, its zod issue code and limits', async () => {
    const agent = await tokenFor(app, 'agent01');
    const ids = await catalogueIds(app, agent);
    const res = await http(app)
      .post('/api/cases')
      .set(bearer(agent))
      .send({
        type: 'complaint',
        categoryId: ids.category('CM.SR.ZDJY'),
        description: 'x'.repeat(5000),
        caller: { phone: 'not a phone' },
      });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation.invalid_input');
    expect(res.body.message).toMatch(/^Invalid input: /);
    const details = res.body.details as { path: (string | number)[]; code: string; maximum?: number }[];
    expect(details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['caller', 'phone'], code: 'invalid_format' }),
        expect.objectContaining({ path: ['description'], code: 'too_big', maximum: expect.any(Number) }),
      ]),
    );
    // The refused input is never echoed back.
    expect(JSON.stringify(res.body)).not.toContain('not a phone');
  });

  it('names unknown fields and malformed JSON', async () => {
    const admin = await tokenFor(app, 'admin');
    const extra = await http(app)
      .post('/api/admin/bureaus')
      .set(bearer(admin))
      .send({ code: 'XQJ', nameZh: '测试局', nameEn: 'Test', kind: 'municipal', isAdmin: true });
    expect(extra.status).toBe(400);
    expect(extra.body.code).toBe('validation.invalid_input');
    expect(extra.body.details).toEqual([expect.objectContaining({ code: 'unrecognized_keys', keys: ['isAdmin'] })]);

    const broken = await http(app)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username": "agent01", "password": ');
    expect(broken.status).toBe(400);
    expect(broken.body.code).toBe('request.invalid_json');
  });

  it('names a missing case case.not_found, an unknown route route.not_found, a foreign role auth.forbidden_role', async () => {
    const agent = await tokenFor(app, 'agent01');
    const handler = await tokenFor(app, 'h.cgj');
    const missing = await http(app).get(`/api/cases/${randomUUID()}`).set(bearer(agent));
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('case.not_found');

    const route = await http(app).get('/api/no-such-thing').set(bearer(agent));
    expect(route.status).toBe(404);
    expect(route.body.code).toBe('route.not_found');

    const role = await http(app).get('/api/admin/users').set(bearer(handler));
    expect(role.status).toBe(403);
    expect(role.body.code).toBe('auth.forbidden_role');

    const anonymous = await http(app).get('/api/admin/users');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('auth.required');
  });

  it('names an oversized body request.body_too_large', async () => {
    const res = await http(app)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ username: 'agent01', password: 'x'.repeat(env().BODY_LIMIT_BYTES + 10) }));
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'request.body_too_large', message: 'The request body is too large' });
  });

  it('answers every 4xx of every route (harmless, malformed and unknown input) with a catalogued code', async () => {
    const users = app.get(DataSource).getRepository(UserEntity);
    const tokens = app.get(TokenService);
    // A fresh session per call: a call to logout ends the session it carries.
    const sessions = app.get(SessionsRepository);
    const mint = async (role: StaffRole) => {
      const user = await users.findOneByOrFail({ username: ROLE_USERS[role] });
      return (await tokens.signAccess(user, await sessions.start(user.id))).token;
    };
    // Open311 answers in GeoReport's own format ({code: status, description}), checked by its specs.
    const routes = routeTable(app).filter((r) => !r.path.startsWith('/open311'));
    const probes = (route: RouteEntry) => {
      const url = concreteUrl(route.path);
      const withBadIds = route.path.replace(/:(\w+)/g, 'not-an-id');
      return [
        { url, body: {} },
        { url, body: { unexpectedField: 1, version: 'x' } },
        { url: `${url}?limit=-5&from=yesterday&cursor=%%%`, body: [] as unknown },
        { url: withBadIds, body: {} },
      ];
    };
    const wrong: string[] = [];
    let refusals = 0;
    for (const route of routes) {
      const caller = route.access?.kind === 'roles' ? route.access.roles[0] : undefined;
      const method =
        route.method === 'ALL' ? 'get' : (route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete');
      for (const probe of probes(route)) {
        let req = http(app)[method](probe.url).timeout(10_000);
        if (caller) req = req.set(bearer(await mint(caller)));
        if (method !== 'get' && method !== 'delete') req = req.send(probe.body as object);
        const res = await req;
        const label = `${route.method} ${probe.url} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`;
        if (res.status >= 500) wrong.push(`${label} (5xx)`);
        if (res.status >= 400 && res.status < 500) {
          refusals++;
          if (!isErrorCode(res.body?.code) || typeof res.body?.message !== 'string') wrong.push(label);
        }
      }
    }
    expect(wrong).toEqual([]);
    // The walk must actually have been refused a good many times to prove anything.
    expect(refusals).toBeGreaterThan(routes.length);
  });

  it('keeps the catalogue free of duplicates and in the <area>.<reason> shape', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(code).toMatch(/^[a-z0-9_]+(\.[a-z0-9_]+)?$/);
  });
});

describe('API error codes under a rate limit', () => {
  let app: NestFastifyApplication;
  const saved = process.env['RATE_LIMIT_PUBLIC_PER_MINUTE'];

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_PUBLIC_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await app.close();
    // Specs share the process: put the generous test limit back for the next file.
    if (saved === undefined) delete process.env['RATE_LIMIT_PUBLIC_PER_MINUTE'];
    else process.env['RATE_LIMIT_PUBLIC_PER_MINUTE'] = saved;
    resetEnvCache();
  });

  it('names a flood rate_limit.exceeded with the seconds to wait, as Retry-After says', async () => {
    let res = await http(app).get('/api/districts');
    for (let i = 0; i < 5 && res.status !== 429; i++) res = await http(app).get('/api/districts');
    expect(res.status).toBe(429);
    expect(res.body.code).toBe('rate_limit.exceeded');
    expect(res.body.params.seconds).toBe(Number(res.headers['retry-after']));
  });
});
