import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { catalogueIds, type CatalogueIds } from '../support/catalogue-fixtures';
import { createTestApp, http, tokenFor } from '../support/test-app';

// Issue 12: the citizen's confirmation and tracking page say when the reply is due and which
// steps lie ahead, as codes (never internal text).

describe('Public tracking: reply deadline and steps', () => {
  let app: NestFastifyApplication;
  let ids: CatalogueIds;

  beforeAll(async () => {
    app = await createTestApp();
    ids = await catalogueIds(app, await tokenFor(app, 'agent01'));
  });
  afterAll(async () => {
    await app.close();
  });

  it('a dispatched request answers its reply deadline and the steps, on filing and when tracked', async () => {
    const filed = (
      await http(app)
        .post('/api/public/cases')
        .send({
          type: 'complaint',
          categoryId: ids.category('GY.GS.SYD'),
          streetId: ids.street('QY.WM'),
          description: '高层水压低',
        })
        .expect(201)
    ).body;
    expect(filed.status).toBe('dispatched');
    expect(Date.parse(filed.replyDueAt)).toBeGreaterThan(Date.now());
    const tracked = (
      await http(app)
        .get(`/api/public/cases/${filed.trackingNumber}`)
        .set('X-Access-Code', filed.accessCode)
        .expect(200)
    ).body;
    expect(tracked.replyDueAt).toBe(filed.replyDueAt);
    expect(tracked.steps).toEqual([
      { code: 'received', state: 'done' },
      { code: 'dispatching', state: 'done' },
      { code: 'handling', state: 'current' },
      { code: 'replied', state: 'next' },
      { code: 'closed', state: 'next' },
    ]);
  });

  it('a "not sure" request has no deadline yet and is being dispatched', async () => {
    const filed = (
      await http(app).post('/api/public/cases').send({ type: 'help', description: '不知道找哪个部门' }).expect(201)
    ).body;
    expect(filed).toMatchObject({ status: 'awaiting_dispatch', replyDueAt: null });
    expect(filed.steps.find((s: { state: string }) => s.state === 'current').code).toBe('dispatching');
  });
});
