import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { createTestApp, http, tokenFor } from '../support/test-app';
import { errorsOf, issueKey, xml } from './open311-support';

describe('API keys for Open311 clients', () => {
  let app: NestFastifyApplication;
  let db: pg.Client;
  let admin: string;

  beforeAll(async () => {
    app = await createTestApp();
    admin = await tokenFor(app, 'admin');
    db = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
    await db.connect();
  });
  afterAll(async () => {
    // Guarded: if beforeAll failed, the real error is reported, not this one.
    await db?.end();
    await app?.close();
  });

  it('lets an admin issue a named key whose secret is shown once, and list keys without secrets', async () => {
    const created = await http(app)
      .post('/api/admin/api-keys')
      .set('Authorization', `Bearer ${admin}`)
      .send({ name: 'City app (iOS)', rateLimitPerMinute: 120 })
      .expect(201);
    expect(created.body).toMatchObject({
      id: expect.any(String),
      name: 'City app (iOS)',
      key: expect.stringMatching(/^hk_[A-Za-z0-9_-]{43}$/),
      rateLimitPerMinute: 120,
      revokedAt: null,
      lastUsedAt: null,
    });
    expect(created.body.key.startsWith(created.body.prefix)).toBe(true);
    const list = await http(app).get('/api/admin/api-keys').set('Authorization', `Bearer ${admin}`).expect(200);
    const listed = list.body.find((k: { id: string }) => k.id === created.body.id);
    expect(listed).toMatchObject({ name: 'City app (iOS)', prefix: created.body.prefix });
    expect(listed.key).toBeUndefined();
    expect(JSON.stringify(list.body)).not.toContain(created.body.key);
    // Only the hash is stored.
    const row = await db.query('SELECT key_hash FROM api_keys WHERE id = $1', [created.body.id]);
    expect(row.rows[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await db.query(`SELECT actor_type, action FROM audit_log WHERE target_id = $1`, [created.body.id]);
    expect(audit.rows).toContainEqual({ actor_type: 'user', action: 'api_key.issue' });
  });

  it('refuses non-admins and bad input with clear messages', async () => {
    const agent = await tokenFor(app, 'agent01');
    await http(app).get('/api/admin/api-keys').set('Authorization', `Bearer ${agent}`).expect(403);
    await http(app).post('/api/admin/api-keys').send({ name: 'x' }).expect(401);
    const blank = await http(app)
      .post('/api/admin/api-keys')
      .set('Authorization', `Bearer ${admin}`)
      .send({ name: '  ' })
      .expect(400);
    expect(blank.body.message).toMatch(/Give the key a name/);
    await http(app)
      .post('/api/admin/api-keys')
      .set('Authorization', `Bearer ${admin}`)
      .send({ name: 'x', secret: 'mine' })
      .expect(400);
    await http(app).post('/api/admin/api-keys/not-a-uuid/revoke').set('Authorization', `Bearer ${admin}`).expect(400);
    await http(app)
      .post('/api/admin/api-keys/00000000-0000-4000-8000-000000000000/revoke')
      .set('Authorization', `Bearer ${admin}`)
      .expect(404);
  });

  it('makes every keyed request attributable, and a revoked key stops working at once', async () => {
    const issued = await issueKey(app, 'Revocation test');
    const read = await http(app).get(`/open311/v2/services.json?api_key=${issued.key}`).expect(200);
    expect(read.body.length).toBeGreaterThan(0);
    const audit = await db.query(
      `SELECT action, target_id FROM audit_log WHERE actor_type = 'api_key' AND actor_id = $1`,
      [issued.id],
    );
    expect(audit.rows).toContainEqual({ action: 'open311.read', target_id: '/open311/v2/services.json' });
    const used = await http(app).get('/api/admin/api-keys').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(used.body.find((k: { id: string }) => k.id === issued.id).lastUsedAt).toEqual(expect.any(String));

    const revoked = await http(app)
      .post(`/api/admin/api-keys/${issued.id}/revoke`)
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(revoked.body.revokedAt).toEqual(expect.any(String));
    await http(app).post(`/api/admin/api-keys/${issued.id}/revoke`).set('Authorization', `Bearer ${admin}`).expect(409);

    const refused = await http(app)
      .post('/open311/v2/requests.xml')
      .type('form')
      .send({ api_key: issued.key, service_code: 'CM.SR.LDLF', address_id: 'QY.QY' })
      .expect(403);
    expect(errorsOf(refused)).toEqual([{ code: 403, description: 'api_key is invalid or has been revoked' }]);
  });

  it('rate-limits each key on its own, in the Open311 error format', async () => {
    const slow = await issueKey(app, 'Rate limit test', 2);
    const other = await issueKey(app, 'Unaffected neighbour', 2);
    // Fixed one-minute windows: of five quick requests at most four fit (two per window even if
    // a minute boundary falls between them), so one must be refused.
    let limited: Awaited<ReturnType<ReturnType<typeof http>['get']>> | undefined;
    for (let i = 0; i < 5 && !limited; i++) {
      const res = await http(app).get(`/open311/v2/services.xml?api_key=${slow.key}`);
      if (res.status !== 200) limited = res;
    }
    if (!limited) throw new Error('the key was never rate-limited');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    const [error] = xml.parse(limited.text).errors.error;
    expect(error).toMatchObject({ code: '429', description: expect.stringContaining('2 requests a minute') });
    await http(app).get(`/open311/v2/services.json?api_key=${other.key}`).expect(200);
  });
});
