import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { catalogueIds, type CatalogueIds } from '../support/catalogue-fixtures';
import { createTestApp, http, tokenFor } from '../support/test-app';

// Issue 12: the queues by urgency (sort=priority), totals and tab counts, open-only overdue,
// staff search by phone and tracking number (scoped for handlers), dispatch preview by POST.

interface Row {
  id: string;
  trackingNumber: string;
  status: string;
  urgency: string;
  overdue: boolean;
  warning: boolean;
  clockState: string;
}
interface Page {
  items: Row[];
  nextCursor: string | null;
  total: number;
  totalCapped: boolean;
}

describe('Cases: priority queues, totals, counts, search, preview by POST', () => {
  let app: NestFastifyApplication;
  let ds: DataSource;
  let ids: CatalogueIds;
  const tokens: Record<string, string> = {};
  const tag = `wl${randomUUID().slice(0, 8)}`;
  const phone = `139${String(Date.now()).slice(-8)}`;
  let critical: Row;
  let water: Row;

  const as = (user: string) => ({ Authorization: `Bearer ${tokens[user]}` });
  const list = (user: string, query: Record<string, string | number>) =>
    http(app).get('/api/cases').query(query).set(as(user));
  const walk = async (user: string, query: Record<string, string | number>) => {
    const seen: Row[] = [];
    let cursor: string | null = null;
    let total = -1;
    do {
      const res = await list(user, { ...query, ...(cursor ? { cursor } : {}) }).expect(200);
      const page = res.body as Page;
      seen.push(...page.items);
      total = page.total;
      cursor = page.nextCursor;
    } while (cursor);
    return { seen, total };
  };
  /** Sets a clone's flag as the deadline worker would, and answers its id. */
  const setFlag = async (description: string, flag: string): Promise<{ id: string }> => {
    await ds.query(`UPDATE cases SET flag = $2 WHERE description = $1`, [description, flag]);
    return (await ds.query(`SELECT id FROM cases WHERE description = $1`, [description]))[0];
  };
  const intake = async (body: Record<string, unknown>) =>
    (
      await http(app)
        .post('/api/cases')
        .set(as('agent01'))
        .send({ type: 'complaint', ...body })
        .expect(201)
    ).body.case as Row;

  beforeAll(async () => {
    app = await createTestApp();
    ds = app.get(DataSource);
    for (const u of ['agent01', 'h.water', 'h.gas', 'sup01']) tokens[u] = await tokenFor(app, u);
    ids = await catalogueIds(app, tokens['agent01']!);
    const place = { categoryId: ids.category('GY.GS.SYD'), streetId: ids.street('QY.WM') };
    // The critical case comes FIRST (oldest); 120 newer normal cases follow it. Newer by
    // milliseconds, never in the future: later suites (the fuzz) look at cases created after they start.
    critical = await intake({ ...place, urgency: 'critical', description: `${tag} 特急 高层没水` });
    water = await intake({ ...place, description: `${tag} 水压低 来电`, caller: { name: '周女士', phone } });
    await ds.query(
      `INSERT INTO cases (tracking_number, channel, type, urgency, status, category_id, district_id, street_id,
                          description, lead_bureau_id, dispatched_at, accept_due_at, reply_due_at, created_at, updated_at)
       SELECT '9' || lpad((floor(random() * 1e12))::bigint::text, 12, '0') || lpad(g::text, 4, '0'), 'phone', 'complaint',
              'normal', 'dispatched', c.category_id, c.district_id, c.street_id, $2 || ' 新来电 ' || g, c.lead_bureau_id,
              now(), now() + interval '2 days', now() + interval '20 days', c.created_at + g * interval '1 millisecond', now()
       FROM cases c, generate_series(1, 120) g WHERE c.id = $1`,
      [critical.id, tag],
    );
    // The critical case has 5 minutes left to be accepted.
    await ds.query(`UPDATE cases SET accept_due_at = now() + interval '5 minutes' WHERE id = $1`, [critical.id]);
  });
  afterAll(async () => {
    // The rows written by SQL above bypassed the outbox: bring the rollups back in line, so a
    // later suite's consistency check sees only the drift it made itself.
    await http(app)
      .post('/api/analytics/consistency-check')
      .set('Authorization', `Bearer ${await tokenFor(app, 'admin')}`)
      .send({ repair: true })
      .expect(200);
    await app.close();
  });

  it('priority order: a critical case due in 5 minutes comes first with 120 newer cases present', async () => {
    const newest = (await list('agent01', { q: tag, limit: 25 }).expect(200)).body as Page;
    expect(newest.items.map((r) => r.id)).not.toContain(critical.id);
    expect(newest.total).toBe(122);

    const res = (await list('h.water', { q: tag, status: 'dispatched', sort: 'priority', limit: 25 }).expect(200))
      .body as Page;
    expect(res.items[0]!.id).toBe(critical.id);
    expect(res.items[0]!.clockState).toBe('running');
    expect(res.total).toBe(122);
    expect(res.totalCapped).toBe(false);
  });

  it('priority order: a breached (overdue) case goes before the critical one; paging is complete and exact', async () => {
    const breached = await setFlag(`${tag} 新来电 77`, 'overdue');
    const { seen, total } = await walk('agent01', { q: tag, sort: 'priority', limit: 17 });
    expect(seen[0]!.id).toBe(breached.id);
    expect(seen[0]!.overdue).toBe(true);
    expect(seen[1]!.id).toBe(critical.id);
    expect(total).toBe(seen.length);
    expect(new Set(seen.map((r) => r.id)).size).toBe(122);
    // Among the normal ones: nearest due first, ties oldest first.
    const rest = seen.slice(2).map((r) => r.id);
    expect(rest[0]).toBe(water.id);
    await setFlag(`${tag} 新来电 77`, 'none');
  });

  it('overdue lists only open cases (flag=overdue and overdue=true)', async () => {
    const open = await setFlag(`${tag} 新来电 5`, 'overdue');
    await ds.query(`UPDATE cases SET flag = 'overdue', status = 'closed', closed_at = now() WHERE description = $1`, [
      `${tag} 新来电 6`,
    ]);
    for (const query of [{ flag: 'overdue' }, { overdue: 'true' }] as Array<Record<string, string>>) {
      const page = (await list('sup01', { q: tag, ...query }).expect(200)).body as Page;
      expect(page.items.map((r) => r.id)).toEqual([open.id]);
      expect(page.total).toBe(1);
    }
  });

  it('counts per inbox tab in one call equal the totals of the lists, scoped to the bureau', async () => {
    const counts = (await http(app).get('/api/cases/counts').query({ set: 'inbox' }).set(as('h.water')).expect(200))
      .body as { set: string; counts: Record<string, number> };
    expect(Object.keys(counts.counts).sort()).toEqual(['dueSoon', 'inProgress', 'overdue', 'returned', 'toAccept']);
    const toAccept = (await list('h.water', { status: 'dispatched', limit: 1 }).expect(200)).body as Page;
    expect(counts.counts['toAccept']).toBe(toAccept.total);
    const overdue = (
      await list('h.water', { flag: 'overdue', status: 'dispatched,in_progress,return_review', limit: 1 }).expect(200)
    ).body as Page;
    expect(counts.counts['overdue']).toBe(overdue.total);
    const gas = (await http(app).get('/api/cases/counts').set(as('h.gas')).expect(200)).body as {
      counts: Record<string, number>;
    };
    expect(gas.counts['toAccept']).toBeLessThan(counts.counts['toAccept']!);
    await http(app).get('/api/cases/counts').query({ set: 'nope' }).set(as('h.water')).expect(400);
  });

  it('finds a case by phone (whole number or last 4) and by tracking number; another bureau does not', async () => {
    const byPhone = (await list('agent01', { phone }).expect(200)).body as Page;
    expect(byPhone.items.map((r) => r.id)).toEqual([water.id]);
    const byLast4 = (await list('agent01', { phone: phone.slice(-4), q: tag }).expect(200)).body as Page;
    expect(byLast4.items.map((r) => r.id)).toEqual([water.id]);
    const byTracking = (await list('h.water', { trackingNo: water.trackingNumber }).expect(200)).body as Page;
    expect(byTracking.items.map((r) => r.id)).toEqual([water.id]);
    expect(byTracking.total).toBe(1);
    const otherBureau = (await list('h.gas', { trackingNo: water.trackingNumber }).expect(200)).body as Page;
    expect(otherBureau.items).toEqual([]);
    expect(otherBureau.total).toBe(0);
    expect((await list('h.gas', { phone }).expect(200)).body.total).toBe(0);
    await list('agent01', { phone: '12' }).expect(400);
    await list('agent01', { trackingNo: 'abc' }).expect(400);
    await list('agent01', { sort: 'priority', cursor: 'nonsense' }).expect(400);
  });

  it('previews the dispatch by POST with a 5,000-character description', async () => {
    const description = '水压低'.padEnd(5000, '。');
    const res = await http(app)
      .post('/api/dispatch/preview')
      .set(as('agent01'))
      .send({ categoryId: ids.category('GY.GS.SYD'), streetId: ids.street('QY.WM'), description })
      .expect(200);
    expect(res.body.matched).toBe(true);
    expect(res.body.bureau.code).toBe('WATER');
    await http(app).post('/api/dispatch/preview').set(as('agent01')).send({ description }).expect(400);
  });
});
