import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoPageProblems, openBrowser, screenshot, signIn, type BrowserSession } from './browser.js';

describe('duty calendar and roster pages', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowser();
  });

  afterAll(async () => {
    await session.close();
  });

  test('home page shows today duty', async () => {
    const { page } = session;
    await signIn(session, 'officer');
    await page.waitForURL((url) => url.pathname === '/home');
    const card = page.getByTestId('today-duty');
    await card.getByText('值班指挥长').waitFor();
    await expect(card.textContent()).resolves.toMatch(/值班长/);
    await expect(card.textContent()).resolves.toMatch(/值班时段/);
    await screenshot(page, 'roster-01-home-today');
    expectNoPageProblems(session);
  });

  test('roster month shows coloured day types', async () => {
    const { page, baseUrl } = session;
    await signIn(session, 'leader');
    await page.goto(`${baseUrl}/roster`);
    await page.getByTestId('roster-calendar').waitFor();
    await page.getByText('已发布').first().waitFor();
    const cells = await page.locator('[data-date]').count();
    expect(cells).toBeGreaterThanOrEqual(28);
    await screenshot(page, 'roster-02-month');

    await page.getByRole('tab', { name: '均衡报告' }).click();
    await page.getByText('统计区间').waitFor();
    await screenshot(page, 'roster-03-fairness');
    expectNoPageProblems(session);
  });

  test('generate, adjust and publish a draft', async () => {
    const { page } = session;
    await page.getByRole('button', { name: '下个月' }).click();
    await page.getByRole('button', { name: '下个月' }).click();
    const generate = page.getByRole('button', { name: /生成排班|重新生成/ });
    await generate.waitFor();
    await generate.click();
    // A year without official data, or an already published month, needs confirmation first.
    const confirm = page.getByRole('button', { name: '确认生成' });
    if (await confirm.isVisible({ timeout: 1500 }).catch(() => false)) {
      await screenshot(page, 'roster-04-generate-confirm', { fullPage: false });
      await confirm.click();
    }
    await page.getByText('草稿').first().waitFor();
    await page.getByTestId('roster-calendar').waitFor();
    await screenshot(page, 'roster-05-draft');

    await page.locator('[data-date]').nth(20).click();
    await page.getByText(/调整 \d{4}-\d{2}-\d{2} 值班/).waitFor();
    await page.getByLabel('值班员 1').waitFor();
    await screenshot(page, 'roster-06-adjust-drawer', { fullPage: false });

    // Pick the least-loaded proposed officer instead of the current one.
    const officerSelect = page.getByLabel('值班员 1');
    const before = await page.locator('.ant-drawer .ant-select').nth(2).textContent();
    await officerSelect.click();
    const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasNotText: '当前' }).first();
    await option.waitFor();
    const picked = ((await option.textContent()) ?? '').split('（')[0]!;
    await option.click();
    await page.locator('.ant-drawer .ant-select').nth(2).filter({ hasText: `${picked}（当前）` }).waitFor();
    expect(before).not.toContain(picked);
    await screenshot(page, 'roster-06b-adjusted', { fullPage: false });
    await page.keyboard.press('Escape');

    // antd puts a space between the two characters of a two-character button label.
    await page.getByRole('button', { name: /^发\s*布$/ }).click();
    await page.locator('.ant-modal-confirm').getByRole('button', { name: /^发\s*布$/ }).click();
    await page.getByText('已发布').first().waitFor();
    await screenshot(page, 'roster-07-published');
    expectNoPageProblems(session);
  });

  test('requests page lists swaps and leave', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/roster/requests`);
    await page.getByRole('tab', { name: '我的申请' }).waitFor();
    await page.getByRole('tab', { name: '全部换班替班' }).click();
    await page.getByText('已批准').first().waitFor();
    await screenshot(page, 'roster-08-requests');

    await page.getByRole('button', { name: '申请换班或替班' }).click();
    await page.getByText('本人值班日期').waitFor();
    await screenshot(page, 'roster-09-request-form', { fullPage: false });
    await page.getByRole('button', { name: '取 消' }).or(page.getByRole('button', { name: '取消' })).first().click();

    await page.getByRole('tab', { name: '请假审批' }).click();
    await page.getByText('公休假').first().waitFor();
    await screenshot(page, 'roster-10-leave');
    expectNoPageProblems(session);
  });

  test('calendar admin page warns for a year without official data', async () => {
    const { page, baseUrl } = session;
    await signIn(session, 'admin');
    await page.goto(`${baseUrl}/calendar`);
    await page.getByText('重要敏感时期').first().waitFor();
    await page.getByLabel('年份').fill('2026');
    await page.getByText('春节').first().waitFor();
    await screenshot(page, 'roster-11-calendar-2026');

    await page.getByLabel('年份').fill('2027');
    await page.getByText(/2027 年未载入国务院节假日安排/).waitFor();
    await screenshot(page, 'roster-12-calendar-2027');

    await page.goto(`${baseUrl}/roster`);
    await page.getByRole('button', { name: '排班设置' }).click();
    await page.getByText('两次值班之间至少间隔的天数').waitFor();
    await screenshot(page, 'roster-13-settings', { fullPage: false });
    expectNoPageProblems(session);
  });
});
