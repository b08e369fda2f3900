import { resetEnvCache } from '@hotline/config';
import { CASE_CHANGED_TOPIC, type TCaseChangedEvent } from '@hotline/contracts';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestApp, http } from '../support/test-app';

describe('Public cases: citizen submission, tracking privacy, rate limits, domain events', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  const saved = {
    limit: process.env['RATE_LIMIT_PUBLIC_PER_MINUTE'],
    prefix: process.env['REDIS_PREFIX'],
  };

  beforeAll(async () => {
    // A low public limit and a Redis prefix of its own (still under this run's prefix), so the
    // counters of other spec files cannot interfere.
    app = await createTestApp({
      RATE_LIMIT_PUBLIC_PER_MINUTE: '8',
      REDIS_PREFIX: `${saved.prefix ?? 'hltest:local'}:public-${randomUUID().slice(0, 8)}`,
    });
    ds = app.get(DataSource);
  });
  afterAll(async () => {
    await app.close();
    // process.env is shared by the spec files of this run: put the limits back.
    process.env['RATE_LIMIT_PUBLIC_PER_MINUTE'] = saved.limit;
    process.env['REDIS_PREFIX'] = saved.prefix;
    resetEnvCache();
  });

  it('emits case.changed in-process after commit, matching the outbox row', async () => {
    const seen: TCaseChangedEvent[] = [];
    const emitter = app.get(EventEmitter2);
    const listener = (e: TCaseChangedEvent) => seen.push(e);
    emitter.on(CASE_CHANGED_TOPIC, listener);
    const [{ id: categoryId }] = await ds.query(`SELECT id FROM categories WHERE code = 'CM.HW.LJQY'`);
    const res = await http(app)
      .post('/api/public/cases')
      .send({
        type: 'complaint',
        categoryId,
        description: '垃圾桶满了',
        caller: { phone: '13912345678', confidential: true },
      })
      .expect(201);
    emitter.off(CASE_CHANGED_TOPIC, listener);
    const mine = seen.find((e) => e.trackingNumber === res.body.trackingNumber);
    expect(mine).toMatchObject({ action: 'auto_dispatch', fromStatus: null, toStatus: 'dispatched', version: 1 });
    const [row] = await ds.query(`SELECT payload FROM outbox_events WHERE aggregate_id = $1`, [mine!.caseId]);
    expect(row.payload).toMatchObject({ caseId: mine!.caseId, action: 'auto_dispatch', toStatus: 'dispatched' });

    // The citizen's own view never echoes contact details; the code is stored only as a hash.
    const view = await http(app).get(`/api/public/cases/${res.body.trackingNumber}?code=${res.body.accessCode}`);
    expect(view.status).toBe(200);
    expect(JSON.stringify(view.body)).not.toContain('13912345678');
    const [stored] = await ds.query(`SELECT access_code_hash FROM cases WHERE id = $1`, [mine!.caseId]);
    expect(stored.access_code_hash).toMatch(/^scrypt\$/);
    expect(stored.access_code_hash).not.toContain(res.body.accessCode);
  });

  it('answers wrong codes with 404, then 429 once the per-minute budget is spent', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await http(app).get(`/api/public/cases/2026112500001`).set('X-Access-Code', 'ZZZZZZ');
      statuses.push(r.status);
      if (r.status === 429) {
        expect(r.body.message).toMatch(/Too many requests; try again in \d+ seconds/);
        expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    // The budget (8/min) is shared with this file's earlier tracking request on the same bucket.
    const firstLimited = statuses.indexOf(429);
    expect(firstLimited).toBeGreaterThanOrEqual(6);
    expect(statuses.slice(0, firstLimited).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(firstLimited).every((s) => s === 429)).toBe(true);
  });

  it('refuses staff-only fields on the public form', async () => {
    const [{ id: categoryId }] = await ds.query(`SELECT id FROM categories WHERE code = 'CM.HW.LJQY'`);
    const r = await http(app)
      .post('/api/public/cases')
      .send({ type: 'help', categoryId, description: 'x', disposition: 'not_accepted', urgency: 'critical' })
      .expect(400);
    expect(r.body.message).toMatch(/disposition|urgency|Unrecognized/);
  });
});
