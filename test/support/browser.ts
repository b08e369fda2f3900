import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium with the flags this sandbox needs (no network beyond localhost). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export function webUrl(p = '/'): string {
  const base = process.env['WEB_URL'];
  if (!base) throw new Error('WEB_URL not set: browser tests run through the browser project global setup');
  return new URL(p, base).toString();
}

const SHOTS = path.resolve('test-results/screenshots');

/** Saves a full-page screenshot under test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const file = path.join(SHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export const DEMO_PASSWORD = 'Hotline#2026';

/** A fresh browser context (own cookies) signed in through the login form as a demo user. */
export async function signIn(browser: Browser, username: string, landing: RegExp): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(webUrl('/login'));
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(landing);
  await page.getByTestId('who').waitFor();
  return page;
}

/**
 * Reloads until `check` passes: for lists fed by background work (rollups, polling). The
 * check should itself wait a little (locator.waitFor) so a slow load is not mistaken for a miss.
 */
export async function eventually(page: Page, check: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > until) throw new Error('condition not met in time');
    await page.waitForTimeout(1500);
    await page.reload();
  }
}
