import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestApp, http, tokenFor } from '../support/test-app';

describe('API smoke', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('answers health and readiness with PostgreSQL and Redis up', async () => {
    await http(app).get('/api/health').expect(200, { status: 'ok' });
    const ready = await http(app).get('/api/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok', postgres: 'up', redis: 'up' });
  });

  it('tags every response with a request id, echoing a sane incoming one', async () => {
    const res = await http(app).get('/api/health').set('X-Request-Id', 'trace-abc.123');
    expect(res.headers['x-request-id']).toBe('trace-abc.123');
    const fresh = await http(app).get('/api/health');
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('serves the OpenAPI document and Swagger UI', async () => {
    const doc = await http(app).get('/api/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toContain('/api/health');
    const ui = await http(app).get('/api/docs').redirects(1);
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('signs in a demo user and returns who they are', async () => {
    const token = await tokenFor(app, 'admin');
    const me = await http(app).get('/api/auth/me').set('Authorization', `Bearer ${token}`).expect(200);
    expect(me.body).toMatchObject({ username: 'admin', role: 'admin' });
  });

  it('refuses a wrong password with a clear message', async () => {
    const res = await http(app).post('/api/auth/login').send({ username: 'agent01', password: 'nope' }).expect(401);
    expect(res.body.message).toBe('Wrong username or password');
  });

  it('answers unknown routes with 404 JSON, not a crash', async () => {
    const res = await http(app).get('/api/no-such-thing').expect(404);
    expect(res.body.statusCode).toBe(404);
  });
});
