import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectNoPageProblems, openBrowser, screenshot, signIn, type BrowserSession } from './browser.js';

describe('incident pages', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await openBrowser();
    await signIn(session, 'officer');
  });

  afterAll(async () => {
    await session.close();
  });

  test('phone intake with only the required fields', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/incidents`);
    await page.getByRole('heading', { name: '突发案事件' }).waitFor();
    await page.getByTestId('incident-intake').click();
    await page.getByLabel('标题').fill('浏览器测试：社区矫正对象脱管');
    await page.getByLabel('报送单位').click();
    await page.keyboard.type('秀英区');
    await page.locator('.ant-select-item-option').filter({ hasText: '秀英区司法局' }).click();
    await screenshot(page, '60-incident-intake', { fullPage: false });

    await page.getByTestId('incident-submit').click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
    const missing = page.getByTestId('missing-elements');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('书面报告尚缺要素：地点、基本情况、伤亡和损失情况、已采取的措施、报告人及联系方式');
    expect(await page.getByTestId('incident-timeline').textContent()).toContain('接报登记');
    await screenshot(page, '61-incident-detail');
    expectNoPageProblems(session);
  });

  test('report step and elements fill the timeline', async () => {
    const { page } = session;
    await page.getByRole('button', { name: '值班员向值班长、值班指挥长报告' }).click();
    await page.getByRole('dialog').getByRole('button', { name: /登\s*记/ }).click();
    await page.getByTestId('incident-timeline').getByText('值班员向值班长、值班指挥长报告').waitFor();

    await page.getByRole('button', { name: '补充要素' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('发生地点').fill('秀英区长流镇');
    await drawer.getByLabel('基本情况').fill('矫正对象失联超过24小时');
    await drawer.getByLabel('伤亡和损失情况').fill('无');
    await drawer.getByLabel('已采取的措施').fill('已组织司法所查找');
    await drawer.getByLabel('报告人', { exact: true }).fill('陈小红');
    await drawer.getByLabel('报告人联系方式').fill('13800000001');
    await drawer.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByTestId('missing-elements').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '登记书面补报' }).click();
    await page.getByRole('dialog').getByLabel('报告内容').fill('书面补报：矫正对象已于当晚找回。');
    await page.getByRole('dialog').getByRole('button', { name: /登\s*记/ }).click();
    await page.getByTestId('incident-timeline').getByText('书面报告').waitFor();
    await screenshot(page, '62-incident-timeline');
    expectNoPageProblems(session);
  });

  test('list shows open incidents with countdowns', async () => {
    const { page, baseUrl } = session;
    await page.goto(`${baseUrl}/incidents`);
    await page.getByTestId('incident-link').first().waitFor();
    expect(await page.locator('[data-countdown-state]').count()).toBeGreaterThan(0);
    await screenshot(page, '63-incidents-list');
    expectNoPageProblems(session);
  });

  test('times show in center zone from UTC browser', async () => {
    const utcSession = await openBrowser({ timezoneId: 'UTC' });
    try {
      const { page, baseUrl } = utcSession;
      await signIn(utcSession, 'officer');
      const units = (await (await page.request.get(`${baseUrl}/api/units`)).json()) as { units: { id: string; name: string }[] };
      const title = '时区测试：美兰区司法局来电';
      const response = await page.request.post(`${baseUrl}/api/incidents`, {
        data: {
          title,
          unitId: units.units.find((unit) => unit.name.includes('美兰区'))!.id,
          grade: 'general',
          occurredAt: '2026-12-04T20:00:00+08:00',
          discoveredAt: '2026-12-04T20:10:00+08:00',
          receivedAt: '2026-12-04T20:30:00+08:00',
          channel: 'phone',
        },
      });
      expect(response.status()).toBe(201);

      await page.goto(`${baseUrl}/incidents`);
      const row = page.locator('.ant-table-row').filter({ hasText: title });
      await row.waitFor();
      // 20:30 in Asia/Shanghai is 12:30 in the browser's own zone.
      expect(await row.textContent()).toContain('2026-12-04 20:30');
      expect(await row.textContent()).not.toContain('12:30');
      // Missing elements show as a count tag on one line, named in the tooltip.
      const missing = row.getByTestId('incident-missing');
      expect(await missing.textContent()).toMatch(/^缺\d+项$/);
      await missing.hover();
      await page.locator('.ant-tooltip').getByText(/尚缺：.*地点/).waitFor();
      await screenshot(page, '64-incidents-utc-browser', { fullPage: false });

      await row.getByTestId('incident-link').click();
      await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/);
      await page.getByText('2026-12-04 20:30').first().waitFor();
      expectNoPageProblems(utcSession);
    } finally {
      await utcSession.close();
    }
  });
});
