import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type pg from 'pg';
import { createTestApp, http, tokenFor } from '../support/test-app';
import { type Ids, insertCase, loadIds, outbox, plusHours, sh, testPool } from './analytics-support';

interface Finding {
  kind: string;
  title: string;
  titleEn: string;
  titleZh: string;
  suggestion: string;
  suggestionEn: string;
  suggestionZh: string;
  severity: number;
  subject: Record<string, unknown>;
  numbers: Record<string, unknown>;
  exampleCases: { id: string; href: string }[];
}

describe('analytics: service gaps and rollup consistency', () => {
  let app: NestFastifyApplication;
  let pool: pg.Pool;
  let ids: Ids;
  let admin: string;
  const auth = () => ({ Authorization: `Bearer ${admin}` });
  const refresh = () => http(app).post('/api/analytics/refresh').set(auth()).expect(200);

  beforeAll(async () => {
    app = await createTestApp();
    pool = testPool();
    ids = await loadIds(pool);
    admin = await tokenFor(app, 'admin');
  });

  afterAll(async () => {
    await pool.end();
    await app.close();
  });

  describe('planted problems in May 2021', () => {
    const FROM = '2021-05-01';
    const TO = '2021-05-31';
    let findings: Finding[];

    beforeAll(async () => {
      const day = (d: number, hour = 10) =>
        sh(`2021-05-${String(d).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00`);
      const wm = { districtId: ids.district['QY']!, streetId: ids.street['QY.WM']! };
      // hotspot: illegal piling (乱堆乱放) at 文庙街道 12 times in the month
      for (let i = 0; i < 12; i++) {
        const at = day(1 + i);
        await insertCase(pool, {
          ...wm,
          at,
          categoryId: ids.category['CM.SR.LDLF']!,
          bureauId: ids.bureau['CGJ']!,
          dispatchedAt: at,
        });
      }
      // ownerless: shared bikes (no catalogue rule) four times, nobody dispatched them
      for (let i = 0; i < 4; i++) {
        await insertCase(pool, {
          ...wm,
          at: day(3 + i * 5, 15),
          categoryId: ids.category['CM.XYT.GXDC']!,
          unmatched: true,
        });
      }
      // failing bureau: the water company answered 12 follow-ups, 10 of them dissatisfied, mostly late
      const water = ids.bureau['WATER']!;
      const leak = ids.category['GY.GS.TS']!;
      for (let i = 0; i < 12; i++) {
        const at = day(2 + i, 9);
        await insertCase(pool, {
          at,
          categoryId: leak,
          bureauId: water,
          dispatchedAt: at,
          acceptDueAt: plusHours(at, 2),
          acceptedAt: plusHours(at, 1),
          replyDueAt: plusHours(at, 24),
          repliedAt: plusHours(at, i < 9 ? 60 : 10),
          closedAt: plusHours(at, 80),
          closeReason: 'follow_up',
          contacted: true,
          solved: i < 10 ? 'not' : 'solved',
          satisfaction: i < 10 ? 'dissatisfied' : 'satisfied',
        });
      }
      await refresh();
      const res = await http(app)
        .get(`/api/analytics/service-gaps?from=${FROM}&to=${TO}&hotspotMin=10&ownerlessMin=3&minFollowUps=10`)
        .set(auth())
        .expect(200);
      expect(res.body.previousTo).toBe('2021-04-30');
      findings = res.body.findings;
    });

    it('finds the planted hotspot with its numbers and example cases', () => {
      const hotspot = findings.find(
        (f) =>
          f.kind === 'hotspot' && f.subject['categoryCode'] === 'CM.SR.LDLF' && f.subject['streetCode'] === 'QY.WM',
      );
      expect(hotspot).toBeDefined();
      expect(hotspot!.numbers['cases']).toBe(12);
      expect(hotspot!.severity).toBe(44); // 40 + 20 × (12 − 10) ÷ 10
      expect(hotspot!.title).toContain('12 times');
      expect(hotspot!.titleEn).toBe(hotspot!.title);
      expect(hotspot!.titleZh).toContain('被反映 12 次');
      expect(hotspot!.suggestionZh).toContain('每月一题');
      expect(hotspot!.exampleCases.length).toBeGreaterThan(0);
      expect(hotspot!.exampleCases[0]!.href).toMatch(/^\/api\/cases\/[0-9a-f-]{36}$/);
    });

    it('finds the ownerless category and suggests a catalogue rule', () => {
      const ownerless = findings.find(
        (f) => f.kind === 'ownerless_unmatched' && f.subject['categoryCode'] === 'CM.XYT.GXDC',
      );
      expect(ownerless).toBeDefined();
      expect(ownerless!.numbers['cases']).toBe(4);
      expect(ownerless!.exampleCases).toHaveLength(3);
      expect(findings.some((f) => f.kind === 'hotspot' && f.subject['categoryCode'] === 'CM.XYT.GXDC')).toBe(false);
    });

    it('finds the failing bureau and the dissatisfaction cluster', () => {
      const failing = findings.find((f) => f.kind === 'failing_owner' && f.subject['bureauCode'] === 'WATER');
      expect(failing).toBeDefined();
      expect(failing!.numbers).toMatchObject({
        followUps: 12,
        satisfaction: 0.1667,
        resolution: 0.1667,
        onTimeClose: 0.25,
      });
      expect(failing!.severity).toBeGreaterThan(50);
      expect(failing!.titleZh).toMatch(/满意率低于阈值 [\d.]+ 个百分点/);
      expect(failing!.suggestionEn).toBe(failing!.suggestion);
      const cluster = findings.find((f) => f.kind === 'dissatisfaction_cluster' && f.subject['bureauCode'] === 'WATER');
      expect(cluster!.numbers).toMatchObject({ dissatisfied: 10, ratedFollowUps: 12 });
      expect(findings.some((f) => f.kind === 'failing_owner' && f.subject['bureauCode'] === 'CGJ')).toBe(false);
    });

    it('offers monthly-theme candidates and tracks a chosen theme', async () => {
      expect(findings.some((f) => f.kind === 'monthly_theme_candidate')).toBe(true);
      const chosen = await http(app)
        .post('/api/analytics/monthly-themes')
        .set(auth())
        .send({
          month: '2021-05',
          categoryId: ids.category['CM.SR.LDLF'],
          streetId: ids.street['QY.WM'],
          title: '文庙街道乱堆乱放',
        })
        .expect(201);
      expect(chosen.body).toMatchObject({ month: '2021-05', title: '文庙街道乱堆乱放' });
      await http(app)
        .post('/api/analytics/monthly-themes')
        .set(auth())
        .send({
          month: '2021-05',
          categoryId: ids.category['CM.SR.LDLF'],
          streetId: ids.street['QY.WM'],
          title: 'again',
        })
        .expect(409);
      await http(app)
        .post('/api/analytics/monthly-themes')
        .set(auth())
        .send({ month: '2021-05', categoryId: 1, title: 'x', extra: 1 })
        .expect(400);
      const res = await http(app).get(`/api/analytics/service-gaps?from=${FROM}&to=${TO}`).set(auth()).expect(200);
      const tracked = (res.body.findings as Finding[]).find(
        (f) => f.kind === 'monthly_theme_tracking' && f.numbers['themeId'] === chosen.body.id,
      );
      expect(tracked!.numbers['perMonthSince']).toBe(12);
      expect(tracked!.numbers['perMonthBefore']).toBe(0);
      expect(
        (res.body.findings as Finding[]).some(
          (f) => f.kind === 'monthly_theme_candidate' && f.subject['categoryCode'] === 'CM.SR.LDLF',
        ),
      ).toBe(false);
    });
  });

  describe('a burst of concurrent updates (June 2021)', () => {
    it('keeps the rollups equal to the raw cases, and the check repairs drift', async () => {
      const cgj = ids.bureau['CGJ']!;
      const zjj = ids.bureau['ZJJ']!;
      const category = ids.category['CM.SR.HWGG']!;
      const caseIds: string[] = [];
      for (let i = 0; i < 40; i++) {
        const at = sh(`2021-06-${String(1 + (i % 28)).padStart(2, '0')}T11:00:00`);
        caseIds.push(
          await insertCase(pool, {
            at,
            categoryId: category,
            bureauId: cgj,
            dispatchedAt: at,
            replyDueAt: plusHours(at, 72),
          }),
        );
      }
      // 400 updates from 10 connections while refreshes run alongside: bureau moves, replies,
      // follow-ups with random answers, returns, reopens — each with its outbox row, in one transaction.
      const solved = ['solved', 'partly', 'not'];
      const sat = ['satisfied', 'basically', 'dissatisfied', 'no_answer'];
      const update = async (n: number) => {
        const id = caseIds[n % caseIds.length]!;
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query(
            `UPDATE cases SET lead_bureau_id = $2,
                    replied_at = CASE WHEN $3 THEN dispatched_at + make_interval(hours => $4) ELSE replied_at END,
                    follow_up_solved = $5, follow_up_satisfaction = $6, follow_up_contacted = $7,
                    followed_up_at = COALESCE(replied_at, dispatched_at) + interval '1 day',
                    return_count = return_count + $8, reopen_count = reopen_count + $9, version = version + 1
              WHERE id = $1`,
            [
              id,
              n % 3 === 0 ? zjj : cgj,
              n % 2 === 0,
              (n * 7) % 200,
              solved[n % 3],
              sat[n % 4],
              n % 5 !== 0,
              n % 7 === 0 ? 1 : 0,
              n % 11 === 0 ? 1 : 0,
            ],
          );
          await outbox(client, id, 'test_update', 'in_progress');
          await client.query('COMMIT');
        } finally {
          client.release();
        }
      };
      const work: Promise<unknown>[] = [];
      for (let w = 0; w < 10; w++) {
        work.push(
          (async () => {
            for (let k = 0; k < 40; k++) await update(w * 40 + k);
          })(),
        );
      }
      for (let r = 0; r < 5; r++) work.push(refresh());
      await Promise.all(work);
      await refresh();

      const { rows: truth } = await pool.query<{
        bureau_id: number;
        volume: number;
        follow_ups: number;
        solved: number;
        dissatisfied: number;
        returned: number;
        reopened: number;
        due: number;
        on_time: number;
      }>(
        `SELECT lead_bureau_id AS bureau_id, count(*)::int AS volume,
                count(*) FILTER (WHERE followed_up_at IS NOT NULL)::int AS follow_ups,
                count(*) FILTER (WHERE follow_up_solved = 'solved')::int AS solved,
                count(*) FILTER (WHERE follow_up_satisfaction = 'dissatisfied')::int AS dissatisfied,
                count(*) FILTER (WHERE return_count > 0)::int AS returned,
                count(*) FILTER (WHERE reopen_count > 0)::int AS reopened,
                count(*) FILTER (WHERE replied_at IS NOT NULL)::int AS due,
                count(*) FILTER (WHERE replied_at <= reply_due_at)::int AS on_time
           FROM cases WHERE id = ANY($1) GROUP BY 1`,
        [caseIds],
      );
      const res = await http(app)
        .get(`/api/analytics/overview?from=2021-06-01&to=2021-06-30&groupBy=bureau&categoryId=${category}`)
        .set(auth())
        .expect(200);
      for (const t of truth) {
        const row = res.body.rows.find((r: { group: { id: number } }) => r.group.id === t.bureau_id);
        expect({
          bureau_id: t.bureau_id,
          volume: row.volume,
          follow_ups: row.rates.response.denominator,
          solved: row.rates.resolution.numerator,
          dissatisfied: row.rates.satisfaction.denominator - row.rates.satisfaction.numerator,
          returned: row.rates.return.numerator,
          reopened: row.rates.reopen.numerator,
          due: row.rates.onTimeClose.denominator,
          on_time: row.rates.onTimeClose.numerator,
        }).toEqual(t);
      }
      expect(res.body.rows.reduce((s: number, r: { volume: number }) => s + r.volume, 0)).toBe(40);

      // Nothing drifted …
      const clean = await http(app)
        .post('/api/analytics/consistency-check')
        .set(auth())
        .send({ repair: false })
        .expect(200);
      expect(clean.body).toMatchObject({ driftedCubeRows: {} });
      // … until someone edits a case behind the outbox's back; the check finds and repairs it.
      await pool.query(`UPDATE cases SET lead_bureau_id = $2 WHERE id = $1`, [caseIds[0], ids.bureau['JTJ']]);
      const found = await http(app)
        .post('/api/analytics/consistency-check')
        .set(auth())
        .send({ repair: true })
        .expect(200);
      expect(found.body.driftedCases).toBeGreaterThanOrEqual(1);
      expect(found.body.sampleCaseIds).toContain(caseIds[0]);
      const after = await http(app)
        .post('/api/analytics/consistency-check')
        .set(auth())
        .send({ repair: false })
        .expect(200);
      expect(after.body).toMatchObject({ driftedCases: 0, driftedCubeRows: {} });
      const jtj = await http(app)
        .get(
          `/api/analytics/overview?from=2021-06-01&to=2021-06-30&bureauId=${ids.bureau['JTJ']}&categoryId=${category}`,
        )
        .set(auth())
        .expect(200);
      expect(jtj.body.totals.volume).toBe(1);
      const status = await http(app).get('/api/analytics/status').set(auth()).expect(200);
      expect(status.body.lagEvents).toBe(0);
    });
  });
});
