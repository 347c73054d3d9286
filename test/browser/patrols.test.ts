import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoPageProblems, openBrowser, screenshot, signIn, type BrowserSession } from './browser.js';

describe('video patrol, night check and roll call pages', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowser();
  });

  afterAll(async () => {
    await session.close();
  });

  test('night-check plan with record dialog', async () => {
    const { page, baseUrl } = session;
    await signIn(session, 'officer');
    await page.goto(`${baseUrl}/night-checks`);
    await page.getByText('夜查计划：').waitFor();
    await page.getByText('抽查比例').waitFor();
    const rows = await page.locator('.ant-table-tbody tr.ant-table-row').count();
    expect(rows).toBeGreaterThanOrEqual(8);
    await screenshot(page, 'patrols-01-night-check-plan');

    await page.getByRole('button', { name: /^登\s*记$/ }).first().click();
    await page.getByText('是否在岗在位').waitFor();
    await screenshot(page, 'patrols-02-night-check-record', { fullPage: false });
    await page.getByRole('button', { name: /取\s*消/ }).click();
    expectNoPageProblems(session);
  });

  test('patrol list and record form', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/patrols`);
    await page.getByText('巡查人员').first().waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'patrols-03-patrol-list');
    await page.getByRole('button', { name: '登记巡查' }).click();
    await page.getByText('第1个点位').waitFor();
    await screenshot(page, 'patrols-04-patrol-form', { fullPage: false });
    await page.getByRole('button', { name: /取\s*消/ }).click();
    expectNoPageProblems(session);
  });

  test('problems list and verification drawer', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/patrols/problems`);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await page.getByText('待核验').first().waitFor();
    await screenshot(page, 'patrols-05-problems');
    const submittedRow = page.locator('.ant-table-tbody tr.ant-table-row', { hasText: '待核验' }).first();
    await submittedRow.getByRole('button', { name: '查看' }).click();
    await page.getByRole('button', { name: '核验销号' }).waitFor();
    await screenshot(page, 'patrols-06-problem-verify', { fullPage: false });
    expectNoPageProblems(session);
  });

  test('monthly analysis with charts', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/patrols/analysis`);
    await page.getByText('按问题类型').waitFor();
    await page.locator('canvas').first().waitFor();
    expect(await page.locator('canvas').count()).toBeGreaterThanOrEqual(3);
    await screenshot(page, 'patrols-07-analysis');
    expectNoPageProblems(session);
  });

  test('roll-call answer sheet', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/roll-calls`);
    await page.getByText(/^点名应答单（/).waitFor();
    await page.getByText(/今天值班的指挥长是/).waitFor();
    await screenshot(page, 'patrols-08-roll-call');
    expectNoPageProblems(session);
  });

  test('platform checks and sites', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/platform-checks`);
    await page.getByText('尚未恢复的异常平台').waitFor();
    await screenshot(page, 'patrols-09-platforms');
    await page.goto(`${baseUrl}/patrols/sites`);
    await page.getByRole('cell', { name: '秀英区司法局指挥室', exact: true }).waitFor();
    await screenshot(page, 'patrols-10-sites');
    expectNoPageProblems(session);
  });

  test('unit liaison reports a rectification', async () => {
    const { page, baseUrl } = session;
    await signIn(session, 'jiedu');
    await page.goto(`${baseUrl}/patrols/problems`);
    await page.getByText('本单位巡查问题').waitFor({ timeout: 10_000 }).catch(async (error: unknown) => {
      await screenshot(page, 'patrols-failure-liaison');
      throw error;
    });
    await page.waitForTimeout(500);
    await screenshot(page, 'patrols-11-liaison-problems');
    const reportButton = page.getByRole('button', { name: '报送整改' }).first();
    if (await reportButton.isVisible().catch(() => false)) {
      await reportButton.click();
      await page.getByText('单位主要负责同志姓名').waitFor();
      await screenshot(page, 'patrols-12-liaison-report-form', { fullPage: false });
    }
    await page.goto(`${baseUrl}/roll-calls`);
    await page.getByText('戒毒人员数量（名）').waitFor();
    await screenshot(page, 'patrols-13-rehab-daily');
    expectNoPageProblems(session);
  });
});
