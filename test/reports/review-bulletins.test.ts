import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/app.js';
import { availableDialects } from '../support/databases.js';
import { docxText, itemsReport, sampleItem, setDutyCommander, submit } from './helpers.js';

// Items reported on Tuesday 2026-03-10 are reviewed and compiled into that day's 《司法要情》.
describe.each(availableDialects())('review and bulletin on %s', (dialect) => {
  let t: TestApp;
  const as = (username: string) => t.login(username);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-03-10T09:00:00+08:00' });
    const first = await submit(t, await as('xiuying'), itemsReport([
      sampleItem,
      { category: 'incidents', title: '一名社区矫正对象擅自离开居住地', content: '经电话联系，对象已返回，司法所已训诫。', urgent: true, measures: '已训诫并加强监管' },
    ]));
    expect(first.statusCode).toBe(201);
    const [rule, incident] = first.json().report.items;
    ids.rule = rule.id;
    ids.incident = incident.id;
    const second = await submit(t, await as('longhua'), itemsReport([
      { category: 'legal_services', title: '龙华区公共法律服务中心接待来访', content: '接待群众咨询32人次。' },
      { category: 'legal_services', title: '龙华区法律服务中心咨询情况', content: '同一事项的重复报送。' },
      { category: 'other', title: '龙华区发现苗头性信访动向', content: '有群众酝酿集体上访。', earlySign: true },
    ]));
    const [service, duplicate, earlySign] = second.json().report.items;
    ids.service = service.id;
    ids.duplicate = duplicate.id;
    ids.earlySign = earlySign.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('urgent item owes a written supplement', async () => {
    const item = (await t.request('GET', `/api/report-items/${ids.incident}`, { cookie: await as('xiuying') })).json().item;
    expect(item.writtenSupplementDueAt).toBe('2026-03-10T11:00:00+08:00');
    expect(item.writtenSupplementAt).toBeNull();

    const supplement = await t.request('POST', `/api/report-items/${ids.incident}/updates`, { cookie: await as('xiuying'), body: { kind: 'written_supplement', content: '书面材料：对象于9时离开，10时返回。' } });
    expect(supplement.statusCode).toBe(201);
    expect(supplement.json().item.writtenSupplementAt).toBe('2026-03-10T09:00:00+08:00');

    const notUrgent = await t.request('POST', `/api/report-items/${ids.rule}/updates`, { cookie: await as('xiuying'), body: { kind: 'written_supplement', content: '补报' } });
    expect(notUrgent.statusCode).toBe(400);
    expect(notUrgent.json().error.message).toMatch(/紧急信息/);
  });

  it('early sign gets verification and numbered follow-ups', async () => {
    const cookie = await as('longhua');
    const item = (await t.request('GET', `/api/report-items/${ids.earlySign}`, { cookie })).json().item;
    expect(item.verificationDueAt).toBe('2026-03-10T23:59:59+08:00');
    await t.request('POST', `/api/report-items/${ids.earlySign}/updates`, { cookie, body: { kind: 'verification', content: '初步核查：约10人，已约谈。' } });
    await t.request('POST', `/api/report-items/${ids.earlySign}/updates`, { cookie, body: { kind: 'follow_up', content: '动态一' } });
    const second = await t.request('POST', `/api/report-items/${ids.earlySign}/updates`, { cookie, body: { kind: 'follow_up', content: '动态二' } });
    expect(second.json().item.updates.map((update: { label: string }) => update.label)).toEqual(['初步核查', '续报一', '续报二']);
    const closing = await t.request('POST', `/api/report-items/${ids.earlySign}/updates`, { cookie, body: { kind: 'closing', content: '已化解。' } });
    expect(closing.json().item.closedAt).not.toBeNull();
    const after = await t.request('POST', `/api/report-items/${ids.earlySign}/updates`, { cookie, body: { kind: 'follow_up', content: '再续' } });
    expect(after.statusCode).toBe(409);
  });

  it('another unit cannot open an item', async () => {
    const response = await t.request('GET', `/api/report-items/${ids.rule}`, { cookie: await as('longhua') });
    expect(response.statusCode).toBe(403);
  });

  it('officer adopts, merges and returns items', async () => {
    const officer = await as('officer');
    const adopt = await t.request('POST', `/api/report-items/${ids.rule}/mark`, { cookie: officer, body: { action: 'adopt' } });
    expect(adopt.statusCode).toBe(200);
    expect(adopt.json().item).toMatchObject({ status: 'adopted', markedBy: '王晓明' });
    await t.request('POST', `/api/report-items/${ids.incident}/mark`, { cookie: officer, body: { action: 'adopt' } });
    await t.request('POST', `/api/report-items/${ids.service}/mark`, { cookie: officer, body: { action: 'adopt' } });

    const merge = await t.request('POST', `/api/report-items/${ids.duplicate}/mark`, { cookie: officer, body: { action: 'merge', mergeIntoId: ids.service } });
    expect(merge.json().item).toMatchObject({ status: 'merged', mergedIntoId: ids.service });

    const noReason = await t.request('POST', `/api/report-items/${ids.earlySign}/mark`, { cookie: officer, body: { action: 'return' } });
    expect(noReason.statusCode).toBe(400);
    const returned = await t.request('POST', `/api/report-items/${ids.earlySign}/mark`, { cookie: officer, body: { action: 'return', reason: '请补充涉及人数和诉求。' } });
    expect(returned.json().item).toMatchObject({ status: 'returned', reviewReason: '请补充涉及人数和诉求。' });

    const liaison = await t.request('POST', `/api/report-items/${ids.rule}/mark`, { cookie: await as('xiuying'), body: { action: 'adopt' } });
    expect(liaison.statusCode).toBe(403);
  });

  it('returned item comes back revised with both versions', async () => {
    const cookie = await as('longhua');
    const revised = await t.request('PUT', `/api/report-items/${ids.earlySign}`, {
      cookie,
      body: { category: 'other', title: '龙华区发现苗头性信访动向（修改）', content: '约10名群众酝酿集体上访，诉求为拆迁补偿。', earlySign: true, peopleInvolved: '约10人' },
    });
    expect(revised.statusCode).toBe(200);
    const item = revised.json().item;
    expect(item).toMatchObject({ status: 'submitted', version: 2 });
    expect(item.versions.map((version: { version: number; content: { title: string } }) => [version.version, version.content.title])).toEqual([
      [1, '龙华区发现苗头性信访动向'],
      [2, '龙华区发现苗头性信访动向（修改）'],
    ]);
    const again = await t.request('PUT', `/api/report-items/${ids.earlySign}`, { cookie, body: { category: 'other', title: 'x', content: 'y' } });
    expect(again.statusCode).toBe(409);
  });

  it('shift leader reviews marked items', async () => {
    const leader = await as('leader');
    const reviewed = await t.request('POST', `/api/report-items/${ids.rule}/review`, { cookie: leader });
    expect(reviewed.json().item).toMatchObject({ reviewedBy: '黄志强' });
    const unmarked = await t.request('POST', `/api/report-items/${ids.earlySign}/review`, { cookie: leader });
    expect(unmarked.statusCode).toBe(409);
    expect(unmarked.json().error.message).toMatch(/尚未标记/);
    const officer = await t.request('POST', `/api/report-items/${ids.rule}/review`, { cookie: await as('officer') });
    expect(officer.statusCode).toBe(403);
  });

  it('review queue lists items by status', async () => {
    const response = await t.request('GET', '/api/report-items?from=2026-03-10&to=2026-03-10&status=adopted', { cookie: await as('officer') });
    expect(response.json().items.map((item: { id: string }) => item.id).sort()).toEqual([ids.rule, ids.incident, ids.service].sort());
  });

  let bulletinId = '';

  it('bulletin groups adopted items by category', async () => {
    const response = await t.request('POST', '/api/bulletins', { cookie: await as('officer'), body: { date: '2026-03-10' } });
    expect(response.statusCode).toBe(201);
    const bulletin = response.json().bulletin;
    bulletinId = bulletin.id;
    // The demo data contains one issue for each of the 30 days before.
    const earlier = await t.ctx.db.kysely.selectFrom('bulletins').select('issue_number').where('year', '=', 2026).where('report_date', '<', '2026-03-10').execute();
    const expectedNumber = earlier.length + 1;
    expect(bulletin).toMatchObject({ year: 2026, issueNumber: expectedNumber, issueLabel: `2026年第${expectedNumber}期`, status: 'draft', title: '全市司法行政系统3月10日要情信息汇总' });
    expect(bulletin.sections.map((section: { heading: string; items: unknown[] }) => [section.heading, section.items.length])).toEqual([
      ['法治建设', 1],
      ['公共法律服务', 1],
      ['案事件', 1],
    ].sort((a, b) => ['法治建设', '公共法律服务', '案事件'].indexOf(a[0] as string) - ['法治建设', '公共法律服务', '案事件'].indexOf(b[0] as string)));

    const duplicate = await t.request('POST', '/api/bulletins', { cookie: await as('officer'), body: { date: '2026-03-10' } });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toMatch(new RegExp(`第${expectedNumber}期`));
  });

  it('issue numbers run on without gaps', async () => {
    const cookie = await as('officer');
    const failed = await t.request('POST', '/api/bulletins', { cookie, body: { date: '2026-02-31' } });
    expect(failed.statusCode).toBe(400);
    const current = (await t.request('GET', `/api/bulletins/${bulletinId}`, { cookie })).json().bulletin;
    const next = await t.request('POST', '/api/bulletins', { cookie, body: { date: '2026-01-15' } });
    expect(next.statusCode).toBe(201);
    expect(next.json().bulletin.issueNumber).toBe(current.issueNumber + 1);
  });

  it('officer edits and the shift leader reviews', async () => {
    const current = (await t.request('GET', `/api/bulletins/${bulletinId}`, { cookie: await as('officer') })).json().bulletin;
    const sections = current.sections.map((section: { items: Array<{ content: string }> }) => ({ ...section, items: section.items.map((item) => ({ ...item, content: `${item.content}（已核实）` })) }));
    const edited = await t.request('PUT', `/api/bulletins/${bulletinId}`, { cookie: await as('officer'), body: { title: current.title, sections } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json().bulletin.sections[0].items[0].content).toMatch(/已核实/);

    const earlySign = await t.request('POST', `/api/bulletins/${bulletinId}/sign`, { cookie: await as('commander') });
    expect(earlySign.statusCode).toBe(409);
    expect(earlySign.json().error.message).toMatch(/值班长审核/);

    const reviewed = await t.request('POST', `/api/bulletins/${bulletinId}/review`, { cookie: await as('leader') });
    expect(reviewed.json().bulletin).toMatchObject({ status: 'reviewed', reviewedBy: '黄志强' });
  });

  it('only that day’s duty commander signs off', async () => {
    await setDutyCommander(t, '2026-03-10', 'commander');
    const other = await t.request('POST', `/api/bulletins/${bulletinId}/sign`, { cookie: await as('juzhang') });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toMatch(/只有 2026-03-10 的值班指挥长陈海峰可以签发/);

    const signed = await t.request('POST', `/api/bulletins/${bulletinId}/sign`, { cookie: await as('commander') });
    expect(signed.statusCode).toBe(200);
    expect(signed.json().bulletin).toMatchObject({ status: 'signed', signedBy: '陈海峰', signedAt: '2026-03-10T09:00:00+08:00' });

    const edit = await t.request('PUT', `/api/bulletins/${bulletinId}`, { cookie: await as('officer'), body: { title: '改标题', sections: [] } });
    expect(edit.statusCode).toBe(409);
  });

  it('marks the bulletin sent to the province', async () => {
    t.clock.set('2026-03-10T15:50:00+08:00');
    const future = await t.request('POST', `/api/bulletins/${bulletinId}/send`, { cookie: await as('officer'), body: { sentAt: '2026-03-10T18:00:00+08:00' } });
    expect(future.statusCode).toBe(400);
    const sent = await t.request('POST', `/api/bulletins/${bulletinId}/send`, { cookie: await as('officer'), body: { sentAt: '2026-03-10T15:45:00+08:00' } });
    expect(sent.json().bulletin).toMatchObject({ status: 'sent', sentAt: '2026-03-10T15:45:00+08:00' });
  });

  it('exports the bulletin as Word', async () => {
    const response = await t.request('GET', `/api/bulletins/${bulletinId}/export.docx`, { cookie: await as('officer') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/wordprocessingml/);
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const xml = docxText(response.rawPayload);
    expect(xml).toContain('司法要情');
    expect(xml).toMatch(/第\d+期/);
    expect(xml).toContain('陈海峰');
    expect(xml).toContain('法治建设');

    if (dialect !== 'sqlite') return;
    // Render once through LibreOffice to check the page is a real, readable document.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-'));
    const file = path.join(dir, 'bulletin.docx');
    fs.writeFileSync(file, response.rawPayload);
    const pdf = execFileSync('scripts/render-docx.sh', [file, dir], { encoding: 'utf8', timeout: 200_000 }).trim();
    expect(fs.existsSync(pdf)).toBe(true);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('司法要情');
    expect(text).toContain('开展“宪法进社区”法治宣传活动');
    const png = path.join(dir, 'bulletin-1.png');
    expect(fs.existsSync(png)).toBe(true);
    fs.mkdirSync('test/reports/output', { recursive: true });
    fs.copyFileSync(png, 'test/reports/output/bulletin-page-1.png');
  }, 240_000);

  it('monthly statistics rank units and export the work bulletin', async () => {
    const response = await t.request('GET', '/api/report-stats/monthly?month=2026-03', { cookie: await as('officer') });
    expect(response.statusCode).toBe(200);
    const stats = response.json();
    const xiuying = stats.units.find((unit: { unitName: string }) => unit.unitName === '秀英区司法局');
    const longhua = stats.units.find((unit: { unitName: string }) => unit.unitName === '龙华区司法局');
    const counts = async (unitName: string) => {
      const rows = await t.ctx.db.kysely
        .selectFrom('report_items')
        .innerJoin('units', 'units.id', 'report_items.unit_id')
        .select('status')
        .where('units.name', '=', unitName)
        .where('report_date', '>=', '2026-03-01')
        .where('report_date', '<=', '2026-03-31')
        .execute();
      return { submitted: rows.length, adopted: rows.filter((row) => row.status === 'adopted').length };
    };
    expect(xiuying).toMatchObject(await counts('秀英区司法局'));
    expect(longhua).toMatchObject(await counts('龙华区司法局'));
    const adopted = stats.units.map((unit: { adopted: number }) => unit.adopted);
    expect(adopted).toEqual([...adopted].sort((a: number, b: number) => b - a));
    expect(stats.units[0].rank).toBe(1);

    const bad = await t.request('GET', '/api/report-stats/monthly?month=2026-3', { cookie: await as('officer') });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/月份/);

    const docx = await t.request('GET', '/api/report-stats/monthly/export.docx?month=2026-03', { cookie: await as('officer') });
    expect(docx.statusCode).toBe(200);
    const xml = docxText(docx.rawPayload);
    expect(xml).toContain('工作通报');
    expect(xml).toContain('秀英区司法局');

    const liaison = await t.request('GET', '/api/report-stats/monthly?month=2026-03', { cookie: await as('xiuying') });
    expect(liaison.statusCode).toBe(403);
  });
});
