import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoPageProblems, openBrowser, screenshot, signIn, type BrowserSession } from './browser.js';

describe('units and accounts', () => {
  let session: BrowserSession;
  let resetPassword = '';

  beforeAll(async () => {
    session = await openBrowser();
  });

  afterAll(async () => {
    await session.close();
  });

  test('units page lists Haikou units', async () => {
    const { page, baseUrl } = session;
    await signIn(session, 'admin');
    await page.goto(`${baseUrl}/units`);
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '秀英区司法局' });
    await row.waitFor();

    expect(await row.textContent()).toContain('区司法局');
    expect(await row.textContent()).toContain('已隐藏');
    expect(await page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '海口市罗牛山强制隔离戒毒所' }).textContent()).toContain('局属单位');
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBeGreaterThanOrEqual(21);
    await screenshot(page, '20-units');

    await page.getByRole('switch', { name: '显示值班室电话' }).click();
    await expect.poll(() => row.textContent()).toContain('0898-68600001');
    expectNoPageProblems(session);
  });

  test('unit drawer edits short name', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/units`);
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '龙华区司法局' });
    await row.getByRole('button', { name: '编辑' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('编辑单位：龙华区司法局').waitFor();
    await drawer.getByLabel('信息员').waitFor();
    await screenshot(page, '21-unit-drawer', { fullPage: false });

    await drawer.getByLabel('简称').fill('龙华');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('单位信息已保存').waitFor();
    await expect.poll(() => row.textContent()).toContain('简称：龙华');
    expectNoPageProblems(session);
  });

  test('new unit appears in list', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/units`);
    await page.getByRole('button', { name: '新增单位' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await drawer.getByText('请输入单位名称').waitFor();

    await drawer.getByLabel('单位名称').fill('海口市公证处');
    await drawer.getByLabel('简称').fill('公证处');
    await drawer.getByLabel('单位类型').click();
    await page.locator('.ant-select-item-option', { hasText: '局属单位' }).click();
    await drawer.getByLabel('值班室电话').fill('0898-6870 0009');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('单位已新增').waitFor();

    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '海口市公证处' });
    await row.waitFor();
    expect(await row.textContent()).toContain('局属单位');
    expectNoPageProblems(session);
  });

  test('new account shows initial password once', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/users`);
    await page.getByRole('button', { name: '新增账号' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('用户名').fill('zhangsan');
    await drawer.getByLabel('姓名').fill('张三');
    await drawer.getByLabel('角色').click();
    // The system administrator assigns business roles only (三员分立).
    const adminOptions = (await page.locator('.ant-select-item-option').allTextContents()).map((text) => text.trim());
    expect(adminOptions).toContain('值班员');
    expect(adminOptions).not.toContain('审计管理员');
    expect(adminOptions).not.toContain('安全管理员');
    await page.locator('.ant-select-item-option', { hasText: '值班员' }).click();
    await drawer.getByLabel('所属单位').fill('办公室');
    await page.locator('.ant-select-item-option', { hasText: /^办公室$/ }).click();
    await drawer.getByRole('button', { name: /保\s*存/ }).click();

    const password = page.getByTestId('revealed-password');
    await password.waitFor();
    expect((await password.textContent())?.length).toBeGreaterThanOrEqual(8);
    await screenshot(page, '22-account-created', { fullPage: false });
    await page.getByRole('button', { name: '我已记下' }).click();
    await page.locator('.ant-table-tbody tr.ant-table-row', { hasText: 'zhangsan' }).waitFor();
    expectNoPageProblems(session);
  });

  test('security admin resets password', async () => {
    const { page, baseUrl } = session;
    await signIn(session, 'security');
    await page.goto(`${baseUrl}/users`);
    await page.getByRole('heading', { name: '账号管理' }).waitFor();
    await page.getByRole('menu').getByText('安全策略', { exact: true }).waitFor();
    // The security administrator manages administrator accounts only (三员分立).
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: 'zhangsan' });
    await row.waitFor();
    expect(await row.getByRole('button', { name: '编辑' }).count()).toBe(0);
    await page.getByRole('button', { name: '新增账号' }).click();
    await page.getByRole('dialog').getByLabel('角色').click();
    const securityOptions = (await page.locator('.ant-select-item-option').allTextContents()).map((text) => text.trim());
    expect(securityOptions).toEqual(['系统管理员', '安全管理员', '审计管理员']);
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });

    await row.getByRole('button', { name: '重置密码' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /重\s*置/ }).click();
    await page.getByText('密码已重置').waitFor();
    resetPassword = (await page.getByTestId('revealed-password').textContent()) ?? '';
    expect(resetPassword.length).toBeGreaterThanOrEqual(8);
    await page.getByRole('button', { name: '我已记下' }).click();
    await screenshot(page, '23-users-security');
    expectNoPageProblems(session);
  });

  test('security policy saves', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/security`);
    await page.getByLabel('最短长度（位）').waitFor();

    expect(Number(await page.getByLabel('最短长度（位）').inputValue())).toBeGreaterThanOrEqual(8);
    await screenshot(page, '24-security-policy');

    await page.getByLabel('密码有效期（天）').fill('90');
    await page.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('密码策略已保存，之后设置的密码按新策略检查').waitFor();
    const saved = await page.evaluate(async () => (await (await fetch('/api/security/password-policy')).json()) as { policy: { maxAgeDays: number } });
    expect(saved.policy.maxAgeDays).toBe(90);
    expectNoPageProblems(session);
  });

  test('reset account must change password', async () => {
    const { page } = session;
    await signIn(session, 'zhangsan', resetPassword);

    await page.waitForURL(/\/change-password$/);
    await page.getByTestId('password-policy').waitFor();
    expect(await page.getByTestId('password-policy').textContent()).toContain('长度至少');
    await screenshot(page, '25-forced-password-change');

    await page.getByLabel('当前密码').fill(resetPassword);
    await page.getByLabel('新密码', { exact: true }).fill('Duty@officer2026');
    await page.getByLabel('确认新密码').fill('Duty@officer2026');
    await page.getByRole('button', { name: '修改密码' }).click();

    // A duty account lands on the first page it may open, 今日值班.
    await page.waitForURL(/\/home$/);
    expect(await page.getByTestId('current-user-name').textContent()).toBe('张三');
    expectNoPageProblems(session);
  });

  test('locked account unlocked by security', async () => {
    const { page, context, baseUrl } = session;
    await context.clearCookies();
    // Wrong passwords until the server locks the account; the threshold is server configuration.
    let lastStatus = 0;
    for (let attempt = 0; attempt < 10 && lastStatus !== 423; attempt += 1) {
      const response = await page.request.post(`${baseUrl}/api/auth/login`, { data: { username: 'meilan', password: 'Wrong@password1' } });
      lastStatus = response.status();
    }
    expect(lastStatus).toBe(423);

    await page.goto(`${baseUrl}/login`);
    await page.getByLabel('用户名').fill('meilan');
    await page.getByLabel('密码').fill('Demo@2026pass');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    const alert = page.getByRole('alert').filter({ hasText: '锁定' });
    await alert.waitFor();
    expect(await alert.getAttribute('class')).toContain('ant-alert-warning');
    await screenshot(page, '05-login-locked');

    await signIn(session, 'security');
    await page.goto(`${baseUrl}/users`);
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: 'meilan' });
    await row.getByText('已锁定').waitFor();
    await row.getByRole('button', { name: '解锁' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /解\s*锁/ }).click();
    await page.getByText('已解锁账号 meilan').waitFor();
    await expect.poll(() => row.getByText('已锁定').count()).toBe(0);

    await signIn(session, 'meilan');
    expect(await page.getByTestId('current-user-name').textContent()).toBe('吴海龙');
    expectNoPageProblems(session);
  });
});

