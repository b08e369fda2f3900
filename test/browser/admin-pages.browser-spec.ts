// The admin area through the UI only: users (create, edit, disable → sign-in refused), the
// dispatch catalogue (create, edit, history, preview), the calendar, API keys and the audit log.
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshot, signIn, webUrl } from '../support/browser';

/** Each run's own names, so reruns on one database never collide. */
const RUN = Date.now().toString(36).slice(-6);

async function tryLogin(browser: Browser, username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(webUrl('/login'));
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  return page;
}

async function pickCategory(scope: ReturnType<Page['getByRole']>, page: Page, search: string, option: RegExp) {
  await scope.getByLabel('搜索分类（中文、拼音或首字母）').fill(search);
  await page.getByRole('option', { name: option }).first().click();
  await scope.getByTestId('chosen-category').waitFor();
}

describe('admin pages (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('creates a user, edits them, disables them, and their sign-in is then refused; the audit log shows it', async () => {
    const username = `qa.${RUN}`;
    const password = `Secure${RUN}2026`;
    const admin = await signIn(browser, 'admin', /\/admin$/);
    await admin.getByRole('heading', { name: '用户' }).waitFor();

    await admin.getByText('+ 新建用户').click();
    const create = admin.getByRole('form', { name: '新建用户' });
    // Bad input first: errors next to the fields, in Chinese, nothing sent.
    await create.getByRole('button', { name: '创建' }).click();
    await create.locator('#u-username-error').waitFor();
    await create.getByLabel('用户名').fill(username);
    await create.getByLabel('姓名').fill('测试话务员');
    await create.getByLabel('角色', { exact: true }).selectOption({ label: '话务员' });
    await create.getByLabel('密码').fill(password);
    await create.getByRole('button', { name: '创建' }).click();
    await create.getByText(`已创建用户 ${username}`).waitFor();
    const row = admin.getByRole('row').filter({ has: admin.getByRole('cell', { name: username, exact: true }) });
    await row.waitFor();

    // The new account works.
    const first = await tryLogin(browser, username, password);
    await first.waitForURL(/\/agent$/);
    await first.context().close();

    // Edit: a handler needs a bureau, said next to the field before anything is sent.
    await row.getByRole('button', { name: '编辑', exact: true }).click();
    const edit = admin.getByTestId('edit-user');
    await edit.getByLabel('姓名').fill('测试话务员（改）');
    await edit.getByLabel('角色', { exact: true }).selectOption({ label: '承办单位' });
    await edit.getByRole('button', { name: '保存' }).click();
    await edit.locator('#eu-bureau-error', { hasText: '承办单位角色必须选择所属单位' }).waitFor();
    await edit.getByLabel('角色', { exact: true }).selectOption({ label: '话务员' });
    await edit.getByRole('button', { name: '保存' }).click();
    await row.getByRole('cell', { name: '测试话务员（改）' }).waitFor();

    // Disable: the sign-in is refused from then on.
    await row.getByRole('button', { name: '停用', exact: true }).click();
    await admin.getByTestId('action-message').getByText(`已停用 ${username}`).waitFor();
    await row.getByRole('button', { name: '启用', exact: true }).waitFor();
    await screenshot(admin, 'admin-users-disabled');
    const refused = await tryLogin(browser, username, password);
    await refused.locator('.form-error').waitFor();
    expect(new URL(refused.url()).pathname).toBe('/login');
    await refused.context().close();

    // The audit log has the disable, found by its action.
    await admin.getByRole('link', { name: '审计日志' }).click();
    await admin.getByRole('heading', { name: '审计日志' }).waitFor();
    await admin.getByLabel('动作').fill('user.disable');
    await admin.getByRole('button', { name: '查询' }).click();
    await admin
      .getByRole('cell', { name: new RegExp(`#${username.replace('.', '\\.')}`) })
      .first()
      .waitFor();
    await screenshot(admin, 'admin-audit');
    await admin.context().close();
  });

  it('creates and edits a dispatch rule; its history has both versions and the preview shows the new bureau', async () => {
    const keyword = `巡查${RUN}`;
    const admin = await signIn(browser, 'admin', /\/admin$/);
    await admin.getByRole('link', { name: '派单目录' }).click();
    await admin.getByRole('heading', { name: '派单目录' }).waitFor();

    await admin.getByText('+ 新建派单规则').click();
    const create = admin.getByRole('form', { name: '新建派单规则' });
    await pickCategory(create, admin, 'zdjy', /占道经营/);
    await create.getByLabel('关键词 (可选)').fill(keyword);
    await create.getByLabel('主办单位').selectOption({ label: '市体育局' });
    await create.getByRole('checkbox', { name: '市民政局' }).check();
    await create.getByRole('button', { name: '创建' }).click();
    const created = create.getByText(/已创建规则 #\d+/);
    await created.waitFor();
    const id = /#(\d+)/.exec((await created.textContent()) ?? '')![1]!;
    const row = admin.getByRole('row').filter({ has: admin.getByRole('cell', { name: keyword, exact: true }) });
    await row.getByRole('cell', { name: '市体育局' }).waitFor();

    await row.getByRole('button', { name: `编辑规则 #${id}` }).click();
    const edit = admin.getByTestId('edit-rule');
    await edit.getByLabel('主办单位').selectOption({ label: '市园林和绿化局' });
    await edit.getByRole('button', { name: '保存' }).click();
    await row.getByRole('cell', { name: '市园林和绿化局' }).waitFor();
    await screenshot(admin, 'admin-catalogue-rule');

    await row.getByRole('button', { name: `规则 #${id} 的版本历史` }).click();
    const history = admin.getByTestId('rule-history');
    await history.getByRole('cell', { name: /市体育局/ }).waitFor();
    await history.getByRole('cell', { name: /市园林和绿化局/ }).waitFor();
    await expect(history.getByRole('row').count()).resolves.toBe(3); // header + 2 versions

    const preview = admin.getByRole('form', { name: '派单预览工具' });
    await pickCategory(preview, admin, 'zdjy', /占道经营/);
    await preview.getByLabel('诉求内容（用于匹配关键词，可选）').fill(`人行道上有摊贩，请${keyword}`);
    await preview.getByRole('button', { name: '预览' }).click();
    await admin.getByTestId('admin-dispatch-preview').getByText('将派往：市园林和绿化局').waitFor();
    await admin.getByTestId('admin-dispatch-preview').getByText(`命中规则 #${id}（版本 2）`).waitFor();
    await screenshot(admin, 'admin-dispatch-preview');

    // A second admin changed the rule meanwhile: the stale form says so and reloads.
    await row.getByRole('button', { name: `编辑规则 #${id}` }).click();
    const other = await signIn(browser, 'admin', /\/admin$/);
    await other.goto(webUrl('/admin/catalogue'));
    const otherRow = other.getByRole('row').filter({ has: other.getByRole('cell', { name: keyword, exact: true }) });
    await otherRow.getByRole('button', { name: `编辑规则 #${id}` }).click();
    await other.getByTestId('edit-rule').getByLabel('主办单位').selectOption({ label: '市体育局' });
    await other.getByTestId('edit-rule').getByRole('button', { name: '保存' }).click();
    await otherRow.getByRole('cell', { name: '市体育局' }).waitFor();
    await other.context().close();
    await admin.getByTestId('edit-rule').getByLabel('关键词 (可选)').fill(`${keyword}X`);
    await admin.getByTestId('edit-rule').getByRole('button', { name: '保存' }).click();
    await admin.getByText('其他人刚修改了这条规则，请重新加载后再修改。').waitFor();
    await admin.getByRole('button', { name: '重新加载' }).click();
    await expect(admin.getByTestId('edit-rule').getByLabel('主办单位').inputValue()).resolves.not.toBe('');
    await admin.context().close();
  });

  it('adds a holiday to the calendar and removes it again', async () => {
    const admin = await signIn(browser, 'admin', /\/admin$/);
    await admin.getByRole('link', { name: '工作日历' }).click();
    await admin.getByRole('heading', { name: '工作日历' }).waitFor();
    // A Wednesday in March next year: a weekday no seeded holiday falls on.
    const d = new Date(Date.UTC(new Date().getUTCFullYear() + 1, 2, 8));
    while (d.getUTCDay() !== 3) d.setUTCDate(d.getUTCDate() + 1);
    const day = d.toISOString().slice(0, 10);

    await admin.getByText('+ 添加节假日或调休日').click();
    const form = admin.getByRole('form', { name: '添加节假日或调休日' });
    await form.getByLabel('日期').fill(day);
    // A weekday cannot be a make-up working day: the refusal lands at the kind.
    await form.getByLabel('类型').selectOption({ label: '调休上班' });
    await form.getByRole('button', { name: '保存日期' }).click();
    await form.locator('#cd-kind-error', { hasText: '调休上班日只能设在周末' }).waitFor();
    await form.getByLabel('类型').selectOption({ label: '法定节假日' });
    await form.getByLabel('名称（如 国庆节）').fill(`测试假日 ${RUN}`);
    await form.getByRole('button', { name: '保存日期' }).click();
    const row = admin.getByRole('row').filter({ has: admin.getByRole('cell', { name: day, exact: true }) });
    await row.getByRole('cell', { name: `测试假日 ${RUN}` }).waitFor();
    await screenshot(admin, 'admin-calendar-holiday');

    await row.getByRole('button', { name: '删除' }).click();
    await row.getByRole('button', { name: `确认删除 ${day}` }).click();
    await admin.getByTestId('action-message').getByText(`已删除 ${day}`).waitFor();
    await expect(row.count()).resolves.toBe(0);
    await admin.context().close();
  });

  it('issues an API key whose secret is shown once, then revokes it; the page also reads in English', async () => {
    const name = `Open311 测试 ${RUN}`;
    const admin = await signIn(browser, 'admin', /\/admin$/);
    await admin.getByRole('link', { name: '接口密钥' }).click();
    await admin.getByRole('heading', { name: '接口密钥' }).waitFor();
    await admin.getByText('+ 签发新密钥').click();
    const form = admin.getByRole('form', { name: '签发新密钥' });
    await form.getByLabel('名称（使用方）').fill(name);
    await form.getByRole('button', { name: '签发' }).click();

    const panel = admin.getByTestId('new-secret-panel');
    await panel.getByText('此密钥只显示这一次').waitFor();
    const secret = await panel.getByLabel(`${name} 的密钥`).inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await panel.getByRole('button', { name: '复制密钥' }).waitFor();
    await screenshot(admin, 'admin-api-key-issued');
    await panel.getByRole('button', { name: '我已保存，关闭' }).click();
    await expect(panel.count()).resolves.toBe(0);

    // Never again: not after closing, not after a reload; the list shows only a prefix.
    await admin.reload();
    const row = admin.getByRole('row').filter({ has: admin.getByRole('cell', { name, exact: true }) });
    await row.waitFor();
    await expect(admin.content()).resolves.not.toContain(secret);

    await row.getByRole('button', { name: '吊销' }).click();
    await row.getByRole('button', { name: `确认吊销 ${name}` }).click();
    await row.getByRole('cell', { name: /已吊销/ }).waitFor();

    await admin.getByRole('button', { name: 'English' }).click();
    await admin.getByRole('heading', { name: 'API keys' }).waitFor();
    await row.getByRole('cell', { name: /Revoked/ }).waitFor();
    await screenshot(admin, 'admin-api-keys-en');
    await admin.getByRole('button', { name: '中文' }).click();
    await admin.getByRole('heading', { name: '接口密钥' }).waitFor();
    await admin.context().close();
  });
});
