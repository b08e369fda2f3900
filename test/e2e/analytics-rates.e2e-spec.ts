import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type pg from 'pg';
import { createTestApp, http, tokenFor } from '../support/test-app';
import { type Ids, insertCase, loadIds, plusHours, sh, testPool } from './analytics-support';

// Hand-built month: March 2021 (Shanghai). Eight cases about street vending (CM.SR.ZDJY) at
// 双塔街道; six went to the city urban-management bureau (CGJ). Every figure below was
// worked out by hand from these rows.
const FROM = '2021-03-01';
const TO = '2021-03-31';
const T = sh('2021-03-10T10:00:00');

describe('analytics: rates on a hand-built dataset', () => {
  let app: NestFastifyApplication;
  let pool: pg.Pool;
  let ids: Ids;
  let admin: string;
  let cgj: number;
  let zdjy: number;

  const get = (url: string, token = admin) => http(app).get(url).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    app = await createTestApp();
    pool = testPool();
    ids = await loadIds(pool);
    admin = await tokenFor(app, 'admin');
    cgj = ids.bureau['CGJ']!;
    zdjy = ids.category['CM.SR.ZDJY']!;
    const place = { categoryId: zdjy, districtId: ids.district['QY']!, streetId: ids.street['QY.ST']! };
    const h = (n: number) => plusHours(T, n);
    const dispatched = { bureauId: cgj, dispatchedAt: T, acceptDueAt: h(2), replyDueAt: h(7 * 24) };
    // c1 direct answer at intake; c7 no rule matched, waiting for manual dispatch
    await insertCase(pool, { ...place, at: T, closedAt: h(0.1), closeReason: 'direct_answer' });
    await insertCase(pool, { ...place, at: T, unmatched: true });
    // c2 accepted on time, replied in 3 h, solved + satisfied
    await insertCase(pool, {
      ...place,
      ...dispatched,
      at: T,
      acceptedAt: h(1),
      repliedAt: h(3),
      closedAt: h(48),
      closeReason: 'follow_up',
      contacted: true,
      solved: 'solved',
      satisfaction: 'satisfied',
    });
    // c3 accepted late, replied after the deadline (240 h), partly solved, dissatisfied, reopened once
    await insertCase(pool, {
      ...place,
      ...dispatched,
      at: T,
      acceptedAt: h(3),
      repliedAt: h(240),
      closedAt: h(264),
      closeReason: 'follow_up',
      contacted: true,
      solved: 'partly',
      satisfaction: 'dissatisfied',
      reopenCount: 1,
    });
    // c4 accepted on time, replied in 5 h, awaiting follow-up
    await insertCase(pool, {
      ...place,
      ...dispatched,
      at: T,
      status: 'awaiting_follow_up',
      acceptedAt: h(0.5),
      repliedAt: h(5),
    });
    // c5 never accepted, returned twice, flagged overdue
    await insertCase(pool, { ...place, ...dispatched, at: T, flag: 'overdue', returnCount: 2 });
    // c6 returned once, replied in 6 h, not contacted, not solved, no satisfaction answer
    await insertCase(pool, {
      ...place,
      ...dispatched,
      at: T,
      acceptedAt: h(1),
      repliedAt: h(6),
      closedAt: h(24),
      closeReason: 'follow_up',
      contacted: false,
      solved: 'not',
      satisfaction: 'no_answer',
      returnCount: 1,
    });
    // c8 replied in 1.5 h, solved, basically satisfied
    await insertCase(pool, {
      ...place,
      ...dispatched,
      at: T,
      acceptedAt: h(1),
      repliedAt: h(1.5),
      closedAt: h(30),
      closeReason: 'follow_up',
      contacted: true,
      solved: 'solved',
      satisfaction: 'basically',
    });
    await http(app).post('/api/analytics/refresh').set('Authorization', `Bearer ${admin}`).expect(200);
  });

  afterAll(async () => {
    await pool.end();
    await app.close();
  });

  it('computes every rate of a bureau with its numerator and denominator', async () => {
    const res = await get(`/api/analytics/overview?from=${FROM}&to=${TO}&groupBy=bureau&categoryId=${zdjy}`).expect(
      200,
    );
    const row = res.body.rows.find((r: { group: { id: number } }) => r.group.id === cgj);
    expect(row.group).toMatchObject({ code: 'CGJ', nameZh: '市城市管理局' });
    expect(row.volume).toBe(6);
    expect(row.dispatched).toBe(6);
    expect(row.overdueCount).toBe(2);
    expect(row.rates).toEqual({
      directAnswer: { numerator: 0, denominator: 6, value: 0 },
      acceptOnTime: { numerator: 4, denominator: 5, value: 0.8 },
      onTimeClose: { numerator: 4, denominator: 6, value: 0.6667 },
      response: { numerator: 3, denominator: 4, value: 0.75 },
      resolution: { numerator: 2, denominator: 4, value: 0.5 },
      satisfaction: { numerator: 2, denominator: 3, value: 0.6667 },
      return: { numerator: 2, denominator: 6, value: 0.3333 },
      reopen: { numerator: 1, denominator: 6, value: 0.1667 },
      overdue: { numerator: 2, denominator: 6, value: 0.3333 },
    });
    // replies: 1.5, 3, 5, 6, 240 h → median inside [4, 8): 4 + (2.5 − 2) ÷ 2 × 4 = 5; p90 inside [240, 360): 240 + 0.5 × 120
    expect(row.replyHours).toEqual({ median: 5, p90: 300, replied: 5 });
    const none = res.body.rows.find((r: { group: { id: number } }) => r.group.id === 0);
    expect(none.volume).toBe(2);
    expect(res.body.totals.volume).toBe(8);
    expect(res.body.totals.rates.directAnswer).toEqual({ numerator: 1, denominator: 8, value: 0.125 });
  });

  it('rolls leaf categories up to their top class and filters by the category subtree', async () => {
    const top = ids.category['CM']!;
    const res = await get(
      `/api/analytics/overview?from=${FROM}&to=${TO}&groupBy=category&categoryLevel=1&categoryId=${top}`,
    ).expect(200);
    expect(res.body.rows).toHaveLength(1);
    expect(res.body.rows[0].group).toMatchObject({ id: top, code: 'CM', nameZh: '城市管理' });
    expect(res.body.rows[0].volume).toBe(8);
    const other = ids.category['GY']!;
    const none = await get(`/api/analytics/overview?from=${FROM}&to=${TO}&categoryId=${other}`).expect(200);
    expect(none.body.totals.volume).toBe(0);
  });

  it('gives the same figures whether a range is read from whole months, edge days or both', async () => {
    for (const [from, to, volume] of [
      ['2021-02-20', '2021-04-05', 8], // edge days + one whole month
      ['2021-03-10', '2021-03-10', 8], // a single day
      ['2021-03-11', '2021-04-30', 0], // edge days + a whole month, all after the cases
      ['2021-03-05', '2021-03-31', 8], // March minus its first four days (fewer days to read)
      ['2021-01-01', '2021-12-31', 8], // whole months only
    ] as const) {
      const res = await get(`/api/analytics/overview?from=${from}&to=${to}&categoryId=${zdjy}`).expect(200);
      expect([from, to, res.body.totals.volume]).toEqual([from, to, volume]);
    }
  });

  it('groups by street, channel and type from the matching cube', async () => {
    const street = await get(`/api/analytics/overview?from=${FROM}&to=${TO}&groupBy=street&bureauId=${cgj}`).expect(
      200,
    );
    expect(street.body.source.cube).toBe('place');
    expect(street.body.rows.find((r: { group: { code: string } }) => r.group.code === 'QY.ST').volume).toBe(6);
    const channel = await get(
      `/api/analytics/overview?from=${FROM}&to=${TO}&groupBy=channel&categoryId=${zdjy}`,
    ).expect(200);
    expect(channel.body.source.cube).toBe('wide');
    expect(channel.body.rows).toEqual([
      expect.objectContaining({ group: expect.objectContaining({ id: 'phone' }), volume: 8 }),
    ]);
  });

  it('gives trends per period with the change against the previous one', async () => {
    const res = await get(`/api/analytics/trends?from=2021-02-01&to=${TO}&interval=month&categoryId=${zdjy}`).expect(
      200,
    );
    expect(res.body.points.map((p: { period: string; volume: number }) => [p.period, p.volume])).toEqual([
      ['2021-02-01', 0],
      ['2021-03-01', 8],
    ]);
    expect(res.body.points[1].change.volume).toEqual({ delta: 8, relative: null });
    const weeks = await get(`/api/analytics/trends?from=${FROM}&to=${TO}&interval=week&categoryId=${zdjy}`).expect(200);
    expect(weeks.body.points[0].period).toBe('2021-03-01'); // a Monday
    expect(weeks.body.points.find((p: { period: string }) => p.period === '2021-03-08').volume).toBe(8);
  });

  it('ranks bureaus by the documented composite with configurable weights', async () => {
    const res = await get(`/api/analytics/rankings?month=2021-03&n=1&wResponse=1&wResolution=0&wSatisfaction=0`).expect(
      200,
    );
    const entry = res.body.ranked.find((e: { bureau: { id: number } }) => e.bureau.id === cgj);
    expect(entry.score).toBe(0.75); // response only
    expect(res.body.weights).toEqual({ response: 1, resolution: 0, satisfaction: 0 });
    const dflt = await get(`/api/analytics/rankings?month=2021-03`).expect(200);
    const e2 = dflt.body.ranked.find((e: { bureau: { id: number } }) => e.bureau.id === cgj);
    // 0.2 × 0.75 + 0.4 × 0.5 + 0.4 × 0.6667 = 0.6167
    expect(e2.score).toBe(0.6167);
  });

  it('exports CSV with a BOM so Excel shows Chinese', async () => {
    const res = await get(
      `/api/analytics/overview?from=${FROM}&to=${TO}&groupBy=bureau&categoryId=${zdjy}&format=csv`,
    ).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.text.charCodeAt(0)).toBe(0xfeff);
    expect(res.text).toContain('市城市管理局');
    expect(res.text.split('\r\n')[0]).toContain('satisfactionNumerator');
    for (const path of ['trends', 'service-gaps']) {
      const r = await get(`/api/analytics/${path}?from=${FROM}&to=${TO}&format=csv`).expect(200);
      expect(r.text.charCodeAt(0)).toBe(0xfeff);
    }
    const r = await get(`/api/analytics/rankings?month=2021-03&format=csv`).expect(200);
    expect(r.text).toContain('CGJ');
  });

  it('writes the CSV header row in Chinese with lang=zh-CN and keeps English keys by default', async () => {
    const base = `/api/analytics/overview?from=${FROM}&to=${TO}&groupBy=bureau&categoryId=${zdjy}&format=csv`;
    const english = await get(base).expect(200);
    expect(english.text.charCodeAt(0)).toBe(0xfeff);
    expect(english.text.slice(1).startsWith('period,groupBy,id,code,nameZh,nameEn,volume,')).toBe(true);
    expect((await get(`${base}&lang=en`).expect(200)).text).toBe(english.text);

    const zh = await get(`${base}&lang=zh-CN`).expect(200);
    expect(zh.text.charCodeAt(0)).toBe(0xfeff);
    const [head, firstRow] = zh.text.slice(1).split('\r\n');
    expect(head!.startsWith('期间,分组,编号,编码,名称,英文名称,受理量,')).toBe(true);
    expect(head).toContain('响应率分子');
    expect(head).not.toMatch(/[A-Za-z]/);
    expect(firstRow).toContain(',承办单位,');
    expect(firstRow).not.toContain(',bureau,');

    const ranks = await get(`/api/analytics/rankings?month=2021-03&format=csv&lang=zh-CN`).expect(200);
    expect(ranks.text.slice(1).split('\r\n')[0]).toBe(
      '月份,名次,红黑榜,单位编码,名称,英文名称,综合得分,回访数,响应率,解决率,满意率',
    );
    const json = await get(`/api/analytics/rankings?month=2021-03`).expect(200);
    if (json.body.redList.length > 0) expect(ranks.text).toContain(',红榜,');
    expect(ranks.text).not.toMatch(/,(red|black),/);

    const gapQuery = `/api/analytics/service-gaps?from=${FROM}&to=${TO}&hotspotMin=2&ownerlessMin=1`;
    const gaps = await get(`${gapQuery}&format=csv&lang=zh-CN`).expect(200);
    expect(gaps.text.slice(1).split('\r\n')[0]).toBe('类型,严重程度,标题,建议,对象,数据,示例工单');
    const findings = (await get(gapQuery).expect(200)).body.findings as { titleZh: string; titleEn: string }[];
    expect(findings.length).toBeGreaterThan(0);
    expect(gaps.text).toContain(findings[0]!.titleZh);
    expect(gaps.text).not.toContain(findings[0]!.titleEn);
    const trends = await get(`/api/analytics/trends?from=${FROM}&to=${TO}&format=csv&lang=zh-CN`).expect(200);
    expect(trends.text.slice(1).split('\r\n')[0]).toMatch(/^期间,受理量,.*,受理量变化,受理量变化率$/);

    const bad = await get(`${base}&lang=fr`).expect(400);
    expect(JSON.stringify(bad.body)).toMatch(/lang/);
  });

  it('lets a handler see only their own bureau', async () => {
    const handler = await tokenFor(app, 'h.cgj');
    const zjj = ids.bureau['ZJJ']!;
    const denied = await get(`/api/analytics/overview?from=${FROM}&to=${TO}&bureauId=${zjj}`, handler).expect(403);
    expect(denied.body.message).toMatch(/own bureau/);
    const own = await get(`/api/analytics/overview?from=${FROM}&to=${TO}&groupBy=bureau`, handler).expect(200);
    expect(own.body.rows.map((r: { group: { id: number } }) => r.group.id)).toEqual([cgj]);
    const trends = await get(`/api/analytics/trends?from=${FROM}&to=${TO}&bureauId=${zjj}`, handler).expect(403);
    expect(trends.body.statusCode).toBe(403);
    const ranks = await get(`/api/analytics/rankings?month=2021-03`, handler).expect(200);
    for (const list of [ranks.body.ranked, ranks.body.redList, ranks.body.blackList, ranks.body.unranked]) {
      expect(list.every((e: { bureau: { id: number } }) => e.bureau.id === cgj)).toBe(true);
    }
    await get(`/api/analytics/service-gaps?from=${FROM}&to=${TO}`, handler).expect(403);
    await get(`/api/analytics/overview?from=${FROM}&to=${TO}`, await tokenFor(app, 'agent01')).expect(403);
  });

  it('refuses bad input with 400 and a readable message', async () => {
    const bad = await get(`/api/analytics/overview?from=2021-02-30&to=${TO}`).expect(400);
    expect(JSON.stringify(bad.body)).toMatch(/calendar date/);
    const reversed = await get(`/api/analytics/overview?from=${TO}&to=${FROM}`).expect(400);
    expect(JSON.stringify(reversed.body)).toMatch(/must not be before/);
    await get(`/api/analytics/overview?from=${FROM}&to=${TO}&groupBy=planet`).expect(400);
    await get(`/api/analytics/overview?from=${FROM}&to=${TO}&nonsense=1`).expect(400);
    const unknown = await get(`/api/analytics/overview?from=${FROM}&to=${TO}&categoryId=999999`).expect(400);
    expect(unknown.body.message).toMatch(/no category/);
    await get(`/api/analytics/rankings?month=2021-13`).expect(400);
  });

  it('documents the formulas in the OpenAPI description', async () => {
    const doc = await http(app).get('/api/docs-json').expect(200);
    const op = doc.body.paths['/api/analytics/overview'].get;
    expect(op.description).toContain('satisfaction rate 满意率 = (satisfied + basically satisfied)');
    expect(op.description).toContain('on-time close rate');
    expect(doc.body.paths['/api/analytics/service-gaps'].get.description).toContain('hotspot');
  });
});
