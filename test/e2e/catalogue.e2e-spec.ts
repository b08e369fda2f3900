import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestApp, http, tokenFor } from '../support/test-app';

interface Node {
  id: number;
  code: string;
  level: number;
  nameZh: string;
  nameEn: string;
  children: Node[];
}

describe('Catalogue API', () => {
  let app: NestFastifyApplication;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => {
    await app.close();
  });

  it('serves the three-level category tree to anyone', async () => {
    const res = await http(app).get('/api/categories').expect(200);
    const tree = res.body as Node[];
    const cm = tree.find((n) => n.code === 'CM')!;
    expect(cm).toMatchObject({ level: 1, nameZh: '城市管理' });
    const leaf = cm.children.flatMap((c) => c.children).find((n) => n.code === 'CM.SR.ZDJY');
    expect(leaf).toMatchObject({ level: 3, nameZh: '占道经营', children: [] });
  });

  it.each([
    ['pinyin initials', 'zdjy'],
    ['full pinyin', 'zhandaojingying'],
    ['Chinese', '占道'],
    ['English', 'street vending'],
    ['a caller keyword', '流动摊贩'],
  ])('finds 占道经营 by %s', async (_what, q) => {
    const res = await http(app).get('/api/categories/search').query({ q }).expect(200);
    const hit = (res.body as { code: string; pathZh: string[]; pathEn: string[] }[]).find(
      (h) => h.code === 'CM.SR.ZDJY',
    );
    expect(hit).toBeDefined();
    expect(hit!.pathZh).toEqual(['城市管理', '市容环境', '占道经营']);
    expect(hit!.pathEn).toHaveLength(3);
  });

  it('ranks the leaf whose own initials match first for "zdjy"', async () => {
    const res = await http(app).get('/api/categories/search').query({ q: 'zdjy' }).expect(200);
    expect(res.body[0].code).toBe('CM.SR.ZDJY');
  });

  it('answers an empty search with 400 and a clear message, unknown parameters too', async () => {
    const empty = await http(app).get('/api/categories/search').query({ q: '' }).expect(400);
    expect(empty.body.message).toMatch(/Type something to search for/);
    const extra = await http(app).get('/api/categories/search').query({ q: 'x', drop: 'table' }).expect(400);
    expect(extra.body.message).toMatch(/drop/);
  });

  it('treats SQL-injection text as an ordinary search', async () => {
    const res = await http(app).get('/api/categories/search').query({ q: "'; DROP TABLE categories; --" }).expect(200);
    expect(res.body).toEqual([]);
    await http(app).get('/api/categories').expect(200);
  });

  it('lists districts with their streets and coordinates', async () => {
    const res = await http(app).get('/api/districts').expect(200);
    expect(res.body.length).toBeGreaterThan(0);
    const street = res.body[0].streets[0];
    expect(street).toEqual(
      expect.objectContaining({ id: expect.any(Number), nameZh: expect.any(String), lat: expect.any(Number) }),
    );
  });

  it('lists bureaus for staff only', async () => {
    await http(app).get('/api/bureaus').expect(401);
    const token = await tokenFor(app, 'h.cgj');
    const res = await http(app).get('/api/bureaus').set('Authorization', `Bearer ${token}`).expect(200);
    expect(res.body.map((b: { code: string }) => b.code)).toContain('CGJ');
  });
});
