import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestApp, http, tokenFor } from '../support/test-app';
import {
  startPrivateRedis,
  startWorker,
  waitFor,
  type PrivateRedis,
  type WorkerHandle,
} from '../support/worker-harness';

interface CaseView {
  id: string;
  status: string;
  version: number;
  flag: 'none' | 'warning' | 'overdue';
  leadBureauId: number | null;
  acceptDueAt: string | null;
  replyDueAt: string | null;
}

interface DeadlineView {
  id: string;
  kind: 'accept' | 'reply' | 'supervision';
  status: string;
  dueAt: string;
  warnAt: string | null;
  warnedAt: string | null;
  firedAt: string | null;
  metAt: string | null;
}

/**
 * The whole path with nothing stubbed: a case created through the cases API under a
 * seconds-long policy made through the policy admin API, the transition hook writing its
 * clocks, the real worker (relay + processors) on a Redis server of the test's own, and
 * the outcome read back through HTTP only.
 */
describe('deadlines end to end: cases API → clocks → worker → flag, reminder, notifications', () => {
  let redis: PrivateRedis;
  let app: NestFastifyApplication;
  let worker: WorkerHandle;
  let policyId: number;
  let categoryId: number;
  let powerBureauId: number;
  const tokens: Record<string, string> = {};
  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const savedEnv = { ...process.env };

  // 电压异常 (GY.GD.DYYC) is dispatched by the seeded catalogue to the power company and is
  // used by no other spec, so the short policy below touches nobody else's cases.
  const CATEGORY = 'GY.GD.DYYC';
  // accept: 4 s, reply: 12 s, warning at half the time, calendar mode (no working hours).
  const ACCEPT_MS = 4000;
  const REPLY_MS = 12000;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    app = await createTestApp({ REDIS_URL: redis.url });
    const ds = app.get(DataSource);
    const [cat] = (await ds.query(`SELECT id FROM categories WHERE code = $1`, [CATEGORY])) as { id: number }[];
    categoryId = Number(cat!.id);
    for (const u of ['admin', 'agent01', 'sup01', 'h.power', 'h.water']) tokens[u] = await tokenFor(app, u);
    const [power] = (await ds.query(`SELECT id FROM bureaus WHERE code = 'POWER'`)) as { id: number }[];
    powerBureauId = Number(power!.id);

    const policy = await http(app)
      .post('/api/deadline-policies')
      .set(auth('admin'))
      .send({
        name: `e2e seconds policy ${randomUUID().slice(0, 8)}`,
        categoryId,
        requestType: null,
        urgency: null,
        acceptLimit: { amount: ACCEPT_MS / 60_000, unit: 'minutes', mode: 'calendar' },
        replyLimit: { amount: REPLY_MS / 60_000, unit: 'minutes', mode: 'calendar' },
        warningFraction: 0.5,
        pauseAllowed: true,
      })
      .expect(201);
    policyId = policy.body.id as number;
    worker = await startWorker({ REDIS_URL: redis.url });
  }, 60000);

  afterAll(async () => {
    await worker?.stop();
    // Retire the seconds policy so later specs in this run get the normal clocks.
    if (policyId) await http(app).delete(`/api/deadline-policies/${policyId}`).set(auth('admin'));
    await app?.close();
    await redis?.stop();
    for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
    Object.assign(process.env, savedEnv);
  });

  async function phoneCase(): Promise<CaseView> {
    const res = await http(app)
      .post('/api/cases')
      .set(auth('agent01'))
      .send({
        type: 'complaint',
        categoryId,
        description: `小区电压不稳，灯一闪一闪 ${randomUUID()}`,
        caller: { phone: '13700001111' },
      })
      .expect(201);
    return res.body.case as CaseView;
  }
  const getCase = async (id: string) =>
    (await http(app).get(`/api/cases/${id}`).set(auth('sup01')).expect(200)).body as CaseView;
  const deadlines = async (id: string) =>
    (await http(app).get(`/api/cases/${id}/deadlines`).set(auth('sup01')).expect(200)).body as {
      flag: string;
      deadlines: DeadlineView[];
    };
  const events = async (id: string) =>
    (await http(app).get(`/api/cases/${id}/events`).set(auth('sup01')).expect(200)).body as {
      action: string;
      note: string | null;
      actorRole: string;
      at: string;
    }[];
  const notificationsFor = async (user: string, caseId: string) =>
    (
      (await http(app).get('/api/notifications?limit=200').set(auth(user)).expect(200)).body as {
        items: { caseId: string; kind: string; title: string; readAt: string | null }[];
      }
    ).items.filter((n) => n.caseId === caseId);

  it('a dispatched case warns at the warning point, then is flagged overdue within 2 s of its deadline with a reminder and notifications', async () => {
    const created = Date.now();
    const c = await phoneCase();
    expect(c).toMatchObject({ status: 'dispatched', leadBureauId: powerBureauId, flag: 'none' });
    // The policy made through the admin API is the one the clocks follow.
    const acceptDue = Date.parse(c.acceptDueAt!);
    expect(acceptDue - created).toBeGreaterThan(ACCEPT_MS - 1500);
    expect(acceptDue - created).toBeLessThan(ACCEPT_MS + 1500);
    const history = await deadlines(c.id);
    const accept = history.deadlines.find((d) => d.kind === 'accept')!;
    expect(accept).toMatchObject({ status: 'pending', warnedAt: null });
    const warnAt = Date.parse(accept.warnAt!);
    expect(warnAt).toBeLessThan(acceptDue);

    // Yellow first: the warning fires at the warning point, before the deadline.
    const warnedSeenAt = await waitFor(
      'the warning flag',
      async () => ((await getCase(c.id)).flag === 'warning' ? Date.now() : false),
      ACCEPT_MS + 2000,
    );
    expect(warnedSeenAt).toBeGreaterThanOrEqual(warnAt - 5);
    expect(warnedSeenAt).toBeLessThan(acceptDue);
    const warned = (await deadlines(c.id)).deadlines.find((d) => d.kind === 'accept')!;
    expect(Date.parse(warned.warnedAt!) - warnAt).toBeLessThan(1000);
    expect((await events(c.id)).map((e) => e.action)).toContain('deadline_warning');

    // Red within 2 s of the deadline.
    const overdueSeenAt = await waitFor(
      'the overdue flag',
      async () => ((await getCase(c.id)).flag === 'overdue' ? Date.now() : false),
      ACCEPT_MS + 4000,
    );
    expect(overdueSeenAt - acceptDue).toBeLessThanOrEqual(2000);
    const fired = (await deadlines(c.id)).deadlines.find((d) => d.kind === 'accept')!;
    expect(fired.status).toBe('missed');
    expect(Date.parse(fired.firedAt!) - acceptDue).toBeGreaterThanOrEqual(-5);
    expect(Date.parse(fired.firedAt!) - acceptDue).toBeLessThan(2000);

    // A reminder (催办) by the system on the timeline, once.
    const reminders = (await events(c.id)).filter((e) => e.action === 'reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ actorRole: 'system' });
    expect(reminders[0]!.note).toContain('催办');

    // Notifications for the bureau's handler and the supervisors — not for other bureaus.
    const forHandler = await notificationsFor('h.power', c.id);
    expect(forHandler.filter((n) => n.kind === 'deadline_overdue')).toHaveLength(1);
    expect(forHandler[0]).toMatchObject({ readAt: null });
    expect((await notificationsFor('sup01', c.id)).filter((n) => n.kind === 'deadline_overdue')).toHaveLength(1);
    expect(await notificationsFor('h.water', c.id)).toHaveLength(0);

    // The red flag is queryable through the cases list too.
    const list = await http(app)
      .get(`/api/cases?flag=overdue&categoryId=${categoryId}&limit=100`)
      .set(auth('sup01'))
      .expect(200);
    expect((list.body.items as { id: string }[]).map((i) => i.id)).toContain(c.id);
  }, 30000);

  it('after accept the accept clock is met: no accept overdue, no reminder, the reply clock keeps running', async () => {
    const c = await phoneCase();
    const acceptDue = Date.parse(c.acceptDueAt!);
    await http(app).post(`/api/cases/${c.id}/accept`).set(auth('h.power')).send({ version: c.version }).expect(200);
    // Wait past the accept deadline plus the 2 s allowance.
    await new Promise((r) => setTimeout(r, Math.max(0, acceptDue + 2000 - Date.now())));
    const h = await deadlines(c.id);
    const accept = h.deadlines.find((d) => d.kind === 'accept')!;
    expect(accept.status).toBe('met');
    expect(accept.firedAt).toBeNull();
    expect(accept.metAt).not.toBeNull();
    expect(h.deadlines.find((d) => d.kind === 'reply')).toMatchObject({ status: 'pending', firedAt: null });
    expect((await getCase(c.id)).flag).not.toBe('overdue');
    expect((await events(c.id)).filter((e) => e.action === 'reminder')).toHaveLength(0);
    expect(await notificationsFor('h.power', c.id)).toHaveLength(0);
  }, 30000);
  it('a supervision notice (督办) is a clock like any other: unanswered at its due time it fires a reminder; answering settles it', async () => {
    const c = await phoneCase();
    await http(app).post(`/api/cases/${c.id}/accept`).set(auth('h.power')).send({ version: c.version }).expect(200);
    const dueAt = new Date(Date.now() + 2500);
    const notice = await http(app)
      .post(`/api/cases/${c.id}/supervision-notices`)
      .set(auth('sup01'))
      .send({ demand: '请立即排查电压异常原因', dueAt: dueAt.toISOString() })
      .expect(201);
    const fired = await waitFor(
      'the supervision clock to fire',
      async () => {
        const d = (await deadlines(c.id)).deadlines.find((x) => x.id === notice.body.deadlineId)!;
        return d.status === 'missed' ? d : false;
      },
      8000,
    );
    expect(Date.parse(fired.firedAt!) - dueAt.getTime()).toBeLessThan(2000);
    expect((await getCase(c.id)).flag).toBe('overdue');
    expect((await events(c.id)).filter((e) => e.action === 'reminder')).toHaveLength(1);
    expect((await notificationsFor('h.power', c.id)).map((n) => n.kind)).toContain('deadline_overdue');

    // Answered late: the clock stays 'missed' in the history but is settled, so the red flag clears.
    await http(app)
      .post(`/api/supervision-notices/${notice.body.id}/answer`)
      .set(auth('h.power'))
      .send({ answer: '已更换变压器' })
      .expect(200);
    // (not 'none': on a slow machine the case's own reply clock may have warned by now)
    expect((await getCase(c.id)).flag).not.toBe('overdue');
    const board = (await http(app).get('/api/deadlines/overdue?limit=500').set(auth('sup01')).expect(200)).body as {
      id: string;
    }[];
    expect(board.map((d) => d.id)).not.toContain(notice.body.deadlineId);
  }, 30000);
});
