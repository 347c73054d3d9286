import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { expectNoPageProblems, openBrowser, screenshot, signIn, type BrowserSession } from './browser.js';

/** 'YYYY-MM' of the demo server's today, in the center's zone (the browser runs in Asia/Shanghai). */
function currentMonth(): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
  return parts.slice(0, 7);
}

describe('seats, submissions and roster outputs', () => {
  let session: BrowserSession;

  // A fresh browser per test, so one account's session never leaks into the next test.
  beforeEach(async () => {
    session = await openBrowser();
  });

  afterEach(async () => {
    await session.close();
  });

  test('submission status and reminder', async () => {
    const { page, baseUrl } = session;
    await signIn(session, 'officer');
    await page.goto(`${baseUrl}/submissions`);
    await page.getByRole('heading', { name: '月度人员报送' }).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    // The demo month (this month) has one department on time and one late.
    await page.getByRole('button', { name: '上一月' }).click();
    await page.getByText('逾期报送 1').waitFor();
    expect(await page.getByText('已报送 1').count()).toBe(1);
    await page.getByRole('button', { name: /催\s*报/ }).first().click();
    await page.getByText(/已催报/).waitFor();
    await screenshot(page, 'seats-1-submissions');
    expectNoPageProblems(session);
  });

  test('department submits its standby', async () => {
    const { page, baseUrl } = session;
    await signIn(session, 'jiedu');
    await page.goto(`${baseUrl}/submissions`);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    expect(await page.locator('.ant-table-tbody tr.ant-table-row').count()).toBe(1);
    await page.getByRole('button', { name: /报\s*送/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('戒毒管理席备勤').first().waitFor();
    await dialog.locator('.ant-select').first().click();
    await page.locator('.ant-select-item-option').first().click();
    await page.keyboard.press('Escape');
    await screenshot(page, 'seats-2-submission-form', { fullPage: false });
    await dialog.getByRole('button', { name: '提交报送' }).click();
    await page.getByText('已报送', { exact: true }).first().waitFor();
    await page.locator('.ant-table-tbody').getByText('麦振宇').waitFor();
    await screenshot(page, 'seats-3-submission-done');
    expectNoPageProblems(session);
  });

  test('commander activates seats', async () => {
    const { page, baseUrl } = session;
    await signIn(session, 'commander');
    await page.goto(`${baseUrl}/seats`);
    await page.getByRole('heading', { name: '联合坐席' }).waitFor();
    await page.getByTestId('seat-综合管理').waitFor();
    await page.getByRole('button', { name: '启用全部席位' }).click();
    await page.getByLabel('启用原因').fill('重大案事件协调处置');
    await page.getByRole('dialog').getByRole('button', { name: /启\s*用/ }).click();
    await page.locator('.ant-alert').getByText('联合坐席已启用：重大案事件协调处置').waitFor();
    await screenshot(page, 'seats-4-activated');
    expectNoPageProblems(session);
  });

  test('seat person checks in and logs', async () => {
    const { page, baseUrl } = session;
    await signIn(session, 'seat');
    await page.goto(`${baseUrl}/seats`);
    const card = page.getByTestId('seat-社区矫正');
    await card.waitFor();
    await card.getByRole('button', { name: /签\s*到/ }).click();
    await card.getByText(/邓伟（\d\d:\d\d 签到）/).waitFor();
    await card.getByRole('button', { name: '席位日志' }).click();
    await page.getByLabel('日志内容').fill('电话核实龙华区社区矫正对象请假外出情况，无异常。');
    await page.getByRole('button', { name: /记\s*录/ }).click();
    await page.locator('.ant-drawer').getByText('无异常').waitFor();
    await screenshot(page, 'seats-5-seat-log', { fullPage: false });
    await page.locator('.ant-drawer-close').click();
    await page.locator('.ant-drawer-content').waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: '备勤安排' }).click();
    await page.getByRole('cell', { name: /^\d{4}-\d{2}-01$/ }).first().waitFor();
    // The correction office's own column is editable; the others are read-only text.
    // The pickers render after the account's permissions load, so wait for the first one.
    await page.getByRole('combobox', { name: /社区矫正备勤人员/ }).first().waitFor();
    expect(await page.getByRole('combobox', { name: /社区矫正备勤人员/ }).count()).toBeGreaterThan(27);
    expect(await page.getByRole('combobox', { name: /戒毒管理备勤人员/ }).count()).toBe(0);
    await screenshot(page, 'seats-6-standby-schedule');
    expectNoPageProblems(session);
  });

  test('roster page offers export and import', async () => {
    const { page, baseUrl } = session;
    await signIn(session, 'leader');
    await page.goto(`${baseUrl}/roster`);
    await page.getByRole('button', { name: /导出Excel/ }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /导出Excel/ }).click();
    expect((await download).suggestedFilename()).toMatch(/^海口市司法局指挥中心\d{4}年\d{1,2}月值班表\.xlsx$/);
    await page.getByRole('button', { name: /导入Excel/ }).click();
    await page.getByRole('dialog').getByText('点击或拖拽 Excel 值班表到此处').waitFor();
    await screenshot(page, 'seats-9-roster-outputs-bar', { fullPage: false });
    expectNoPageProblems(session);
  });

  test('print view and calendar feed', async () => {
    const { page, baseUrl } = session;
    await signIn(session, 'leader');
    await page.goto(`${baseUrl}/roster/print?month=${currentMonth()}&withPhones=true`);
    await page.locator('.roster-print table tbody tr').first().waitFor();
    expect(await page.locator('.roster-print h1').textContent()).toMatch(/^海口市司法局指挥中心\d{4}年\d{1,2}月值班表/);
    expect(await page.locator('.roster-print thead th').allTextContents()).toContain('值班员电话');
    await screenshot(page, 'seats-7-roster-print');

    await page.goto(`${baseUrl}/profile/calendar-feed`);
    await page.getByRole('button', { name: '开通订阅' }).click();
    const address = await page.getByTestId('feed-address').inputValue();
    expect(address).toMatch(/\/api\/calendar-feeds\/[A-Za-z0-9_-]{43}\.ics$/);
    await screenshot(page, 'seats-8-calendar-feed');
    const feed = await fetch(address);
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VTIMEZONE');
    expectNoPageProblems(session);
  });
});
