import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoPageProblems, openBrowser, screenshot, signIn, type BrowserSession } from './browser.js';

describe('information work pages', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowser();
  });

  afterAll(async () => {
    await session.close();
  });

  test('liaison reports on a phone and keeps the draft', async () => {
    const { page, baseUrl } = session;
    await signIn(session, 'meilan');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${baseUrl}/daily-report`);
    await page.getByRole('heading', { name: '今日报送' }).waitFor();

    await page.getByLabel('标题').fill('美兰区开展社区矫正集中教育');
    await page.getByLabel('内容').fill('组织社区矫正对象集中教育，参加28人。');
    // The draft survives a reload (a dropped connection or a closed tab).
    await page.reload();
    await page.getByRole('heading', { name: '今日报送' }).waitFor();
    expect(await page.getByLabel('标题').inputValue()).toBe('美兰区开展社区矫正集中教育');
    await screenshot(page, '40-reports-liaison-phone');

    await page.getByTestId('submit-report').click();
    await page.getByText(/报送成功|记为迟报/).waitFor();
    await page.getByText('要情信息 1 条').first().waitFor();
    expect(await page.getByLabel('标题').inputValue()).toBe('');
    await screenshot(page, '41-reports-liaison-history');
    await page.setViewportSize({ width: 1440, height: 900 });
    expectNoPageProblems(session);
  });

  test('center sees the status board', async () => {
    const { page, baseUrl } = session;
    await signIn(session, 'officer');
    await page.goto(`${baseUrl}/daily-reports/status`);
    await page.getByRole('heading', { name: '零报告报送情况' }).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '美兰区司法局' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/已报送|迟报/);
    await screenshot(page, '42-reports-status-board');
    expectNoPageProblems(session);
  });

  test('review queue, bulletin editor and statistics open', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/report-items`);
    await page.getByRole('heading', { name: '要情信息审核' }).waitFor();
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '美兰区开展社区矫正集中教育' });
    await row.waitFor();
    await row.getByRole('button', { name: /^采\s*用$/ }).click();
    await row.getByText('已采用').waitFor();
    await screenshot(page, '43-reports-review-queue');

    await page.goto(`${baseUrl}/bulletins`);
    await page.getByRole('heading', { name: '《司法要情》' }).waitFor();
    await page.getByTestId('bulletin-preview').waitFor();
    await screenshot(page, '44-reports-bulletin-editor');

    await page.goto(`${baseUrl}/report-stats`);
    await page.getByRole('heading', { name: '采用情况统计' }).waitFor();
    await page.locator('canvas').first().waitFor();
    await screenshot(page, '45-reports-statistics');

    await page.goto(`${baseUrl}/instructions`);
    await page.getByRole('heading', { name: '领导批示' }).waitFor();
    await page.getByText('反馈超时').first().waitFor();
    await screenshot(page, '46-reports-instructions');
    expectNoPageProblems(session);
  });

  test('returned item comes back revised', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/report-items`);
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '美兰区开展社区矫正集中教育' });
    await row.getByRole('button', { name: /^退\s*回$/ }).click();
    await page.getByPlaceholder('退回原因（单位将看到）').fill('请补充参加人员所在司法所。');
    await page.getByRole('button', { name: /^退\s*回$/ }).last().click();
    await row.getByText('已退回').waitFor();

    await signIn(session, 'meilan');
    await page.goto(`${baseUrl}/daily-report`);
    await page.getByRole('button', { name: '修改后重新报送' }).first().click();
    await page.getByLabel('修改后的内容').fill('演丰司法所组织社区矫正对象集中教育，参加28人。');
    await screenshot(page, '47-reports-revise-returned', { fullPage: false });
    await page.getByRole('button', { name: /重新报送/ }).last().click();
    await page.getByText('已修改并重新报送，原版本已保留。').waitFor();
    expectNoPageProblems(session);
  });
});
