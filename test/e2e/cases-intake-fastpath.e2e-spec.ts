import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DeadlineEngine } from '@hotline/database';
import { catalogueIds, type CatalogueIds } from '../support/catalogue-fixtures';
import { createTestApp, http, tokenFor } from '../support/test-app';

/**
 * The intake fast path (one statement per case): the deadline clocks planned before the
 * INSERT must be exactly what the deadline engine writes for the same dispatch, and the
 * in-memory dispatch rules must follow a rule edit on the very next intake.
 */
describe('Cases: intake fast path (clocks in the intake statement, cached dispatch rules)', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let ids: CatalogueIds;
  let admin: string;
  let agent: string;
  const auth = (t: string) => ({ Authorization: `Bearer ${t}` });

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    admin = await tokenFor(app, 'admin');
    agent = await tokenFor(app, 'agent01');
    ids = await catalogueIds(app, admin);
  });
  afterAll(async () => {
    await app.close();
  });

  const intake = async (extra: Record<string, unknown>) =>
    (
      await http(app)
        .post('/api/cases')
        .set(auth(agent))
        .send({
          type: 'complaint',
          urgency: 'normal',
          categoryId: ids.category('CM.HW.LJQY'),
          streetId: ids.street('QY.WM'),
          description: '小区门口垃圾桶满了三天没人清运',
          caller: { name: '王小明', phone: '13800001111' },
          ...extra,
        })
        .expect(201)
    ).body.case;

  type ClockRow = {
    kind: string;
    bureau_id: number;
    started_at: Date;
    due_at: Date;
    warn_at: Date | null;
    limit_spec: unknown;
    policy_id: number | null;
    policy_version: number | null;
    status: string;
    needs_publish: boolean;
  };
  const clocksOf = (caseId: string, m = ds.manager): Promise<ClockRow[]> =>
    m.query(
      `SELECT kind, bureau_id, started_at, due_at, warn_at, limit_spec, policy_id, policy_version, status, needs_publish
       FROM case_deadlines WHERE case_id = $1 AND status = 'pending' ORDER BY id`,
      [caseId],
    );

  it('a dispatched intake carries the same clocks and due dates the deadline engine writes for that dispatch', async () => {
    for (const urgency of ['normal', 'urgent', 'critical']) {
      const c = await intake({ urgency });
      expect(c).toMatchObject({ status: 'dispatched', leadBureauId: ids.bureau('CGJ'), flag: 'none' });
      const [row] = await ds.query(
        `SELECT dispatched_at, created_at, accept_due_at, reply_due_at, flag FROM cases WHERE id = $1`,
        [c.id],
      );
      const fast = await clocksOf(c.id);
      expect(fast.map((d) => d.kind)).toEqual(['accept', 'reply']);
      for (const d of fast) {
        expect(d).toMatchObject({ bureau_id: ids.bureau('CGJ'), status: 'pending', needs_publish: true });
        expect(d.started_at.getTime()).toBe(row.dispatched_at.getTime());
      }
      expect(row.created_at.getTime()).toBe(row.dispatched_at.getTime());
      expect(row.accept_due_at.getTime()).toBe(fast[0]!.due_at.getTime());
      expect(row.reply_due_at.getTime()).toBe(fast[1]!.due_at.getTime());
      expect(c.acceptDueAt).toBe(fast[0]!.due_at.toISOString());
      expect(c.replyDueAt).toBe(fast[1]!.due_at.toISOString());

      // What the engine's own path (after the INSERT, in the transaction) writes for the same
      // dispatch at the same instant: compared, then rolled back.
      const engine = app.get(DeadlineEngine);
      const rollback = new Error('rollback');
      await ds
        .transaction(async (m) => {
          await engine.applyTransition(
            m,
            {
              id: c.id,
              type: 'complaint',
              urgency: urgency as 'normal',
              categoryId: c.categoryId,
              leadBureauId: c.leadBureauId,
            },
            {
              action: 'dispatch',
              fromStatus: 'awaiting_dispatch',
              toStatus: 'dispatched',
              at: row.dispatched_at.toISOString(),
            },
          );
          const slow = await clocksOf(c.id, m);
          const [synced] = await m.query(`SELECT accept_due_at, reply_due_at, flag FROM cases WHERE id = $1`, [c.id]);
          const shape = (d: ClockRow) => ({
            kind: d.kind,
            bureau: d.bureau_id,
            started: d.started_at.getTime(),
            due: d.due_at.getTime(),
            warn: d.warn_at?.getTime() ?? null,
            limit: d.limit_spec,
            policy: d.policy_id,
            policyVersion: d.policy_version,
          });
          expect(slow.map(shape)).toEqual(fast.map(shape));
          expect(synced).toEqual({ accept_due_at: row.accept_due_at, reply_due_at: row.reply_due_at, flag: row.flag });
          throw rollback;
        })
        .catch((e) => {
          if (e !== rollback) throw e;
        });
    }
  });

  it('cases closed at intake or left unmatched get no clocks and no due dates', async () => {
    const answered = await intake({ disposition: 'direct_answer', directAnswer: '已告知清运电话。' });
    expect(answered).toMatchObject({ status: 'closed', acceptDueAt: null, replyDueAt: null, flag: 'none' });
    const unmatched = await intake({ categoryId: ids.category('CM.XYT.GXDC'), description: '共享单车堆满人行道' });
    expect(unmatched).toMatchObject({ status: 'awaiting_dispatch', acceptDueAt: null, replyDueAt: null });
    for (const c of [answered, unmatched]) {
      expect(await ds.query(`SELECT 1 FROM case_deadlines WHERE case_id = $1`, [c.id])).toHaveLength(0);
    }
  });

  it('a district that does not exist is refused with 400 by the prepared intake statement, not a 500', async () => {
    const res = await http(app)
      .post('/api/cases')
      .set(auth(agent))
      .send({
        type: 'complaint',
        categoryId: ids.category('CM.HW.LJQY'),
        districtId: 999_999,
        description: '垃圾没人清运',
      })
      .expect(400);
    expect(res.body.message).toMatch(/does not exist/);
  });

  it('keeps registering cases after a column is added to cases under the running API (prepared statement)', async () => {
    await intake({}); // prepared on a pooled connection
    await ds.query(`ALTER TABLE cases ADD COLUMN fastpath_probe int`);
    try {
      for (let i = 0; i < 3; i++) expect(await intake({})).toMatchObject({ status: 'dispatched' });
    } finally {
      await ds.query(`ALTER TABLE cases DROP COLUMN fastpath_probe`);
    }
    expect(await intake({})).toMatchObject({ status: 'dispatched' });
  });

  it('a dispatch rule created, changed or deactivated through the API applies to the very next intake', async () => {
    const kw = `kw${randomBytes(4).toString('hex')}`;
    const description = `门口有人摆摊 ${kw}`;
    const place = { categoryId: ids.category('CM.SR.ZDJY'), streetId: ids.street('QY.WM'), description };
    await intake(place); // fills the resolver's cache before the rule exists

    const created = await http(app)
      .post('/api/dispatch/rules')
      .set(auth(admin))
      .send({
        categoryId: ids.category('CM.SR.ZDJY'),
        districtId: ids.district('QY'),
        streetId: ids.street('QY.WM'),
        keyword: kw,
        leadBureauId: ids.bureau('SCJ'),
      })
      .expect(201);
    expect(await intake(place)).toMatchObject({ leadBureauId: ids.bureau('SCJ'), matchedRuleId: created.body.id });

    const changed = await http(app)
      .patch(`/api/dispatch/rules/${created.body.id}`)
      .set(auth(admin))
      .send({ leadBureauId: ids.bureau('CGJ'), version: created.body.version })
      .expect(200);
    expect(await intake(place)).toMatchObject({ leadBureauId: ids.bureau('CGJ'), matchedRuleId: created.body.id });

    await http(app)
      .post(`/api/dispatch/rules/${created.body.id}/deactivate`)
      .set(auth(admin))
      .send({ version: changed.body.version })
      .expect(200);
    const after = await intake(place);
    expect(after.matchedRuleId).not.toBe(created.body.id);
  });
});
