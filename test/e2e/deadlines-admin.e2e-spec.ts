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
  flag: string;
  leadBureauId: number | null;
  acceptDueAt: string | null;
  replyDueAt: string | null;
}
interface BoardRow {
  id: string;
  caseId: string;
  kind: string;
  bureauId: number | null;
  status: string;
  dueAt: string;
  secondsLeft: number;
  escalatedAt: string | null;
}
interface CountRow {
  bureauId: number | null;
  bureauCode: string | null;
  pending: number;
  warning: number;
  dueSoon: number;
  overdue: number;
  escalated: number;
}

const ascending = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1]! <= x);

/**
 * The supervisor's boards, a case's deadline history, the policy and calendar admin, the
 * notifications API and the queue dashboard — all through HTTP, with the real worker on a
 * Redis server of the test's own firing a seconds-long policy's clocks.
 */
describe('deadline boards, policy and calendar admin, notifications, queue dashboard', () => {
  let redis: PrivateRedis;
  let app: NestFastifyApplication;
  let worker: WorkerHandle | undefined;
  const tokens: Record<string, string> = {};
  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const savedEnv = { ...process.env };
  const bureaus: Record<string, number> = {};
  const categories: Record<string, number> = {};
  const policyIds: number[] = [];
  let calendarBefore: { version: number; workingPeriods: unknown; escalationWorkingDays: number };

  // 电费与电表 (POWER) gets a seconds policy here and is used by no other spec; 水费与水表 (WATER)
  // and 燃气费与燃气表 (GAS) keep the seeded policies.
  const SHORT = 'GY.GD.DFDB';
  const WATER = 'GY.GS.SFSB';
  const GAS = 'GY.RQ.RQFB';

  beforeAll(async () => {
    redis = await startPrivateRedis();
    app = await createTestApp({ REDIS_URL: redis.url });
    const ds = app.get(DataSource);
    for (const row of (await ds.query(`SELECT code, id FROM bureaus WHERE code IN ('POWER','WATER','GAS')`)) as {
      code: string;
      id: number;
    }[])
      bureaus[row.code] = Number(row.id);
    for (const row of (await ds.query(`SELECT code, id FROM categories WHERE code = ANY($1)`, [
      [SHORT, WATER, GAS],
    ])) as { code: string; id: number }[])
      categories[row.code] = Number(row.id);
    for (const u of ['admin', 'sup01', 'agent01', 'h.power', 'h.water', 'h.gas']) tokens[u] = await tokenFor(app, u);

    // Escalate at once (0 working days after the reminder) so the leadership list fills within the test.
    calendarBefore = (await http(app).get('/api/calendar').set(auth('admin')).expect(200)).body;
    await http(app)
      .put('/api/calendar/settings')
      .set(auth('admin'))
      .send({
        version: calendarBefore.version,
        workingPeriods: calendarBefore.workingPeriods,
        escalationWorkingDays: 0,
      })
      .expect(200);
    const short = await http(app)
      .post('/api/deadline-policies')
      .set(auth('admin'))
      .send({
        name: `e2e boards ${randomUUID().slice(0, 8)}`,
        categoryId: categories[SHORT],
        requestType: null,
        urgency: null,
        acceptLimit: { amount: 1.5 / 60, unit: 'minutes', mode: 'calendar' },
        replyLimit: { amount: 3 / 60, unit: 'minutes', mode: 'calendar' },
        warningFraction: 0.5,
      })
      .expect(201);
    policyIds.push(short.body.id as number);
  }, 60000);

  afterAll(async () => {
    await worker?.stop();
    for (const id of policyIds) await http(app).delete(`/api/deadline-policies/${id}`).set(auth('admin'));
    const now = (await http(app).get('/api/calendar').set(auth('admin'))).body as { version: number };
    await http(app).put('/api/calendar/settings').set(auth('admin')).send({
      version: now.version,
      workingPeriods: calendarBefore.workingPeriods,
      escalationWorkingDays: calendarBefore.escalationWorkingDays,
    });
    await app?.close();
    await redis?.stop();
    for (const k of Object.keys(process.env)) if (!(k in savedEnv)) delete process.env[k];
    Object.assign(process.env, savedEnv);
  });

  async function newCase(categoryCode: string): Promise<CaseView> {
    const res = await http(app)
      .post('/api/cases')
      .set(auth('agent01'))
      .send({
        type: 'complaint',
        categoryId: categories[categoryCode],
        description: `期限看板测试 ${randomUUID()}`,
        caller: { phone: '13800002222' },
      })
      .expect(201);
    return res.body.case as CaseView;
  }
  const board = async (user: string, path: string, query = '') =>
    (await http(app).get(`/api/deadlines/${path}?limit=500${query}`).set(auth(user)).expect(200)).body as BoardRow[];

  describe('boards', () => {
    let late1: CaseView;
    let late2: CaseView;
    let water: CaseView;
    let gas: CaseView;
    let late3: CaseView;
    let late3Request: string;

    beforeAll(async () => {
      late1 = await newCase(SHORT);
      await new Promise((r) => setTimeout(r, 300));
      late2 = await newCase(SHORT);
      // Asked for in time (before the worker even runs), decided only after the clock has fired and escalated.
      late3 = await newCase(SHORT);
      late3Request = (
        await http(app)
          .post(`/api/cases/${late3.id}/extensions`)
          .set(auth('h.power'))
          .send({ kind: 'reply', reason: '等待电表校验结果', newDueAt: new Date(Date.now() + 3_600_000).toISOString() })
          .expect(201)
      ).body.id as string;
      water = await newCase(WATER);
      gas = await newCase(GAS);
      expect(late1.leadBureauId).toBe(bureaus.POWER);
      expect(water.leadBureauId).toBe(bureaus.WATER);
      expect(gas.leadBureauId).toBe(bureaus.GAS);
      worker = await startWorker({ REDIS_URL: redis.url });
      // Both clocks of both short cases missed, then escalated (0 working days).
      await waitFor(
        'the short cases to be overdue and escalated',
        async () => {
          const rows = (await board('sup01', 'escalated', `&bureauId=${bureaus.POWER}`)).filter((r) =>
            [late1.id, late2.id, late3.id].includes(r.caseId),
          );
          return rows.length === 6;
        },
        20000,
        200,
      );
    }, 40000);

    it('due-soon: running clocks sorted by time left, filtered by bureau', async () => {
      const all = await board('sup01', 'due-soon', '&withinHours=1440');
      expect(ascending(all.map((r) => r.secondsLeft))).toBe(true);
      expect(all.every((r) => r.status === 'pending' && r.secondsLeft > 0)).toBe(true);
      const mine = all.filter((r) => [water.id, gas.id].includes(r.caseId));
      expect(mine.map((r) => r.kind).sort()).toEqual(['accept', 'accept', 'reply', 'reply']);

      const onlyWater = await board('sup01', 'due-soon', `&withinHours=1440&bureauId=${bureaus.WATER}`);
      expect(onlyWater.every((r) => r.bureauId === bureaus.WATER)).toBe(true);
      expect(onlyWater.map((r) => r.caseId)).toContain(water.id);
      expect(onlyWater.map((r) => r.caseId)).not.toContain(gas.id);
      // The short cases are no longer due soon: they are overdue.
      expect(all.map((r) => r.caseId)).not.toContain(late1.id);
    });

    it('a handler sees only their bureau, whatever bureauId they ask for', async () => {
      const asked = await board('h.water', 'due-soon', `&withinHours=1440&bureauId=${bureaus.GAS}`);
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.every((r) => r.bureauId === bureaus.WATER)).toBe(true);
      expect((await board('h.water', 'overdue')).every((r) => r.bureauId === bureaus.WATER)).toBe(true);
      expect((await board('h.water', 'escalated')).map((r) => r.caseId)).not.toContain(late1.id);
      const counts = (await http(app).get('/api/deadlines/counts').set(auth('h.water')).expect(200)).body as CountRow[];
      expect(counts.map((c) => c.bureauId)).toEqual([bureaus.WATER]);
    });

    it('overdue: missed clocks, most overdue first, filterable by bureau', async () => {
      const all = await board('sup01', 'overdue');
      expect(ascending(all.map((r) => r.secondsLeft))).toBe(true);
      expect(all.every((r) => r.status === 'missed' && r.secondsLeft <= 0)).toBe(true);
      const power = await board('sup01', 'overdue', `&bureauId=${bureaus.POWER}`);
      expect(power.every((r) => r.bureauId === bureaus.POWER)).toBe(true);
      const mine = power.filter((r) => [late1.id, late2.id].includes(r.caseId));
      // late1's accept clock ran out first (created earlier, shorter limit than reply).
      expect(mine.map((r) => `${r.caseId === late1.id ? 1 : 2}:${r.kind}`)).toEqual([
        '1:accept',
        '2:accept',
        '1:reply',
        '2:reply',
      ]);
      expect((await board('sup01', 'overdue', `&bureauId=${bureaus.WATER}`)).map((r) => r.caseId)).not.toContain(
        late1.id,
      );
    });

    it('escalated: the leadership list, and the case shows when it was escalated', async () => {
      const rows = await board('sup01', 'escalated', `&bureauId=${bureaus.POWER}`);
      expect(rows.filter((r) => r.caseId === late1.id).every((r) => r.escalatedAt !== null)).toBe(true);
      const events = (await http(app).get(`/api/cases/${late1.id}/events`).set(auth('sup01')).expect(200)).body as {
        action: string;
      }[];
      expect(events.filter((e) => e.action === 'reminder')).toHaveLength(2);
      expect(events.filter((e) => e.action === 'escalated')).toHaveLength(2);
    });

    it('counts per bureau', async () => {
      const counts = (await http(app).get('/api/deadlines/counts').set(auth('sup01')).expect(200)).body as CountRow[];
      const power = counts.find((c) => c.bureauId === bureaus.POWER)!;
      expect(power).toMatchObject({ bureauCode: 'POWER' });
      expect(power.overdue).toBeGreaterThanOrEqual(4);
      expect(power.escalated).toBeGreaterThanOrEqual(4);
      expect(counts.find((c) => c.bureauId === bureaus.WATER)!.pending).toBeGreaterThanOrEqual(2);
      const filtered = (
        await http(app).get(`/api/deadlines/counts?bureauId=${bureaus.GAS}`).set(auth('sup01')).expect(200)
      ).body as CountRow[];
      expect(filtered.map((c) => c.bureauId)).toEqual([bureaus.GAS]);
    });

    it("a case's deadline history: every clock, the flag, the escalation; hidden from other bureaus", async () => {
      const h = await http(app).get(`/api/cases/${late1.id}/deadlines`).set(auth('h.power')).expect(200);
      expect(h.body).toMatchObject({ caseId: late1.id, flag: 'overdue', extensions: [], supervisionNotices: [] });
      expect(h.body.escalatedAt).not.toBeNull();
      expect((h.body.deadlines as BoardRow[]).map((d) => [d.kind, d.status])).toEqual([
        ['accept', 'missed'],
        ['reply', 'missed'],
      ]);
      await http(app).get(`/api/cases/${late1.id}/deadlines`).set(auth('h.water')).expect(404);
      await http(app).get(`/api/cases/not-a-uuid/deadlines`).set(auth('sup01')).expect(400);
      await http(app).get(`/api/cases/${randomUUID()}/deadlines`).set(auth('sup01')).expect(404);
    });

    it('an extension asked in time but approved after the clock escalated takes the clock off the overdue and leadership lists', async () => {
      const ok = await http(app)
        .post(`/api/extensions/${late3Request}/decision`)
        .set(auth('sup01'))
        .send({ approve: true })
        .expect(200);
      expect(ok.body.status).toBe('approved');
      const reply = (
        (await http(app).get(`/api/cases/${late3.id}/deadlines`).set(auth('sup01')).expect(200)).body as {
          deadlines: BoardRow[];
        }
      ).deadlines.find((d) => d.kind === 'reply')!;
      expect(reply).toMatchObject({ status: 'pending', escalatedAt: null, dueAt: ok.body.dueAt });
      expect((await board('sup01', 'escalated')).map((r) => r.id)).not.toContain(reply.id);
      expect((await board('sup01', 'overdue')).map((r) => r.id)).not.toContain(reply.id);
      expect((await board('sup01', 'due-soon', '&withinHours=2')).map((r) => r.id)).toContain(reply.id);
      // The accept clock is still missed: the case stays red.
      expect((await board('sup01', 'overdue')).map((r) => r.caseId)).toContain(late3.id);
    });

    it('an extension asked for after the clock has fired is refused with a clear 409', async () => {
      const res = await http(app)
        .post(`/api/cases/${late2.id}/extensions`)
        .set(auth('h.power'))
        .send({ kind: 'reply', reason: '来不及了', newDueAt: new Date(Date.now() + 86_400_000).toISOString() })
        .expect(409);
      expect(res.body.message).toMatch(/already passed/);
    });

    it('bad board queries are 400, not 500', async () => {
      await http(app).get('/api/deadlines/due-soon?bureauId=abc').set(auth('sup01')).expect(400);
      await http(app).get('/api/deadlines/overdue?limit=0').set(auth('sup01')).expect(400);
      await http(app).get('/api/deadlines/due-soon?foo=1').set(auth('sup01')).expect(400);
      await http(app).get('/api/deadlines/overdue').expect(401);
    });

    it('notifications: listed for the user, marked read one by one or all at once', async () => {
      const list = async (q = '') =>
        (await http(app).get(`/api/notifications?limit=200${q}`).set(auth('h.power')).expect(200)).body as {
          items: { id: string; caseId: string; kind: string; readAt: string | null }[];
          unread: number;
        };
      const before = await list();
      const mine = before.items.filter((n) => n.caseId === late1.id);
      expect(mine.map((n) => n.kind).sort()).toEqual([
        'deadline_escalated',
        'deadline_escalated',
        'deadline_overdue',
        'deadline_overdue',
      ]);
      expect(before.unread).toBeGreaterThanOrEqual(mine.length);
      // Another user cannot mark it, and it is not in their list.
      await http(app).post(`/api/notifications/${mine[0]!.id}/read`).set(auth('h.water')).expect(404);
      const water = (await http(app).get('/api/notifications?limit=200').set(auth('h.water')).expect(200)).body as {
        items: { caseId: string }[];
      };
      expect(water.items.map((n) => n.caseId)).not.toContain(late1.id);

      await http(app)
        .post(`/api/notifications/${mine[0]!.id}/read`)
        .set(auth('h.power'))
        .expect(200, { id: mine[0]!.id, read: true });
      const after = await list();
      expect(after.unread).toBe(before.unread - 1);
      expect(after.items.find((n) => n.id === mine[0]!.id)!.readAt).not.toBeNull();
      expect((await list('&unread=true')).items.map((n) => n.id)).not.toContain(mine[0]!.id);

      const all = await http(app).post('/api/notifications/read-all').set(auth('h.power')).expect(200);
      expect(all.body).toEqual({ marked: before.unread - 1 });
      expect((await list()).unread).toBe(0);
      expect((await list('&unread=true')).items).toEqual([]);
      await http(app).post('/api/notifications/12345678901/read').set(auth('h.power')).expect(404);
      await http(app).post('/api/notifications/abc/read').set(auth('h.power')).expect(400);
      await http(app).get('/api/notifications?unread=maybe').set(auth('h.power')).expect(400);
    });
  });

  describe('deadline policy admin', () => {
    const body = (categoryId: number, name = `e2e policy ${randomUUID().slice(0, 8)}`) => ({
      name,
      categoryId,
      requestType: 'suggestion',
      urgency: 'critical',
      acceptLimit: { amount: 1, unit: 'hours', mode: 'working' },
      replyLimit: { amount: 3, unit: 'days', mode: 'working' },
      warningFraction: 0.8,
      pauseAllowed: false,
    });

    it('create, update with the version seen, 409 on a stale version, every version listed', async () => {
      const created = await http(app).post('/api/deadline-policies').set(auth('admin')).send(body(categories[GAS]!));
      expect(created.status).toBe(201);
      policyIds.push(created.body.id as number);
      expect(created.body).toMatchObject({ version: 1, active: true, warningFraction: 0.8, pauseAllowed: false });
      const id = created.body.id as number;

      const v2 = await http(app)
        .put(`/api/deadline-policies/${id}`)
        .set(auth('admin'))
        .send({ ...body(categories[GAS]!, 'renamed'), warningFraction: 0.6, version: 1 })
        .expect(200);
      expect(v2.body).toMatchObject({ id, version: 2, name: 'renamed', warningFraction: 0.6 });
      const stale = await http(app)
        .put(`/api/deadline-policies/${id}`)
        .set(auth('admin'))
        .send({ ...body(categories[GAS]!, 'lost update'), version: 1 })
        .expect(409);
      expect(stale.body.message).toMatch(/changed this policy first/);

      const versions = await http(app).get(`/api/deadline-policies/${id}/versions`).set(auth('sup01')).expect(200);
      expect((versions.body as { version: number; snapshot: { name: string } }[]).map((v) => v.version)).toEqual([
        1, 2,
      ]);
      expect(versions.body[1].snapshot.name).toBe('renamed');
      const active = await http(app).get('/api/deadline-policies').set(auth('agent01')).expect(200);
      expect((active.body as { id: number }[]).map((p) => p.id)).toContain(id);

      // The same category + type + urgency twice is refused.
      const dup = await http(app).post('/api/deadline-policies').set(auth('admin')).send(body(categories[GAS]!));
      expect(dup.status).toBe(409);
      expect(dup.body.message).toMatch(/already exists/);
    });

    it('non-admins may not change policies (403); bad input is 400', async () => {
      for (const user of ['sup01', 'agent01', 'h.gas']) {
        await http(app).post('/api/deadline-policies').set(auth(user)).send(body(categories[WATER]!)).expect(403);
        await http(app)
          .put(`/api/deadline-policies/${policyIds[0]}`)
          .set(auth(user))
          .send({ ...body(categories[WATER]!), version: 1 })
          .expect(403);
      }
      await http(app).get(`/api/deadline-policies/${policyIds[0]}/versions`).set(auth('agent01')).expect(403);
      const bad = await http(app)
        .post('/api/deadline-policies')
        .set(auth('admin'))
        .send({ ...body(categories[WATER]!), acceptLimit: { amount: -1, unit: 'weeks', mode: 'calendar' } })
        .expect(400);
      expect(bad.body.statusCode).toBe(400);
      await http(app)
        .post('/api/deadline-policies')
        .set(auth('admin'))
        .send({ ...body(categories[WATER]!), extra: true })
        .expect(400);
      const noCategory = await http(app)
        .post('/api/deadline-policies')
        .set(auth('admin'))
        .send(body(99_999_999))
        .expect(400);
      expect(noCategory.body.message).toBe('No such category');
      await http(app)
        .put('/api/deadline-policies/99999999')
        .set(auth('admin'))
        .send({ ...body(categories[WATER]!), version: 1 })
        .expect(404);
    });
  });

  describe('calendar admin', () => {
    // A Wednesday far from the seeded holidays.
    const DAY = '2027-03-10';

    it('an admin adds a holiday → GET shows it; removes it → gone', async () => {
      await http(app)
        .put(`/api/calendar/days/${DAY}`)
        .set(auth('admin'))
        .send({ kind: 'holiday', name: 'e2e 假日' })
        .expect(200, { day: DAY, kind: 'holiday', name: 'e2e 假日' });
      const month = await http(app).get('/api/calendar?from=2027-03-01&to=2027-03-31').set(auth('agent01')).expect(200);
      expect(month.body.days).toContainEqual({ day: DAY, kind: 'holiday', name: 'e2e 假日' });
      expect(month.body).toHaveProperty('workingPeriods');
      await http(app).delete(`/api/calendar/days/${DAY}`).set(auth('admin')).expect(200);
      const after = await http(app).get(`/api/calendar?from=${DAY}&to=${DAY}`).set(auth('admin')).expect(200);
      expect(after.body.days).toEqual([]);
      await http(app).delete(`/api/calendar/days/${DAY}`).set(auth('admin')).expect(404);
    });

    it('bad dates and impossible days are 400; non-admins 403', async () => {
      for (const bad of ['not-a-date', '2027-13-01', '2027-02-30', '20270310']) {
        const res = await http(app).put(`/api/calendar/days/${bad}`).set(auth('admin')).send({ kind: 'holiday' });
        expect([bad, res.status]).toEqual([bad, 400]);
      }
      await http(app).get('/api/calendar?from=yesterday').set(auth('admin')).expect(400);
      // 2027-03-13 is a Saturday: already off, and a Wednesday cannot be a make-up working day.
      const weekend = await http(app)
        .put('/api/calendar/days/2027-03-13')
        .set(auth('admin'))
        .send({ kind: 'holiday' })
        .expect(400);
      expect(weekend.body.message).toMatch(/weekend/);
      await http(app).put(`/api/calendar/days/${DAY}`).set(auth('admin')).send({ kind: 'makeup_workday' }).expect(400);
      await http(app).put(`/api/calendar/days/${DAY}`).set(auth('admin')).send({ kind: 'day_off' }).expect(400);
      await http(app).put(`/api/calendar/days/${DAY}`).set(auth('sup01')).send({ kind: 'holiday' }).expect(403);
    });

    it('settings: stale version 409, bad working periods 400', async () => {
      const cur = (await http(app).get('/api/calendar').set(auth('admin')).expect(200)).body as typeof calendarBefore;
      const stale = await http(app)
        .put('/api/calendar/settings')
        .set(auth('admin'))
        .send({ version: cur.version - 1, workingPeriods: cur.workingPeriods, escalationWorkingDays: 0 })
        .expect(409);
      expect(stale.body.message).toMatch(/changed the calendar settings first/);
      await http(app)
        .put('/api/calendar/settings')
        .set(auth('admin'))
        .send({ version: cur.version, workingPeriods: [{ start: '17:00', end: '09:00' }], escalationWorkingDays: 0 })
        .expect(400);
      await http(app)
        .put('/api/calendar/settings')
        .set(auth('admin'))
        .send({ version: cur.version, workingPeriods: [{ start: '9am', end: '5pm' }], escalationWorkingDays: 0 })
        .expect(400);
    });
  });

  describe('queue dashboard (bull-board)', () => {
    it('admin 200, supervisor 403, anonymous 401, bad token 401', async () => {
      const ok = await http(app).get('/api/admin/queues').set(auth('admin'));
      expect(ok.status).toBe(200);
      expect(ok.text).toMatch(/<html/i);
      const sup = await http(app).get('/api/admin/queues').set(auth('sup01')).expect(403);
      expect(sup.body.message).toMatch(/administrators/);
      await http(app).get('/api/admin/queues').set(auth('h.power')).expect(403);
      await http(app).get('/api/admin/queues').expect(401);
      await http(app).get('/api/admin/queues').set({ Authorization: 'Bearer nonsense' }).expect(401);
      // The dashboard's own API is behind the same check.
      await http(app).get('/api/admin/queues/api/queues').set(auth('sup01')).expect(403);
      const api = await http(app).get('/api/admin/queues/api/queues').set(auth('admin')).expect(200);
      expect(JSON.stringify(api.body)).toContain('deadlines');
    });
  });
});
