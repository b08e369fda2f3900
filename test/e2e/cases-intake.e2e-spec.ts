import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestApp, http, tokenFor } from '../support/test-app';

describe('Cases: intake (agent phone, citizen web), flat dispatch, idempotency', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  const ids: Record<string, number> = {};

  const categoryId = async (code: string) =>
    (ids[code] ??= Number((await ds.query(`SELECT id FROM categories WHERE code = $1`, [code]))[0].id));
  const bureauId = async (code: string) =>
    Number((await ds.query(`SELECT id FROM bureaus WHERE code = $1`, [code]))[0].id);
  const auth = async (user: string) => ({ Authorization: `Bearer ${await tokenFor(app, user)}` });

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
  });
  afterAll(async () => {
    await app.close();
  });

  it('a citizen submission matched by the catalogue is dispatched at once to the lead bureau', async () => {
    const res = await http(app)
      .post('/api/public/cases')
      .send({
        type: 'complaint',
        categoryId: await categoryId('CM.HW.LJQY'),
        description: '小区门口垃圾桶满了三天没人清运',
        caller: { name: '王小明', phone: '13800001111' },
      })
      .expect(201);
    expect(res.body).toMatchObject({ status: 'dispatched', bureau: { code: 'CGJ' } });
    expect(res.body.trackingNumber).toMatch(/^\d{13,}$/);
    expect(res.body.accessCode).toMatch(/^[A-Z2-9]{6}$/);

    // The handler of that bureau sees it in the bureau's list, with the caller masked.
    const headers = await auth('h.cgj');
    const list = await http(app).get('/api/cases').query({ status: 'dispatched', limit: 100 }).set(headers).expect(200);
    const summary = list.body.items.find(
      (c: { trackingNumber: string }) => c.trackingNumber === res.body.trackingNumber,
    );
    expect(summary).toBeDefined();
    const detail = await http(app).get(`/api/cases/${summary.id}`).set(headers).expect(200);
    expect(detail.body).toMatchObject({
      status: 'dispatched',
      channel: 'web',
      leadBureauId: await bureauId('CGJ'),
      caller: { name: '王**', phone: '138****1111', masked: true },
      allowedActions: expect.arrayContaining(['accept', 'return']),
    });
    const events = await http(app).get(`/api/cases/${summary.id}/events`).set(headers).expect(200);
    expect(events.body.map((e: { action: string }) => e.action)).toEqual(['intake', 'auto_dispatch']);
    const outbox = await ds.query(`SELECT payload FROM outbox_events WHERE aggregate_id = $1`, [summary.id]);
    expect(outbox).toHaveLength(1);
    expect(outbox[0].payload).toMatchObject({ action: 'auto_dispatch', toStatus: 'dispatched', version: 1 });
  });

  it('an unmatched submission waits in the dispatch queue, flagged as ownerless', async () => {
    const res = await http(app)
      .post('/api/public/cases')
      .send({ type: 'complaint', categoryId: await categoryId('CM.XYT.GXDC'), description: '共享单车堆满人行道' })
      .expect(201);
    expect(res.body).toMatchObject({ status: 'awaiting_dispatch', bureau: null });
    const list = await http(app)
      .get('/api/cases')
      .query({ status: 'awaiting_dispatch', q: '共享单车堆满' })
      .set(await auth('agent01'))
      .expect(200);
    expect(list.body.items[0]).toMatchObject({ trackingNumber: res.body.trackingNumber, leadBureauId: null });
  });

  it('an agent registers a phone case; a direct answer closes it at intake', async () => {
    const headers = await auth('agent01');
    const dispatched = await http(app)
      .post('/api/cases')
      .set(headers)
      .send({
        type: 'help',
        urgency: 'urgent',
        categoryId: await categoryId('CM.HW.LJQY'),
        description: '垃圾清运车没有来',
        caller: { name: '李四', phone: '139 0000 2222' },
      })
      .expect(201);
    expect(dispatched.body).toMatchObject({
      replayed: false,
      case: {
        status: 'dispatched',
        channel: 'phone',
        urgency: 'urgent',
        caller: { phone: '13900002222', masked: false },
      },
    });

    const answered = await http(app)
      .post('/api/cases')
      .set(headers)
      .send({
        type: 'consultation',
        categoryId: await categoryId('CM.HW.LJFL'),
        description: '厨余垃圾怎么分类？',
        disposition: 'direct_answer',
        directAnswer: '厨余垃圾投放到绿色桶。',
      })
      .expect(201);
    expect(answered.body.case).toMatchObject({ status: 'closed', closeReason: 'direct_answer', leadBureauId: null });
  });

  it('a retried request with the same Idempotency-Key returns the same case, never a second one', async () => {
    const headers = { ...(await auth('agent02')), 'Idempotency-Key': randomUUID() };
    const body = {
      type: 'report',
      categoryId: await categoryId('CM.HW.LJQY'),
      description: `重复提交测试 ${randomUUID()}`,
      caller: { phone: '13700003333' },
    };
    const first = await http(app).post('/api/cases').set(headers).send(body).expect(201);
    const again = await http(app).post('/api/cases').set(headers).send(body).expect(201);
    expect(again.body.replayed).toBe(true);
    expect(again.body.case.id).toBe(first.body.case.id);

    // Concurrent retries: still exactly one case.
    const key = { ...headers, 'Idempotency-Key': randomUUID() };
    const body2 = { ...body, description: `并发重试 ${randomUUID()}` };
    const results = await Promise.all([1, 2, 3, 4].map(() => http(app).post('/api/cases').set(key).send(body2)));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(results.map((r) => r.body.case.id)).size).toBe(1);
    const count = await ds.query(`SELECT count(*)::int AS n FROM cases WHERE description = $1`, [body2.description]);
    expect(count[0].n).toBe(1);

    const changed = await http(app)
      .post('/api/cases')
      .set(headers)
      .send({ ...body, description: 'something else' })
      .expect(422);
    expect(changed.body.message).toBe('Idempotency-Key reused with a different request');
  });

  it('a citizen retry returns the same tracking number and the same access code', async () => {
    const key = randomUUID();
    const body = { type: 'suggestion', categoryId: await categoryId('CM.HW.LJQY'), description: '建议增加垃圾桶' };
    const first = await http(app).post('/api/public/cases').set('Idempotency-Key', key).send(body).expect(201);
    const again = await http(app).post('/api/public/cases').set('Idempotency-Key', key).send(body).expect(201);
    expect(again.body).toEqual(first.body);
    await http(app)
      .get(`/api/public/cases/${first.body.trackingNumber}`)
      .set('X-Access-Code', again.body.accessCode)
      .expect(200);
  });

  it('refuses bad input with clear 4xx messages, never 500', async () => {
    const headers = await auth('agent01');
    const unknownCategory = await http(app)
      .post('/api/cases')
      .set(headers)
      .send({ type: 'help', categoryId: 999999, description: 'x' })
      .expect(400);
    expect(unknownCategory.body.message).toBe('Category 999999 does not exist');
    const extra = await http(app)
      .post('/api/cases')
      .set(headers)
      .send({ type: 'help', categoryId: await categoryId('CM.HW.LJQY'), description: 'x', hacker: true })
      .expect(400);
    expect(extra.body.message).toMatch(/hacker|Unrecognized/i);
    const noAnswer = await http(app)
      .post('/api/cases')
      .set(headers)
      .send({
        type: 'help',
        categoryId: await categoryId('CM.HW.LJQY'),
        description: 'x',
        disposition: 'direct_answer',
      })
      .expect(400);
    expect(noAnswer.body.message).toMatch(/direct answer needs the answer text/);
    const badKey = await http(app)
      .post('/api/cases')
      .set({ ...headers, 'Idempotency-Key': 'short' })
      .send({ type: 'help', categoryId: await categoryId('CM.HW.LJQY'), description: 'x' })
      .expect(400);
    expect(badKey.body.message).toMatch(/Idempotency-Key must be/);
    const wrongStreet = await http(app)
      .post('/api/public/cases')
      .send({
        type: 'help',
        categoryId: await categoryId('CM.HW.LJQY'),
        description: 'x',
        districtId: 1,
        streetId: 999999,
      })
      .expect(400);
    expect(wrongStreet.body.message).toBe('Street 999999 does not exist');
    // Handlers cannot register cases.
    await http(app)
      .post('/api/cases')
      .set(await auth('h.cgj'))
      .send({ type: 'help', categoryId: await categoryId('CM.HW.LJQY'), description: 'x' })
      .expect(403);
  });
});
