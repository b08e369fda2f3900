import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { catalogueIds, type CatalogueIds } from '../support/catalogue-fixtures';
import { createTestApp, http, tokenFor } from '../support/test-app';

// Issue 12: everyday words find categories (search and "describe it, we suggest"), and a
// citizen who is not sure of the category still files: the case waits for an agent.

interface Hit {
  id: number;
  code: string;
  nameZh: string;
  pathZh: string[];
  matched?: string[];
}

describe('Catalogue synonyms, suggestions and the "not sure" public intake', () => {
  let app: NestFastifyApplication;
  let ids: CatalogueIds;

  const search = async (q: string) =>
    (await http(app).get('/api/categories/search').query({ q }).expect(200)).body as Hit[];
  const suggest = (text: string) => http(app).post('/api/public/catalogue/suggest').send({ text });

  beforeAll(async () => {
    app = await createTestApp();
    ids = await catalogueIds(app, await tokenFor(app, 'agent01'));
  });
  afterAll(async () => {
    await app.close();
  });

  it.each([
    ['小摊贩', 'CM.SR.ZDJY'],
    ['停水了', 'GY.GS.TS'],
    ['噪音扰民', 'ST.ZS.SHZS'],
    ['摆摊', 'CM.SR.ZDJY'],
    ['电梯坏了', 'ZF.WY.DTGZ'],
  ])('the category search finds %s → %s', async (q, code) => {
    expect((await search(q)).map((h) => h.code)).toContain(code);
    expect((await search(q))[0]!.code).toBe(code);
  });

  it('the tree carries the synonyms', async () => {
    const tree = (await http(app).get('/api/categories').expect(200)).body as Array<{
      code: string;
      children: Array<{ code: string; children: Array<{ code: string; synonyms: string[] }> }>;
    }>;
    const leaf = tree
      .flatMap((t) => t.children)
      .flatMap((m) => m.children)
      .find((l) => l.code === 'GY.GS.TS')!;
    expect(leaf.synonyms).toContain('停水了');
  });

  it('suggests up to 5 categories for a description, the best first', async () => {
    const r1 = (await suggest('我家从早上开始停水了，小区里都没水').expect(200)).body.items as Hit[];
    expect(r1[0]!.code).toBe('GY.GS.TS');
    expect(r1[0]!.matched).toContain('停水了');
    expect(r1.length).toBeLessThanOrEqual(5);
    const r2 = (await suggest('楼下晚上有小摊贩摆摊，还噪音扰民').expect(200)).body.items as Hit[];
    expect(
      r2
        .slice(0, 2)
        .map((h) => h.code)
        .sort(),
    ).toEqual(['CM.SR.ZDJY', 'ST.ZS.SHZS']);
    const r3 = (await suggest('工地半夜施工太吵了').expect(200)).body.items as Hit[];
    expect(r3[0]!.code).toBe('ST.ZS.SGZS');
    expect((await suggest('你好你好').expect(200)).body.items).toEqual([]);
    await suggest('x').expect(400);
    await http(app).post('/api/public/catalogue/suggest').send({ text: '停水了', extra: 1 }).expect(400);
  });

  it('a "not sure" citizen case (no category) lands in awaiting_dispatch for the agents', async () => {
    const res = await http(app)
      .post('/api/public/cases')
      .send({ type: 'help', streetId: ids.street('QY.WM'), description: '不知道归哪里管：楼道灯一直闪' })
      .expect(201);
    expect(res.body).toMatchObject({ status: 'awaiting_dispatch', bureau: null });
    const sup = await tokenFor(app, 'agent01');
    const queue = (
      await http(app)
        .get('/api/cases')
        .query({ trackingNo: res.body.trackingNumber })
        .set('Authorization', `Bearer ${sup}`)
        .expect(200)
    ).body;
    expect(queue.items[0]).toMatchObject({ status: 'awaiting_dispatch', categoryId: null, channel: 'web' });
    // The agent dispatches it with the category chosen now.
    const detail = (
      await http(app).get(`/api/cases/${queue.items[0].id}`).set('Authorization', `Bearer ${sup}`).expect(200)
    ).body;
    const done = await http(app)
      .post(`/api/cases/${detail.id}/dispatch`)
      .set('Authorization', `Bearer ${sup}`)
      .send({ version: detail.version, bureauId: ids.bureau('CGJ'), categoryId: ids.category('CM.SZ.LDBL') })
      .expect(200);
    expect(done.body).toMatchObject({ status: 'dispatched', categoryId: ids.category('CM.SZ.LDBL') });
  });
});
