import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestApp, http, tokenFor } from '../support/test-app';

interface Measures {
  volume: number;
  dispatched: number;
  rates: Record<string, { numerator: number; denominator: number }>;
}

/**
 * The real path: cases created and moved through the cases API write `case.changed` outbox
 * rows; the rollups pick them up. Other specs create cases today too, so this one checks the
 * change it causes (after − before), not absolute figures.
 */
describe('analytics through the cases API', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  const tokens: Record<string, string> = {};
  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  let zjj: number;
  let lift: number;

  const totals = async (query: string): Promise<Measures> => {
    await http(app).post('/api/analytics/refresh').set(auth('admin')).expect(200);
    const res = await http(app)
      .get(`/api/analytics/overview?from=${today}&to=${today}&${query}`)
      .set(auth('sup01'))
      .expect(200);
    return res.body.totals as Measures;
  };
  const delta = (before: Measures, after: Measures, rate: string) => ({
    numerator: after.rates[rate]!.numerator - before.rates[rate]!.numerator,
    denominator: after.rates[rate]!.denominator - before.rates[rate]!.denominator,
  });

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    for (const u of ['admin', 'sup01', 'agent01', 'agent02', 'h.zjj']) tokens[u] = await tokenFor(app, u);
    const id = async (table: string, code: string) =>
      Number((await ds.query(`SELECT id FROM ${table} WHERE code = $1`, [code]))[0].id);
    zjj = await id('bureaus', 'ZJJ');
    lift = await id('categories', 'ZF.WY.DTGZ');
  });
  afterAll(async () => {
    await app.close();
  });

  it('counts intake, dispatch, accept, reply and follow-up as they happen', async () => {
    const scope = `bureauId=${zjj}&categoryId=${lift}`;
    const before = await totals(scope);
    const created = await http(app)
      .post('/api/cases')
      .set(auth('agent01'))
      .send({
        type: 'complaint',
        categoryId: lift,
        description: `电梯停运 ${randomUUID()}`,
        caller: { phone: '13500001111' },
      })
      .expect(201);
    const caseId = String(created.body.case.id);
    const afterIntake = await totals(scope);
    expect(afterIntake.volume - before.volume).toBe(1);
    expect(afterIntake.dispatched - before.dispatched).toBe(1);

    await http(app).post(`/api/cases/${caseId}/accept`).set(auth('h.zjj')).send({ version: 1 }).expect(200);
    await http(app)
      .post(`/api/cases/${caseId}/reply`)
      .set(auth('h.zjj'))
      .send({ version: 2, publicReply: '已联系物业修复电梯' })
      .expect(200);
    const afterReply = await totals(scope);
    expect(delta(before, afterReply, 'acceptOnTime')).toEqual({ numerator: 1, denominator: 1 });
    expect(delta(before, afterReply, 'onTimeClose')).toEqual({ numerator: 1, denominator: 1 });

    await http(app)
      .post(`/api/cases/${caseId}/follow-up`)
      .set(auth('agent02'))
      .send({ version: 3, contacted: true, solved: 'partly', satisfaction: 'dissatisfied' })
      .expect(200);
    const afterFollowUp = await totals(scope);
    expect(delta(before, afterFollowUp, 'response')).toEqual({ numerator: 1, denominator: 1 });
    expect(delta(before, afterFollowUp, 'resolution')).toEqual({ numerator: 0, denominator: 1 });
    expect(delta(before, afterFollowUp, 'satisfaction')).toEqual({ numerator: 0, denominator: 1 });
    expect(afterFollowUp.volume - before.volume).toBe(1);
  });

  it('counts a direct answer at intake in the direct-answer rate', async () => {
    const scope = `categoryId=${lift}`;
    const before = await totals(scope);
    await http(app)
      .post('/api/cases')
      .set(auth('agent01'))
      .send({
        type: 'consultation',
        categoryId: lift,
        description: `电梯年检怎么查 ${randomUUID()}`,
        caller: { phone: '13500002222' },
        disposition: 'direct_answer',
        directAnswer: '可在市场监管局网站查询电梯年检信息',
      })
      .expect(201);
    const after = await totals(scope);
    expect(delta(before, after, 'directAnswer')).toEqual({ numerator: 1, denominator: 1 });
  });
});
