import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoPageProblems, openBrowser, screenshot, signIn, type BrowserSession } from './browser.js';

describe('duty log, duty report, handover and sign-in pages', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowser();
    await signIn(session, 'officer');
  });

  afterAll(async () => {
    await session.close();
  });

  test('my duty lists tasks or says off duty', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/my-duty`);
    await page.getByRole('heading', { name: '我的值班' }).waitFor();
    await page.getByText(/一班负责/).waitFor();
    await screenshot(page, 'duty-report-01-my-duty');
    expectNoPageProblems(session);
  });

  test('duty log adds a free entry', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/duty-log`);
    await page.getByRole('heading', { name: '值班日志' }).waitFor();
    await page.getByRole('button', { name: /添\s*加/ }).click();
    await page.getByText('请填写记事内容，如来访、来电等').waitFor();
    await page.getByLabel('记事内容').fill('市委政法委来人了解值班情况');
    await page.getByRole('button', { name: /添\s*加/ }).click();
    await page.locator('.ant-table-tbody').getByText('市委政法委来人了解值班情况').waitFor();
    await expect(page.locator('.ant-table-tbody').getByText('其他事项').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'duty-report-02-duty-log');
    expectNoPageProblems(session);
  });

  test('duty report draft opens, saves and refuses to send', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/duty-report`);
    await page.getByRole('heading', { name: '值班报告' }).waitFor();
    await page.getByText('各单位报送情况').first().waitFor();
    await screenshot(page, 'duty-report-03-draft');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.getByText('草稿已保存').waitFor();
    await page.getByRole('button', { name: '报送局领导' }).click();
    await page.getByText(/签字后才能报送局领导/).waitFor();
    await screenshot(page, 'duty-report-04-send-refused', { fullPage: false });
    expectNoPageProblems(session);
  });

  test('print view shows the report', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/duty-report/print`);
    await page.locator('.duty-report-print h1').getByText('值班报告').waitFor();
    await expect(page.getByText(/值班长（签字）/).isVisible()).resolves.toBe(true);
    await screenshot(page, 'duty-report-05-print');
    expectNoPageProblems(session);
  });

  test('handover and sign-in pages load', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/handover`);
    await page.getByRole('heading', { name: '交接班' }).waitFor();
    await page.getByText('出席人员').waitFor();
    await screenshot(page, 'duty-report-06-handover');
    await page.goto(`${baseUrl}/duty-signin`);
    await page.getByRole('heading', { name: '签到签退' }).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'duty-report-07-signin');
    expectNoPageProblems(session);
  });

  test('only the day shift leader signs', async () => {
    const { page, baseUrl } = session;
    await signIn(session, 'leader');
    await page.goto(`${baseUrl}/duty-report`);
    await page.getByRole('heading', { name: '值班报告' }).waitFor();
    const dayLeader = (await page.locator('.ant-descriptions-item').filter({ hasText: '当日值班长' }).locator('.ant-descriptions-item-content').textContent()) ?? '';
    await page.getByRole('button', { name: '值班长签字' }).click();
    if (dayLeader === '黄志强') {
      await page.getByText('已签字').first().waitFor();
    } else {
      await page.getByText(/只有当日值班长.*才能在/).waitFor();
    }
    await screenshot(page, 'duty-report-08-sign', { fullPage: false });
    expectNoPageProblems(session);
  });
});
