import { env, resetEnvCache } from '@hotline/config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { routeTable } from '../support/route-table';
import { createTestApp, http, tokenFor } from '../support/test-app';

describe('Abuse protection', () => {
  let app: NestFastifyApplication;
  const PUBLIC_LIMIT = 5;
  const saved = process.env['RATE_LIMIT_PUBLIC_PER_MINUTE'];

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_PUBLIC_PER_MINUTE: String(PUBLIC_LIMIT) });
  });
  afterAll(async () => {
    await app.close();
    // Specs share the process: put the generous test limit back for the next file.
    if (saved === undefined) delete process.env['RATE_LIMIT_PUBLIC_PER_MINUTE'];
    else process.env['RATE_LIMIT_PUBLIC_PER_MINUTE'] = saved;
    resetEnvCache();
  });

  it('puts a rate limit on every public route (health probes excepted)', () => {
    const missing = routeTable(app)
      .filter((r) => r.access?.kind === 'public' && !r.rateLimited && !/\/(health|ready)$/.test(r.path))
      .map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it('answers a flood on a public route with 429 and Retry-After, counted in Redis per client', async () => {
    let res = await http(app).get('/api/districts');
    // Earlier specs in this run may have used part of this minute's budget already.
    for (let i = 0; i < PUBLIC_LIMIT + 1 && res.status !== 429; i++) res = await http(app).get('/api/districts');
    expect(res.status).toBe(429);
    const retryAfter = Number(res.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(res.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(res.body.message).toMatch(/try again in \d+ seconds/);
    // A signed-in agent in the same office (same address) has a budget of their own.
    const agent = await tokenFor(app, 'agent02');
    await http(app).get('/api/districts').set('Authorization', `Bearer ${agent}`).expect(200);
  });

  it('refuses an oversized body with 413 and a clear message', async () => {
    const big = 'x'.repeat(env().BODY_LIMIT_BYTES + 10);
    const res = await http(app)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ username: 'agent01', password: big }))
      .expect(413);
    expect(res.body.message).toBe('The request body is too large');
  });

  it('refuses malformed JSON with 400 "The request body is not valid JSON"', async () => {
    const res = await http(app)
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"username": "agent01", "password": ')
      .expect(400);
    expect(res.body.message).toBe('The request body is not valid JSON');
  });

  it('refuses unknown fields with 400 naming the field', async () => {
    const admin = await tokenFor(app, 'admin');
    const res = await http(app)
      .post('/api/admin/bureaus')
      .set('Authorization', `Bearer ${admin}`)
      .send({ code: 'XQJ', nameZh: '测试局', nameEn: 'Test', kind: 'municipal', isAdmin: true })
      .expect(400);
    expect(res.body.message).toMatch(/isAdmin/);
    const list = await http(app).get('/api/admin/bureaus').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(list.body.map((b: { code: string }) => b.code)).not.toContain('XQJ');
  });

  it('treats SQL-injection strings as data: 4xx, nothing changes', async () => {
    const injection = "admin' OR '1'='1' --";
    const login = await http(app).post('/api/auth/login').send({ username: injection, password: "' OR 1=1 --" });
    expect(login.status).toBe(401);
    const admin = await tokenFor(app, 'admin');
    const users = await http(app)
      .get('/api/admin/users')
      .set('Authorization', `Bearer ${admin}`)
      .query({ q: "'; DROP TABLE users; --" })
      .expect(200);
    expect(users.body).toEqual([]);
    await http(app).get('/api/admin/users/1%27%20OR%201=1').set('Authorization', `Bearer ${admin}`).expect(400);
    await http(app).get('/api/auth/me').set('Authorization', `Bearer ${admin}`).expect(200);
  });

  it('sends security headers', async () => {
    const res = await http(app).get('/api/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it("allows CORS for the web app's origin only", async () => {
    const web = env().WEB_ORIGIN;
    const ok = await http(app)
      .options('/api/auth/login')
      .set('Origin', web)
      .set('Access-Control-Request-Method', 'POST');
    expect(ok.headers['access-control-allow-origin']).toBe(web);
    expect(ok.headers['access-control-allow-credentials']).toBe('true');
    const evil = await http(app)
      .options('/api/auth/login')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    const get = await http(app).get('/api/health').set('Origin', 'https://evil.example');
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
  });
});
