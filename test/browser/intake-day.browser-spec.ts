// An agent's working day at 1366×768: every call starts from a clean form, a reload or a
// lapsed session never loses the call being typed, and the sign-in page brings the agent back.
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchChromium, screenshot, webUrl } from '../support/browser';

const DESK = { width: 1366, height: 768 };

async function signInHere(page: Page, username: string): Promise<void> {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

async function agentPage(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: DESK });
  const page = await context.newPage();
  await page.goto(webUrl('/login'));
  await signInHere(page, username);
  await page.waitForURL(/\/agent$/);
  await page.getByTestId('who').waitFor();
  return page;
}

/** Fills a call with the keyboard: category, district and street by type-ahead and Tab. */
async function typeCall(page: Page, call: { phone: string; name?: string; description: string }): Promise<void> {
  const k = page.keyboard;
  await page.getByLabel('联系电话').focus();
  await k.type(call.phone);
  await k.press('Tab');
  if (call.name) await k.type(call.name);
  await page.getByLabel('诉求类型').selectOption({ label: '投诉' });
  await page.getByLabel('搜索分类（中文、拼音或首字母）').focus();
  await k.type('zdjy');
  await page.getByRole('option', { name: /占道经营/ }).waitFor();
  await k.press('Tab'); // Tab out of the visible match takes it
  await page
    .getByTestId('chosen-category')
    .getByText(/占道经营/)
    .waitFor();
  await k.type('清源'); // district type-ahead
  await page.getByRole('option', { name: '清源区' }).waitFor();
  await k.press('Tab');
  await k.type('文庙');
  await page.getByRole('option', { name: '文庙街道' }).waitFor();
  await k.press('Tab');
  await k.type('文庙路 8 号');
  await page.getByLabel('诉求内容').fill(call.description);
}

/** The case the "new call" banner links to, read through the API with the page's session. */
interface Filed {
  id: string;
  trackingNumber: string;
  status: string;
  caller: { phone: string | null; name: string | null };
}
async function lastFiled(page: Page): Promise<Filed> {
  const href = await page.getByTestId('new-call').getByRole('link').first().getAttribute('href');
  const id = href!.split('/').pop()!;
  const res = await page.request.get(webUrl(`/api/cases/${id}`));
  expect(res.status()).toBe(200);
  return (await res.json()) as Filed;
}

// Browser-side expressions as strings: this file is type-checked without the DOM library.
/** Waits for a condition on the page as it is (no reload), checking every 100 ms. */
async function until(page: Page, check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await page.waitForTimeout(100);
  }
}

const draftKeys = (page: Page) =>
  page.evaluate<string[]>("Object.keys(localStorage).filter((k) => k.startsWith('hl_draft:intake:'))");

describe('agent intake through a working day (Chromium, 1366×768)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('two calls in a row file two different callers; the form is clean and focused for the second', async () => {
    const page = await agentPage(browser, 'agent02');
    await typeCall(page, { phone: '13911110001', name: '赵先生', description: '文庙路口每天傍晚有摊贩占道经营。' });
    await page.keyboard.press('Alt+S');
    await page.getByRole('heading', { name: '新来电' }).waitFor();
    await page
      .getByTestId('new-call')
      .getByText(/已登记工单 \d+/)
      .waitFor();
    const first = await lastFiled(page);
    expect(first.caller).toMatchObject({ phone: '13911110001', name: '赵先生' });

    // Nothing of the first caller is left, and the phone field has the focus.
    for (const label of ['联系电话', '姓名', '详细地址', '诉求内容', '区县', '街道/乡镇'])
      await expect(page.getByLabel(label, { exact: true }).inputValue()).resolves.toBe('');
    await expect(page.getByTestId('chosen-category').count()).resolves.toBe(0);
    await page.locator('#caller-phone:focus').waitFor();
    await expect(draftKeys(page)).resolves.toEqual([]);
    await screenshot(page, 'intake-new-call');

    // The second caller gives no name: the case must not inherit the first one's.
    await typeCall(page, { phone: '13922220002', description: '文庙路夜市摊位占用人行道。' });
    await page.getByRole('button', { name: '提交工单' }).click();
    await page.getByTestId('new-call').filter({ hasNotText: first.trackingNumber }).waitFor();
    await page
      .getByTestId('new-call')
      .getByText(/已登记工单 \d+/)
      .waitFor();
    const second = await lastFiled(page);
    expect(second.id).not.toBe(first.id);
    expect(second.caller.phone).toBe('13922220002');
    expect(second.caller.name).toBeNull();
    await page.context().close();
  });

  it('a repeat call merges into the similar open case with one key and is reported as merged', async () => {
    const page = await agentPage(browser, 'agent02');
    await typeCall(page, { phone: '13966660006', description: '文庙路口又有摊贩占道，和上次反映的是同一处。' });
    const similar = page.getByRole('complementary').getByRole('button', { name: /并入此工单.*Alt\+M/ });
    await similar.waitFor();
    await page.keyboard.press('Alt+M');
    const chosen = page.getByText(/提交后将并入 \d+/);
    await chosen.waitFor();
    const parentN = /(\d{13,20})/.exec((await chosen.textContent()) ?? '')![1]!;
    await page.keyboard.press('Alt+S');
    await page.getByTestId('new-call').getByText('已并入主工单').waitFor();
    await expect(page.getByTestId('new-call').getByRole('link', { name: parentN }).count()).resolves.toBe(1);
    const child = await lastFiled(page);
    expect(child).toMatchObject({ status: 'closed' });
    const parentHref = await page.getByTestId('new-call').getByRole('link', { name: parentN }).getAttribute('href');
    const parent = (await (await page.request.get(webUrl(`/api${parentHref!}`))).json()) as {
      linked?: { childCount: number; children: { trackingNumber: string }[] };
    };
    expect(parent.linked?.children.map((c) => c.trackingNumber)).toContain(child.trackingNumber);
    await page.context().close();
  });

  it('not accepted (不予受理) asks for the reason and the proper channel the citizen is told', async () => {
    const page = await agentPage(browser, 'agent02');
    await typeCall(page, { phone: '13977770007', description: '要求热线判决邻居之间的借款纠纷。' });
    await page.getByRole('radio', { name: '不予受理' }).check();
    await page.getByRole('button', { name: '提交工单' }).click();
    await page.locator('#notAcceptedReason-error').waitFor();
    await page.locator('#properChannel-error').waitFor();
    await page.getByLabel('不予受理的原因（将告知市民）').fill('民间借贷纠纷属于法院受理范围，热线无法裁决。');
    await page.getByLabel('应通过什么渠道反映（告知市民的正确渠道）').fill('向所在区人民法院起诉，或申请人民调解。');
    await page.keyboard.press('Alt+S');
    await page
      .getByTestId('new-call')
      .getByText(/已登记工单 \d+（已办结）/)
      .waitFor();
    const filed = (await lastFiled(page)) as Filed & { notAcceptedReason?: string; properChannel?: string };
    expect(filed.notAcceptedReason).toBe('民间借贷纠纷属于法院受理范围，热线无法裁决。');
    expect(filed.properChannel).toBe('向所在区人民法院起诉，或申请人民调解。');
    await page.context().close();
  });

  it('a reload mid-intake restores the draft, which the agent can discard', async () => {
    const page = await agentPage(browser, 'agent02');
    await typeCall(page, { phone: '13933330003', name: '钱女士', description: '早市摊贩把菜摊摆到了马路中间。' });
    // The draft is saved as the agent types: wait until it holds the last field typed.
    await until(page, async () =>
      (
        await page.evaluate<string>(
          "Object.keys(localStorage).filter((k) => k.startsWith('hl_draft:intake:')).map((k) => localStorage.getItem(k)).join('')",
        )
      ).includes('马路中间'),
    );
    await page.reload();
    await page.getByTestId('draft-restored').waitFor();
    await expect(page.getByLabel('联系电话').inputValue()).resolves.toBe('13933330003');
    await expect(page.getByLabel('姓名', { exact: true }).inputValue()).resolves.toBe('钱女士');
    await expect(page.getByLabel('诉求内容').inputValue()).resolves.toBe('早市摊贩把菜摊摆到了马路中间。');
    // The boxes show the names once the district list has loaded.
    await until(
      page,
      async () =>
        (await page.inputValue('#districtId')) === '清源区' && (await page.inputValue('#streetId')) === '文庙街道',
    );
    await page
      .getByTestId('chosen-category')
      .getByText(/占道经营/)
      .waitFor();
    await screenshot(page, 'intake-draft-restored');

    await page.getByRole('button', { name: '放弃草稿，开始新来电' }).click();
    await expect(page.getByLabel('联系电话').inputValue()).resolves.toBe('');
    await expect(page.getByLabel('诉求内容').inputValue()).resolves.toBe('');
    await expect(page.getByTestId('draft-restored').count()).resolves.toBe(0);
    await expect(draftKeys(page)).resolves.toEqual([]);
    await page.reload();
    await page.getByLabel('联系电话').waitFor();
    await expect(page.getByLabel('联系电话').inputValue()).resolves.toBe('');
    await page.context().close();
  });

  it('a session that lapses mid-intake returns to the form with its content after sign-in', async () => {
    const page = await agentPage(browser, 'agent03');
    await typeCall(page, { phone: '13944440004', name: '孙先生', description: '小区门口流动摊贩占道，晚上噪音也大。' });
    // Both cookies gone: the one refresh fails, the submit meets 401.
    await page.context().clearCookies();
    await page.keyboard.press('Alt+S');
    await page.waitForURL((u) => u.pathname === '/login' && u.searchParams.get('next') === '/agent');
    await page.getByText('登录已过期').waitFor();
    await signInHere(page, 'agent03');
    await page.waitForURL(/\/agent$/);
    await page.getByTestId('draft-restored').waitFor();
    await expect(page.getByLabel('联系电话').inputValue()).resolves.toBe('13944440004');
    await expect(page.getByLabel('诉求内容').inputValue()).resolves.toBe('小区门口流动摊贩占道，晚上噪音也大。');
    await page.keyboard.press('Alt+S');
    await page
      .getByTestId('new-call')
      .getByText(/已登记工单 \d+/)
      .waitFor();
    const filed = await lastFiled(page);
    expect(filed.caller).toMatchObject({ phone: '13944440004', name: '孙先生' });
    await page.context().close();
  });

  it('a long description still gets the dispatch preview (sent in a POST body, not the URL)', async () => {
    const page = await agentPage(browser, 'agent02');
    const previews: string[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/dispatch/preview')) previews.push(`${r.request().method()} ${r.status()}`);
    });
    await typeCall(page, { phone: '13955550005', description: '流动摊贩占道经营，'.repeat(380) });
    await page
      .getByTestId('dispatch-preview')
      .getByText(/将派往|派单目录没有匹配/)
      .waitFor();
    expect(previews.length).toBeGreaterThan(0);
    expect(previews.every((p) => p === 'POST 200')).toBe(true);
    await page.context().close();
  });

  it('sign-in ignores a "next" that leaves the site', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: DESK });
    const page = await context.newPage();
    await page.goto(webUrl('/login?next=%2F%2Fevil.example%2Fagent'));
    await signInHere(page, 'agent03');
    await page.waitForURL(/\/agent$/);
    expect(new URL(page.url()).origin).toBe(new URL(webUrl('/')).origin);
    await context.close();
  });
});
