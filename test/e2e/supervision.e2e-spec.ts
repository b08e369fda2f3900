import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestApp, http, tokenFor } from '../support/test-app';

interface CaseView {
  id: string;
  status: string;
  version: number;
  leadBureauId: number | null;
  acceptDueAt: string | null;
  replyDueAt: string | null;
}
interface DeadlineView {
  id: string;
  kind: string;
  status: string;
  dueAt: string;
  pausedAt: string | null;
  pauseReason: string | null;
  metAt: string | null;
  generation: number;
}
interface History {
  flag: string;
  deadlines: DeadlineView[];
  extensions: { id: string; status: string; reason: string; requestedDueAt: string; decisionNote: string | null }[];
  supervisionNotices: { id: string; demand: string; dueAt: string; status: string; answer: string | null }[];
}

/**
 * Extensions (延期), supervision notices (督办) and pauses, through HTTP only. No worker runs
 * here: these are the API's rules (who may do what, when, with which message).
 */
describe('extensions, supervision notices and pauses', () => {
  let app: NestFastifyApplication;
  const tokens: Record<string, string> = {};
  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const categories: Record<string, number> = {};
  const policyIds: number[] = [];

  // 电力设施隐患 (POWER) keeps the seeded policy; 水压低 (WATER) gets a 1-second accept clock;
  // 供水管网漏水 (WATER) gets a policy that forbids pausing. No other spec uses these three.
  const NORMAL = 'GY.GD.DLSS';
  const SHORT = 'GY.GS.SYD';
  const NO_PAUSE = 'GY.GS.GWLS';

  const policy = (categoryId: number, accept: number, reply: number, pauseAllowed: boolean) =>
    http(app)
      .post('/api/deadline-policies')
      .set(auth('admin'))
      .send({
        name: `e2e supervision ${randomUUID().slice(0, 8)}`,
        categoryId,
        requestType: null,
        urgency: null,
        acceptLimit: { amount: accept, unit: 'minutes', mode: 'calendar' },
        replyLimit: { amount: reply, unit: 'minutes', mode: 'calendar' },
        pauseAllowed,
      })
      .expect(201)
      .then((r) => policyIds.push(r.body.id as number));

  beforeAll(async () => {
    app = await createTestApp();
    const ds = app.get(DataSource);
    for (const row of (await ds.query(`SELECT code, id FROM categories WHERE code = ANY($1)`, [
      [NORMAL, SHORT, NO_PAUSE],
    ])) as { code: string; id: number }[])
      categories[row.code] = Number(row.id);
    for (const u of ['admin', 'sup01', 'sup02', 'agent01', 'h.power', 'h.water']) tokens[u] = await tokenFor(app, u);
    await policy(categories[SHORT]!, 1 / 60, 60, true);
    await policy(categories[NO_PAUSE]!, 120, 7 * 24 * 60, false);
  });

  afterAll(async () => {
    for (const id of policyIds) await http(app).delete(`/api/deadline-policies/${id}`).set(auth('admin'));
    await app.close();
  });

  async function newCase(code: string): Promise<CaseView> {
    const res = await http(app)
      .post('/api/cases')
      .set(auth('agent01'))
      .send({
        type: 'complaint',
        categoryId: categories[code],
        description: `督办测试 ${randomUUID()}`,
        caller: { phone: '13900003333' },
      })
      .expect(201);
    return res.body.case as CaseView;
  }
  const getCase = async (id: string) =>
    (await http(app).get(`/api/cases/${id}`).set(auth('sup01')).expect(200)).body as CaseView;
  const history = async (id: string, user = 'sup01') =>
    (await http(app).get(`/api/cases/${id}/deadlines`).set(auth(user)).expect(200)).body as History;
  const events = async (id: string) =>
    (await http(app).get(`/api/cases/${id}/events`).set(auth('sup01')).expect(200)).body as {
      action: string;
      note: string | null;
      actorRole: string;
    }[];
  const requestExtension = (user: string, caseId: string, newDueAt: string, kind = 'reply') =>
    http(app)
      .post(`/api/cases/${caseId}/extensions`)
      .set(auth(user))
      .send({ kind, reason: '需要协调供电所停电检修', newDueAt });
  const decide = (user: string, id: string, approve: boolean, note?: string) =>
    http(app)
      .post(`/api/extensions/${id}/decision`)
      .set(auth(user))
      .send({ approve, ...(note ? { note } : {}) });
  const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

  describe('extensions (延期)', () => {
    it('handler asks, supervisor rejects: the reply deadline stays', async () => {
      const c = await newCase(NORMAL);
      expect(c.replyDueAt).not.toBeNull();
      const req = await requestExtension('h.power', c.id, later(c.replyDueAt!, 2 * 86_400_000)).expect(201);
      expect(req.body).toMatchObject({ status: 'pending', previousDueAt: c.replyDueAt });

      // Waiting for a decision: listed for supervisors and for the bureau, not for other bureaus.
      const pending = async (user: string) =>
        ((await http(app).get('/api/extensions').set(auth(user)).expect(200)).body as { id: string }[]).map(
          (e) => e.id,
        );
      expect(await pending('sup01')).toContain(req.body.id);
      expect(await pending('h.power')).toContain(req.body.id);
      expect(await pending('h.water')).not.toContain(req.body.id);
      // A second request while one waits is refused.
      const twice = await requestExtension('h.power', c.id, later(c.replyDueAt!, 3 * 86_400_000)).expect(409);
      expect(twice.body.message).toMatch(/already waiting/);

      await decide('agent01', req.body.id, true).expect(403);
      await decide('h.power', req.body.id, true).expect(403);
      const rejected = await decide('sup01', req.body.id, false, '理由不充分').expect(200);
      expect(rejected.body).toMatchObject({ status: 'rejected', dueAt: c.replyDueAt });
      expect((await getCase(c.id)).replyDueAt).toBe(c.replyDueAt);
      await decide('sup02', req.body.id, true).expect(409);

      const h = await history(c.id);
      expect(h.extensions).toMatchObject([{ id: req.body.id, status: 'rejected', decisionNote: '理由不充分' }]);
      expect((await events(c.id)).map((e) => e.action)).toEqual(
        expect.arrayContaining(['extension_requested', 'extension_rejected']),
      );
      const notes = (await http(app).get('/api/notifications?limit=200').set(auth('h.power')).expect(200)).body as {
        items: { caseId: string; kind: string }[];
      };
      expect(notes.items.filter((n) => n.caseId === c.id).map((n) => n.kind)).toContain('extension_rejected');
    });

    it('handler asks, supervisor approves: reply_due_at moves and the clock is re-armed', async () => {
      const c = await newCase(NORMAL);
      const newDue = later(c.replyDueAt!, 3 * 86_400_000);
      const req = await requestExtension('h.power', c.id, newDue).expect(201);
      const before = (await history(c.id)).deadlines.find((d) => d.kind === 'reply')!;
      const ok = await decide('sup02', req.body.id, true, '同意').expect(200);
      expect(ok.body).toMatchObject({ status: 'approved', dueAt: newDue });
      expect((await getCase(c.id)).replyDueAt).toBe(newDue);
      const after = (await history(c.id)).deadlines.find((d) => d.kind === 'reply')!;
      expect(after).toMatchObject({
        id: before.id,
        status: 'pending',
        dueAt: newDue,
        generation: before.generation + 1,
      });
      // The accept clock is untouched.
      expect((await getCase(c.id)).acceptDueAt).toBe(c.acceptDueAt);
      expect((await events(c.id)).map((e) => e.action)).toContain('extension_approved');
    });

    it('who may ask: another bureau 404, agent and supervisor 403; bad requests 400', async () => {
      const c = await newCase(NORMAL);
      const newDue = later(c.replyDueAt!, 86_400_000);
      await requestExtension('h.water', c.id, newDue).expect(404);
      await requestExtension('agent01', c.id, newDue).expect(403);
      await requestExtension('sup01', c.id, newDue).expect(403);
      await requestExtension('h.power', randomUUID(), newDue).expect(404);
      const earlier = await requestExtension('h.power', c.id, later(c.replyDueAt!, -60_000)).expect(400);
      expect(earlier.body.message).toMatch(/later than the current/);
      await requestExtension('h.power', c.id, 'next tuesday').expect(400);
      await http(app)
        .post(`/api/cases/${c.id}/extensions`)
        .set(auth('h.power'))
        .send({ reason: '', newDueAt: newDue })
        .expect(400);
      await decide('sup01', '99999999999', true).expect(404);
      await decide('sup01', 'abc', true).expect(400);
    });

    it('asked for after the deadline: refused with a clear 409', async () => {
      const c = await newCase(SHORT);
      await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(c.acceptDueAt!) + 200 - Date.now())));
      const res = await requestExtension('h.water', c.id, later(c.acceptDueAt!, 3_600_000), 'accept').expect(409);
      expect(res.body.message).toMatch(/already passed/);
    });

    it('no extension for a clock that does not run', async () => {
      const c = await newCase(NORMAL);
      // A request left waiting when its clock is met drops off the decision list.
      const waiting = await requestExtension('h.power', c.id, later(c.acceptDueAt!, 3_600_000), 'accept').expect(201);
      const listed = async () =>
        ((await http(app).get('/api/extensions').set(auth('sup01')).expect(200)).body as { id: string }[]).map(
          (e) => e.id,
        );
      expect(await listed()).toContain(waiting.body.id);
      await http(app).post(`/api/cases/${c.id}/accept`).set(auth('h.power')).send({ version: c.version }).expect(200);
      expect(await listed()).not.toContain(waiting.body.id);
      const res = await requestExtension('h.power', c.id, later(c.acceptDueAt!, 3_600_000), 'accept').expect(409);
      expect(res.body.message).toMatch(/no running accept deadline/);
      const late = await decide('sup01', waiting.body.id, true).expect(409);
      expect(late.body.message).toMatch(/no longer running/);
    });
  });

  describe('supervision notices (督办)', () => {
    it('issued by a supervisor, tracked with a due time, answered by the handler, listed', async () => {
      const c = await newCase(NORMAL);
      const dueAt = new Date(Date.now() + 2 * 3_600_000).toISOString();
      const issued = await http(app)
        .post(`/api/cases/${c.id}/supervision-notices`)
        .set(auth('sup01'))
        .send({ demand: '请于两小时内排除电线垂落隐患并回复', dueAt })
        .expect(201);
      expect(issued.body).toMatchObject({ caseId: c.id, status: 'open', dueAt });

      // Tracked like any deadline: on the case's history and on the due-soon board.
      const tracked = (await history(c.id)).deadlines.find((d) => d.kind === 'supervision')!;
      expect(tracked).toMatchObject({ id: issued.body.deadlineId, status: 'pending', dueAt });
      const soon = (await http(app).get('/api/deadlines/due-soon?withinHours=3&limit=500').set(auth('h.power')))
        .body as { id: string }[];
      expect(soon.map((d) => d.id)).toContain(issued.body.deadlineId);
      expect((await events(c.id)).find((e) => e.action === 'supervision_notice')!.note).toContain('电线垂落');
      const notes = (await http(app).get('/api/notifications?limit=200').set(auth('h.power')).expect(200)).body as {
        items: { caseId: string; kind: string }[];
      };
      expect(notes.items.filter((n) => n.caseId === c.id).map((n) => n.kind)).toContain('supervision_notice');

      const listed = await http(app).get(`/api/cases/${c.id}/supervision-notices`).set(auth('h.power')).expect(200);
      expect(listed.body).toMatchObject([{ id: issued.body.id, status: 'open', dueAt }]);
      await http(app).get(`/api/cases/${c.id}/supervision-notices`).set(auth('h.water')).expect(404);

      // Only the lead bureau's handler answers.
      const answer = (user: string) =>
        http(app)
          .post(`/api/supervision-notices/${issued.body.id}/answer`)
          .set(auth(user))
          .send({ answer: '已安排抢修班组处理' });
      await answer('h.water').expect(404);
      await answer('sup01').expect(403);
      const answered = await answer('h.power').expect(200);
      expect(answered.body).toMatchObject({ id: issued.body.id, status: 'answered' });
      await answer('h.power').expect(409);

      const h = await history(c.id);
      expect(h.supervisionNotices).toMatchObject([{ status: 'answered', answer: '已安排抢修班组处理' }]);
      expect(h.deadlines.find((d) => d.kind === 'supervision')).toMatchObject({ status: 'met' });
      expect((await events(c.id)).map((e) => e.action)).toContain('supervision_answered');
    });

    it('only supervisors issue; the due time must be ahead; closed cases take none', async () => {
      const c = await newCase(NORMAL);
      const body = { demand: '请尽快处理', dueAt: new Date(Date.now() + 3_600_000).toISOString() };
      for (const user of ['agent01', 'h.power', 'admin'])
        await http(app).post(`/api/cases/${c.id}/supervision-notices`).set(auth(user)).send(body).expect(403);
      const past = await http(app)
        .post(`/api/cases/${c.id}/supervision-notices`)
        .set(auth('sup01'))
        .send({ ...body, dueAt: new Date(Date.now() - 60_000).toISOString() })
        .expect(400);
      expect(past.body.message).toMatch(/future/);
      await http(app)
        .post(`/api/cases/${c.id}/supervision-notices`)
        .set(auth('sup01'))
        .send({ ...body, demand: '' })
        .expect(400);
      await http(app).post(`/api/cases/${randomUUID()}/supervision-notices`).set(auth('sup01')).send(body).expect(404);
      await http(app)
        .post('/api/supervision-notices/99999999999/answer')
        .set(auth('h.power'))
        .send({ answer: 'x' })
        .expect(404);
    });
  });

  describe('pause and resume', () => {
    it('pauses where policy allows, visible with its reason; resume carries the remaining time over', async () => {
      const c = await newCase(NORMAL);
      const reason = '等待市民提供电线杆编号';
      await http(app).post(`/api/cases/${c.id}/deadlines/pause`).set(auth('agent01')).send({ reason }).expect(403);
      await http(app).post(`/api/cases/${c.id}/deadlines/pause`).set(auth('h.water')).send({ reason }).expect(404);
      await http(app).post(`/api/cases/${c.id}/deadlines/pause`).set(auth('h.power')).send({ reason: ' ' }).expect(400);
      const paused = await http(app)
        .post(`/api/cases/${c.id}/deadlines/pause`)
        .set(auth('h.power'))
        .send({ reason })
        .expect(200);
      expect(paused.body).toMatchObject({ paused: 2, reason });

      const h = await history(c.id, 'h.power');
      for (const d of h.deadlines) expect(d).toMatchObject({ status: 'pending', pauseReason: reason });
      expect(h.deadlines.every((d) => d.pausedAt !== null)).toBe(true);
      expect((await events(c.id)).find((e) => e.action === 'clock_paused')!.note).toBe(reason);
      // A paused clock is not "due soon", and cannot be extended until it runs again.
      const soon = (await http(app).get('/api/deadlines/due-soon?withinHours=1440&limit=500').set(auth('h.power')))
        .body as { caseId: string }[];
      expect(soon.map((d) => d.caseId)).not.toContain(c.id);
      const ext = await requestExtension('h.power', c.id, later(c.replyDueAt!, 86_400_000)).expect(409);
      expect(ext.body.message).toMatch(/paused/);
      const again = await http(app)
        .post(`/api/cases/${c.id}/deadlines/pause`)
        .set(auth('h.power'))
        .send({ reason })
        .expect(409);
      expect(again.body.message).toMatch(/already paused/);

      const resumed = await http(app).post(`/api/cases/${c.id}/deadlines/resume`).set(auth('sup01')).expect(200);
      expect(resumed.body.resumed).toBe(2);
      const after = await history(c.id);
      for (const d of after.deadlines)
        expect(d).toMatchObject({ status: 'pending', pausedAt: null, pauseReason: null });
      // The remaining time carried over: the due times did not move earlier.
      const reply = after.deadlines.find((d) => d.kind === 'reply')!;
      expect(Date.parse(reply.dueAt)).toBeGreaterThanOrEqual(Date.parse(c.replyDueAt!) - 1000);
      expect((await getCase(c.id)).replyDueAt).toBe(reply.dueAt);
      expect((await events(c.id)).map((e) => e.action)).toContain('clock_resumed');
      const notPaused = await http(app).post(`/api/cases/${c.id}/deadlines/resume`).set(auth('h.power')).expect(409);
      expect(notPaused.body.message).toMatch(/not paused/);
    });

    it('an extension asked before a pause is decided only once the clock runs again', async () => {
      const c = await newCase(NORMAL);
      const newDue = later(c.replyDueAt!, 2 * 86_400_000);
      const req = await requestExtension('h.power', c.id, newDue).expect(201);
      await http(app)
        .post(`/api/cases/${c.id}/deadlines/pause`)
        .set(auth('h.power'))
        .send({ reason: '等待市民补充材料' })
        .expect(200);
      const refused = await decide('sup01', req.body.id, true).expect(409);
      expect(refused.body.message).toMatch(/paused/);
      await http(app).post(`/api/cases/${c.id}/deadlines/resume`).set(auth('h.power')).expect(200);
      await decide('sup01', req.body.id, true).expect(200);
      expect((await getCase(c.id)).replyDueAt).toBe(newDue);
    });

    it('refused with a clear message where the policy does not allow pausing', async () => {
      const c = await newCase(NO_PAUSE);
      const res = await http(app)
        .post(`/api/cases/${c.id}/deadlines/pause`)
        .set(auth('h.water'))
        .send({ reason: '等待市民回电' })
        .expect(409);
      expect(res.body.message).toMatch(/does not allow pausing/);
      expect((await history(c.id)).deadlines.every((d) => d.pausedAt === null)).toBe(true);
    });
  });
});
