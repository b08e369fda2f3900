import { clockFor } from '@hotline/domain';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { DeadlineEngine, readDeadlineSettings } from '@hotline/database';
import { createTestApp, http, tokenFor } from '../support/test-app';
import {
  startPrivateRedis,
  startWorker,
  waitFor,
  type PrivateRedis,
  type WorkerHandle,
} from '../support/worker-harness';

// Cases written without clocks (bulk imports, hand-written rows, a bug) get the clocks their
// status implies when the worker starts; one already past due is flagged at once.
describe('deadline reconciler: open cases without clocks (real Redis, real worker)', () => {
  let redis: PrivateRedis;
  let app: NestFastifyApplication;
  let ds: DataSource;
  let bureauId: number;
  let categoryId: number;
  let worker: WorkerHandle | undefined;
  const savedRedisUrl = process.env.REDIS_URL;
  let counter = 0;

  beforeAll(async () => {
    redis = await startPrivateRedis();
    app = await createTestApp({ REDIS_URL: redis.url });
    ds = app.get(DataSource);
    const [b] = (await ds.query(`SELECT bureau_id FROM users WHERE username = 'h.cgj'`)) as { bureau_id: number }[];
    bureauId = b!.bureau_id;
    const [c] = (await ds.query(
      `SELECT id FROM categories c WHERE active AND NOT EXISTS (SELECT 1 FROM categories x WHERE x.parent_id = c.id)
       ORDER BY id LIMIT 1`,
    )) as { id: number }[];
    categoryId = c!.id;
  }, 60000);

  afterEach(async () => {
    await worker?.stop();
    worker = undefined;
  });

  afterAll(async () => {
    await app.close();
    await redis.stop();
    if (savedRedisUrl === undefined) delete process.env.REDIS_URL;
    else process.env.REDIS_URL = savedRedisUrl;
  });

  /** A case row as a bulk import writes it: a status and dates, no clocks, no events. */
  const insertCase = async (status: string, dispatchedAt: Date): Promise<string> => {
    const tracking = `R${Date.now().toString(36)}${(counter++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const [c] = (await ds.query(
      `INSERT INTO cases (tracking_number, channel, type, urgency, status, description, category_id, lead_bureau_id,
         dispatched_at, accepted_at)
       VALUES ($1, 'phone', 'help', 'normal', $2, 'reconcile test', $3, $4, $5, $5) RETURNING id`,
      [tracking, status, categoryId, bureauId, dispatchedAt],
    )) as { id: string }[];
    return c!.id;
  };
  const replyClocks = (caseId: string) =>
    ds.query(
      `SELECT id, status, started_at, due_at, warn_at, fired_at FROM case_deadlines
       WHERE case_id = $1 AND kind = 'reply' ORDER BY id`,
      [caseId],
    ) as Promise<{ id: string; status: string; started_at: Date; due_at: Date; fired_at: Date | null }[]>;
  const reminders = async (caseId: string) => {
    const [r] = (await ds.query(
      `SELECT count(*)::int AS n FROM case_events WHERE case_id = $1 AND action = 'reminder'`,
      [caseId],
    )) as { n: number }[];
    return r!.n;
  };
  /** The reply clock a transition at `start` would have written (same policy and arithmetic). */
  const expectedReplyDue = async (start: Date): Promise<Date> => {
    const engine = new DeadlineEngine();
    const settings = await readDeadlineSettings(ds.manager);
    const paths = await engine.categoryPaths(ds.manager, [categoryId]);
    const policy = engine.choosePolicy(settings, { type: 'help', urgency: 'normal' }, paths.get(categoryId)!);
    return clockFor(start, policy.replyLimit, settings.calendar, policy.warningFraction).dueAt;
  };

  it('an in_progress case long past its reply deadline gets a reply clock on start and is flagged overdue once', async () => {
    const dispatchedAt = new Date(Date.now() - 40 * 86_400_000);
    const caseId = await insertCase('in_progress', dispatchedAt);
    expect(await replyClocks(caseId)).toHaveLength(0);

    worker = await startWorker({ REDIS_URL: redis.url });

    const [clock] = await replyClocks(caseId);
    expect(clock!.started_at.getTime()).toBe(dispatchedAt.getTime());
    expect(clock!.due_at.getTime()).toBe((await expectedReplyDue(dispatchedAt)).getTime());
    expect(clock!.due_at.getTime()).toBeLessThan(Date.now());

    await waitFor('the overdue flag', async () => {
      const [c] = (await ds.query(`SELECT flag FROM cases WHERE id = $1`, [caseId])) as { flag: string }[];
      return c!.flag === 'overdue';
    });
    await new Promise((r) => setTimeout(r, 700)); // room for a duplicate to show up
    expect(await reminders(caseId)).toBe(1);
    const after = await replyClocks(caseId);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ id: clock!.id, status: 'missed' });

    // A second reconcile finds nothing to add.
    const report = await worker.reconcile();
    expect(await replyClocks(caseId)).toHaveLength(1);
    expect(report.created).toBe(0);

    const supervisor = await tokenFor(app, 'sup01');
    const history = await http(app)
      .get(`/api/cases/${caseId}/deadlines`)
      .set('Authorization', `Bearer ${supervisor}`)
      .expect(200);
    expect(history.body.flag).toBe('overdue');
  }, 40000);

  it('a reopened case is timed from its last reopen; a return_review case gets a reply clock; a live clock is kept', async () => {
    const dispatchedAt = new Date(Date.now() - 40 * 86_400_000);
    const reopened = await insertCase('in_progress', dispatchedAt);
    const reopenedAt = new Date(Date.now() - 60_000);
    await ds.query(
      `INSERT INTO case_events (case_id, at, actor_role, action, from_status, to_status)
       VALUES ($1, $2, 'supervisor', 'follow_up_reopen', 'awaiting_follow_up', 'in_progress')`,
      [reopened, reopenedAt],
    );
    const returning = await insertCase('return_review', new Date(Date.now() - 3_600_000));
    const withClock = await insertCase('in_progress', new Date(Date.now() - 3_600_000));
    await ds.query(
      `INSERT INTO case_deadlines (case_id, kind, bureau_id, started_at, due_at, limit_spec)
       VALUES ($1, 'reply', $2, now(), now() + interval '1 day', '{"amount":1,"unit":"days","mode":"calendar"}')`,
      [withClock, bureauId],
    );

    worker = await startWorker({ REDIS_URL: redis.url });

    const [r] = await replyClocks(reopened);
    expect(r!.started_at.getTime()).toBe(reopenedAt.getTime());
    expect(r!.due_at.getTime()).toBe((await expectedReplyDue(reopenedAt)).getTime());
    expect(r!.due_at.getTime()).toBeGreaterThan(Date.now());
    const [ret] = await replyClocks(returning);
    expect(ret).toMatchObject({ status: 'pending' });
    expect(await replyClocks(withClock)).toHaveLength(1);

    await waitFor('the relay to publish', async () => {
      const [row] = (await ds.query(
        `SELECT count(*)::int AS n FROM case_deadlines WHERE case_id = ANY($1::uuid[]) AND needs_publish`,
        [[reopened, returning]],
      )) as { n: number }[];
      return row!.n === 0;
    });
    const cases = (await ds.query(`SELECT id, flag, reply_due_at FROM cases WHERE id = ANY($1::uuid[])`, [
      [reopened, returning],
    ])) as { id: string; flag: string; reply_due_at: Date }[];
    expect(cases.map((c) => c.flag)).toEqual(['none', 'none']);
    expect(cases.find((c) => c.id === reopened)!.reply_due_at.getTime()).toBe(r!.due_at.getTime());
    expect(await reminders(reopened)).toBe(0);
  }, 40000);
});
