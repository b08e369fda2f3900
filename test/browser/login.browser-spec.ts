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

  it('says a wrong password in the reader’s language (by the error code, never the API’s English)', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(webUrl('/login'));
    await page.getByLabel('用户名').fill('agent01');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('.form-error', { hasText: '用户名或密码错误' }).waitFor();
    await expect(page.getByText('Wrong username or password').count()).resolves.toBe(0);

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.getByLabel('Username').fill('agent01');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('.form-error', { hasText: 'Wrong username or password' }).waitFor();
    await context.close();
  });

  it('puts a server field refusal next to its field in Chinese, and an unknown code as a generic sentence', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Refusals the real API gives other forms, served here so the shared display is tested alone.
    let answer: object = {
      statusCode: 400,
      error: 'Bad Request',
      code: 'validation.invalid_input',
      message: 'Invalid input: username: Too big: expected string to have <=64 characters',
      details: [{ path: ['username'], code: 'too_big', origin: 'string', maximum: 64, message: 'Too big' }],
    };
    await page.route('**/api/auth/login', (route) =>
      route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify(answer) }),
    );
    await page.goto(webUrl('/login'));
    await page.getByLabel('用户名').fill('agent01');
    await page.getByLabel('密码').fill('whatever-password');
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('#username-error', { hasText: '内容太长（最多 64 个字符）' }).waitFor();
    await expect(page.getByLabel('用户名').getAttribute('aria-invalid')).resolves.toBe('true');

    answer = { statusCode: 400, code: 'some.future_code', message: 'Something new went wrong' };
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('.form-error', { hasText: '操作未成功，请稍后重试' }).waitFor();
    await expect(page.getByText('Something new went wrong').count()).resolves.toBe(0);
    await context.close();
  });
});
