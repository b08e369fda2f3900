import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestApp, http, tokenFor } from '../support/test-app';

describe('Cases: lists, filters, keyset pagination and bureau scope', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  const tokens: Record<string, string> = {};
  const tag = randomUUID().slice(0, 8);
  const created: Array<{ id: string; trackingNumber: string }> = [];

  const id = async (table: string, code: string) =>
    Number((await ds.query(`SELECT id FROM ${table} WHERE code = $1`, [code]))[0].id);
  const list = (user: string, query: Record<string, string | number>) =>
    http(app)
      .get('/api/cases')
      .query(query)
      .set({ Authorization: `Bearer ${tokens[user]}` });

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    for (const u of ['agent01', 'h.cgj', 'h.gas']) tokens[u] = await tokenFor(app, u);
    // 7 rubbish cases in Qingyuan (CGJ) and 3 gas cases (GAS), all tagged for this run.
    const rubbish = await id('categories', 'CM.HW.LJQY');
    const gas = await id('categories', 'GY.RQ');
    const gasLeaf = Number((await ds.query(`SELECT id FROM categories WHERE parent_id = $1 LIMIT 1`, [gas]))[0].id);
    const street = Number((await ds.query(`SELECT id FROM streets WHERE code = 'QY.WM'`))[0].id);
    for (let i = 0; i < 10; i++) {
      const isGas = i >= 7;
      const res = await http(app)
        .post('/api/cases')
        .set({ Authorization: `Bearer ${tokens['agent01']}` })
        .send({
          type: isGas ? 'report' : 'complaint',
          urgency: i === 0 ? 'critical' : 'normal',
          categoryId: isGas ? gasLeaf : rubbish,
          streetId: street,
          description: `${tag} 第${i}号 ${isGas ? '燃气味道' : '垃圾满溢'}`,
        })
        .expect(201);
      created.push(res.body.case);
    }
  });
  afterAll(async () => {
    await app.close();
  });

  it('walks every page with the keyset cursor, newest first, without repeats or gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string | number> = { q: tag, limit: 3 };
      if (cursor) query['cursor'] = cursor;
      const res = await list('agent01', query).expect(200);
      const page = res.body as { items: Array<{ id: string }>; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(created.map((c) => c.id).reverse());
  });

  it('filters by category subtree, district, street, type, urgency, channel, status and created range', async () => {
    const gasTop = await id('categories', 'GY.RQ');
    const byCategory = await list('agent01', { q: tag, categoryId: gasTop, limit: 100 }).expect(200);
    expect(byCategory.body.items).toHaveLength(3);
    const qy = await id('districts', 'QY');
    expect((await list('agent01', { q: tag, districtId: qy, limit: 100 })).body.items).toHaveLength(10);
    expect((await list('agent01', { q: tag, districtId: qy + 1000, limit: 100 })).body.items).toHaveLength(0);
    expect((await list('agent01', { q: tag, type: 'report', limit: 100 })).body.items).toHaveLength(3);
    expect((await list('agent01', { q: tag, urgency: 'critical,urgent' })).body.items).toHaveLength(1);
    expect((await list('agent01', { q: tag, channel: 'web' })).body.items).toHaveLength(0);
    expect((await list('agent01', { q: tag, status: 'dispatched', limit: 100 })).body.items).toHaveLength(10);
    expect((await list('agent01', { q: tag, overdue: 'true' })).body.items).toHaveLength(0);
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await list('agent01', { q: tag, createdFrom: future })).body.items).toHaveLength(0);
    expect((await list('agent01', { q: tag, createdTo: future, limit: 100 })).body.items).toHaveLength(10);
    expect((await list('agent01', { q: `${tag} 第3号` })).body.items).toHaveLength(1);
  });

  it('shows handlers only their own bureau’s cases, even when they ask for another bureau', async () => {
    expect((await list('h.cgj', { q: tag, limit: 100 })).body.items).toHaveLength(7);
    expect((await list('h.gas', { q: tag, limit: 100 })).body.items).toHaveLength(3);
    const cgj = await id('bureaus', 'CGJ');
    expect((await list('h.gas', { q: tag, bureauId: cgj, limit: 100 })).body.items).toHaveLength(0);
  });

  it('refuses bad filters with a clear 400', async () => {
    expect((await list('agent01', { cursor: 'garbage' }).expect(400)).body.message).toBe(
      'The cursor is not valid; start again from the first page',
    );
    expect((await list('agent01', { status: 'bogus' }).expect(400)).body.message).toMatch(/status/);
    expect((await list('agent01', { limit: 0 }).expect(400)).body.message).toMatch(/limit/);
    expect((await list('agent01', { createdFrom: 'yesterday' }).expect(400)).body.message).toMatch(/ISO-8601/);
    expect((await list('agent01', { sort: 'x' }).expect(400)).body.statusCode).toBe(400);
    await http(app).get('/api/cases').expect(401);
  });

  it('the similar-cases lookup finds the same place and category', async () => {
    const rubbish = await id('categories', 'CM.HW.LJQY');
    const street = Number((await ds.query(`SELECT id FROM streets WHERE code = 'QY.WM'`))[0].id);
    const res = await http(app)
      .get('/api/cases/similar')
      .query({ categoryId: rubbish, streetId: street })
      .set({ Authorization: `Bearer ${tokens['agent01']}` })
      .expect(200);
    const ours = res.body.filter((c: { description: string }) => c.description.startsWith(tag));
    expect(ours.length).toBeGreaterThanOrEqual(7);
    expect(ours[0].matchedBy).toEqual(['place']);
    await http(app)
      .get('/api/cases/similar')
      .set({ Authorization: `Bearer ${tokens['agent01']}` })
      .expect(400);
  });
});
