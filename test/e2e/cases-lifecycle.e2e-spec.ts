import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createTestApp, http, tokenFor } from '../support/test-app';

interface CaseBody {
  id: string;
  status: string;
  version: number;
  leadBureauId: number | null;
  reopenCount: number;
  allowedActions: string[];
}

describe('Cases: lifecycle, concurrency, timeline and the citizen side', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;

  const one = async (q: string, p: unknown[]) => (await ds.query(q, p))[0];
  const categoryId = async (code: string) =>
    Number((await one(`SELECT id FROM categories WHERE code = $1`, [code])).id);
  const bureauId = async (code: string) => Number((await one(`SELECT id FROM bureaus WHERE code = $1`, [code])).id);
  const tokens: Record<string, string> = {};
  const USERS = ['agent01', 'agent02', 'sup01', 'h.zjj', 'h.scj', 'h.gas'];
  const auth = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });

  /** POST /api/cases/:id/<action> as `user`. */
  const act = (user: string, caseId: string, action: string, body: Record<string, unknown>) =>
    http(app).post(`/api/cases/${caseId}/${action}`).set(auth(user)).send(body);
  const get = (user: string, caseId: string) => http(app).get(`/api/cases/${caseId}`).set(auth(user));

  /** A citizen's case about a broken lift: the catalogue gives it to ZJJ with SCJ assisting. */
  async function citizenCase(description = `电梯坏了一周 ${randomUUID()}`) {
    const res = await http(app)
      .post('/api/public/cases')
      .send({
        type: 'complaint',
        categoryId: await categoryId('ZF.WY.DTGZ'),
        description,
        caller: { name: '赵六', phone: '13611112222' },
      })
      .expect(201);
    const row = await one(`SELECT id FROM cases WHERE tracking_number = $1`, [res.body.trackingNumber]);
    return { id: String(row.id), trackingNumber: String(res.body.trackingNumber), code: String(res.body.accessCode) };
  }

  async function phoneCase(categoryCode: string, description: string): Promise<CaseBody> {
    const res = await http(app)
      .post('/api/cases')
      .set(auth('agent01'))
      .send({
        type: 'complaint',
        categoryId: await categoryId(categoryCode),
        description,
        caller: { phone: '13522223333' },
      })
      .expect(201);
    return res.body.case as CaseBody;
  }

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    for (const u of USERS) tokens[u] = await tokenFor(app, u);
  });
  afterAll(async () => {
    await app.close();
  });

  it('runs the whole loop: accept, return, redispatch, accept, reply, citizen feedback closes it', async () => {
    const c = await citizenCase();
    const zjj = await bureauId('ZJJ');
    let v = (await get('agent01', c.id).expect(200)).body as CaseBody;
    expect(v).toMatchObject({ status: 'dispatched', leadBureauId: zjj, version: 1 });

    let r = await act('h.zjj', c.id, 'accept', { version: 1 }).expect(200);
    expect(r.body).toMatchObject({ status: 'in_progress', version: 2 });
    r = await act('h.zjj', c.id, 'return', { version: 2, reason: '应由物业公司负责' }).expect(200);
    expect(r.body).toMatchObject({ status: 'return_review', returnCount: 1, returnReason: '应由物业公司负责' });
    r = await act('agent01', c.id, 'return-decision', {
      version: 3,
      decision: 'redispatch',
      bureauId: await bureauId('SCJ'),
    }).expect(200);
    expect(r.body).toMatchObject({ status: 'dispatched', leadBureauId: await bureauId('SCJ') });
    // ZJJ no longer leads or assists: the case is gone from its view.
    await get('h.zjj', c.id).expect(404);

    r = await act('h.scj', c.id, 'accept', { version: 4 }).expect(200);
    r = await act('h.scj', c.id, 'reply', {
      version: 5,
      publicReply: '已督促物业修复电梯',
      internalNote: '物业公司负责人电话 0512-000',
    }).expect(200);
    expect(r.body).toMatchObject({ status: 'awaiting_follow_up', publicReply: '已督促物业修复电梯' });

    // The citizen sees the reply, never the internal note.
    const view = await http(app).get(`/api/public/cases/${c.trackingNumber}`).set('X-Access-Code', c.code).expect(200);
    expect(view.body).toMatchObject({
      status: 'awaiting_follow_up',
      bureau: { nameEn: 'Municipal Market Regulation Administration' },
      replies: [{ text: '已督促物业修复电梯' }],
      canGiveFeedback: true,
    });
    expect(JSON.stringify(view.body)).not.toContain('0512-000');
    expect(JSON.stringify(view.body)).not.toContain('应由物业公司负责');
    expect(JSON.stringify(view.body)).not.toContain('13611112222');

    const fb = await http(app)
      .post(`/api/public/cases/${c.trackingNumber}/feedback`)
      .send({ accessCode: c.code, contacted: true, solved: 'solved', satisfaction: 'satisfied' })
      .expect(200);
    expect(fb.body).toMatchObject({ status: 'closed', canGiveFeedback: false });
    v = (await get('agent01', c.id).expect(200)).body;
    expect(v).toMatchObject({ status: 'closed', closeReason: 'follow_up', followUp: { solved: 'solved' } });

    // Feedback is given once.
    const again = await http(app)
      .post(`/api/public/cases/${c.trackingNumber}/feedback`)
      .send({ accessCode: c.code, contacted: true, solved: 'solved', satisfaction: 'satisfied' })
      .expect(409);
    expect(again.body.message).toBe('This case is closed; feedback is no longer taken');

    const events = await http(app).get(`/api/cases/${c.id}/events`).set(auth('agent01')).expect(200);
    expect(events.body.map((e: { action: string }) => e.action)).toEqual([
      'intake',
      'auto_dispatch',
      'accept',
      'request_return',
      'redispatch',
      'accept',
      'reply',
      'follow_up_close',
    ]);
    expect(events.body[6]).toMatchObject({
      actorRole: 'handler',
      fromStatus: 'in_progress',
      toStatus: 'awaiting_follow_up',
    });
    const outbox = await ds.query(`SELECT payload FROM outbox_events WHERE aggregate_id = $1 ORDER BY id`, [c.id]);
    expect(outbox.map((o: { payload: { action: string } }) => o.payload.action)).toEqual([
      'auto_dispatch',
      'accept',
      'request_return',
      'redispatch',
      'accept',
      'reply',
      'follow_up_close',
    ]);
  });

  it('dissatisfied feedback reopens the case for its bureau and counts the reopen', async () => {
    const c = await citizenCase();
    await act('h.zjj', c.id, 'accept', { version: 1 }).expect(200);
    await act('h.zjj', c.id, 'reply', { version: 2, publicReply: '已处理' }).expect(200);
    const early = await http(app)
      .post(`/api/public/cases/${c.trackingNumber}/feedback`)
      .send({ accessCode: 'WRONG1', contacted: true, solved: 'not', satisfaction: 'dissatisfied' })
      .expect(404);
    expect(early.body.message).toBe('No case with that tracking number and access code');
    const fb = await http(app)
      .post(`/api/public/cases/${c.trackingNumber}/feedback`)
      .send({
        accessCode: c.code,
        contacted: true,
        solved: 'not',
        satisfaction: 'dissatisfied',
        comment: '电梯还是坏的',
      })
      .expect(200);
    expect(fb.body.status).toBe('in_progress');
    const v = (await get('h.zjj', c.id).expect(200)).body;
    expect(v).toMatchObject({ status: 'in_progress', reopenCount: 1, leadBureauId: await bureauId('ZJJ') });
    expect(v.allowedActions).toContain('reply');
  });

  it('an agent follow-up that is satisfied closes; a supervisor can reopen a closed case', async () => {
    const c = await citizenCase();
    await act('h.zjj', c.id, 'accept', { version: 1 }).expect(200);
    await act('h.zjj', c.id, 'reply', { version: 2, publicReply: '已修好' }).expect(200);
    await act('agent02', c.id, 'follow-up', {
      version: 3,
      contacted: true,
      solved: 'partly',
      satisfaction: 'basically',
    }).expect(200);
    const r = await act('sup01', c.id, 'reopen', { version: 4, reason: '媒体报道仍未修好' }).expect(200);
    expect(r.body).toMatchObject({ status: 'in_progress', reopenCount: 1, closedAt: null });
  });

  it('merges a repeat into its parent: the child follows the parent and is counted once', async () => {
    const parent = await citizenCase('同一部电梯又坏了 parent');
    const child = await citizenCase('同一部电梯又坏了 child');
    const similar = await http(app)
      .get('/api/cases/similar')
      .query({ phone: '13611112222', excludeId: child.id })
      .set(auth('agent01'))
      .expect(200);
    expect(similar.body.map((s: { id: string }) => s.id)).toContain(parent.id);
    expect(similar.body.find((s: { id: string }) => s.id === parent.id).matchedBy).toContain('caller');

    await act('agent01', child.id, 'merge', { version: 1, parentCaseId: child.id }).expect(400);
    const r = await act('agent01', child.id, 'merge', { version: 1, parentCaseId: parent.id }).expect(200);
    expect(r.body).toMatchObject({ status: 'closed', closeReason: 'merged', parentCaseId: parent.id });
    expect((await get('agent01', parent.id)).body.mergedChildren).toBe(1);

    // The child's citizen follows the parent's progress.
    await act('h.zjj', parent.id, 'accept', { version: 1 }).expect(200);
    const view = await http(app).get(`/api/public/cases/${child.trackingNumber}?code=${child.code}`).expect(200);
    expect(view.body).toMatchObject({ status: 'in_progress', mergedInto: parent.trackingNumber });
    // A merged child is not reopened on its own.
    const reopen = await act('sup01', child.id, 'reopen', { version: 2, reason: 'x' }).expect(409);
    expect(reopen.body.message).toBe('A merged case follows its parent; reopen the parent case instead');
  });

  it('a stale version gets 409 and changes nothing', async () => {
    const c = await citizenCase();
    await act('h.zjj', c.id, 'accept', { version: 1 }).expect(200);
    const stale = await act('h.zjj', c.id, 'reply', { version: 1, publicReply: '旧版本' }).expect(409);
    expect(stale.body.message).toBe('This case was changed by someone else; reload and try again');
    const v = (await get('h.zjj', c.id)).body;
    expect(v).toMatchObject({ status: 'in_progress', version: 2, publicReply: null });
  });

  it('two handlers accepting the same case at once: exactly one wins', async () => {
    const c = await citizenCase();
    const token = auth('h.zjj');
    const results = await Promise.all(
      [1, 2, 3].map(() => http(app).post(`/api/cases/${c.id}/accept`).set(token).send({ version: 1 })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const accepts = await ds.query(
      `SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND action = 'accept'`,
      [c.id],
    );
    expect(accepts[0].n).toBe(1);
  });

  it('refuses every invalid transition with a clear message', async () => {
    const c = await citizenCase(); // dispatched, version 1
    const expect409 = async (user: string, action: string, body: Record<string, unknown>, message: RegExp | string) => {
      const r = await act(user, c.id, action, body).expect(409);
      expect(r.body.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
    };
    await expect409(
      'h.zjj',
      'reply',
      { version: 1, publicReply: 'x' },
      "A case that is 'dispatched' cannot be replied to; reply is allowed only from: in_progress",
    );
    await expect409(
      'agent01',
      'dispatch',
      { version: 1, bureauId: 1 },
      /cannot be dispatched; dispatch is allowed only from: awaiting_dispatch/,
    );
    await expect409(
      'agent01',
      'follow-up',
      { version: 1, contacted: true, solved: 'solved', satisfaction: 'satisfied' },
      /cannot be closed after follow-up/,
    );
    await expect409(
      'agent01',
      'close',
      { version: 1 },
      /cannot be closed; close is allowed only from: awaiting_follow_up/,
    );
    await expect409('sup01', 'reopen', { version: 1, reason: 'x' }, /cannot be reopened/);
    await expect409(
      'agent01',
      'return-decision',
      { version: 1, decision: 'send_back' },
      /cannot have its return rejected/,
    );
    await expect409(
      'agent01',
      'redispatch',
      { version: 1, bureauId: await bureauId('ZJJ'), reason: 'x' },
      'The case is already with that bureau; choose another one to redispatch',
    );

    // Other bureaus do not even see it; the assisting bureau may read and contribute, not act.
    await act('h.gas', c.id, 'accept', { version: 1 }).expect(404);
    await get('h.gas', c.id).expect(404);
    const assisting = await act('h.scj', c.id, 'accept', { version: 1 }).expect(403);
    expect(assisting.body.message).toBe('Only the lead bureau can do this; assisting bureaus add contributions');
    const contribution = await act('h.scj', c.id, 'contributions', { note: '已联系电梯维保单位' }).expect(201);
    expect(contribution.body.at(-1)).toMatchObject({ action: 'contribution', note: '已联系电梯维保单位' });
    expect((await get('h.scj', c.id)).body.allowedActions).toEqual(['contributions']);
    // Roles: an agent cannot accept; a handler cannot dispatch.
    await act('agent01', c.id, 'accept', { version: 1 }).expect(403);
    await act('h.zjj', c.id, 'dispatch', { version: 1, bureauId: 1 }).expect(403);
    // Bad ids and bodies are 4xx, not 500.
    await act('h.zjj', 'not-a-uuid', 'accept', { version: 1 }).expect(400);
    await act('h.zjj', randomUUID(), 'accept', { version: 1 }).expect(404);
    await act('h.zjj', c.id, 'accept', {}).expect(400);
    // Nothing above changed the case.
    expect((await get('agent01', c.id)).body).toMatchObject({ status: 'dispatched', version: 1 });
  });

  it('refuses actions on a closed case, and reopening a case closed at intake', async () => {
    const res = await http(app)
      .post('/api/cases')
      .set(auth('agent01'))
      .send({
        type: 'consultation',
        categoryId: await categoryId('ZF.WY.DTGZ'),
        description: '电梯年检周期是多久？',
        disposition: 'direct_answer',
        directAnswer: '每年一次。',
      })
      .expect(201);
    const id = res.body.case.id as string;
    const refusals: Array<[string, string, Record<string, unknown>, string]> = [
      ['agent01', 'merge', { version: 1, parentCaseId: randomUUID() }, "A case that is 'closed' cannot be merged"],
      ['agent01', 'dispatch', { version: 1, bureauId: 1 }, "A case that is 'closed' cannot be dispatched"],
      ['agent01', 'close', { version: 1 }, "A case that is 'closed' cannot be closed"],
      [
        'agent01',
        'follow-up',
        { version: 1, contacted: false, solved: 'solved', satisfaction: 'no_answer' },
        "A case that is 'closed' cannot be closed after follow-up",
      ],
    ];
    for (const [user, action, body, message] of refusals) {
      const r = await act(user, id, action, body).expect(409);
      expect(r.body.message).toContain(message);
    }
    const reopen = await act('sup01', id, 'reopen', { version: 1, reason: 'x' }).expect(409);
    expect(reopen.body.message).toBe(
      'This case was closed at intake and never had a bureau; register a new case instead',
    );
    expect((await get('sup01', id)).body.allowedActions).toEqual([]);
    // Merging into a closed parent is refused too.
    const open = await citizenCase();
    const intoClosed = await act('agent01', open.id, 'merge', { version: 1, parentCaseId: id }).expect(409);
    expect(intoClosed.body.message).toBe('The parent case is closed; merge into an open case');
  });

  it('dispatches a queued case by hand, with a requeue decision on return', async () => {
    const queued = await phoneCase('CM.XYT.ZNKDG', `快递柜超时收费 ${randomUUID()}`);
    expect(queued).toMatchObject({ status: 'awaiting_dispatch', allowedActions: ['dispatch', 'merge'] });
    const unknown = await act('agent01', queued.id, 'dispatch', { version: 1, bureauId: 999999 }).expect(400);
    expect(unknown.body.message).toBe('Bureau 999999 does not exist');
    let r = await act('agent01', queued.id, 'dispatch', { version: 1, bureauId: await bureauId('SCJ') }).expect(200);
    expect(r.body).toMatchObject({ status: 'dispatched', leadBureauId: await bureauId('SCJ') });
    await act('h.scj', queued.id, 'return', { version: 2, reason: '不属于本局' }).expect(200);
    r = await act('agent01', queued.id, 'return-decision', { version: 3, decision: 'requeue' }).expect(200);
    expect(r.body).toMatchObject({ status: 'awaiting_dispatch', leadBureauId: null });
  });

  it('gives the lead bureau the unmasked contact when allowed, audited; never for confidential cases', async () => {
    const c = await citizenCase();
    const contact = await http(app).get(`/api/cases/${c.id}/contact`).set(auth('h.zjj')).expect(200);
    expect(contact.body).toEqual({ name: '赵六', phone: '13611112222', email: null });
    const audit = await ds.query(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.contact_viewed' AND target_id = $1`,
      [c.id],
    );
    expect(audit[0].n).toBe(1);
    // Assisting bureaus do not get it.
    await http(app).get(`/api/cases/${c.id}/contact`).set(auth('h.scj')).expect(403);

    const secret = await http(app)
      .post('/api/public/cases')
      .send({
        type: 'report',
        categoryId: await categoryId('ZF.WY.DTGZ'),
        description: `保密举报 ${randomUUID()}`,
        caller: { name: '钱七', phone: '13700007777', confidential: true },
      })
      .expect(201);
    const row = await one(`SELECT id FROM cases WHERE tracking_number = $1`, [secret.body.trackingNumber]);
    const detail = (await get('h.zjj', String(row.id)).expect(200)).body;
    expect(detail.caller).toMatchObject({ name: null, phone: null, hidden: true });
    const refused = await http(app)
      .get(`/api/cases/${String(row.id)}/contact`)
      .set(auth('h.zjj'))
      .expect(403);
    expect(refused.body.message).toBe('This case is confidential: the hotline contacts the citizen');
    // The hotline itself still sees the caller.
    expect((await get('agent01', String(row.id))).body.caller).toMatchObject({ phone: '13700007777', masked: false });
  });

  it('keeps the timeline append-only in the database itself', async () => {
    const c = await citizenCase();
    await expect(ds.query(`UPDATE case_events SET note = 'rewritten' WHERE case_id = $1`, [c.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(ds.query(`DELETE FROM case_events WHERE case_id = $1`, [c.id])).rejects.toThrow(/append-only/);
  });

  it('the citizen view needs the right code: 404 otherwise', async () => {
    const c = await citizenCase();
    await http(app).get(`/api/public/cases/${c.trackingNumber}`).expect(404);
    await http(app).get(`/api/public/cases/${c.trackingNumber}`).set('X-Access-Code', 'AAAAAA').expect(404);
    await http(app).get(`/api/public/cases/2099010100001`).set('X-Access-Code', c.code).expect(404);
    await http(app).get(`/api/public/cases/abc`).set('X-Access-Code', c.code).expect(400);
    const early = await http(app)
      .post(`/api/public/cases/${c.trackingNumber}/feedback`)
      .send({ accessCode: c.code, contacted: true, solved: 'solved', satisfaction: 'satisfied' })
      .expect(409);
    expect(early.body.message).toBe('Feedback opens once the bureau has replied to your request');
  });
});
