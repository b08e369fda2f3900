import { PUBLISHED_JWT_SECRETS, resetEnvCache } from '@hotline/config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Redis } from 'ioredis';
import { randomBytes } from 'node:crypto';
import { createApp } from '../../apps/api/src/create-app';
import { REDIS } from '../../apps/api/src/infra/infra.module';
import { createUser, login } from '../support/admin-fixtures';
import { createTestApp, http } from '../support/test-app';

/**
 * Security hardening, identity part: who a rate limit counts (TRUST_PROXY, staff per user),
 * sign-in back-off that cannot be turned against a real user, sessions whose revocation
 * lives in PostgreSQL, the signing key, and the password policy.
 */
const PUBLIC_LIMIT = 4;
const SAVED = ['RATE_LIMIT_PUBLIC_PER_MINUTE', 'TRUST_PROXY', 'JWT_SECRET'].map((k) => [k, process.env[k]] as const);

function restoreEnv(): void {
  for (const [k, v] of SAVED) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

/** What a client might claim to be: any documentation-range address (RFC 5737). */
const address = () => `198.51.100.${randomBytes(1)[0]!}`;
/** A client address no other test of this run uses. */
const uniqueAddress = (() => {
  let n = 0;
  const run = randomBytes(1)[0]! % 200;
  return () => `203.0.${run}.${++n}`;
})();

/**
 * Rate limits count fixed one-minute windows: when fewer than 10 s of this minute are left,
 * wait for the next one so a test's requests all land in the same window.
 */
async function withinOneWindow(): Promise<void> {
  const left = 60_000 - (Date.now() % 60_000);
  if (left < 10_000) await new Promise((r) => setTimeout(r, left + 50));
}

describe('Security hardening: identity, sessions and client counting', () => {
  let app: NestFastifyApplication;
  const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });
  const cookie = (t: string) => ({ Cookie: `hl_access=${t}` });

  beforeAll(async () => {
    // Behind one proxy (the web app), as `npm start` runs the API.
    app = await createTestApp({ RATE_LIMIT_PUBLIC_PER_MINUTE: String(PUBLIC_LIMIT), TRUST_PROXY: '1' });
  });
  afterAll(async () => {
    await app.close();
    restoreEnv();
  });

  describe('rate limits count the real client (TRUST_PROXY=1)', () => {
    it('ignores what a client writes left of the proxy-reported address', async () => {
      await withinOneWindow();
      const client = uniqueAddress();
      let res = await http(app).get('/api/districts').set('X-Forwarded-For', `${address()}, ${client}`);
      for (let i = 0; i < PUBLIC_LIMIT && res.status !== 429; i++) {
        // A new spoofed "client" every time: it must not buy a new budget.
        res = await http(app).get('/api/districts').set('X-Forwarded-For', `${address()}, 10.9.9.${i}, ${client}`);
      }
      expect(res.status).toBe(429);
      // Another real client (as the proxy reports it) has a budget of its own.
      await http(app).get('/api/districts').set('X-Forwarded-For', `${uniqueAddress()}`).expect(200);
    });

    it('counts signed-in staff per user, whether they send the cookie or the bearer token', async () => {
      const [one, two] = [await createUser(app), await createUser(app)];
      const a = await login(app, one.username, one.password);
      const b = await login(app, two.username, two.password);
      await withinOneWindow();
      const office = uniqueAddress();
      // User one spends the budget half by cookie, half by bearer: one bucket.
      for (let i = 0; i < PUBLIC_LIMIT; i++) {
        const how = i % 2 === 0 ? cookie(a.accessToken) : bearer(a.accessToken);
        await http(app).get('/api/districts').set(how).set('X-Forwarded-For', office).expect(200);
      }
      await http(app).get('/api/districts').set(cookie(a.accessToken)).set('X-Forwarded-For', office).expect(429);
      await http(app).get('/api/districts').set(bearer(a.accessToken)).set('X-Forwarded-For', office).expect(429);
      // User two in the same office (same address) is not affected.
      await http(app).get('/api/districts').set(cookie(b.accessToken)).set('X-Forwarded-For', office).expect(200);
    });
  });

  describe('sign-in back-off per username and client', () => {
    const attempt = (username: string, password: string, client: string) =>
      http(app).post('/api/auth/login').set('X-Forwarded-For', client).send({ username, password });

    it('failures from client A do not lock the user out for client B', async () => {
      const user = await createUser(app);
      const attacker = uniqueAddress();
      for (let i = 0; i < 5; i++) await attempt(user.username, 'not-the-password', attacker).expect(401);
      const blocked = await attempt(user.username, user.password, attacker).expect(429);
      expect(blocked.body.message).toMatch(/Too many wrong passwords/);
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      await attempt(user.username, user.password, uniqueAddress()).expect(200);
    });

    it('answers a known and an unknown username identically, failures and back-off alike', async () => {
      const known = await createUser(app);
      const unknown = `t.nobody.${randomBytes(4).toString('hex')}`;
      const answers = async (username: string) => {
        const client = uniqueAddress();
        const out: unknown[] = [];
        for (let i = 0; i < 6; i++) {
          const res = await attempt(username, 'not-the-password', client);
          out.push([res.status, res.body.message, res.headers['retry-after'] ?? null]);
        }
        return out;
      };
      const [a, b] = [await answers(known.username), await answers(unknown)];
      expect(a).toEqual(b);
      expect(a.at(-1)).toEqual([429, expect.stringMatching(/try again in 1 seconds/), '1']);
    });

    it('doubles the wait with every further failure', async () => {
      const user = await createUser(app);
      const client = uniqueAddress();
      for (let i = 0; i < 5; i++) await attempt(user.username, 'not-the-password', client).expect(401);
      const waits: number[] = [];
      for (let round = 0; round < 3; round++) {
        const refused = await attempt(user.username, 'not-the-password', client).expect(429);
        waits.push(Number(refused.headers['retry-after']));
        // Refused attempts are not counted; wait until the client may try again, then fail once more.
        let res = refused;
        while (res.status === 429) {
          await new Promise((r) => setTimeout(r, 200));
          res = await attempt(user.username, 'not-the-password', client);
        }
        expect(res.status).toBe(401);
      }
      expect(waits).toEqual([1, 2, 4]);
    });
  });

  describe('sessions end durably', () => {
    it('signing out with only the bearer token ends the refresh token too', async () => {
      const user = await createUser(app);
      const session = await login(app, user.username, user.password);
      await http(app).post('/api/auth/logout').set(bearer(session.accessToken)).expect(204);
      await http(app).post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
      await http(app).get('/api/auth/me').set(bearer(session.accessToken)).expect(401);
    });

    it('reusing a rotated refresh token revokes the whole family, the newest tokens included', async () => {
      const user = await createUser(app);
      const first = await login(app, user.username, user.password);
      const second = await http(app).post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(200);
      await http(app).get('/api/auth/me').set(bearer(second.body.accessToken)).expect(200);
      // The old token comes back (stolen copy or replay): the family ends.
      await http(app).post('/api/auth/refresh').send({ refreshToken: first.refreshToken }).expect(401);
      await http(app).post('/api/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(401);
      await http(app).get('/api/auth/me').set(bearer(second.body.accessToken)).expect(401);
      // Another sign-in of the same user is a session of its own and still works.
      const other = await login(app, user.username, user.password);
      await http(app).get('/api/auth/me').set(bearer(other.accessToken)).expect(200);
    });

    it("keeps a sign-out when Redis loses this run's data", async () => {
      const user = await createUser(app);
      const session = await login(app, user.username, user.password);
      await http(app).post('/api/auth/logout').set(cookie(session.accessToken)).expect(204);
      // The FLUSHALL equivalent for this run only: other test runs share the Redis server.
      const redis = app.get<Redis>(REDIS);
      const prefix = process.env['REDIS_PREFIX']!;
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      expect(await redis.keys(`${prefix}:*`)).toEqual([]);
      await http(app).get('/api/auth/me').set(bearer(session.accessToken)).expect(401);
      await http(app).get('/api/auth/me').set(cookie(session.accessToken)).expect(401);
      await http(app).post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    });
  });

  describe('the signing key', () => {
    afterEach(restoreEnv);

    it('refuses to start with the development secret once published in the source', async () => {
      process.env['JWT_SECRET'] = PUBLISHED_JWT_SECRETS[0]!;
      resetEnvCache();
      await expect(createApp()).rejects.toThrow(/JWT_SECRET: is the development value published in the source/);
    });

    it('refuses to start without one', async () => {
      delete process.env['JWT_SECRET'];
      resetEnvCache();
      await expect(createApp()).rejects.toThrow(/JWT_SECRET: not set/);
    });
  });
});

describe('Rate limits without a trusted proxy (TRUST_PROXY=0)', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    app = await createTestApp({ RATE_LIMIT_PUBLIC_PER_MINUTE: String(PUBLIC_LIMIT), TRUST_PROXY: '0' });
  });
  afterAll(async () => {
    await app.close();
    restoreEnv();
  });

  it('ignores X-Forwarded-For entirely: a new header never buys a new budget', async () => {
    await withinOneWindow();
    let res = await http(app).get('/api/categories/search').query({ q: 'x' }).set('X-Forwarded-For', uniqueAddress());
    for (let i = 0; i < PUBLIC_LIMIT && res.status !== 429; i++) {
      res = await http(app).get('/api/categories/search').query({ q: 'x' }).set('X-Forwarded-For', uniqueAddress());
    }
    expect(res.status).toBe(429);
    await http(app).get('/api/categories/search').query({ q: 'x' }).set('X-Forwarded-For', uniqueAddress()).expect(429);
  });
});
