import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import pg from 'pg';
import { createTestApp, http, tokenFor } from '../support/test-app';
import { errorsOf, issueKey, xml } from './open311-support';

type Form = Record<string, string | string[]>;

/** Form-encoded as an outside client sends it (repeated keys for list answers). */
function formBody(form: Form): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) for (const one of Array.isArray(v) ? v : [v]) params.append(k, one);
  return params.toString();
}

describe('Open311 service requests', () => {
  let app: NestFastifyApplication;
  let key: string;
  let db: pg.Client;

  const post = (format: 'json' | 'xml', form: Form, lang?: string) => {
    const req = http(app)
      .post(`/open311/v2/requests.${format}`)
      .set('Content-Type', 'application/x-www-form-urlencoded');
    if (lang) void req.set('Accept-Language', lang);
    return req.send(formBody(form));
  };
  /** A valid street-vending report at a point in Shuangta Subdistrict (清源区双塔街道). */
  const vending = (extra: Form = {}): Form => ({
    api_key: key,
    service_code: 'CM.SR.ZDJY',
    lat: '31.2969',
    long: '120.6284',
    'attribute[business_type]': 'mobile',
    'attribute[time_of_day][]': ['morning', 'evening'],
    description: '人民路口每天早上有流动摊贩占道，行人只能走机动车道',
    email: 'resident.open311@example.org',
    phone: '13912345678',
    first_name: '小明',
    last_name: '王',
    account_id: 'acct-42',
    device_id: 'device-7',
    media_url: 'https://photos.example.org/vending.jpg',
    ...extra,
  });

  /** The case id behind a tracking number (what GET /tokens resolves). */
  const caseIdOf = async (trackingNumber: string): Promise<string> =>
    (await db.query(`SELECT id FROM cases WHERE tracking_number = $1`, [trackingNumber])).rows[0].id as string;

  beforeAll(async () => {
    app = await createTestApp();
    key = (await issueKey(app, 'Open311 e2e client')).key;
    db = new pg.Client({ connectionString: process.env['DATABASE_URL'] });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await app.close();
  });

  it('takes a form-encoded request in JSON, dispatches it to its bureau and shows it closed with the reply', async () => {
    const res = await post('json', vending()).expect(201);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    // Created at once: the spec's service_request_id, and no token (that is for deferred requests).
    expect(res.body).toEqual([
      {
        service_request_id: expect.any(String),
        service_notice: expect.stringContaining('已派发'),
        account_id: 'acct-42',
      },
    ]);
    const [{ service_request_id: id }] = res.body as { service_request_id: string }[];
    const token = await caseIdOf(id);

    // The point snapped to 双塔街道, whose street rule sends vending to the subdistrict office.
    // The client reads with its key, so it sees the point as it sent it.
    const open = await http(app).get(`/open311/v2/requests/${id}.json?api_key=${key}`).expect(200);
    expect(open.body).toHaveLength(1);
    expect(open.body[0]).toMatchObject({
      service_request_id: id,
      status: 'open',
      status_notes: null,
      service_code: 'CM.SR.ZDJY',
      service_name: '占道经营',
      agency_responsible: '清源区双塔街道办事处',
      address_id: 'QY.ST',
      lat: 31.2969,
      long: 120.6284,
      media_url: 'https://photos.example.org/vending.jpg',
      requested_datetime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/),
      updated_datetime: expect.stringMatching(/\+08:00$/),
    });
    // Never the citizen's contact data.
    expect(open.text).not.toMatch(/resident\.open311|13912345678|小明/);

    // The staff side sees the same case: channel open311, dispatched, attributes typed.
    const agent = await tokenFor(app, 'agent01');
    const staff = await http(app).get(`/api/cases/${token}`).set('Authorization', `Bearer ${agent}`).expect(200);
    expect(staff.body).toMatchObject({ trackingNumber: id, channel: 'open311', status: 'dispatched' });

    // The bureau accepts and replies.
    const handler = await tokenFor(app, 'h.qy-stjd');
    const auth = { Authorization: `Bearer ${handler}` };
    let current = await http(app).get(`/api/cases/${token}`).set(auth).expect(200);
    await http(app)
      .post(`/api/cases/${token}/accept`)
      .set(auth)
      .send({ version: current.body.version })
      .expect((r) => expect(r.status).toBeLessThan(300));
    current = await http(app).get(`/api/cases/${token}`).set(auth).expect(200);
    const reply = '已联系城管中队清理，并在路口增设了巡查点。';
    await http(app)
      .post(`/api/cases/${token}/reply`)
      .set(auth)
      .send({ version: current.body.version, publicReply: reply })
      .expect((r) => expect(r.status).toBeLessThan(300));

    const closed = await http(app).get(`/open311/v2/requests.xml?service_request_id=${id}`).expect(200);
    const [request] = xml.parse(closed.text).service_requests.request as Record<string, string>[];
    expect(request).toMatchObject({ service_request_id: id, status: 'closed', status_notes: reply });
    expect(request!.expected_datetime === '' || /\+08:00$/.test(request!.expected_datetime!)).toBe(true);
    const onlyClosed = await http(app).get('/open311/v2/requests.json?status=closed&service_code=CM.SR.ZDJY');
    expect(onlyClosed.body.map((r: { service_request_id: string }) => r.service_request_id)).toContain(id);
    const onlyOpen = await http(app).get('/open311/v2/requests.json?status=open&service_code=CM.SR.ZDJY');
    expect(onlyOpen.body.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(id);

    // Attributable: the intake is in the audit log under the API key.
    const audit = await db.query(`SELECT actor_type, actor_id FROM audit_log WHERE target_id = $1 OR target_id = $2`, [
      token,
      id,
    ]);
    expect(audit.rows).toContainEqual(expect.objectContaining({ actor_type: 'api_key' }));
  });

  it('takes a request in XML and answers with the spec’s service_requests document', async () => {
    const res = await post('xml', vending({ address_id: 'QY.QY', lat: '', long: '' }), 'en').expect(201);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    const [created] = xml.parse(res.text).service_requests.request as Record<string, string>[];
    expect(created).toMatchObject({ account_id: 'acct-42', service_notice: expect.stringContaining('Registered') });
    expect(created).not.toHaveProperty('token');
    const one = await http(app)
      .get(`/open311/v2/requests/${created!.service_request_id}.xml`)
      .set('Accept-Language', 'en');
    const [request] = xml.parse(one.text).service_requests.request as Record<string, string>[];
    // 清源街道 has no street rule: the district rule sends it to the district enforcement bureau.
    expect(request).toMatchObject({
      status: 'open',
      service_name: 'Street vending on public roads',
      agency_responsible: 'Qingyuan District Urban Management Enforcement Bureau',
      address_id: 'QY.QY',
      zipcode: '',
    });
    // GET /tokens still resolves a case id for clients that kept one from earlier answers.
    const caseId = await caseIdOf(created!.service_request_id!);
    const token = await http(app).get(`/open311/v2/tokens/${caseId}.xml`).expect(200);
    expect(xml.parse(token.text).service_requests.request[0]).toEqual({
      service_request_id: created!.service_request_id,
      token: caseId,
    });
  });

  it('accepts an address alone, and a retried request with the same Idempotency-Key once', async () => {
    const form = { api_key: key, service_code: 'CM.SR.LDLF', address_string: '河西区柳溪街道建设路 8 号门口' };
    const idem = 'open311-e2e-idempotency-0001';
    const first = await post('json', form).set('Idempotency-Key', idem).expect(201);
    const again = await post('json', form).set('Idempotency-Key', idem).expect(201);
    expect(again.body[0].service_request_id).toBe(first.body[0].service_request_id);
    const one = await http(app)
      .get(`/open311/v2/requests/${first.body[0].service_request_id}.json?api_key=${key}`)
      .expect(200);
    expect(one.body[0]).toMatchObject({ address: '河西区柳溪街道建设路 8 号门口', address_id: 'HX.LX', lat: null });
    // Without a key the house number is not published: the place is the street.
    const anonymous = await http(app).get(`/open311/v2/requests/${first.body[0].service_request_id}.json`).expect(200);
    expect(anonymous.body[0]).toMatchObject({ address: '河西区柳溪街道', address_id: 'HX.LX' });
  });

  it('filters by ids (overriding other filters), codes, dates and pages', async () => {
    const a = (await post('json', vending()).expect(201)).body[0].service_request_id as string;
    const b = (await post('json', vending({ description: '第二条' })).expect(201)).body[0].service_request_id as string;
    const both = await http(app)
      .get(`/open311/v2/requests.json?service_request_id=${a},${b}&status=closed&service_code=GY.GS.TS`)
      .expect(200);
    expect(both.body.map((r: { service_request_id: string }) => r.service_request_id).sort()).toEqual([a, b].sort());

    const now = Date.now();
    const start = new Date(now - 60_000).toISOString();
    const end = new Date(now + 60_000).toISOString();
    const recent = await http(app)
      .get(`/open311/v2/requests.json?service_code=CM.SR.ZDJY,CM.SR.LDLF&start_date=${start}&end_date=${end}`)
      .expect(200);
    const ids = recent.body.map((r: { service_request_id: string }) => r.service_request_id);
    expect(ids).toEqual(expect.arrayContaining([a, b]));
    for (const r of recent.body) expect(['CM.SR.ZDJY', 'CM.SR.LDLF']).toContain(r.service_code);

    const page1 = await http(app).get('/open311/v2/requests.json?page_size=1&page=1').expect(200);
    const page2 = await http(app).get('/open311/v2/requests.json?page_size=1&page=2').expect(200);
    expect(page1.body).toHaveLength(1);
    expect(page2.body).toHaveLength(1);
    expect(page1.body[0].service_request_id).not.toBe(page2.body[0].service_request_id);

    const old = await http(app).get('/open311/v2/requests.json?end_date=2020-01-01T00:00:00%2B08:00').expect(200);
    expect(old.body).toEqual([]);
  });

  it('accepts what real clients (Chicago, Austin) send: unknown parameters, zipcode on POST, repeated lists', async () => {
    for (const format of ['json', 'xml'] as const) {
      const created = await post(format, vending({ zipcode: '215000', extensions: 'true', favourite_colour: 'red' }));
      expect(created.status).toBe(201);
    }
    const created = await post('json', vending({ zipcode: '215000' })).expect(201);
    const id = created.body[0].service_request_id as string;
    // Repeated status= is one list, like status=open,closed; unknown query parameters are ignored.
    const repeated = await http(app)
      .get(`/open311/v2/requests.json?status=open&status=closed&extensions=true&service_code=CM.SR.ZDJY`)
      .expect(200);
    const both = await http(app)
      .get(`/open311/v2/requests.json?status=open,closed&service_code=CM.SR.ZDJY`)
      .expect(200);
    expect(repeated.body).toEqual(both.body);
    expect(repeated.body.map((r: { service_request_id: string }) => r.service_request_id)).toContain(id);
    const codes = await http(app)
      .get(`/open311/v2/requests.json?service_request_id=${id}&service_request_id=2099-NOPE`)
      .expect(200);
    expect(codes.body.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([id]);
    for (const path of ['discovery.json', 'services.xml', 'services/CM.SR.ZDJY.json', `requests/${id}.xml`]) {
      await http(app).get(`/open311/v2/${path}?extensions=true&locale=zh`).expect(200);
    }
    // Known parameters are still checked, repeated or not.
    const bad = await http(app).get('/open311/v2/requests.json?status=open&status=pending').expect(400);
    expect(errorsOf(bad)[0]!.description).toMatch(/status must be open, closed/);
  });

  it('answers every bad request with the spec’s errors, in both formats', async () => {
    const long = 'x'.repeat(4001);
    const cases: [Form, number, string | RegExp][] = [
      [{ ...vending(), api_key: '' }, 403, 'api_key is required'],
      [{ ...vending(), api_key: 'hk_not-a-real-key' }, 403, 'api_key is invalid or has been revoked'],
      [{ ...vending(), service_code: '' }, 400, /service_code is required/],
      [{ ...vending(), service_code: 'NO.SUCH' }, 404, 'service_code NO.SUCH was not found'],
      [{ ...vending(), jurisdiction_id: 'elsewhere.gov' }, 404, 'jurisdiction_id elsewhere.gov was not found'],
      [{ ...vending(), lat: '', long: '' }, 400, /a location is required/],
      [{ ...vending(), long: '' }, 400, /lat and long must be given together/],
      [{ ...vending(), lat: 'north' }, 400, /lat must be a decimal number/],
      [{ ...vending(), lat: '39.9', long: '116.4' }, 400, 'lat/long lies outside the jurisdiction'],
      [{ ...vending(), lat: '', long: '', address_id: 'NOPE' }, 400, 'address_id NOPE is not a known street code'],
      [{ ...vending(), 'attribute[business_type]': '' }, 400, /attribute\[business_type\] is required/],
      [{ ...vending(), 'attribute[business_type]': 'spaceship' }, 400, /attribute\[business_type\] must be one of/],
      [{ ...vending(), 'attribute[colour]': 'red' }, 400, /attribute\[colour\] is not a question/],
      [{ ...vending(), description: long }, 400, /at most 4000 characters/],
      [{ ...vending(), email: 'not-an-email' }, 400, /email is not a valid/],
      [{ ...vending(), media_url: 'ftp://x' }, 400, /media_url must be an http/],
      [{ ...vending(), media_url: 'javascript:alert(document.cookie)' }, 400, /media_url must be an http/],
    ];
    for (const format of ['json', 'xml'] as const) {
      for (const [form, code, description] of cases) {
        const res = await post(format, form);
        expect({ form: Object.keys(form).join(), status: res.status }).toEqual({
          form: Object.keys(form).join(),
          status: code,
        });
        expect(res.headers['content-type']).toBe(
          format === 'xml' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8',
        );
        const errors = errorsOf(res);
        expect(errors.length).toBeGreaterThan(0);
        for (const e of errors) expect(e.code).toBe(code);
        expect(errors.map((e) => e.description).join(' | ')).toMatch(description);
      }
    }
    const notFound = await http(app).get('/open311/v2/requests/2099-NOPE.xml').expect(404);
    expect(errorsOf(notFound)).toEqual([{ code: 404, description: 'service_request_id 2099-NOPE was not found' }]);
    await http(app).get('/open311/v2/tokens/00000000-0000-4000-8000-000000000000.json').expect(404);
    await http(app).get('/open311/v2/tokens/not-a-token.json').expect(404);

    const badQueries: [string, RegExp][] = [
      ['start_date=2026-01-01T00:00:00Z&end_date=2026-05-01T00:00:00Z', /at most 90 days apart/],
      ['start_date=2026-02-01T00:00:00Z&end_date=2026-01-01T00:00:00Z', /must not be after/],
      ['start_date=yesterday', /start_date must be an ISO-8601/],
      ['start_date=2026-01-01T00:00:00', /timezone/],
      ['status=pending', /status must be open, closed/],
      ['page_size=5000', /page_size is at most 1000/],
      ['page=0', /page starts at 1/],
    ];
    for (const format of ['json', 'xml']) {
      for (const [query, message] of badQueries) {
        const res = await http(app).get(`/open311/v2/requests.${format}?${query}`);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect(
          errorsOf(res)
            .map((e) => e.description)
            .join(' | '),
        ).toMatch(message);
      }
    }
  });
});
