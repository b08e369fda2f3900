import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { catalogueIds } from '../support/catalogue-fixtures';
import { createTestApp, http, tokenFor } from '../support/test-app';

// Issue 12: the agents' follow-up worklist (回访) with unsuccessful attempts and retries.

interface Row {
  id: string;
  version: number;
  attempts: number;
  lastOutcome: string | null;
  retryAfter: string | null;
  later: boolean;
}

describe('Follow-up worklist and attempts', () => {
  let app: NestFastifyApplication;
  const tokens: Record<string, string> = {};
  const tag = `fu${randomUUID().slice(0, 8)}`;
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });
  const replied: Array<{ id: string; version: number }> = [];

  const worklist = async () =>
    (await http(app).get('/api/follow-ups').query({ limit: 200 }).set(as('agent01')).expect(200)).body as {
      items: Row[];
      total: number;
    };
  const mine = async () => (await worklist()).items.filter((r) => replied.some((c) => c.id === r.id));

  beforeAll(async () => {
    app = await createTestApp();
    for (const u of ['agent01', 'h.water', 'h.gas', 'sup01']) tokens[u] = await tokenFor(app, u);
    const ids = await catalogueIds(app, tokens['agent01']!);
    for (let i = 0; i < 2; i++) {
      const c = (
        await http(app)
          .post('/api/cases')
          .set(as('agent01'))
          .send({
            type: 'complaint',
            categoryId: ids.category('GY.GS.SYD'),
            streetId: ids.street('QY.WM'),
            description: `${tag} 水压低 ${i}`,
            caller: { phone: '13900001111' },
          })
          .expect(201)
      ).body.case;
      const accepted = (
        await http(app).post(`/api/cases/${c.id}/accept`).set(as('h.water')).send({ version: c.version }).expect(200)
      ).body;
      const done = (
        await http(app)
          .post(`/api/cases/${c.id}/reply`)
          .set(as('h.water'))
          .send({ version: accepted.version, publicReply: '已加压' })
          .expect(200)
      ).body;
      replied.push({ id: done.id, version: done.version });
    }
  });
  afterAll(async () => {
    await app.close();
  });

  it('lists replied cases oldest reply first, with no attempts yet', async () => {
    const rows = await mine();
    expect(rows.map((r) => r.id)).toEqual(replied.map((c) => c.id));
    expect(rows.every((r) => r.attempts === 0 && !r.later)).toBe(true);
  });

  it('records "unreachable", puts the case after the others until its retry time, then shows it again', async () => {
    const first = replied[0]!;
    const retryAt = new Date(Date.now() + 3_000).toISOString();
    const res = await http(app)
      .post(`/api/cases/${first.id}/follow-up-attempts`)
      .set(as('agent01'))
      .send({ version: first.version, outcome: 'unreachable', note: '无人接听', retryAt })
      .expect(201);
    expect(res.body).toMatchObject({ attempts: 1, lastOutcome: 'unreachable', later: true, retryAfter: retryAt });

    let rows = await mine();
    expect(rows.map((r) => r.id)).toEqual([replied[1]!.id, first.id]);
    expect(rows[1]).toMatchObject({ attempts: 1, later: true });

    // Wait for the retry time (a condition, polled), then the case is back at the top.
    const deadline = Date.now() + 15_000;
    do {
      rows = await mine();
      if (!rows[1]?.later && rows[0]?.id === first.id) break;
      await new Promise((r) => setTimeout(r, 250));
    } while (Date.now() < deadline);
    expect(rows.map((r) => r.id)).toEqual([first.id, replied[1]!.id]);
    expect(rows[0]).toMatchObject({ attempts: 1, later: false });

    const events = (await http(app).get(`/api/cases/${first.id}/events`).set(as('agent01')).expect(200)).body as Array<{
      action: string;
      note: string;
      isPublic: boolean;
      data: { outcome: string };
    }>;
    expect(events.at(-1)).toMatchObject({ action: 'follow_up_attempt', note: '无人接听', isPublic: false });
    expect(events.at(-1)!.data.outcome).toBe('unreachable');
  });

  it('validates outcomes and retry times, and refuses cases not awaiting follow-up or for handlers', async () => {
    const c = replied[1]!;
    const send = (body: object, who = 'agent01') =>
      http(app).post(`/api/cases/${c.id}/follow-up-attempts`).set(as(who)).send(body);
    await send({ outcome: 'maybe' }).expect(400);
    await send({ outcome: 'call_back_later' }).expect(400);
    await send({ outcome: 'unreachable', retryAt: new Date(Date.now() - 60_000).toISOString() }).expect(400);
    await send({ outcome: 'unreachable', version: c.version + 5 }).expect(409);
    await send({ outcome: 'unreachable' }, 'h.water').expect(403);
    await http(app)
      .post(`/api/cases/${randomUUID()}/follow-up-attempts`)
      .set(as('agent01'))
      .send({ outcome: 'refused' })
      .expect(404);
    // The successful follow-up closes the case: it leaves the worklist and takes no more attempts.
    await http(app)
      .post(`/api/cases/${c.id}/follow-up`)
      .set(as('sup01'))
      .send({ version: c.version, contacted: true, solved: 'solved', satisfaction: 'satisfied' })
      .expect(200);
    expect((await mine()).map((r) => r.id)).not.toContain(c.id);
    await send({ outcome: 'refused' }).expect(409);
  });
});
