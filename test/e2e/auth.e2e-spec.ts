import { env, resetEnvCache } from '@hotline/config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { createUser, login } from '../support/admin-fixtures';
import { createTestApp, http, tokenFor } from '../support/test-app';

describe('Authentication', () => {
  let app: NestFastifyApplication;
  let admin: string;
  const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });

  const savedLoginLimit = process.env['RATE_LIMIT_LOGIN_PER_MINUTE'];

  beforeAll(async () => {
    // The production default, so the 11th rapid failed login is refused (global setup raises it).
    app = await createTestApp({ RATE_LIMIT_LOGIN_PER_MINUTE: '10' });
    admin = await tokenFor(app, 'admin');
  });
  afterAll(async () => {
    await app.close();
    if (savedLoginLimit === undefined) delete process.env['RATE_LIMIT_LOGIN_PER_MINUTE'];
    else process.env['RATE_LIMIT_LOGIN_PER_MINUTE'] = savedLoginLimit;
    resetEnvCache();
  });

  const sign = (claims: Record<string, unknown>, sub: string, exp: number | string, secret = env().JWT_SECRET) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(sub)
      .setJti(randomUUID())
      .setIssuedAt()
      .setIssuer('hotline-api')
      .setAudience('hotline')
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(secret));

  it('signs in, says who you are with role and bureau, and never returns the password hash', async () => {
    const session = await login(app, 'h.cgj', 'Hotline#2026');
    expect(session.refreshToken).toEqual(expect.any(String));
    const me = await http(app).get('/api/auth/me').set(bearer(session.accessToken)).expect(200);
    expect(me.body).toMatchObject({ username: 'h.cgj', role: 'handler', bureauName: { zh: '市城市管理局' } });
    expect(JSON.stringify(me.body)).not.toMatch(/scrypt|password/i);
  });

  it('sets HTTP-only cookies so the web app can stay signed in, and accepts the access cookie', async () => {
    const res = await http(app).post('/api/auth/login').send({ username: 'agent02', password: 'Hotline#2026' });
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    expect(cookies.find((c) => c.startsWith('hl_access='))).toMatch(/HttpOnly/);
    expect(cookies.find((c) => c.startsWith('hl_refresh='))).toMatch(/HttpOnly/);
    const access = cookies.find((c) => c.startsWith('hl_access='))!.split(';')[0]!;
    await http(app).get('/api/auth/me').set('Cookie', access).expect(200);
  });

  it('refuses an expired token', async () => {
    const user = await createUser(app);
    const token = await sign({ role: 'agent', bid: null, tv: 0 }, user.id, Math.floor(Date.now() / 1000) - 60);
    const res = await http(app).get('/api/auth/me').set(bearer(token)).expect(401);
    expect(res.body.message).toMatch(/expired/);
  });

  it('refuses a tampered token and one signed with another key', async () => {
    const { accessToken } = await login(app, 'agent03', 'Hotline#2026');
    const [h, p, s] = accessToken.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString()) as Record<string, unknown>;
    payload['role'] = 'admin';
    const tampered = `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}`;
    await http(app).get('/api/admin/users').set(bearer(tampered)).expect(401);
    const foreign = await sign({ role: 'admin', bid: null, tv: 0 }, payload['sub'] as string, '5m', 'x'.repeat(40));
    await http(app).get('/api/admin/users').set(bearer(foreign)).expect(401);
    await http(app).get('/api/auth/me').set(bearer('not.a.jwt')).expect(401);
  });

  it('revokes the access and refresh tokens on logout', async () => {
    const user = await createUser(app);
    const session = await login(app, user.username, user.password);
    await http(app)
      .post('/api/auth/logout')
      .set(bearer(session.accessToken))
      .send({ refreshToken: session.refreshToken })
      .expect(204);
    await http(app).get('/api/auth/me').set(bearer(session.accessToken)).expect(401);
    await http(app).post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
  });

  it('signs out without a body too (the web app sends only cookies)', async () => {
    const user = await createUser(app);
    const session = await login(app, user.username, user.password);
    await http(app).post('/api/auth/logout').set(bearer(session.accessToken)).expect(204);
    await http(app).get('/api/auth/me').set(bearer(session.accessToken)).expect(401);
  });

  it('rotates refresh tokens: the new one works, the old one is refused', async () => {
    const user = await createUser(app);
    const session = await login(app, user.username, user.password);
    const next = await http(app).post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(200);
    await http(app).get('/api/auth/me').set(bearer(next.body.accessToken)).expect(200);
    await http(app).post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
  });

  it('refreshes from the cookie alone', async () => {
    const user = await createUser(app);
    const res = await http(app).post('/api/auth/login').send({ username: user.username, password: user.password });
    const refresh = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('hl_refresh='))!
      .split(';')[0]!;
    await http(app).post('/api/auth/refresh').set('Cookie', refresh).expect(200);
  });

  it("stops a disabled user's tokens at once, and their refresh token", async () => {
    const user = await createUser(app);
    const session = await login(app, user.username, user.password);
    await http(app).get('/api/auth/me').set(bearer(session.accessToken)).expect(200);
    await http(app).post(`/api/admin/users/${user.id}/disable`).set(bearer(admin)).expect(200);
    await http(app).get('/api/auth/me').set(bearer(session.accessToken)).expect(401);
    await http(app).post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    const again = await http(app).post('/api/auth/login').send({ username: user.username, password: user.password });
    expect(again.status).toBe(401);
    expect(again.body.message).toMatch(/disabled/);
    await http(app).post(`/api/admin/users/${user.id}/enable`).set(bearer(admin)).expect(200);
    await login(app, user.username, user.password);
  });

  it('makes the client that sent 5 wrong passwords wait, even with the right one, until a reset', async () => {
    const user = await createUser(app);
    for (let i = 0; i < 5; i++) {
      await http(app)
        .post('/api/auth/login')
        .send({ username: user.username, password: 'wrong-password1' })
        .expect(401);
    }
    const res = await http(app).post('/api/auth/login').send({ username: user.username, password: user.password });
    expect(res.status).toBe(429);
    expect(res.body.message).toMatch(/Too many wrong passwords/);
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // An administrator's password reset lifts the back-off.
    await http(app)
      .post(`/api/admin/users/${user.id}/reset-password`)
      .set(bearer(admin))
      .send({ password: 'BrandNew2026pass' })
      .expect(200);
    await login(app, user.username, 'BrandNew2026pass');
  });

  it('answers the 11th rapid failed login with 429 and Retry-After', async () => {
    const username = `nobody.${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 10; i++) {
      const attempt = await http(app).post('/api/auth/login').send({ username, password: 'wrong' });
      // Refused as a wrong password, or (from the fifth on) by the per-client back-off.
      expect(attempt.status === 401 || /Too many wrong passwords/.test(attempt.body.message as string)).toBe(true);
    }
    const res = await http(app).post('/api/auth/login').send({ username, password: 'wrong' }).expect(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(res.body.message).toMatch(/Too many requests/);
  });

  it('never reveals whether a username exists', async () => {
    const unknown = await http(app).post('/api/auth/login').send({ username: 'no.such.user', password: 'x' });
    const known = await http(app).post('/api/auth/login').send({ username: 'agent01', password: 'x' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.message).toBe(known.body.message);
  });

  it('records sign-ins in the audit log', async () => {
    const user = await createUser(app);
    await login(app, user.username, user.password);
    const res = await http(app)
      .get('/api/admin/audit')
      .set(bearer(admin))
      .query({ action: 'auth.login', actorId: user.id })
      .expect(200);
    expect(res.body.items).toHaveLength(1);
    expect(JSON.stringify(res.body)).not.toContain(user.password);
  });
});
