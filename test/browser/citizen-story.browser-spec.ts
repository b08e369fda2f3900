// The whole story through the UI only: citizen → auto-dispatch → handler → citizen feedback
// (dissatisfied, reopens) → handler again → citizen satisfied → supervisor's rates.
import type { Browser, Page } from 'playwright-core';
import { eventually, launchChromium, screenshot, signIn, webUrl } from '../support/browser';

const STEP_TIMEOUT = 120_000;

describe('a citizen request from submission to the supervisor dashboard (Chromium)', () => {
  let browser: Browser;
  let trackingNumber = '';
  let accessCode = '';
  let caseUrl = '';
  let citizen: Page;
  let handler: Page;

  beforeAll(async () => {
    browser = await launchChromium();
    citizen = await (await browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 } })).newPage();
  });
  afterAll(async () => {
    await browser.close();
  });

  async function giveFeedback(solved: string, satisfaction: string) {
    await citizen.goto(webUrl(`/public/track?n=${trackingNumber}&code=${accessCode}`));
    await citizen.getByRole('heading', { name: '评价办理结果' }).waitFor();
    await citizen.getByLabel('承办单位是否联系过您？').selectOption({ label: '是' });
    await citizen.getByLabel('问题是否解决？').selectOption({ label: solved });
    await citizen.getByLabel('您对办理结果是否满意？').selectOption({ label: satisfaction });
    await citizen.getByRole('button', { name: '提交评价' }).click();
    await citizen.getByText('感谢您的评价').waitFor();
  }

  async function handlerReplies(text: string) {
    await handler.goto(caseUrl);
    await handler.getByRole('button', { name: '答复', exact: true }).click();
    await handler.getByLabel('答复内容').fill(text);
    await handler.getByRole('button', { name: '提交', exact: true }).click();
    await handler.getByText('答复: 操作成功').waitFor();
  }

  it(
    'a citizen submits on the public form (on a phone) and gets a tracking number and access code',
    async () => {
      await citizen.goto(webUrl('/public'));
      await citizen.getByRole('heading', { name: '提交诉求' }).waitFor();
      await citizen.getByLabel('诉求类型').selectOption({ label: '求助' });
      await citizen.getByLabel('搜索分类（中文、拼音或首字母）').fill('水压');
      await citizen.getByRole('option', { name: /水压低/ }).click();
      await citizen.getByLabel('区县').selectOption({ label: '清源区' });
      await citizen.getByLabel('街道/乡镇').selectOption({ label: '文庙街道' });
      await citizen.getByLabel('详细地址').fill('文庙路 18 号 3 栋');
      await citizen.getByLabel('诉求内容').fill('这一周每天晚上七点到十点家里水压很低，六楼基本没水。');
      await citizen.getByLabel('联系电话').fill('13800138000');
      await screenshot(citizen, 'public-form');
      await citizen.getByRole('button', { name: '提交诉求' }).click();
      await citizen.getByRole('heading', { name: '提交成功' }).waitFor();
      trackingNumber = (await citizen.getByTestId('tracking-number').textContent())!.trim();
      accessCode = (await citizen.getByTestId('access-code').textContent())!.trim();
      expect(trackingNumber).toMatch(/^\d{13,20}$/);
      expect(accessCode).toMatch(/^[A-Z0-9]{6}$/);
      // Auto-dispatched by the catalogue: the confirmation names the bureau.
      await citizen.getByText(/已转交：.*自来水/).waitFor();
      await screenshot(citizen, 'public-confirmation');
    },
    STEP_TIMEOUT,
  );

  it(
    'the water company handler sees it in the inbox, accepts it and replies',
    async () => {
      handler = await signIn(browser, 'h.water', /\/handler$/);
      await eventually(handler, () =>
        handler
          .getByRole('link', { name: trackingNumber })
          .waitFor({ timeout: 15_000 })
          .then(() => true),
      );
      await expect(
        handler.locator(`tr[data-tracking="${trackingNumber}"] .countdown`).getAttribute('data-colour'),
      ).resolves.toBe('green');
      await screenshot(handler, 'handler-inbox');
      await handler.getByRole('link', { name: trackingNumber }).click();
      await handler.waitForURL(/\/cases\//);
      caseUrl = handler.url();
      await handler.getByRole('button', { name: '签收' }).first().click();
      await handler.getByRole('button', { name: '签收' }).last().click();
      await handler.getByText('签收: 操作成功').waitFor();
      await handlerReplies('已安排维修人员检查加压泵站，今晚起供水压力恢复正常。');
      await screenshot(handler, 'handler-case');
    },
    STEP_TIMEOUT,
  );

  it(
    'another bureau cannot open the case by its URL',
    async () => {
      const other = await signIn(browser, 'h.gas', /\/handler$/);
      await other.goto(caseUrl);
      await other.getByText('未找到该工单，或您无权查看。').waitFor();
      await expect(other.getByText(trackingNumber).count()).resolves.toBe(0);
      await other.context().close();
    },
    STEP_TIMEOUT,
  );

  it(
    'the citizen is dissatisfied: the case goes back to the bureau',
    async () => {
      await giveFeedback('未解决', '不满意');
      await citizen.getByText('您的工单已重新交办').waitFor();
      await citizen.getByRole('heading', { name: new RegExp(`${trackingNumber}.*办理中`) }).waitFor();
      // The timeline shows the steps, never the staff's reasons for them ("rule #1: category level 2").
      await expect(citizen.getByText(/rule #|规则 #|category level/).count()).resolves.toBe(0);
      await screenshot(citizen, 'public-tracking');
    },
    STEP_TIMEOUT,
  );

  it(
    'the handler replies again and the citizen is satisfied: the case closes',
    async () => {
      await handlerReplies('已更换小区二次供水水泵，经回访六楼水压正常。');
      await giveFeedback('已解决', '满意');
      await citizen.getByText('工单已办结').waitFor();
      await citizen.getByRole('heading', { name: new RegExp(`${trackingNumber}.*已办结`) }).waitFor();
    },
    STEP_TIMEOUT,
  );

  it('the supervisor dashboard counts the follow-ups in the water company rates', async () => {
    const sup = await signIn(browser, 'sup01', /\/supervisor$/);
    await screenshot(sup, 'supervisor-board');
    await sup.goto(webUrl('/supervisor/dashboard'));
    const row = sup.locator('[data-testid="rates-table"] tr[data-bureau="WATER"]');
    try {
      await eventually(
        sup,
        async () => {
          await row.waitFor({ timeout: 15_000 });
          return Number(await row.locator('td').nth(1).textContent()) >= 1;
        },
        90_000,
      );
    } finally {
      await screenshot(sup, 'supervisor-dashboard');
    }
    // Rates are shown as percentages once the follow-ups are in (the seed has no other water cases).
    await expect(row.locator('td').nth(4).textContent()).resolves.toMatch(/^\d+\.\d%$/);
    // The same page in English.
    await sup.getByRole('button', { name: 'English' }).click();
    await sup.getByRole('heading', { name: 'Analysis dashboard' }).waitFor();
    await sup.getByRole('columnheader', { name: 'Satisfaction rate' }).waitFor();
    await sup.context().close();
  }, 180_000);
});
