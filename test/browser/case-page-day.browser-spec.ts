// Issue 12, the case page and the language of the staff pages: the lead bureau reveals the
// citizen's contact (and the audit log has it), and the Chinese staff pages show no English
// words or raw codes.
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, signIn, webUrl } from '../support/browser';
import { apiAs, waterCase, waterPlace, type Created } from '../support/day-fixtures';

const STEP = 180_000;

/** Latin words a Chinese page may show: the other language's name, format names, key caps (Alt+S). */
const ALLOWED = new Set(['English', 'CSV', 'Open311', 'Tab', 'Enter', 'Alt', 'S', 'M']);
const USERNAME = /^(agent\d+|sup\d+|admin|h\.[a-z-]+)$/;

/**
 * Latin-letter words on the page, without the allowed ones. Identifiers marked
 * translate="no" (bureau and category codes an admin types) and key caps (<kbd>) are not words.
 */
async function latinWords(page: Page): Promise<string[]> {
  // Hidden for the read (innerText leaves out what is not rendered), then shown again.
  const text = await page.evaluate<string>(`(() => {
    const style = document.createElement('style');
    style.textContent = '[translate="no"], kbd { display: none !important; }';
    document.head.appendChild(style);
    const text = document.body.innerText;
    style.remove();
    return text;
  })()`);
  const words = text.match(/[A-Za-z][A-Za-z0-9._-]*[A-Za-z0-9]|[A-Za-z]/g) ?? [];
  return [...new Set(words)].filter((w) => !ALLOWED.has(w) && !USERNAME.test(w));
}

describe('case page and the Chinese staff UI (Chromium, 1366×768)', () => {
  let browser: Browser;
  let kase: Created;
  const phone = `136${String(Date.now()).slice(-8)}`;

  beforeAll(async () => {
    browser = await launchChromium();
    const agent = await apiAs('agent01');
    kase = await waterCase(agent, await waterPlace(agent), {
      description: '六楼水压低，请联系我上门查看',
      phone,
      name: '李女士',
    });
  }, STEP);
  afterAll(async () => {
    await browser.close();
  });

  it(
    'the lead bureau’s handler reveals the contact; the audit log records who looked',
    async () => {
      const page = await signIn(browser, 'h.water', /\/handler$/);
      await page.setViewportSize({ width: 1366, height: 768 });
      await page.goto(webUrl(`/cases/${kase.id}`));
      await page.getByText('（已脱敏）').waitFor();
      await expect(page.getByText(phone).count()).resolves.toBe(0);
      await page.getByRole('button', { name: '查看联系方式' }).click();
      await page.getByTestId('contact').filter({ hasText: phone }).waitFor();
      await page.getByTestId('contact').filter({ hasText: '李女士' }).waitFor();
      await screenshot(page, 'case-contact-revealed');
      await page.context().close();

      const admin = await apiAs('admin');
      const audit = await admin<{ items: { action: string; targetId: string; actorUsername?: string }[] }>(
        `/admin/audit?action=case.contact_viewed&targetType=case&targetId=${kase.id}`,
      );
      expect(audit.items).toHaveLength(1);
      expect(audit.items[0]).toMatchObject({ action: 'case.contact_viewed', targetId: kase.id });
    },
    STEP,
  );

  it(
    'walking the staff pages in Chinese shows no English words or raw codes',
    async () => {
      const walks: [string, RegExp, string[]][] = [
        ['agent01', /\/agent$/, ['/agent', '/agent/queue', '/agent/follow-ups', '/cases', `/cases/${kase.id}`]],
        ['h.water', /\/handler$/, ['/handler', '/cases', `/cases/${kase.id}`]],
        ['sup01', /\/supervisor$/, ['/supervisor', '/supervisor/dashboard', `/cases/${kase.id}`]],
        [
          'admin',
          /\/admin$/,
          [
            '/admin',
            '/admin/bureaus',
            '/admin/catalogue',
            '/admin/policies',
            '/admin/calendar',
            '/admin/api-keys',
            '/admin/audit',
          ],
        ],
      ];
      const found: Record<string, string[]> = {};
      for (const [user, landing, paths] of walks) {
        const page = await signIn(browser, user, landing);
        await page.setViewportSize({ width: 1366, height: 768 });
        for (const p of paths) {
          await page.goto(webUrl(p));
          await page.locator('main#main').waitFor();
          // Lists and reference data load after the frame.
          await page.waitForLoadState('networkidle');
          await page
            .getByRole('status')
            .filter({ hasText: '加载中' })
            .waitFor({ state: 'detached' })
            .catch(() => undefined);
          const words = await latinWords(page);
          if (words.length) found[`${user} ${p}`] = words;
        }
        await page.context().close();
      }
      expect(found).toEqual({});
    },
    STEP * 2,
  );
});
