import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { catalogueIds, type CatalogueIds } from '../support/catalogue-fixtures';
import { createTestApp, http, tokenFor } from '../support/test-app';

describe('Dispatch catalogue API', () => {
  let app: NestFastifyApplication;
  let admin: string;
  let agent: string;
  let ids: CatalogueIds;
  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });
  // A keyword of our own, so rules made here never collide with other tests' rules.
  const keyword = () => `kw${randomBytes(4).toString('hex')}`;

  beforeAll(async () => {
    app = await createTestApp();
    admin = await tokenFor(app, 'admin');
    agent = await tokenFor(app, 'agent01');
    ids = await catalogueIds(app, admin);
  });
  afterAll(async () => {
    await app.close();
  });

  const newRule = (kw: string) => ({
    categoryId: ids.category('CM.SR.ZDJY'),
    districtId: ids.district('QY'),
    streetId: ids.street('QY.WM'),
    keyword: kw,
    leadBureauId: ids.bureau('SCJ'),
    assistingBureauIds: [ids.bureau('CGJ')],
  });

  it('creates a rule that the preview then picks, with the reason, and records version 1 and an audit row', async () => {
    const kw = keyword();
    const created = await http(app).post('/api/dispatch/rules').set(auth(admin)).send(newRule(kw)).expect(201);
    expect(created.body).toMatchObject({ keyword: kw, version: 1, active: true, leadBureauId: ids.bureau('SCJ') });

    const preview = await http(app)
      .get('/api/dispatch/preview')
      .set(auth(agent))
      .query({
        categoryId: ids.category('CM.SR.ZDJY'),
        districtId: ids.district('QY'),
        streetId: ids.street('QY.WM'),
        description: `门口有人摆摊 ${kw.toUpperCase()}`,
      })
      .expect(200);
    expect(preview.body).toMatchObject({
      matched: true,
      bureau: { code: 'SCJ' },
      assistingBureaus: [{ code: 'CGJ' }],
      rule: { id: created.body.id },
    });
    expect(preview.body.reason).toContain(`#${created.body.id}`);

    const versions = await http(app)
      .get(`/api/dispatch/rules/${created.body.id}/versions`)
      .set(auth(agent))
      .expect(200);
    expect(versions.body).toEqual([expect.objectContaining({ version: 1, change: 'create' })]);

    const audit = await http(app)
      .get('/api/admin/audit')
      .set(auth(admin))
      .query({ action: 'dispatch_rule.create', targetType: 'dispatch_rule', targetId: String(created.body.id) })
      .expect(200);
    expect(audit.body.items).toHaveLength(1);
  });

  it('without the keyword the broader seeded rule (城管局 on 市容环境) still wins', async () => {
    const preview = await http(app)
      .get('/api/dispatch/preview')
      .set(auth(agent))
      .query({ categoryId: ids.category('CM.SR.ZDJY'), description: '门口有人摆摊' })
      .expect(200);
    expect(preview.body).toMatchObject({ matched: true, bureau: { code: 'CGJ' } });
  });

  it('says so when no rule covers a category (an ownerless case)', async () => {
    const preview = await http(app)
      .get('/api/dispatch/preview')
      .set(auth(agent))
      .query({ categoryId: ids.category('CM.XYT.GXDC') })
      .expect(200);
    expect(preview.body).toMatchObject({ matched: false, bureau: null, rule: null });
    expect(preview.body.reason).toMatch(/No dispatch rule/);
  });

  it('refuses a second active rule for the same category and area with 409 naming the rule', async () => {
    const kw = keyword();
    const first = await http(app).post('/api/dispatch/rules').set(auth(admin)).send(newRule(kw)).expect(201);
    // Case and surrounding spaces do not make a keyword different.
    const res = await http(app)
      .post('/api/dispatch/rules')
      .set(auth(admin))
      .send({ ...newRule(` ${kw.toUpperCase()} `), leadBureauId: ids.bureau('CGJ'), assistingBureauIds: [] })
      .expect(409);
    expect(res.body.message).toBe(`A rule for this category and area already exists (#${first.body.id})`);
  });

  it('refuses a street outside the district given', async () => {
    const res = await http(app)
      .post('/api/dispatch/rules')
      .set(auth(admin))
      .send({ ...newRule(keyword()), districtId: ids.district('HX') })
      .expect(400);
    expect(res.body.message).toMatch(/is not in district/);
  });

  it('refuses unknown fields, unknown bureaus and a lead that also assists', async () => {
    const extra = await http(app)
      .post('/api/dispatch/rules')
      .set(auth(admin))
      .send({ ...newRule(keyword()), priority: 1 })
      .expect(400);
    expect(extra.body.message).toMatch(/priority/);
    const missing = await http(app)
      .post('/api/dispatch/rules')
      .set(auth(admin))
      .send({ ...newRule(keyword()), leadBureauId: 999999 })
      .expect(400);
    expect(missing.body.message).toBe('Bureau 999999 does not exist');
    await http(app)
      .post('/api/dispatch/rules')
      .set(auth(admin))
      .send({ ...newRule(keyword()), assistingBureauIds: [ids.bureau('SCJ')] })
      .expect(400);
  });

  it('updates with the version read, refuses a stale version, and keeps every version', async () => {
    const created = await http(app).post('/api/dispatch/rules').set(auth(admin)).send(newRule(keyword())).expect(201);
    const id = created.body.id as number;
    const updated = await http(app)
      .patch(`/api/dispatch/rules/${id}`)
      .set(auth(admin))
      .send({ version: 1, leadBureauId: ids.bureau('CGJ'), assistingBureauIds: [] })
      .expect(200);
    expect(updated.body).toMatchObject({ version: 2, leadBureauId: ids.bureau('CGJ'), assistingBureauIds: [] });
    const stale = await http(app)
      .patch(`/api/dispatch/rules/${id}`)
      .set(auth(admin))
      .send({ version: 1, keyword: keyword() })
      .expect(409);
    expect(stale.body.message).toMatch(/changed by someone else \(now version 2\)/);

    await http(app).post(`/api/dispatch/rules/${id}/deactivate`).set(auth(admin)).send({ version: 2 }).expect(200);
    await http(app).post(`/api/dispatch/rules/${id}/deactivate`).set(auth(admin)).send({ version: 3 }).expect(409);
    const versions = await http(app).get(`/api/dispatch/rules/${id}/versions`).set(auth(admin)).expect(200);
    expect(versions.body.map((v: { change: string; version: number }) => [v.version, v.change])).toEqual([
      [1, 'create'],
      [2, 'update'],
      [3, 'deactivate'],
    ]);
    const active = await http(app)
      .get('/api/dispatch/rules')
      .set(auth(agent))
      .query({ categoryId: ids.category('CM.SR.ZDJY') })
      .expect(200);
    expect(active.body.map((r: { id: number }) => r.id)).not.toContain(id);
  });

  it('lists rules of a category subtree, including the seeded ones', async () => {
    const res = await http(app)
      .get('/api/dispatch/rules')
      .set(auth(agent))
      .query({ categoryId: ids.category('CM') });
    expect(res.status).toBe(200);
    expect(res.body.some((r: { categoryId: number }) => r.categoryId === ids.category('CM.SR'))).toBe(true);
  });

  it('lets only admins write and keeps handlers out of the catalogue', async () => {
    await http(app).post('/api/dispatch/rules').set(auth(agent)).send(newRule(keyword())).expect(403);
    const handler = await tokenFor(app, 'h.cgj');
    await http(app).get('/api/dispatch/rules').set(auth(handler)).expect(403);
    await http(app).get('/api/dispatch/rules/999999/versions').set(auth(admin)).expect(404);
  });
});
