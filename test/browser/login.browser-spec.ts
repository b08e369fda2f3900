import type { Browser } from 'playwright-core';
import { launchChromium, screenshot, webUrl } from '../support/browser';

describe('login page (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('renders in Chinese by default and shows field errors without sending anything', async () => {
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/')) requests.push(r.url());
    });
    await page.goto(webUrl('/login'));
    await expect(page.getByRole('heading', { name: '工作人员登录' }).isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('此项必填').first().waitFor();
    expect(requests).toEqual([]);
    await screenshot(page, 'login');
    await page.close();
  });

  it('shows the server message for a wrong password', async () => {
    const page = await browser.newPage();
    await page.goto(webUrl('/login'));
    await page.getByLabel('用户名').fill('agent01');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByText('Wrong username or password').waitFor();
    await page.close();
  });
});
