// A citizen on a 390×844 phone: the filing receipt survives a reload, the tracking page
// prefills from it, the citizen can delete it, and a category is found without its official name.
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, webUrl } from '../support/browser';

const PHONE = { width: 390, height: 844 };

describe('a citizen on a phone (Chromium, 390×844)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  async function phonePage(): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: PHONE, isMobile: true, hasTouch: true });
    return context.newPage();
  }

  async function fillRest(page: Page, description: string): Promise<void> {
    await page.getByLabel('区县').selectOption({ label: '清源区' });
    await page.getByLabel('街道/乡镇').selectOption({ label: '文庙街道' });
    await page.getByLabel('诉求内容').fill(description);
    await page.getByLabel('联系电话').fill('13800138111');
  }

  it('reopens the confirmation after a reload, tracks from the kept receipt and can delete it', async () => {
    const page = await phonePage();
    await page.goto(webUrl('/public'));
    await page.getByLabel('诉求类型').selectOption({ label: '求助' });
    // Browse by topic instead of searching: a topic, then the category under it.
    await page.getByText('不知道选哪个分类？按主题浏览').click();
    await page.getByTestId('topic-browser').getByRole('button', { name: '公用事业' }).click();
    await page
      .getByTestId('topic-browser')
      .getByRole('button', { name: /水压低/ })
      .click();
    await page
      .getByTestId('chosen-category')
      .getByText(/水压低/)
      .waitFor();
    await fillRest(page, '楼上几户晚上水压很低，热水器打不着火。');
    await page.getByRole('button', { name: '提交诉求' }).click();
    await page.getByRole('heading', { name: '提交成功' }).waitFor();
    const n = (await page.getByTestId('tracking-number').textContent())!.trim();
    const code = (await page.getByTestId('access-code').textContent())!.trim();
    await page.getByTestId('next-steps').getByText('承办单位签收并办理').waitFor();
    // Auto-dispatched, so the bureau owes a reply: its deadline in plain words, Beijing time.
    const deadline = page.getByTestId('reply-deadline');
    await deadline.waitFor();
    expect(await deadline.textContent()).toMatch(
      /^我们将在 \d{1,2}月\d{1,2}日（周[一二三四五六日]）\d{2}:\d{2} 前答复您。$/,
    );

    // Reload: the receipt is still on screen.
    await page.reload();
    await page.getByRole('heading', { name: '提交成功' }).waitFor();
    await expect(page.getByTestId('tracking-number').textContent()).resolves.toBe(n);
    await expect(page.getByTestId('access-code').textContent()).resolves.toBe(code);
    await screenshot(page, 'citizen-confirmation-after-reload');

    // Put away: the form is back; the tracking page prefills the kept number and code.
    await page.getByRole('button', { name: '我已记下' }).click();
    await page.getByRole('heading', { name: '提交诉求' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: '提交诉求' }).waitFor();
    await page.goto(webUrl('/public/track'));
    await expect(page.getByLabel('工单编号').inputValue()).resolves.toBe(n);
    await expect(page.getByLabel('查询码').inputValue()).resolves.toBe(code);
    await page.getByRole('button', { name: '查询', exact: true }).click();
    await page.getByRole('heading', { name: new RegExp(n) }).waitFor();
    await page.getByTestId('next-steps').getByTestId('reply-deadline').waitFor();
    await screenshot(page, 'citizen-tracking-steps');

    // Deleted from the device: nothing of it is left in the browser.
    await page.getByTestId('saved-receipts').getByRole('button', { name: '从本设备删除' }).click();
    await expect(page.getByTestId('saved-receipts').count()).resolves.toBe(0);
    await expect(page.evaluate<string | null>("localStorage.getItem('hl_receipts')")).resolves.toBeNull();
    await page.context().close();
  });

  it('finds a category with everyday words: 小摊贩 in the search, a description suggests one', async () => {
    const page = await phonePage();
    await page.goto(webUrl('/public'));
    await page.getByLabel('搜索分类（中文、拼音或首字母）').fill('小摊贩');
    await page
      .getByRole('option', { name: /占道经营/ })
      .first()
      .waitFor();
    // Describing it is enough too: the catalogue suggests the category for the description.
    await page.getByLabel('诉求内容').fill('楼下天天有人摆摊卖菜，把人行道都占了。');
    const suggestion = page
      .getByTestId('category-suggest')
      .getByRole('button', { name: /占道经营/ })
      .first();
    await suggestion.click();
    await page
      .getByTestId('chosen-category')
      .getByText(/占道经营/)
      .waitFor();
    await screenshot(page, 'citizen-category-suggested');
    await page.context().close();
  });

  it('a citizen who is not sure of the category still files, and the case waits for an agent', async () => {
    const page = await phonePage();
    await page.goto(webUrl('/public'));
    await page.getByLabel('诉求类型').selectOption({ label: '投诉' });
    await fillRest(page, '小区旁边的空地最近堆了很多来路不明的东西，不知道该找谁。');
    // No category and no "not sure": the form asks for one of the two.
    await page.getByRole('button', { name: '提交诉求' }).click();
    await page.locator('#category-error', { hasText: '不确定' }).waitFor();
    await page.getByRole('button', { name: '不确定属于哪一类？交给工作人员分类' }).click();
    await page.getByRole('button', { name: '提交诉求' }).click();
    await page.getByRole('heading', { name: '提交成功' }).waitFor();
    await page.getByText('工作人员将尽快为您分派承办单位。').waitFor();
    const n = (await page.getByTestId('tracking-number').textContent())!.trim();
    await page.getByRole('region', { name: '提交成功' }).getByRole('link', { name: '查询办理进度' }).click();
    await page.getByRole('heading', { name: new RegExp(`${n}.*待派单`) }).waitFor();
    await page.context().close();
  });
});
