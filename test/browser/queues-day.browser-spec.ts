// Issue 12, queues for a working day: tabs show their own cases at once, the inbox puts the
// most urgent case first however many newer ones arrive, staff search finds a case by phone
// and by tracking number, and the follow-up worklist records an unsuccessful call.
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, signIn } from '../support/browser';
import {
  apiAs,
  cloneCases,
  setAcceptDue,
  waterCase,
  waterPlace,
  type Api,
  type Created,
} from '../support/day-fixtures';

const STEP = 120_000;

describe('queues, search and follow-ups for a working day (Chromium, 1366×768)', () => {
  let browser: Browser;
  let agent: Api;
  let handlerApi: Api;
  let place: Awaited<ReturnType<typeof waterPlace>>;
  let toAccept: Created;
  let inProgress: Created;
  const phone = `139${String(Date.now()).slice(-8)}`;

  beforeAll(async () => {
    browser = await launchChromium();
    agent = await apiAs('agent01');
    handlerApi = await apiAs('h.water');
    place = await waterPlace(agent);
    toAccept = await waterCase(agent, place, { description: '待签收：楼道水压低', phone: '13700000001' });
    inProgress = await waterCase(agent, place, { description: '办理中：夜间水压低', phone });
    const accepted = await handlerApi<Created>(`/cases/${inProgress.id}/accept`, { version: inProgress.version });
    inProgress = { ...inProgress, ...accepted };
  }, STEP);
  afterAll(async () => {
    await browser.close();
  });

  async function handlerPage(): Promise<Page> {
    const page = await signIn(browser, 'h.water', /\/handler$/);
    await page.setViewportSize({ width: 1366, height: 768 });
    return page;
  }

  it(
    'a tab switch shows that tab’s cases at once, never the previous tab’s',
    async () => {
      const page = await handlerPage();
      const panel = page.locator('#inbox-panel');
      await panel.locator(`tr[data-tracking="${toAccept.trackingNumber}"]`).waitFor();
      await page.getByRole('tab', { name: '办理中' }).click();
      // Right after the click the old rows are gone (cleared, not left until the next poll) …
      await expect(panel.locator(`tr[data-tracking="${toAccept.trackingNumber}"]`).count()).resolves.toBe(0);
      // … and the new tab's rows come well before the 15 s poll would bring them.
      await panel.locator(`tr[data-tracking="${inProgress.trackingNumber}"]`).waitFor({ timeout: 5_000 });
      await page.getByRole('tab', { name: '待签收' }).click();
      await expect(panel.locator(`tr[data-tracking="${inProgress.trackingNumber}"]`).count()).resolves.toBe(0);
      await panel.locator(`tr[data-tracking="${toAccept.trackingNumber}"]`).waitFor({ timeout: 5_000 });
      await page.context().close();
    },
    STEP,
  );

  it(
    'the inbox puts a critical case due in 5 minutes first, with 500 newer cases present, and says how many there are',
    async () => {
      const critical = await waterCase(agent, place, {
        description: '特急：主管道爆裂，整栋楼停水',
        phone: '13700000002',
        urgency: 'critical',
      });
      await setAcceptDue(critical.id, 5);
      const filler = await waterCase(agent, place, { description: '一般：水压偏低', phone: '13700000003' });
      await cloneCases(filler.id, 500, `88${String(Date.now()).slice(-9)}`);

      const page = await handlerPage();
      const firstRow = page.locator('#inbox-panel tbody tr').first();
      await firstRow.waitFor();
      await expect(firstRow.getAttribute('data-tracking')).resolves.toBe(critical.trackingNumber);
      // Never silently capped: the tab and the pager count all of them, and page 2 exists.
      await expect(page.getByRole('tab', { name: /待签收 \d+/ }).textContent()).resolves.toMatch(/待签收 (\d{3,})/);
      const total = Number((await page.getByRole('tab', { name: /待签收/ }).textContent())!.replace(/\D/g, ''));
      expect(total).toBeGreaterThanOrEqual(503);
      await page
        .getByTestId('pager-status')
        .filter({ hasText: `共 ${total} 条` })
        .waitFor();
      await page.getByRole('button', { name: '下一页' }).click();
      await page.getByTestId('pager-status').filter({ hasText: '第 2 页' }).waitFor();
      await expect(page.locator(`#inbox-panel tr[data-tracking="${critical.trackingNumber}"]`).count()).resolves.toBe(
        0,
      );
      await screenshot(page, 'inbox-priority');
      await page.context().close();
    },
    STEP,
  );

  it(
    'staff search finds a case by the caller’s phone and by its tracking number',
    async () => {
      const page = await signIn(browser, 'agent01', /\/agent$/);
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.getByRole('link', { name: '工单查询' }).click();
      await page.getByRole('heading', { name: '工单查询' }).waitFor();
      const results = page.locator('section[aria-labelledby="results-title"]');

      await page.getByLabel('来电号码（完整或后四位）').fill(phone);
      await page.getByRole('button', { name: '查询', exact: true }).click();
      await results.locator(`tr[data-tracking="${inProgress.trackingNumber}"]`).waitFor();
      await expect(results.locator('tbody tr').count()).resolves.toBe(1);

      await page.getByRole('button', { name: '清空条件' }).click();
      await page.getByLabel('工单编号').fill(toAccept.trackingNumber);
      await page.getByRole('button', { name: '查询', exact: true }).click();
      await results.locator(`tr[data-tracking="${toAccept.trackingNumber}"]`).waitFor();
      await expect(results.locator('tbody tr').count()).resolves.toBe(1);

      // A named view survives a reload.
      await page.getByLabel('查询名称').fill('这一单');
      await page.getByRole('button', { name: '保存当前查询' }).click();
      await page.reload();
      await page.getByRole('button', { name: '这一单', exact: true }).click();
      await results.locator(`tr[data-tracking="${toAccept.trackingNumber}"]`).waitFor();
      await screenshot(page, 'case-search');
      await page.context().close();
    },
    STEP,
  );

  it(
    'the follow-up worklist records “unreachable” and shows the case again with its attempt count',
    async () => {
      const replied = await handlerApi<Created>(`/cases/${inProgress.id}/reply`, {
        version: inProgress.version,
        publicReply: '已调整加压泵运行时间，夜间水压恢复正常。',
      });
      expect(replied.status).toBe('awaiting_follow_up');

      const page = await signIn(browser, 'agent01', /\/agent$/);
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.getByRole('link', { name: '回访工作台' }).click();
      await page.getByRole('heading', { name: '回访工作台' }).waitFor();
      const row = page.locator(`tr[data-tracking="${inProgress.trackingNumber}"]`);
      await row.waitFor();
      await expect(row.getByTestId('attempts').textContent()).resolves.toBe('0');
      await row.getByRole('button', { name: '未能回访' }).click();
      await row.getByLabel('结果').selectOption({ label: '无法接通，稍后再拨' });
      await row.getByRole('button', { name: '提交' }).click();
      await page.getByText('已记录：无法接通，稍后再拨').waitFor();
      await row.getByTestId('attempts').filter({ hasText: '1' }).waitFor();
      await row.getByText('无法接通，稍后再拨').waitFor();
      await screenshot(page, 'follow-up-worklist');
      await page.context().close();
    },
    STEP,
  );

  it(
    'the supervisor board lists a supervision notice’s clock with its case and bureau',
    async () => {
      const sup = await apiAs('sup01');
      const dueAt = new Date(Date.now() + 24 * 3_600_000).toISOString();
      await sup(`/cases/${toAccept.id}/supervision-notices`, { demand: '请于明日前答复水压问题', dueAt });

      const page = await signIn(browser, 'sup01', /\/supervisor$/);
      await page.setViewportSize({ width: 1366, height: 768 });
      const section = page.getByTestId('notice-clocks-title');
      await section.getByRole('heading', { name: /督办时限/ }).waitFor();
      const row = section.getByRole('row').filter({ has: page.getByRole('link', { name: toAccept.trackingNumber }) });
      await row.waitFor();
      await row.getByText('市自来水公司').waitFor();
      await expect(row.locator('.countdown').count()).resolves.toBe(1);
      await screenshot(page, 'supervisor-board-notices');
      await page.context().close();
    },
    STEP,
  );
});
