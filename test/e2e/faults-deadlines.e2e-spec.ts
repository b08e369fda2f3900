import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createTestApp, http, tokenFor } from '../support/test-app';
import {
  insertCaseWithClock,
  startPrivateRedis,
  startWorker,
  waitFor,
  type PrivateRedis,
  type WorkerHandle,
} from '../support/worker-harness';

// Fault tests with the real worker module and a Redis server of their own (FLUSHALL is safe).
describe('deadline faults (real Redis, real worker)', () => {
  let redis: PrivateRedis;
  let app: NestFastifyApplication;
  let ds: DataSource;
  let bureauId: number;
  const savedRedisUrl = process.env.REDIS_URL;
  const workers: WorkerHandle[] = [];
  const worker = async () => {
    const w = await startWorker({ REDIS_URL: redis.url });
    workers.push(w);
    return w;
  };

  beforeAll(async () => {
    redis = await startPrivateRedis();
    app = await createTestApp({ REDIS_URL: redis.url });
    ds = app.get(DataSource);
    const [b] = (await ds.query(`SELECT bureau_id FROM users WHERE username = 'h.cgj'`)) as { bureau_id: number }[];
    bureauId = b!.bureau_id;
  }, 60000);

  afterEach(async () => {
    for (const w of workers.splice(0)) await w.stop();
  });

  afterAll(async () => {
    await app.close();
    await redis.stop();
    if (savedRedisUrl === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = savedRedisUrl;
  });

  const reminders = async (caseIds: string[]) =>
    (await ds.query(
      `SELECT c.id, count(e.id)::int AS n FROM unnest($1::uuid[]) AS c(id)
       LEFT JOIN case_events e ON e.case_id = c.id AND e.action = 'reminder' GROUP BY c.id`,
      [caseIds],
    )) as { id: string; n: number }[];
  const allMissed = (ids: string[]) => async () => {
    const [row] = (await ds.query(
      `SELECT count(*)::int AS n FROM case_deadlines WHERE id = ANY($1::bigint[]) AND status = 'missed'`,
      [ids],
    )) as { n: number }[];
    return row!.n === ids.length;
  };
  const published = (ids: string[]) => async () => {
    const [row] = (await ds.query(
      `SELECT count(*)::int AS n FROM case_deadlines WHERE id = ANY($1::bigint[]) AND NOT needs_publish`,
      [ids],
    )) as { n: number }[];
    return row!.n === ids.length;
  };

  it('(1) Redis flushed while 100 cases are open: after reconcile every deadline fires once', async () => {
    const w = await worker();
    const clocks = await Promise.all(
      Array.from({ length: 100 }, () => insertCaseWithClock(ds, { bureauId, dueInMs: 4000 })),
    );
    const ids = clocks.map((c) => c.deadlineId);
    await waitFor('relay to publish', published(ids));
    expect(await redis.client.dbsize()).toBeGreaterThan(0);
    await redis.client.flushall();
    const report = await w.reconcile();
    expect(report.republished).toBeGreaterThanOrEqual(100);
    await waitFor('all 100 deadlines to fire', allMissed(ids), 20000);
    await new Promise((r) => setTimeout(r, 500));
    const counts = await reminders(clocks.map((c) => c.caseId));
    expect(counts.every((c) => c.n === 1)).toBe(true);
    const flags = (await ds.query(`SELECT DISTINCT flag FROM cases WHERE id = ANY($1::uuid[])`, [
      clocks.map((c) => c.caseId),
    ])) as { flag: string }[];
    expect(flags).toEqual([{ flag: 'overdue' }]);
  }, 40000);

  it('(2) worker killed mid-run, another started: pending deadlines fire, none twice', async () => {
    const a = await worker();
    const early = await Promise.all(
      Array.from({ length: 20 }, () => insertCaseWithClock(ds, { bureauId, dueInMs: 1500 })),
    );
    const late = await Promise.all(
      Array.from({ length: 20 }, () => insertCaseWithClock(ds, { bureauId, dueInMs: 4000 })),
    );
    const all = [...early, ...late];
    await waitFor('relay to publish', published(all.map((c) => c.deadlineId)));
    await new Promise((r) => setTimeout(r, 1550)); // the early ones are firing right now
    await a.kill();
    await worker();
    await waitFor('every deadline to fire', allMissed(all.map((c) => c.deadlineId)), 20000);
    await new Promise((r) => setTimeout(r, 1500)); // give any stalled duplicate the chance to run
    const counts = await reminders(all.map((c) => c.caseId));
    expect(counts.map((c) => c.n)).toEqual(all.map(() => 1));
  }, 40000);

  it('(3) two workers: each due deadline produces exactly one reminder and one set of notifications', async () => {
    await worker();
    await worker();
    const clocks = await Promise.all(
      Array.from({ length: 50 }, () => insertCaseWithClock(ds, { bureauId, dueInMs: 2500 })),
    );
    await waitFor('all to fire', allMissed(clocks.map((c) => c.deadlineId)), 20000);
    await new Promise((r) => setTimeout(r, 500));
    const counts = await reminders(clocks.map((c) => c.caseId));
    expect(counts.every((c) => c.n === 1)).toBe(true);
    const [{ recipients }] = (await ds.query(
      `SELECT count(*)::int AS recipients FROM users WHERE NOT disabled AND (role = 'supervisor' OR (role = 'handler' AND bureau_id = $1))`,
      [bureauId],
    )) as [{ recipients: number }];
    const notes = (await ds.query(
      `SELECT case_id, count(*)::int AS n FROM notifications WHERE case_id = ANY($1::uuid[]) AND kind = 'deadline_overdue' GROUP BY case_id`,
      [clocks.map((c) => c.caseId)],
    )) as { n: number }[];
    expect(notes).toHaveLength(50);
    expect(notes.every((n) => n.n === recipients)).toBe(true);
  }, 40000);

  it('(4) extension approved after the warning: the old due job does nothing, the new one fires on time', async () => {
    await worker();
    // Signed in before the clock starts: on a loaded machine two sign-ins (scrypt) can take
    // longer than the 2 s between the warning and the due time the extension must beat.
    const handler = await tokenFor(app, 'h.cgj');
    const supervisor = await tokenFor(app, 'sup01');
    const clock = await insertCaseWithClock(ds, { bureauId, dueInMs: 3000, warnInMs: 1000 });
    await waitFor('the warning', async () => {
      const [c] = (await ds.query(`SELECT flag FROM cases WHERE id = $1`, [clock.caseId])) as { flag: string }[];
      return c!.flag === 'warning';
    });
    const newDue = new Date(Date.now() + 5000);
    const req = await http(app)
      .post(`/api/cases/${clock.caseId}/extensions`)
      .set('Authorization', `Bearer ${handler}`)
      .send({ kind: 'reply', reason: '等待供水公司检修', newDueAt: newDue.toISOString() })
      .expect(201);
    await http(app)
      .post(`/api/extensions/${req.body.id}/decision`)
      .set('Authorization', `Bearer ${supervisor}`)
      .send({ approve: true, note: '同意' })
      .expect(200);
    // Past the old due time: still pending, no reminder.
    await new Promise((r) => setTimeout(r, Math.max(0, clock.dueAt.getTime() + 800 - Date.now())));
    const [mid] = (await ds.query(`SELECT status, generation FROM case_deadlines WHERE id = $1`, [
      clock.deadlineId,
    ])) as {
      status: string;
      generation: number;
    }[];
    expect(mid).toMatchObject({ status: 'pending', generation: 2 });
    expect((await reminders([clock.caseId]))[0]!.n).toBe(0);
    await waitFor('the new due time', allMissed([clock.deadlineId]), 10000);
    const [fired] = (await ds.query(`SELECT fired_at FROM case_deadlines WHERE id = $1`, [clock.deadlineId])) as {
      fired_at: Date;
    }[];
    const lateness = fired!.fired_at.getTime() - newDue.getTime();
    expect(lateness).toBeGreaterThanOrEqual(-5);
    expect(lateness).toBeLessThan(1000);
    expect((await reminders([clock.caseId]))[0]!.n).toBe(1);
    const history = await http(app)
      .get(`/api/cases/${clock.caseId}/deadlines`)
      .set('Authorization', `Bearer ${supervisor}`)
      .expect(200);
    expect(history.body.flag).toBe('overdue');
    expect(history.body.extensions[0]).toMatchObject({ status: 'approved' });
  }, 40000);
});
