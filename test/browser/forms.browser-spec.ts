// Agent intake by keyboard alone, and a form that refuses bad input before anything is sent.
import type { Browser } from 'playwright-core';
import { launchChromium, screenshot, signIn, webUrl } from '../support/browser';

describe('staff and citizen forms (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('an agent registers a call with the keyboard only and sees the dispatch preview first', async () => {
    const page = await signIn(browser, 'agent01', /\/agent$/);
    const k = page.keyboard;
    // The phone field has focus when the page opens.
    await page.getByLabel('联系电话').waitFor();
    await expect(page.evaluate('document.activeElement && document.activeElement.id')).resolves.toBe('caller-phone');
    await k.type('13900139000');
    await k.press('Tab');
    await k.type('王先生');
    await k.press('Tab'); // type
    await k.press('ArrowDown'); // 咨询
    await k.press('ArrowDown'); // 求助
    await k.press('Tab'); // urgency stays 一般
    await k.press('Tab'); // category search
    await k.type('zdjy');
    await page.getByRole('option', { name: /占道经营/ }).waitFor();
    await k.press('Enter');
    await page.getByTestId('chosen-category').waitFor();
    await k.press('Tab'); // district
    await k.press('ArrowDown'); // 清源区
    await k.press('Tab'); // street
    await k.press('ArrowDown'); // 清源街道
    await k.press('Tab'); // address
    await k.type('人民路口');
    await k.press('Tab'); // description
    await k.type('每天早上人民路口有流动摊贩占道，行人只能走机动车道。');
    // The dispatch preview names the bureau before anything is submitted.
    await page
      .getByTestId('dispatch-preview')
      .getByText(/将派往|派单目录没有匹配/)
      .waitFor();
    await screenshot(page, 'agent-intake');
    await k.press('Alt+S');
    await page.getByText(/已登记工单 \d+/).waitFor();

    // A consultation answered on the spot is closed at intake, never dispatched.
    await page.getByLabel('诉求类型').selectOption({ label: '咨询' });
    await page.getByLabel('搜索分类（中文、拼音或首字母）').fill('公租房');
    await page.getByRole('option', { name: /公租房/ }).click();
    await page.getByLabel('诉求内容').fill('咨询公租房轮候需要准备哪些材料。');
    await page.getByRole('radio', { name: '直接答复' }).check();
    await page.getByLabel('答复内容 / 告知渠道').fill('已告知需携带身份证、户口簿和收入证明到区住房保障窗口办理。');
    await page.getByRole('button', { name: '提交工单' }).click();
    await page.getByText(/已登记工单 \d+（已办结）/).waitFor();
    await page.context().close();
  });

  it('the public form shows errors next to the fields, in the reader’s language, and sends nothing', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/api/')) posts.push(r.url());
    });
    await page.goto(webUrl('/public'));
    await page.getByLabel('联系电话').fill('abc');
    await page.getByRole('button', { name: '提交诉求' }).click();
    await page
      .locator('#type-error', { hasText: '请选择一项' })
      .or(page.locator('#type-error', { hasText: '此项必填' }))
      .waitFor();
    await page.locator('#description-error').waitFor();
    await page.locator('#callerPhone-error', { hasText: '请输入有效的手机或电话号码' }).waitFor();
    await expect(page.getByLabel('诉求内容').getAttribute('aria-invalid')).resolves.toBe('true');
    await screenshot(page, 'public-form-errors');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Submit a request' }).waitFor();
    await page.getByRole('button', { name: 'Submit request' }).click();
    await page.locator('#callerPhone-error', { hasText: 'Enter a valid phone number' }).waitFor();
    expect(posts).toEqual([]);
    await context.close();
  });

  it('the agent and handler pages switch to English and stay English', async () => {
    const agent = await signIn(browser, 'agent01', /\/agent$/);
    await agent.getByRole('button', { name: 'English' }).click();
    await agent.getByRole('heading', { name: 'Call intake' }).waitFor();
    await agent.getByRole('link', { name: 'Dispatch queue' }).click();
    await agent.getByRole('heading', { name: 'Dispatch queue' }).waitFor();
    await agent.reload();
    await agent.getByRole('heading', { name: 'Dispatch queue' }).waitFor();
    await agent.context().close();

    const handler = await signIn(browser, 'h.cgj', /\/handler$/);
    await handler.getByRole('tab', { name: '待签收' }).waitFor();
    await handler.getByRole('button', { name: 'English' }).click();
    await handler.getByRole('tab', { name: 'To accept' }).waitFor();
    await handler.getByRole('tab', { name: 'Overdue' }).click();
    await expect(handler.getByRole('tab', { name: 'Overdue' }).getAttribute('aria-selected')).resolves.toBe('true');
    await handler.context().close();
  });

  it('the admin and supervisor pages open in both languages', async () => {
    const admin = await signIn(browser, 'admin', /\/admin$/);
    await admin.getByRole('heading', { name: '用户' }).waitFor();
    await admin.getByRole('cell', { name: 'h.water' }).waitFor();
    await screenshot(admin, 'admin-users');
    await admin.getByRole('link', { name: '派单目录' }).click();
    await admin.getByRole('heading', { name: '派单目录' }).waitFor();
    await admin
      .getByRole('cell', { name: /自来水/ })
      .first()
      .waitFor();
    await screenshot(admin, 'admin-catalogue');
    await admin.getByRole('button', { name: 'English' }).click();
    await admin.getByRole('heading', { name: 'Dispatch catalogue' }).waitFor();
    await admin.getByRole('cell', { name: /Water/ }).first().waitFor();
    await admin.getByRole('link', { name: 'Calendar' }).click();
    await admin.getByRole('cell', { name: 'Public holiday' }).first().waitFor();
    await screenshot(admin, 'admin-calendar');
    await admin.context().close();
  });
});
