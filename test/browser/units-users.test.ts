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

  test('new account shows initial password once', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/users`);
    await page.getByRole('button', { name: '新增账号' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('用户名').fill('zhangsan');
    await drawer.getByLabel('姓名').fill('张三');
    await drawer.getByLabel('角色').click();
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
    expect(await page.getByRole('button', { name: '新增账号' }).count()).toBe(0);

    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: 'zhangsan' });
    await row.getByRole('button', { name: '重置密码' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /重\s*置/ }).click();
    await page.getByText('密码已重置').waitFor();
    resetPassword = (await page.getByTestId('revealed-password').textContent()) ?? '';
    expect(resetPassword.length).toBeGreaterThanOrEqual(8);
    await page.getByRole('button', { name: '我已记下' }).click();
    await screenshot(page, '23-users-security');
    expectNoPageProblems(session);
  });

  test('security policy form loads', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/security`);
    await page.getByLabel('最短长度（位）').waitFor();

    expect(Number(await page.getByLabel('最短长度（位）').inputValue())).toBeGreaterThanOrEqual(8);
    await screenshot(page, '24-security-policy');
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

    await page.waitForURL(/\/units$/);
    expect(await page.getByTestId('current-user-name').textContent()).toBe('张三');
    expectNoPageProblems(session);
  });
});
