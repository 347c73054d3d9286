import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoPageProblems, openBrowser, screenshot, signIn, type BrowserSession } from './browser.js';

async function waitForTableIdle(session: BrowserSession): Promise<void> {
  await session.page.locator('.ant-table-wrapper .ant-spin-spinning').first().waitFor({ state: 'detached' });
}

describe('documents and telegrams', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowser();
    await signIn(session, 'officer');
  });

  afterAll(async () => {
    await session.close();
  });

  test('register lists the demo month', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/documents`);
    await page.getByRole('heading', { name: '收文登记' }).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await waitForTableIdle(session);
    const total = await page.locator('.ant-pagination-total-text').textContent();
    expect(Number(/共 (\d+) 件/.exec(total ?? '')?.[1])).toBeGreaterThan(10);
    await expect(page.locator('.ant-table-tbody').getByText('密传').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'documents-01-register');
    expectNoPageProblems(session);
  });

  test('a fax is registered with the keyboard only', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/documents`);
    await page.getByRole('button', { name: '收文登记' }).click();
    const sender = page.getByLabel('来文单位');
    await sender.waitFor();
    await expect(sender.evaluate((element) => element === document.activeElement)).resolves.toBe(true);

    const started = Date.now();
    await page.keyboard.type('海南省司法厅');
    await page.keyboard.press('Enter');
    await page.keyboard.type('琼司传〔2026〕901号');
    await page.keyboard.press('Enter');
    await page.keyboard.type('关于做好防汛值班工作的通知');
    await page.keyboard.press('Enter');
    // Enter lands on the checked urgency, 平急 by default.
    await expect(page.evaluate(() => (document.activeElement as HTMLInputElement).value)).resolves.toBe('normal');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.type('值班表');
    await page.keyboard.press('Enter');
    await page.keyboard.type('请各单位做好防汛值班。');
    await screenshot(page, 'documents-02-register-form', { fullPage: false });
    await page.keyboard.press('Control+Enter');
    await page.getByText(/已登记：收文编号 \d{4}-\d{4}/).waitFor();
    expect(Date.now() - started).toBeLessThan(30_000);
    await expect(sender.evaluate((element) => element === document.activeElement)).resolves.toBe(true);
    await screenshot(page, 'documents-03-registered', { fullPage: false });

    // The same number again is refused with the existing entry named.
    await page.keyboard.type('海南省司法厅');
    await page.keyboard.press('Enter');
    await page.keyboard.type('琼司传〔2026〕901号');
    await page.keyboard.press('Enter');
    await page.keyboard.type('重复登记');
    await page.keyboard.press('Control+Enter');
    await page.getByText(/已登记，收文编号 \d{4}-\d{4}《关于做好防汛值班工作的通知》/).waitFor();
    await screenshot(page, 'documents-04-duplicate', { fullPage: false });
    session.problems.length = 0;
  });

  test('classified fax shows the metadata-only rule', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/documents`);
    await page.getByRole('button', { name: '收文登记' }).click();
    await page.locator('.ant-drawer label').filter({ hasText: '密传' }).click();
    await page.getByText('密传文件只登记元数据').first().waitFor();
    await expect(page.getByLabel('正文摘要').count()).resolves.toBe(0);
    await expect(page.getByLabel('附件清单').count()).resolves.toBe(0);
    await screenshot(page, 'documents-05-classified', { fullPage: false });
    expectNoPageProblems(session);
  });

  test('a document shows its whole life', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/documents?`);
    await page.getByRole('searchbox', { name: '搜索收文' }).fill('重点人员稳控');
    await page.getByRole('searchbox', { name: '搜索收文' }).press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('.ant-table-tbody tr.ant-table-row').length === 1);
    await page.locator('.ant-table-tbody tr.ant-table-row a').first().click();
    await page.getByText('办理过程').waitFor();
    await page.getByText(/第2次催办/).first().waitFor();
    await expect(page.getByText('领导批示').first().isVisible()).resolves.toBe(true);
    await screenshot(page, 'documents-06-detail');
    expectNoPageProblems(session);
  });

  test('phone records list and major-incident form', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/phone-records`);
    await page.getByRole('heading', { name: '电话记录' }).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'documents-07-phone-records');
    await page.getByRole('button', { name: '登记电话记录' }).click();
    await page.getByRole('switch').click();
    await page.getByRole('button', { name: /保存/ }).click();
    await page.getByText('重大案事件须填写来电号码').waitFor();
    await screenshot(page, 'documents-08-phone-record-form', { fullPage: false });
    expectNoPageProblems(session);
  });

  test('directory hides numbers from seat staff until a disclosure is recorded', async () => {
    const { page, baseUrl } = session;
    await signIn(session, 'seat');
    await page.goto(`${baseUrl}/directory`);
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    const body = await page.locator('.ant-table-tbody').textContent();
    expect(body).not.toMatch(/0898-\d{8}|1390898\d{4}/);
    await screenshot(page, 'documents-09-directory-names-only');

    await page.getByRole('row', { name: /指挥中心大厅/ }).getByRole('button', { name: '登记提供' }).click();
    await page.getByRole('button', { name: '登记并显示号码' }).click();
    await page.getByText('请填写询问人姓名').waitFor();
    await page.getByLabel('询问人姓名').fill('李警官');
    await page.getByLabel('询问人单位').fill('海口市公安局');
    await page.getByLabel('询问事由').fill('协调处置一起纠纷');
    await page.getByRole('button', { name: '登记并显示号码' }).click();
    await page.getByText('0898-66100000').waitFor();
    await screenshot(page, 'documents-10-disclosed', { fullPage: false });
    expectNoPageProblems(session);
  });

  test('a liaison signs for the unit', async () => {
    const { page, baseUrl } = session;
    await signIn(session, 'xiuying');
    await page.goto(`${baseUrl}/documents/pending`);
    await page.getByRole('heading', { name: '待签收文电' }).waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'documents-11-pending');
    await page.getByRole('button', { name: /签\s*收/ }).first().click();
    await page.getByText(/已签收 \d{4}-\d{4}（签收人：陈小红）/).waitFor();
    await screenshot(page, 'documents-12-signed');
    expectNoPageProblems(session);
  });
});
