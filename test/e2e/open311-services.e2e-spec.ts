import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestApp, http } from '../support/test-app';
import { errorsOf, xml } from './open311-support';

describe('Open311 discovery and services', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('serves discovery in JSON and XML outside the /api prefix', async () => {
    const json = await http(app).get('/open311/v2/discovery.json').expect(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(json.body).toMatchObject({
      changeset: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/),
      contact: expect.any(String),
      key_service: expect.any(String),
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: expect.stringMatching(/^http:\/\/.+\/open311\/v2$/),
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    });
    const res = await http(app).get('/open311/v2/discovery.xml').expect(200);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
    expect(res.text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
    const doc = xml.parse(res.text);
    expect(doc.discovery.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
    expect(doc.discovery.changeset).toBe(json.body.changeset);
    await http(app).get('/api/open311/v2/discovery.json').expect(404);
  });

  it('lists one service per catalogue leaf, in Chinese by default and English on request', async () => {
    const zh = await http(app).get('/open311/v2/services.json').expect(200);
    const vending = zh.body.find((s: { service_code: string }) => s.service_code === 'CM.SR.ZDJY');
    expect(vending).toEqual({
      service_code: 'CM.SR.ZDJY',
      service_name: '占道经营',
      description: '城市管理 / 市容环境 / 占道经营',
      metadata: true,
      type: 'realtime',
      keywords: expect.stringContaining('摆摊'),
      group: '城市管理',
    });
    // Only leaves: no top-level or middle class is a service.
    expect(zh.body.find((s: { service_code: string }) => s.service_code === 'CM' || s.service_code === 'CM.SR')).toBe(
      undefined,
    );
    for (const s of zh.body) expect(typeof s.service_code).toBe('string');

    const en = await http(app).get('/open311/v2/services.xml').set('Accept-Language', 'en-US,en;q=0.9').expect(200);
    const services = xml.parse(en.text).services.service as Record<string, string>[];
    expect(services).toHaveLength(zh.body.length);
    expect(services.find((s) => s.service_code === 'CM.SR.ZDJY')).toMatchObject({
      service_name: 'Street vending on public roads',
      group: 'Urban Management',
      metadata: 'true',
      type: 'realtime',
    });
    expect(services.find((s) => s.service_code === 'CM.SR.LDLF')?.metadata).toBe('false');
  });

  it('describes a service’s questions with datatype, required, order and values', async () => {
    const json = await http(app).get('/open311/v2/services/CM.SR.ZDJY.json').set('Accept-Language', 'en').expect(200);
    expect(json.body.service_code).toBe('CM.SR.ZDJY');
    expect(json.body.attributes[0]).toEqual({
      variable: true,
      code: 'business_type',
      datatype: 'singlevaluelist',
      required: true,
      datatype_description: null,
      order: 1,
      description: 'Type of vending',
      values: expect.arrayContaining([{ key: 'mobile', name: 'Mobile vendor' }]),
    });
    const res = await http(app).get('/open311/v2/services/CM.SR.ZDJY.xml').expect(200);
    const def = xml.parse(res.text).service_definition;
    expect(def.service_code).toBe('CM.SR.ZDJY');
    const attrs = def.attributes.attribute as Record<string, unknown>[];
    expect(attrs.map((a) => a.code)).toEqual(['business_type', 'time_of_day']);
    expect(attrs[0]).toMatchObject({ variable: 'true', datatype: 'singlevaluelist', required: 'true', order: '1' });
    expect(attrs[0]!.description).toBe('经营类型');
    expect((attrs[0]!.values as { value: { key: string; name: string }[] }).value[0]).toEqual({
      key: 'mobile',
      name: '流动摊贩',
    });
  });

  it('answers unknown services, formats and endpoints with spec-shaped errors', async () => {
    for (const format of ['json', 'xml']) {
      const res = await http(app).get(`/open311/v2/services/NO.SUCH.${format}`).expect(404);
      expect(errorsOf(res)).toEqual([{ code: 404, description: 'service_code NO.SUCH was not found' }]);
      // A middle class is no service.
      await http(app).get(`/open311/v2/services/CM.SR.${format}`).expect(404);
      const unknown = await http(app).get(`/open311/v2/nothing-here.${format}`).expect(404);
      expect(errorsOf(unknown)[0]!.code).toBe(404);
    }
    const csv = await http(app).get('/open311/v2/services.csv').expect(400);
    expect(csv.body).toEqual([{ code: 400, description: 'The format must be .xml or .json' }]);
  });

  it('checks jurisdiction_id against the configured one; empty means absent', async () => {
    await http(app).get('/open311/v2/services.json?jurisdiction_id=qinghe.gov.cn').expect(200);
    await http(app).get('/open311/v2/services.json?jurisdiction_id=').expect(200);
    const res = await http(app).get('/open311/v2/services.xml?jurisdiction_id=elsewhere.gov').expect(404);
    expect(errorsOf(res)).toEqual([{ code: 404, description: 'jurisdiction_id elsewhere.gov was not found' }]);
  });

  it('ignores unknown query parameters (as real clients expect) and refuses a wrong api_key on reads', async () => {
    const extra = await http(app).get('/open311/v2/services.json?colour=red&extensions=true').expect(200);
    const plain = await http(app).get('/open311/v2/services.json').expect(200);
    expect(extra.body).toEqual(plain.body);
    const wrong = await http(app).get('/open311/v2/services.xml?api_key=hk_nope').expect(403);
    expect(errorsOf(wrong)).toEqual([{ code: 403, description: 'api_key is invalid or has been revoked' }]);
  });
});
