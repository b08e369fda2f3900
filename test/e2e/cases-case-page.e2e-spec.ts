import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import { catalogueIds, type CatalogueIds } from '../support/catalogue-fixtures';
import { createTestApp, http, tokenFor } from '../support/test-app';

// Issue 12: not accepted with reason and proper channel; merge answers closed/merged and both
// sides show the link; extension requests on the case; category correction on redispatch.

describe('Case page: not accepted, merge links, extension requests, category correction', () => {
  let app: NestFastifyApplication;
  let ids: CatalogueIds;
  const tokens: Record<string, string> = {};
  const tag = `cp${randomUUID().slice(0, 8)}`;
  const as = (u: string) => ({ Authorization: `Bearer ${tokens[u]}` });
  const intake = (body: Record<string, unknown>) =>
    http(app)
      .post('/api/cases')
      .set(as('agent01'))
      .send({
        type: 'complaint',
        categoryId: ids.category('GY.GS.SYD'),
        streetId: ids.street('QY.WM'),
        description: `${tag} 水压低`,
        ...body,
      });
  const get = (u: string, id: string) => http(app).get(`/api/cases/${id}`).set(as(u));
  const events = async (id: string) =>
    (await http(app).get(`/api/cases/${id}/events`).set(as('agent01')).expect(200)).body as Array<{
      action: string;
      note: string | null;
      isPublic: boolean;
      data: Record<string, unknown>;
    }>;

  beforeAll(async () => {
    app = await createTestApp();
    for (const u of ['agent01', 'h.water', 'h.gas', 'sup01']) tokens[u] = await tokenFor(app, u);
    ids = await catalogueIds(app, tokens['agent01']!);
  });
  afterAll(async () => {
    await app.close();
  });

  it('not accepted needs a reason and the proper channel, and shows both', async () => {
    const before = (await http(app).get('/api/cases').query({ q: tag }).set(as('agent01'))).body.total as number;
    const noReason = await intake({ disposition: 'not_accepted', properChannel: '请向法院起诉' }).expect(400);
    expect(JSON.stringify(noReason.body)).toContain('notAcceptedReason');
    const noChannel = await intake({ disposition: 'not_accepted', notAcceptedReason: '属司法程序' }).expect(400);
    expect(JSON.stringify(noChannel.body)).toContain('properChannel');
    expect((await http(app).get('/api/cases').query({ q: tag }).set(as('agent01'))).body.total).toBe(before);

    const c = (
      await intake({
        disposition: 'not_accepted',
        notAcceptedReason: '属司法程序',
        properChannel: '请向法院起诉',
      }).expect(201)
    ).body.case;
    expect(c).toMatchObject({
      status: 'closed',
      closeReason: 'not_accepted',
      notAcceptedReason: '属司法程序',
      properChannel: '请向法院起诉',
    });
    const ev = (await events(c.id)).find((e) => e.action === 'not_accept')!;
    expect(ev.isPublic).toBe(true);
    expect(ev.note).toContain('属司法程序');
    expect(ev.note).toContain('请向法院起诉');
  });

  it('merge answers the child closed/merged with its parent; both sides show the link', async () => {
    const parent = (await intake({}).expect(201)).body.case;
    const child = (await intake({ description: `${tag} 水压低 重复来电` }).expect(201)).body.case;
    const merged = (
      await http(app)
        .post(`/api/cases/${child.id}/merge`)
        .set(as('agent01'))
        .send({ version: child.version, parentCaseId: parent.id, note: '同一楼栋' })
        .expect(200)
    ).body;
    expect(merged).toMatchObject({ status: 'closed', closeReason: 'merged', parentCaseId: parent.id });
    expect(merged.linked.parent).toMatchObject({ id: parent.id, trackingNumber: parent.trackingNumber });

    const p = (await get('agent01', parent.id).expect(200)).body;
    expect(p.linked.childCount).toBe(1);
    expect(p.linked.children.map((x: { id: string }) => x.id)).toEqual([child.id]);
    expect(p.linked.parent).toBeNull();
    const trace = (await events(parent.id)).find((e) => e.action === 'repeat_merged')!;
    expect(trace).toMatchObject({ isPublic: false, note: '同一楼栋' });
    expect(trace.data['childTrackingNumber']).toBe(child.trackingNumber);
    // The bureau that owns both sees the link; another bureau sees neither case.
    expect((await get('h.water', parent.id).expect(200)).body.linked.childCount).toBe(1);
    await get('h.gas', parent.id).expect(404);
    // The merged children are listed by parentId too.
    const list = (await http(app).get('/api/cases').query({ parentId: parent.id }).set(as('agent01'))).body;
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([child.id]);
  });

  it('shows extension requests with the requested time and their state', async () => {
    const c = (await intake({}).expect(201)).body.case;
    const accepted = (
      await http(app).post(`/api/cases/${c.id}/accept`).set(as('h.water')).send({ version: c.version }).expect(200)
    ).body;
    const newDueAt = new Date(new Date(accepted.replyDueAt).getTime() + 3 * 86_400_000).toISOString();
    await http(app)
      .post(`/api/cases/${c.id}/extensions`)
      .set(as('h.water'))
      .send({ kind: 'reply', reason: '需协调施工队', newDueAt })
      .expect(201);
    const detail = (await get('h.water', c.id).expect(200)).body;
    expect(detail.extensionRequests).toHaveLength(1);
    expect(detail.extensionRequests[0]).toMatchObject({
      deadlineKind: 'reply',
      status: 'pending',
      reason: '需协调施工队',
      requestedDueAt: newDueAt,
      decidedBy: null,
    });
    expect(detail.extensionRequests[0].requestedBy.name).toBeTruthy();
  });

  it('redispatch can correct the category; the preview suggests the bureau for it', async () => {
    const c = (await intake({}).expect(201)).body.case;
    const gasLeaf = ids.category('GY.RQ');
    const preview = (
      await http(app)
        .post('/api/dispatch/preview')
        .set(as('agent01'))
        .send({ categoryId: gasLeaf, streetId: ids.street('QY.WM') })
        .expect(200)
    ).body;
    expect(preview.matched).toBe(true);
    await http(app)
      .post(`/api/cases/${c.id}/redispatch`)
      .set(as('agent01'))
      .send({ version: c.version, bureauId: preview.bureau.id, categoryId: 999999, reason: '分类错误' })
      .expect(400);
    const moved = (
      await http(app)
        .post(`/api/cases/${c.id}/redispatch`)
        .set(as('agent01'))
        .send({ version: c.version, bureauId: preview.bureau.id, categoryId: gasLeaf, reason: '分类错误' })
        .expect(200)
    ).body;
    expect(moved).toMatchObject({ categoryId: gasLeaf, leadBureauId: preview.bureau.id, status: 'dispatched' });
    const ev = (await events(c.id)).find((e) => e.action === 'redispatch')!;
    expect(ev.data).toMatchObject({ categoryFrom: ids.category('GY.GS.SYD'), categoryTo: gasLeaf });
  });
});
