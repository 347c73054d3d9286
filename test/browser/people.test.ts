import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoPageProblems, openBrowser, screenshot, signIn, type BrowserSession } from './browser.js';

/** Names in the first column of the people table's body. */
async function listedNames(session: BrowserSession): Promise<string[]> {
  const cells = session.page.locator('.ant-table-tbody tr.ant-table-row td:first-child');
  return (await cells.allTextContents()).map((text) => text.trim());
}

async function waitForTableIdle(session: BrowserSession): Promise<void> {
  await session.page.locator('.ant-table-wrapper .ant-spin-spinning').waitFor({ state: 'detached' });
}

describe('people page', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowser();
    await signIn(session, 'admin');
  });

  afterAll(async () => {
    await session.close();
  });

  test('lists demo people with pagination', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/people`);
    await page.getByRole('heading', { name: '人员管理' }).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await waitForTableIdle(session);

    const total = await page.locator('.ant-pagination-total-text').textContent();
    const count = Number(/共 (\d+) 人/.exec(total ?? '')?.[1]);
    expect(count).toBeGreaterThan(20);
    const firstPage = await listedNames(session);
    expect(firstPage).toHaveLength(20);
    await screenshot(page, '10-people');

    await page.locator('.ant-pagination-item-2').click();
    await page.waitForFunction((first) => document.querySelector('.ant-table-tbody tr.ant-table-row td')?.textContent?.trim() !== first, firstPage[0]);
    const secondPage = await listedNames(session);
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((name) => firstPage.includes(name))).toEqual([]);
    expectNoPageProblems(session);
  });

  test('search by name filters rows', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/people`);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await page.getByRole('searchbox', { name: '按姓名搜索' }).fill('王');
    await page.getByRole('searchbox', { name: '按姓名搜索' }).press('Enter');
    await page.waitForFunction(() => /共 \d+ 人/.test(document.querySelector('.ant-pagination-total-text')?.textContent ?? '') && document.querySelectorAll('.ant-table-tbody tr.ant-table-row').length < 20);
    await waitForTableIdle(session);

    const names = await listedNames(session);
    expect(names.length).toBeGreaterThan(1);
    for (const name of names) expect(name).toContain('王');
    expectNoPageProblems(session);
  });

  test('search without match shows empty state', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/people`);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await page.getByRole('searchbox', { name: '按姓名搜索' }).fill('查无此人');
    await page.getByRole('searchbox', { name: '按姓名搜索' }).press('Enter');

    await page.getByText('没有符合条件的人员，请调整搜索条件').waitFor();
    await screenshot(page, '11-people-empty');
    expectNoPageProblems(session);
  });

  test('form rejects invalid input in Chinese', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/people`);
    await page.getByRole('button', { name: '新增人员' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('新增人员').waitFor();
    await drawer.getByLabel('手机号码').fill('abc');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();

    const errors = drawer.locator('.ant-form-item-explain-error');
    await errors.first().waitFor();
    await expect.poll(() => errors.allTextContents()).toEqual(['请输入姓名', '请选择单位', '应为5到20位的电话号码，只能包含数字、空格和+-()']);
    await screenshot(page, '12-people-form-errors', { fullPage: false });
    await drawer.getByRole('button', { name: /取\s*消/ }).click();
    expectNoPageProblems(session);
  });

  test('create then deactivate person', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/people`);
    await page.getByRole('button', { name: '新增人员' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('姓名').fill('测试新人');
    await drawer.getByLabel('单位').fill('秀英');
    await page.locator('.ant-select-item-option', { hasText: '秀英区司法局' }).click();
    await drawer.getByLabel('职务').fill('科员');
    await drawer.getByLabel('手机号码').fill('13900001111');
    await drawer.getByText('值班员', { exact: true }).click();
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('人员已新增').waitFor();

    const search = page.getByRole('searchbox', { name: '按姓名搜索' });
    await search.fill('测试新人');
    await search.press('Enter');
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '测试新人' });
    await row.waitFor();
    expect(await row.textContent()).toContain('秀英区司法局');
    expect(await row.textContent()).toContain('值班员');

    await row.getByRole('button', { name: '停用' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: /停\s*用/ }).click();
    await page.getByText('已停用「测试新人」').waitFor();
    await page.getByText('没有符合条件的人员，请调整搜索条件').waitFor();
    expectNoPageProblems(session);
  });

  test('phone switch reveals numbers', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/people`);
    const row = page.locator('.ant-table-tbody tr.ant-table-row').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('已隐藏');

    await page.getByRole('switch', { name: '显示电话号码' }).click();
    await expect.poll(() => row.textContent()).toMatch(/\d{11}/);
    expectNoPageProblems(session);
  });

  test('import shows bad rows as table', async () => {
    const { page, baseUrl } = session;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('人员');
    sheet.addRow(['姓名', '单位', '职务', '是否警察', '手机号码', '办公电话', '可担任值班角色']);
    sheet.addRow(['', '办公室', '科员', '否', '13800000000', '', '值班员']);
    sheet.addRow(['李四', '不存在的单位', '科员', '否', 'abc', '', '值班员']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());

    await page.goto(`${baseUrl}/people`);
    await page.getByRole('button', { name: '从 Excel 导入' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type=file]').setInputFiles({ name: '人员.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await dialog.getByRole('button', { name: '开始导入' }).click();

    const problemRows = dialog.locator('.ant-table-tbody tr.ant-table-row');
    await problemRows.first().waitFor();
    const texts = await problemRows.allTextContents();
    expect(texts.some((text) => text.startsWith('第2行') && text.includes('姓名'))).toBe(true);
    expect(texts.some((text) => text.startsWith('第3行') && text.includes('单位'))).toBe(true);
    await screenshot(page, '13-people-import-errors', { fullPage: false });
    expect(await dialog.locator('.ant-alert-error').textContent()).toMatch(/导入/);

    await dialog.locator('.ant-modal-footer').getByRole('button', { name: /关\s*闭/ }).click();
    expectNoPageProblems(session);
  });

  test('server error shows retry result', async () => {
    const { page, baseUrl } = session;
    await page.route('**/api/people?**', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'INTERNAL_ERROR', message: '系统内部错误，请稍后重试；如仍有问题，请联系系统管理员并提供错误编号。（错误编号：req-1）' } }),
      }),
    );
    await page.goto(`${baseUrl}/people`);

    await page.getByText('加载失败').waitFor();
    expect(await page.getByText('错误编号：req-1').count()).toBe(1);
    await screenshot(page, '14-people-error', { fullPage: false });

    await page.unroute('**/api/people?**');
    await page.getByRole('button', { name: '重新加载' }).click();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    expectNoPageProblems(session);
  });

  test('edit keeps hidden phone numbers', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/people`);
    const search = page.getByRole('searchbox', { name: '按姓名搜索' });
    await search.fill('王晓明');
    await search.press('Enter');
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '王晓明' });
    await row.waitFor();
    expect(await row.textContent()).toContain('已隐藏');

    await row.getByRole('button', { name: '编辑' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('号码已隐藏，留空则保持原号码不变', { exact: false }).first().waitFor();
    await drawer.getByLabel('职务').fill('一级主任科员');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByText('人员信息已保存').waitFor();
    await expect.poll(() => row.textContent()).toContain('一级主任科员');

    await page.getByRole('switch', { name: '显示电话号码' }).click();
    await expect.poll(() => row.textContent()).toMatch(/1\d{10}/);
    expectNoPageProblems(session);
  });

  test('template download saves xlsx', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/people`);
    const downloadStarted = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载导入模板' }).click();
    const download = await downloadStarted;

    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets[0]?.getRow(1).getCell(1).text).toBe('姓名');
    expectNoPageProblems(session);
  });
});

