import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoPageProblems, openBrowser, screenshot, signIn, type BrowserSession } from './browser.js';

describe('audit and profile', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowser();
  });

  afterAll(async () => {
    await session.close();
  });

  test('auditor sees only audit and profile', async () => {
    const { page } = session;
    await signIn(session, 'auditor');

    await page.waitForURL(/\/audit$/);
    await page.getByRole('menu').getByText('审计日志').waitFor();
    const labels = (await page.getByRole('menu').locator('.ant-menu-title-content').allTextContents()).map((text) => text.trim());
    expect(labels).toEqual(['审计日志', '个人中心']);
    expectNoPageProblems(session);
  });

  test('audit entries expand and verify', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/audit`);
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await page.locator('.ant-table-tbody').textContent()).toContain('登录');

    // The 操作 and 对象 columns show Chinese names only, never codes or id fragments.
    const headers = (await page.locator('.ant-table-thead th').allTextContents()).map((text) => text.trim());
    for (const title of ['操作', '对象']) {
      const column = headers.indexOf(title);
      expect(column, `column ${title}`).toBeGreaterThanOrEqual(0);
      const cells = await rows.locator(`td:nth-child(${column + 1})`).allTextContents();
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) expect(cell, `${title} cell`).toMatch(/^[\u4e00-\u9fa5（）、—]+$/);
    }

    const expandable = page.locator('.ant-table-row-expand-icon-collapsed').first();
    if ((await expandable.count()) > 0) {
      await expandable.click();
      await page.locator('.ant-table-expanded-row').first().getByText('变更后').waitFor();
    }

    await page.getByRole('button', { name: '校验完整性' }).click();
    await page.getByText(/审计日志完整：共校验 \d+ 条记录/).waitFor();
    await screenshot(page, '30-audit');
    expectNoPageProblems(session);
  });

  test('audit filter without match is empty', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/audit`);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await page.getByLabel('操作人').fill('不存在的人');
    await page.getByRole('button', { name: /查\s*询/ }).click();

    await page.getByText('没有符合条件的审计记录').waitFor();
    await screenshot(page, '31-audit-empty');
    expectNoPageProblems(session);
  });

  test('auditor cannot open people page', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/people`);

    await page.getByText('没有访问权限').waitFor();
    expectNoPageProblems(session);
  });

  test('profile shows account and policy', async () => {
    const { page, baseUrl } = session;
    await signIn(session, 'officer');
    await page.goto(`${baseUrl}/profile`);
    const details = page.getByTestId('profile-details');
    await details.waitFor();

    const text = await details.textContent();
    expect(text).toContain('王晓明');
    expect(text).toContain('办公室');
    expect(text).toContain('值班员');
    expect(await page.getByTestId('password-policy').textContent()).toContain('长度至少');

    await page.getByLabel('当前密码').fill('Demo@2026pass');
    await page.getByLabel('新密码', { exact: true }).fill('short');
    await page.getByLabel('确认新密码').fill('other');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByText(/新密码长度至少 \d+ 位/).waitFor();
    await page.getByText('两次输入的新密码不一致').waitFor();
    await screenshot(page, '32-profile');
    expectNoPageProblems(session);
  });

  test('wrong current password names field', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/profile`);
    await page.getByLabel('当前密码').fill('Not@theRight1');
    await page.getByLabel('新密码', { exact: true }).fill('Brand@new2026x');
    await page.getByLabel('确认新密码').fill('Brand@new2026x');
    await page.getByRole('button', { name: '修改密码' }).click();

    await page.getByText('当前密码不正确，请重新输入。').first().waitFor();
    expectNoPageProblems(session);
  });
});
