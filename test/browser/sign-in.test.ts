import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoPageProblems, openBrowser, screenshot, signIn, type BrowserSession } from './browser.js';

describe('sign-in', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowser();
  });

  afterAll(async () => {
    await session.close();
  });

  test('sign-in page shows Chinese form', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/`);
    await page.waitForURL(/\/login$/);

    await expect(page.title()).resolves.toBe('司法行政指挥中心值班值守系统');
    await page.getByRole('heading', { name: '司法行政指挥中心值班值守系统' }).waitFor();
    expect(await page.getByLabel('用户名').isVisible()).toBe(true);
    expect(await page.getByLabel('密码').isVisible()).toBe(true);
    expect(await page.getByText('本系统为非涉密系统').isVisible()).toBe(true);
    await screenshot(page, '01-login');
    expectNoPageProblems(session);
  });

  test('empty form shows field messages', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/login`);
    await page.getByRole('button', { name: /登\s*录/ }).click();

    await page.getByText('请输入用户名').waitFor();
    expect(await page.getByText('请输入密码').isVisible()).toBe(true);
    expectNoPageProblems(session);
  });

  test('wrong password shows server message', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('用户名').fill('longhua');
    await page.getByLabel('密码').fill('Wrong@password1');
    await page.getByRole('button', { name: /登\s*录/ }).click();

    const alert = page.getByRole('alert').filter({ hasText: '用户名或密码错误' });
    await alert.waitFor();
    expect(page.url()).toMatch(/\/login$/);
    expect(await page.getByLabel('密码').inputValue()).toBe('');
    await screenshot(page, '02-login-wrong-password');
    expectNoPageProblems(session);
  });

  test('admin lands on first menu page', async () => {
    const { page } = session;
    await signIn(session, 'admin');

    // 今日值班 is the first page in the menu that the system administrator may open.
    await page.waitForURL(/\/home$/);
    expect(await page.getByTestId('current-user-name').textContent()).toBe('系统管理员');
    const menu = page.getByRole('menu');
    for (const label of ['组织机构', '人员管理', '账号管理', '个人中心']) {
      expect(await menu.getByText(label, { exact: true }).isVisible(), label).toBe(true);
    }
    expect(await menu.getByText('审计日志').count()).toBe(0);
    expect(await menu.getByText('安全策略').count()).toBe(0);
    expectNoPageProblems(session);
  });

  test('deep link returns after sign-in', async () => {
    const { page, context, baseUrl } = session;
    await context.clearCookies();
    await page.goto(`${baseUrl}/people`);
    await page.waitForURL(/\/login$/);
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('Demo@2026pass');
    await page.getByRole('button', { name: /登\s*录/ }).click();

    await page.waitForURL(/\/people$/);
    await page.getByRole('heading', { name: '人员管理' }).waitFor();
    expectNoPageProblems(session);
  });

  test('sign-out returns to sign-in page', async () => {
    const { page } = session;
    await signIn(session, 'admin');
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('button', { name: /退\s*出/ }).last().click();

    await page.waitForURL(/\/login$/);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
    expectNoPageProblems(session);
  });

  test('hall display account lands on hall', async () => {
    const { page } = session;
    await signIn(session, 'hall');

    // The display account opens nothing but the hall screen.
    await page.waitForURL(/\/hall$/);
    await page.getByText('指挥大厅').first().waitFor();
    await screenshot(page, '03-hall-display-account');
    expectNoPageProblems(session);
  });

  test('unknown address shows 404 page', async () => {
    const { page, baseUrl } = session;
    await signIn(session, 'admin');
    await page.goto(`${baseUrl}/no-such-page`);

    await page.getByText('页面不存在').waitFor();
    expectNoPageProblems(session);
  });

  test('timed-out session shows notice', async () => {
    const { page } = session;
    await signIn(session, 'admin');
    await page.waitForURL(/\/home$/);
    // The server returns this error once the session has been idle too long.
    // The real idle limit (30 minutes by default) is too long to wait for in a test.
    await page.route('**/api/people?**', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'NOT_AUTHENTICATED', message: '长时间未操作，登录已超时，请重新登录。' } }),
      }),
    );
    await page.getByRole('menu').getByText('人员管理').click();

    await page.waitForURL(/\/login$/);
    await page.getByText('长时间未操作，登录已超时，请重新登录。').waitFor();
    await screenshot(page, '04-login-timed-out');
    await page.unroute('**/api/people?**');

    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('Demo@2026pass');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL(/\/people$/);
    expectNoPageProblems(session);
  });
});
