import { UserEntity, type StaffRole } from '@hotline/database';
import { Controller, Get } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SessionsRepository } from '../../apps/api/src/auth/sessions.repository';
import { TokenService } from '../../apps/api/src/auth/token.service';
import { catalogueIds } from '../support/catalogue-fixtures';
import { concreteUrl, routeTable, type RouteEntry } from '../support/route-table';
import { createTestApp, http, tokenFor } from '../support/test-app';

/**
 * The route × role matrix (issue 3): every route the app registers, called by anonymous and
 * by each staff role with harmless input. New routes join the matrix automatically.
 */
const ROLE_USERS: Record<StaffRole, string> = {
  agent: 'agent01',
  handler: 'h.cgj',
  supervisor: 'sup01',
  admin: 'admin',
};
const CALLERS = ['anonymous', 'agent', 'handler', 'supervisor', 'admin'] as const;
type Caller = (typeof CALLERS)[number];

describe('Route × role access matrix', () => {
  let app: NestFastifyApplication;
  let routes: RouteEntry[];
  let mint: (role: StaffRole) => Promise<string>;

  beforeAll(async () => {
    app = await createTestApp();
    routes = routeTable(app);
    const users = app.get(DataSource).getRepository(UserEntity);
    const tokens = app.get(TokenService);
    const sessions = app.get(SessionsRepository);
    // A fresh session per call: some harmless calls (logout) end the session they carry.
    mint = async (role) => {
      const user = await users.findOneByOrFail({ username: ROLE_USERS[role] });
      return (await tokens.signAccess(user, await sessions.start(user.id))).token;
    };
  });
  afterAll(async () => {
    await app.close();
  });

  async function call(route: RouteEntry, caller: Caller) {
    const url = concreteUrl(route.path);
    const method =
      route.method === 'ALL' ? 'get' : (route.method.toLowerCase() as 'get' | 'post' | 'patch' | 'put' | 'delete');
    let req = http(app)[method](url).timeout(10_000);
    if (caller !== 'anonymous') req = req.set('Authorization', `Bearer ${await mint(caller)}`);
    if (method !== 'get' && method !== 'delete') req = req.send({});
    return req;
  }

  it('finds the routes the app serves, including its own', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining(['POST /api/auth/login', 'GET /api/admin/users', 'GET /api/categories']),
    );
  });

  it('would notice a route that declares no access', async () => {
    @Controller('probe')
    class UndeclaredController {
      @Get('open')
      open() {
        return 'should never be reachable';
      }
    }
    const mod = await Test.createTestingModule({ controllers: [UndeclaredController] }).compile();
    const probe = mod.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    await probe.init();
    try {
      const entry = routeTable(probe).find((r) => r.path === '/probe/open');
      expect(entry).toMatchObject({ method: 'GET', access: undefined });
    } finally {
      await probe.close();
    }
  });

  it('has no route without an access declaration (@Public or @Roles)', () => {
    const undeclared = routes
      .filter((r) => !r.access)
      .map((r) => `${r.method} ${r.path} (${r.controller}.${r.handler})`);
    expect(undeclared).toEqual([]);
  });

  it('answers every route × caller as declared: 401 anonymous, 403 unlisted role, neither for a listed role', async () => {
    const wrong: string[] = [];
    for (const route of routes) {
      for (const caller of CALLERS) {
        const res = await call(route, caller);
        const label = `${route.method} ${route.path} as ${caller}: ${res.status} ${JSON.stringify(res.body?.message ?? '')}`;
        const access = route.access;
        // Nest's not-found answer means the probe URL missed the route: the matrix proved nothing.
        if (res.status === 404 && /^Cannot [A-Z]+ /.test(String(res.body?.message))) {
          wrong.push(`${label} (probe did not reach the route)`);
        } else if (!access) {
          if (res.status !== 403 && res.status !== 401) wrong.push(`${label} (undeclared route must be closed)`);
        } else if (access.kind === 'public') {
          // Public routes may ask for their own credential (Open311's api_key answers 403 in
          // Open311's format); only the staff AccessGuard's refusal is wrong here.
          if (res.status === 403 && String(res.body?.message).startsWith('Your role')) {
            wrong.push(`${label} (public route refused)`);
          }
        } else if (caller === 'anonymous') {
          if (res.status !== 401) wrong.push(`${label} (expected 401)`);
        } else if (!access.roles.includes(caller)) {
          if (res.status !== 403) wrong.push(`${label} (expected 403)`);
        } else if (res.status === 401 || res.status === 403) {
          wrong.push(`${label} (listed role refused)`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('answers no route with a 5xx when given harmless input', async () => {
    const crashed: string[] = [];
    for (const route of routes) {
      const allowed: Caller[] = route.access?.kind === 'roles' ? [...route.access.roles] : ['anonymous'];
      for (const caller of allowed) {
        const res = await call(route, caller);
        if (res.status >= 500) crashed.push(`${route.method} ${route.path} as ${caller}: ${res.status}`);
      }
    }
    expect(crashed).toEqual([]);
  });
});

describe("A handler and another bureau's case", () => {
  let app: NestFastifyApplication;
  const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });

  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers 404 by id and hides it from list and search, while its own bureau sees it', async () => {
    const agent = await tokenFor(app, 'agent01');
    const own = await tokenFor(app, 'h.cgj');
    const other = await tokenFor(app, 'h.zjj');
    const ids = await catalogueIds(app, agent);
    const marker = `越界测试${randomUUID().slice(0, 8)}`;
    const created = await http(app)
      .post('/api/cases')
      .set(bearer(agent))
      .set('Idempotency-Key', randomUUID())
      .send({
        type: 'complaint',
        categoryId: ids.category('CM.SR.ZDJY'),
        description: `门口有人摆摊占道 ${marker}`,
        caller: { name: '张三', phone: '13812345678' },
      });
    expect(created.status).toBe(201);
    const c = created.body.case as { id: string; trackingNumber: string; version: number };

    await http(app).get(`/api/cases/${c.id}`).set(bearer(own)).expect(200);
    const hidden = await http(app).get(`/api/cases/${c.id}`).set(bearer(other)).expect(404);
    expect(JSON.stringify(hidden.body)).not.toContain(marker);
    await http(app).get(`/api/cases/${c.id}/events`).set(bearer(other)).expect(404);
    await http(app).get(`/api/cases/${c.id}/contact`).set(bearer(other)).expect(404);
    await http(app).post(`/api/cases/${c.id}/accept`).set(bearer(other)).send({ version: c.version }).expect(404);

    const searchOwn = await http(app).get('/api/cases').set(bearer(own)).query({ q: marker }).expect(200);
    expect(searchOwn.body.items.map((i: { id: string }) => i.id)).toContain(c.id);
    for (const query of [{ q: marker }, { q: c.trackingNumber }, { limit: 100 }, { bureauId: ids.bureau('CGJ') }]) {
      const res = await http(app).get('/api/cases').set(bearer(other)).query(query);
      expect(res.status).toBeLessThan(500);
      if (res.status === 200) expect(res.body.items.map((i: { id: string }) => i.id)).not.toContain(c.id);
    }
  });

  it("refuses a handler another bureau's figures on every analytics route they may call", async () => {
    const other = await tokenFor(app, 'h.zjj');
    const agent = await tokenFor(app, 'agent01');
    const ids = await catalogueIds(app, agent);
    const analytics = routeTable(app).filter(
      (r) =>
        r.method === 'GET' &&
        r.path.startsWith('/api/analytics/') &&
        r.access?.kind === 'roles' &&
        r.access.roles.includes('handler'),
    );
    expect(analytics.length).toBeGreaterThan(0);
    const leaked: string[] = [];
    for (const route of analytics) {
      const res = await http(app)
        .get(concreteUrl(route.path))
        .set(bearer(other))
        .query({ bureauId: ids.bureau('CGJ') });
      if (res.status < 400) leaked.push(`${route.path}: ${res.status}`);
    }
    expect(leaked).toEqual([]);
  });
});
