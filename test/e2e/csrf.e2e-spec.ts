import { env } from '@hotline/config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createUser, login } from '../support/admin-fixtures';
import { createTestApp, DEMO_PASSWORD, http } from '../support/test-app';
import { issueKey } from './open311-support';

/** Another port of the same host: a different origin, but the same site (SameSite=Lax lets cookies through). */
const ATTACKER = 'http://localhost:4444';

describe('CSRF: cookie-authenticated state changes come only from the web app, as JSON', () => {
  let app: NestFastifyApplication;
  let webOrigin: string;
  let adminCookie: string;

  /** Signs in as the web app does and keeps the access cookie the browser would keep. */
  async function sessionCookie(username: string, password = DEMO_PASSWORD): Promise<string> {
    const res = await http(app)
      .post('/api/auth/login')
      .set('Origin', webOrigin)
      .send({ username, password })
      .expect(200);
    const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    return cookies.find((c) => c.startsWith('hl_access='))!.split(';')[0]!;
  }

  beforeAll(async () => {
    app = await createTestApp();
    webOrigin = new URL(env().WEB_ORIGIN).origin;
    adminCookie = await sessionCookie('admin');
  });
  afterAll(async () => {
    await app.close();
  });

  it('a form POST from another origin with the admin cookie resets no password and disables no one', async () => {
    const victim = await createUser(app);
    const attempts = [
      { type: 'application/x-www-form-urlencoded', body: 'password=Attacker2026xyz' },
      { type: 'text/plain', body: '{"password":"Attacker2026xyz"}' },
      {
        type: 'multipart/form-data; boundary=x',
        body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--',
      },
    ];
    for (const { type, body } of attempts) {
      const reset = await http(app)
        .post(`/api/admin/users/${victim.id}/reset-password`)
        .set({ Cookie: adminCookie, Origin: ATTACKER, 'Content-Type': type })
        .send(body);
      expect(reset.status).toBe(403);
      expect(reset.body.message).toMatch(/Cross-site request refused/);
      const disable = await http(app)
        .post(`/api/admin/users/${victim.id}/disable`)
        .set({ Cookie: adminCookie, Origin: ATTACKER, 'Content-Type': type })
        .send(body);
      expect(disable.status).toBe(403);
    }
    // A browser that sends no Origin still says where the request came from.
    await http(app)
      .post(`/api/admin/users/${victim.id}/disable`)
      .set({ Cookie: adminCookie, 'Sec-Fetch-Site': 'same-site' })
      .expect(403);
    // Origin "null" (sandboxed frames, no-referrer pages) is not the web app either.
    await http(app)
      .post(`/api/admin/users/${victim.id}/disable`)
      .set({ Cookie: adminCookie, Origin: 'null' })
      .expect(403);
    // Nothing changed: the old password still works, the account is enabled.
    await login(app, victim.username, victim.password);
  });

  it('refuses non-JSON bodies on JSON routes with 415 even from the web origin', async () => {
    const victim = await createUser(app);
    for (const type of ['application/x-www-form-urlencoded', 'text/plain']) {
      const res = await http(app)
        .post(`/api/admin/users/${victim.id}/reset-password`)
        .set({ Cookie: adminCookie, Origin: webOrigin, 'Content-Type': type })
        .send(type === 'text/plain' ? '{"password":"Attacker2026xyz"}' : 'password=Attacker2026xyz');
      expect(res.status).toBe(415);
      expect(res.body).toMatchObject({ statusCode: 415, message: 'Unsupported content type; send application/json' });
    }
    await login(app, victim.username, victim.password);
  });

  it('lets the web app change state with its cookie and JSON from its own origin', async () => {
    const victim = await createUser(app);
    await http(app)
      .post(`/api/admin/users/${victim.id}/disable`)
      .set({ Cookie: adminCookie, Origin: webOrigin })
      .expect(200);
    await http(app)
      .post(`/api/admin/users/${victim.id}/enable`)
      .set({ Cookie: adminCookie, Origin: webOrigin, 'Content-Type': 'application/json; charset=utf-8' })
      .send('{}')
      .expect(200);
  });

  it('does not apply the Origin rule to bearer tokens, which a browser never attaches by itself', async () => {
    const victim = await createUser(app);
    const { accessToken } = await login(app, 'admin', DEMO_PASSWORD);
    await http(app)
      .post(`/api/admin/users/${victim.id}/disable`)
      .set({ Authorization: `Bearer ${accessToken}`, Origin: ATTACKER })
      .expect(200);
  });

  it('makes sign-in CSRF-proof: JSON only, and only from the web origin when an Origin is sent', async () => {
    const user = await createUser(app);
    const form = await http(app)
      .post('/api/auth/login')
      .set({ Origin: webOrigin, 'Content-Type': 'application/x-www-form-urlencoded' })
      .send(`username=${user.username}&password=${user.password}`);
    expect(form.status).toBe(415);
    const plain = await http(app)
      .post('/api/auth/login')
      .set({ 'Content-Type': 'text/plain' })
      .send(JSON.stringify({ username: user.username, password: user.password }));
    expect(plain.status).toBe(415);
    const foreign = await http(app)
      .post('/api/auth/login')
      .set('Origin', ATTACKER)
      .send({ username: user.username, password: user.password });
    expect(foreign.status).toBe(403);
    expect(foreign.headers['set-cookie']).toBeUndefined();
    // The web app, and clients that send no Origin (scripts, mobile apps), sign in as before.
    await http(app)
      .post('/api/auth/login')
      .set('Origin', webOrigin)
      .send({ username: user.username, password: user.password })
      .expect(200);
    await login(app, user.username, user.password);
  });

  it('keeps Open311 form-encoded submissions working from any origin (api_key, never a cookie)', async () => {
    const { key } = await issueKey(app, 'csrf e2e client');
    const res = await http(app)
      .post('/open311/v2/requests.json')
      .set({ 'Content-Type': 'application/x-www-form-urlencoded', Origin: ATTACKER, Cookie: adminCookie })
      .send(
        new URLSearchParams({
          api_key: key,
          service_code: 'CM.SR.ZDJY',
          address_id: 'QY.ST',
          'attribute[business_type]': 'mobile',
          description: '路口有流动摊贩占道',
        }).toString(),
      );
    expect(res.status).toBe(201);
  });
});
