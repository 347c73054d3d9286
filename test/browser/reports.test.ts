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
    // The status table comes first; the violations table below lists units too.
    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '美兰区司法局' }).first();
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

  test('liaison adds a written supplement and a follow-up', async () => {
    const { page, baseUrl } = session;
    await signIn(session, 'meilan');
    await page.goto(`${baseUrl}/daily-report`);
    await page.getByRole('heading', { name: '今日报送' }).waitFor();
    await page.getByRole('button', { name: '增加一条' }).click();
    await page.getByLabel('标题').nth(0).fill('美兰区某小区邻里纠纷激化');
    await page.getByLabel('内容').nth(0).fill('两户居民因噪音纠纷发生推搡，调解员已到场。');
    await page.getByRole('checkbox', { name: '紧急信息' }).nth(0).check();
    await page.getByLabel('标题').nth(1).fill('美兰区人民调解员接报群体性纠纷');
    await page.getByLabel('内容').nth(1).fill('十余名群众聚集反映拆迁补偿问题，已先电话报告。');
    await page.getByRole('checkbox', { name: '已先电话报告' }).nth(1).check();
    expect(await page.getByRole('checkbox', { name: '已先电话报告' }).nth(1).isChecked()).toBe(true);
    await page.getByTestId('submit-report').click();
    await page.getByText(/报送成功|记为迟报/).waitFor();

    const supplemented = page.locator('.ant-list-item-meta-description > div', { hasText: '美兰区某小区邻里纠纷激化' });
    const phoned = page.locator('.ant-list-item-meta-description > div', { hasText: '美兰区人民调解员接报群体性纠纷' });
    await supplemented.getByTestId('supplement-pending').waitFor();
    await phoned.getByTestId('supplement-pending').waitFor();
    await screenshot(page, '48-reports-supplement-pending');

    await supplemented.getByTestId('add-item-update').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('书面补报', { exact: true }).waitFor();
    expect(await dialog.getByRole('radio', { name: '书面补报' }).isChecked()).toBe(true);
    await dialog.getByLabel('补报内容').fill('经调解双方达成谅解，书面材料见附件。');
    await screenshot(page, '49-reports-item-update-form', { fullPage: false });
    await dialog.getByRole('button', { name: /^报\s*送$/ }).click();
    await page.getByText('已报送书面补报。').waitFor();
    await supplemented.getByTestId('supplement-pending').waitFor({ state: 'detached' });
    expect(await phoned.getByTestId('supplement-pending').count()).toBe(1);

    const revised = page.locator('.ant-list-item-meta-description > div', { hasText: '美兰区开展社区矫正集中教育' }).first();
    await revised.getByTestId('add-item-update').click();
    await page.getByRole('dialog').getByText('续报', { exact: true }).click();
    await page.getByRole('dialog').getByLabel('补报内容').fill('集中教育后开展个别谈话12人次。');
    await page.getByRole('dialog').getByRole('button', { name: /^报\s*送$/ }).click();
    await page.getByText('已报送续报。').waitFor();
    expectNoPageProblems(session);
  });

  test('review drawer shows versions and updates', async () => {
    const { page, baseUrl } = session;
    await signIn(session, 'officer');
    await page.goto(`${baseUrl}/report-items`);
    await page.getByRole('heading', { name: '要情信息审核' }).waitFor();
    const phoned = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '美兰区人民调解员接报群体性纠纷' });
    await phoned.getByTestId('supplement-pending').waitFor();
    const supplemented = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '美兰区某小区邻里纠纷激化' });
    await supplemented.waitFor();
    expect(await supplemented.getByTestId('supplement-pending').count()).toBe(0);
    await screenshot(page, '50-reports-review-supplement-marker');

    const row = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '美兰区开展社区矫正集中教育' });
    await row.getByTestId('item-detail-open').click();
    const detail = page.getByTestId('item-detail');
    await detail.waitFor();
    await detail.getByText('第2版（当前）').waitFor();
    await detail.getByText('第1版', { exact: true }).waitFor();
    await detail.getByText('组织社区矫正对象集中教育，参加28人。', { exact: true }).waitFor();
    await detail.getByText('演丰司法所组织社区矫正对象集中教育，参加28人。', { exact: true }).first().waitFor();
    await detail.getByText('集中教育后开展个别谈话12人次。').waitFor();
    await screenshot(page, '51-reports-item-detail', { fullPage: false });
    await page.keyboard.press('Escape');
    expectNoPageProblems(session);
  });

  test('center marks a violation rectified', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/daily-reports/status`);
    const card = page.getByTestId('violations-card');
    await card.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    expect(await card.getByText('整改期限').count()).toBe(1);
    const open = card.getByTestId('rectify-violation');
    const before = await open.count();
    expect(before).toBeGreaterThan(0);
    await open.first().click();
    await page.getByRole('button', { name: /^确\s*认$/ }).click();
    await page.getByText(/整改完成。$/).waitFor();
    await card.getByText(/^已整改/).first().waitFor();
    await screenshot(page, '52-reports-violations');
    expectNoPageProblems(session);
  });
});
