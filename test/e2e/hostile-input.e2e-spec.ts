import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { XMLValidator } from 'fast-xml-parser';
import { DataSource } from 'typeorm';
import { createTestApp, http, tokenFor } from '../support/test-app';
import { errorsOf, issueKey } from './open311-support';

/** A form body exactly as an Open311 client sends it. */
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/** JSON `{"a":{"a":…}}` nested `depth` levels deep, written by hand so nothing recurses. */
const deeplyNested = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Characters XML 1.0 cannot carry. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

describe('Hostile input: a clear 400, nothing stored, never a 500', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let agent: string;
  let admin: string;
  let apiKey: string;
  let categoryId: number;

  const caseCount = async () => Number((await ds.query(`SELECT count(*)::int AS n FROM cases`))[0].n);
  const citizenCase = (over: Record<string, unknown> = {}) => ({
    type: 'complaint',
    categoryId,
    description: '垃圾桶满了',
    caller: { phone: '13912345678' },
    ...over,
  });

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    agent = await tokenFor(app, 'agent01');
    admin = await tokenFor(app, 'admin');
    apiKey = (await issueKey(app, 'hostile-input e2e')).key;
    [{ id: categoryId }] = await ds.query(`SELECT id FROM categories WHERE code = 'CM.HW.LJQY'`);
  });
  afterAll(async () => {
    await app.close();
  });

  it('refuses NUL bytes and control characters in intake with 400 and stores nothing', async () => {
    const before = await caseCount();
    for (const description of [
      '垃圾\u0000桶满了',
      '垃圾\u0001桶',
      'bell\u0007',
      'esc \u001b[31m red',
      'lone \ud800 half',
    ]) {
      const res = await http(app).post('/api/public/cases').send(citizenCase({ description }));
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/body\.description: (contains a (NUL|control) character|is not valid Unicode)/);
    }
    const nulName = await http(app)
      .post('/api/public/cases')
      .send(citizenCase({ caller: { name: '张\u0000三', phone: '13912345678' } }));
    expect(nulName.status).toBe(400);
    // Tabs and line breaks are ordinary text.
    await http(app)
      .post('/api/public/cases')
      .send(citizenCase({ description: '第一行\n第二行\t制表' }))
      .expect(201);
    expect(await caseCount()).toBe(before + 1);
  });

  it('refuses NUL in sign-in, search, notes and audit filters with 400', async () => {
    const login = await http(app).post('/api/auth/login').send({ username: 'admin\u0000', password: 'x\u0000' });
    expect(login.status).toBe(400);
    const auth = { Authorization: `Bearer ${agent}` };
    await http(app).get('/api/cases?q=ab%00cd').set(auth).expect(400);
    await http(app).get('/api/cases/%00').set(auth).expect(400);
    await http(app).get('/api/categories/search?q=%00').expect(400);
    await http(app)
      .get('/api/admin/audit?action=%00&targetId=%01')
      .set({ Authorization: `Bearer ${admin}` })
      .expect(400);
    const handler = { Authorization: `Bearer ${await tokenFor(app, 'h.cgj')}` };
    const note = await http(app)
      .post('/api/cases/00000000-0000-4000-8000-000000000000/contributions')
      .set(handler)
      .send({ note: '已处理\u0000' });
    expect(note.status).toBe(400);
    expect(note.body.message).toMatch(/body\.note: contains a NUL character/);
  });

  it('refuses year-0000 and far-future dates in lists, calendar and analytics with 400', async () => {
    const asAgent = { Authorization: `Bearer ${agent}` };
    const asAdmin = { Authorization: `Bearer ${admin}` };
    const sup = { Authorization: `Bearer ${await tokenFor(app, 'sup01')}` };
    await http(app).get('/api/cases?createdFrom=0000-01-01T00:00:00Z').set(asAgent).expect(400);
    await http(app).get('/api/cases?createdTo=9999-12-31T00:00:00Z').set(asAgent).expect(400);
    await http(app).get('/api/calendar?from=0000-01-01&to=2026-01-01').set(asAdmin).expect(400);
    await http(app).put('/api/calendar/days/0000-01-01').set(asAdmin).send({ kind: 'holiday' }).expect(400);
    await http(app).get('/api/analytics/overview?from=0000-01-01&to=0000-12-31').set(sup).expect(400);
    await http(app).get('/api/analytics/trends?from=0000-01-01&to=0000-02-01').set(sup).expect(400);
    await http(app).get('/api/analytics/rankings?month=0000-01').set(sup).expect(400);
    await http(app).get('/api/admin/audit?from=0000-01-01T00:00:00Z').set(asAdmin).expect(400);
    const o311 = await http(app).get('/open311/v2/requests.json?start_date=0000-01-01T00:00:00Z');
    expect(o311.status).toBe(400);
    expect(errorsOf(o311)[0]!.description).toMatch(/between 1900 and 2199/);
  });

  it('refuses JSON nested 8,000 deep and oversized free-form attributes with 400', async () => {
    const before = await caseCount();
    const deep = await http(app)
      .post('/api/public/cases')
      .set('Content-Type', 'application/json')
      .send(`{"type":"complaint","categoryId":${categoryId},"description":"深","attributes":${deeplyNested(8000)}}`);
    expect(deep.status).toBe(400);
    expect(deep.body.message).toMatch(/nested too deeply/);
    const moderate = await http(app)
      .post('/api/public/cases')
      .send(citizenCase({ attributes: JSON.parse(deeplyNested(8)) }));
    expect(moderate.status).toBe(400);
    expect(moderate.body.message).toMatch(/attributes.*Nested too deeply/);
    const large = await http(app)
      .post('/api/public/cases')
      .send(citizenCase({ attributes: { note: 'x'.repeat(20_000) } }));
    expect(large.status).toBe(400);
    expect(await caseCount()).toBe(before);
  });

  it('refuses prototype names as keys: JSON __proto__/constructor and Open311 attribute[...]', async () => {
    const before = await caseCount();
    const proto = await http(app)
      .post('/api/public/cases')
      .set('Content-Type', 'application/json')
      .send(
        `{"type":"complaint","categoryId":${categoryId},"description":"x","attributes":{"constructor":{"prototype":{"polluted":true}}}}`,
      );
    expect(proto.status).toBe(400);
    for (const code of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf']) {
      const res = await http(app)
        .post('/open311/v2/requests.json')
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send(
          form({
            api_key: apiKey,
            service_code: 'CM.SR.ZDJY',
            lat: '31.2969',
            long: '120.6284',
            'attribute[business_type]': 'mobile',
            [`attribute[${code}]`]: 'x',
            description: '摊贩',
          }),
        );
      expect([code, res.status]).toEqual([code, 400]);
      expect(errorsOf(res)[0]!.code).toBe(400);
    }
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(await caseCount()).toBe(before);
  });

  it('refuses NUL in Open311 ids, codes and fields with 400 in the Open311 error format', async () => {
    for (const url of [
      '/open311/v2/requests/%00.xml',
      '/open311/v2/tokens/%00abc.json',
      '/open311/v2/services/CM%00.json',
      '/open311/v2/requests.json?service_code=CM%00',
      '/open311/v2/requests.json?service_request_id=%00',
    ]) {
      const res = await http(app).get(url);
      expect([url, res.status]).toEqual([url, 400]);
      expect(errorsOf(res)[0]!.code).toBe(400);
    }
    const post = await http(app)
      .post('/open311/v2/requests.xml')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(form({ api_key: apiKey, service_code: 'CM.SR.ZDJY', address_id: 'QY.ST', description: 'a\u0000b' }));
    expect(post.status).toBe(400);
    expect(XMLValidator.validate(post.text)).toBe(true);
  });

  it('keeps requests.xml well-formed whatever text was stored earlier', async () => {
    const created = await http(app)
      .post('/open311/v2/requests.json')
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(
        form({
          api_key: apiKey,
          service_code: 'CM.SR.ZDJY',
          address_id: 'QY.ST',
          'attribute[business_type]': 'mobile',
          description: '摊贩占道',
        }),
      )
      .expect(201);
    const trackingNo = created.body[0].service_request_id as string;
    // Text that reached the table before the input check (or by hand): every C0 control
    // character but NUL (PostgreSQL refuses that one), markup, and U+FFFE.
    const hostile = `${Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join('')} <b>&amp; "x" \uFFFE end`;
    await ds.query(`UPDATE cases SET description = $1, address = $1 WHERE tracking_number = $2`, [hostile, trackingNo]);
    for (const url of [
      `/open311/v2/requests/${trackingNo}.xml`,
      `/open311/v2/requests.xml?service_request_id=${trackingNo}`,
    ]) {
      const res = await http(app).get(url).expect(200);
      expect(NOT_XML.test(res.text)).toBe(false);
      expect(XMLValidator.validate(res.text)).toBe(true);
      expect(res.text).toContain('&lt;b&gt;&amp;amp;');
    }
    const json = await http(app).get(`/open311/v2/requests/${trackingNo}.json`).expect(200);
    expect(json.body[0].description).toBe(hostile);
  });
});
