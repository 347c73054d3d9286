import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { rotateFeed } from '../../src/server/roster/calendar-feed.service.js';
import { systemActor } from '../../src/server/audit/audit-log.js';

interface Slot {
  personId: string;
  name: string;
}

interface RosterDay {
  date: string;
  commander: Slot;
  shiftLeader: Slot;
  officers: Slot[];
}

async function readWorkbook(body: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    rows.push((row.values as ExcelJS.CellValue[]).slice(1).map((value) => (value === null || value === undefined ? '' : String(value))));
  });
  return rows;
}

/** Builds a multipart body with one .xlsx file under `file`. */
function multipart(file: Buffer): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----zhibanRosterImport';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="roster.xlsx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, file, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Unfolds iCalendar lines (RFC 5545 §3.1). */
function unfold(text: string): string[] {
  return text.replace(/\r\n /g, '').split('\r\n');
}

describe.each(availableDialects())('roster outputs on %s', (dialect) => {
  let t: TestApp;
  let march: RosterDay[];
  let swap: { date: string; requester: string; counterpart: string; counterpartId: string } | null = null;

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-03-10T10:00:00+08:00' });
    march = (await t.request('GET', '/api/rosters/2026-03', { cookie: await t.login('leader') })).json().days;
    const request = await t.ctx.db.kysely.selectFrom('duty_change_requests').selectAll().where('status', '=', 'approved').where('kind', '=', 'swap').executeTakeFirst();
    if (request) swap = { date: request.date, requester: request.requester_name, counterpart: request.counterpart_name, counterpartId: request.counterpart_person_id };
  });
  afterAll(async () => {
    await t.close();
  });

  async function upload(username: string, month: string, file: Buffer) {
    const { payload, headers } = multipart(file);
    return t.app.inject({ method: 'POST', url: `/api/roster-outputs/${month}/import`, payload, headers: { ...headers, cookie: await t.login(username) } });
  }

  it('exports the month as printed', async () => {
    const response = await t.request('GET', '/api/roster-outputs/2026-03/export.xlsx', { cookie: await t.login('leader') });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    const rows = await readWorkbook(response.rawPayload);
    expect(rows[0]![0]).toBe('海口市司法局指挥中心2026年3月值班表');
    expect(rows[1]).toEqual(['日期', '星期', '日类型', '值班等级', '值班指挥长', '值班长', '值班员']);
    const body = rows.slice(2, 33);
    expect(body).toHaveLength(31);
    expect(body[9]!.slice(0, 4)).toEqual(['3月10日', '星期二', '工作日', '在岗值班']);
    for (const [index, day] of march.entries()) {
      expect(body[index]![4]).toBe(day.commander.name);
      expect(body[index]![5]).toBe(day.shiftLeader.name);
      expect(body[index]![6]).toBe(day.officers.map((officer) => officer.name).join('、'));
    }
    expect(rows[33]![0]).toMatch(/^制表：海口市司法局指挥中心/);
  });

  it('sets A4 landscape and borders', async () => {
    const response = await t.request('GET', '/api/roster-outputs/2026-03/export.xlsx', { cookie: await t.login('leader') });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.pageSetup.fitToWidth).toBe(1);
    expect(sheet.getCell('E3').border.left?.style).toBe('thin');
  });

  it('shows the final roster after a swap', async () => {
    expect(swap).not.toBeNull();
    const response = await t.request('GET', `/api/roster-outputs/${swap!.date.slice(0, 7)}/export.xlsx`, { cookie: await t.login('leader') });
    const rows = await readWorkbook(response.rawPayload);
    const label = `${Number(swap!.date.slice(5, 7))}月${Number(swap!.date.slice(8, 10))}日`;
    const row = rows.find((candidate) => candidate[0] === label)!;
    expect(row[6]!.split('、')).toContain(swap!.counterpart);
    expect(row[6]!.split('、')).not.toContain(swap!.requester);
  });

  it('adds phones for readers and audits it', async () => {
    const response = await t.request('GET', '/api/roster-outputs/2026-03/export.xlsx?withPhones=true', { cookie: await t.login('leader') });
    const rows = await readWorkbook(response.rawPayload);
    expect(rows[1]!.slice(7)).toEqual(['值班指挥长电话', '值班长电话', '值班员电话']);
    expect(rows[2]![7]).toMatch(/^1390898\d{4}$/);
    const audit = await t.ctx.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'confidential.read').where('entity_id', '=', '2026-03').execute();
    expect(audit.length).toBeGreaterThan(0);
    expect(audit[0]!.actor_name).toBe('黄志强');
  });

  it('hides phones from liaisons', async () => {
    const response = await t.request('GET', '/api/roster-outputs/2026-03/export.xlsx?withPhones=true', { cookie: await t.login('xiuying') });
    expect(response.statusCode).toBe(200);
    const rows = await readWorkbook(response.rawPayload);
    expect(rows[1]).toHaveLength(7);
    const sheet = (await t.request('GET', '/api/roster-outputs/2026-03/sheet?withPhones=true', { cookie: await t.login('xiuying') })).json().sheet;
    expect(sheet.withPhones).toBe(false);
    expect(sheet.rows[0].commander.phone).toBeNull();
  });

  it('export of a month without roster is 404', async () => {
    const response = await t.request('GET', '/api/roster-outputs/2026-09/export.xlsx', { cookie: await t.login('leader') });
    expect(response.statusCode).toBe(404);
  });

  async function eligibleNames() {
    const admin = await t.login('admin');
    const names = async (dutyRole: string) =>
      ((await t.request('GET', `/api/people?dutyRole=${dutyRole}&pageSize=100&active=true`, { cookie: admin })).json().people as { name: string }[]).map((person) => person.name);
    return { commanders: await names('commander'), leaders: await names('shift_leader'), officers: await names('officer') };
  }

  async function juneSheet(change?: (rows: string[][]) => void): Promise<Buffer> {
    const { commanders, leaders, officers } = await eligibleNames();
    const rows: string[][] = [];
    for (let day = 1; day <= 30; day += 1) {
      const index = day - 1;
      rows.push([`6月${day}日`, '', '', '', commanders[index % commanders.length]!, leaders[index % leaders.length]!, `${officers[(2 * index) % officers.length]}、${officers[(2 * index + 1) % officers.length]}`]);
    }
    change?.(rows);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('值班表');
    sheet.addRow(['海口市司法局指挥中心2026年6月值班表']);
    sheet.addRow(['日期', '星期', '日类型', '值班等级', '值班指挥长', '值班长', '值班员']);
    for (const row of rows) sheet.addRow(row);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  it('bad row imports nothing', async () => {
    const file = await juneSheet((rows) => {
      rows[4]![4] = '张三丰';
      rows[7]![0] = '6月32日';
    });
    const response = await upload('leader', '2026-06', file);
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('IMPORT_FAILED');
    expect(error.message).toContain('未导入任何排班');
    expect(error.details.rows).toEqual(
      expect.arrayContaining([
        { row: 7, field: '值班指挥长', message: expect.stringContaining('“张三丰”不是可担任值班指挥长的在用人员') },
        { row: 10, field: '日期', message: expect.stringContaining('不是有效日期') },
      ]),
    );
    const sheet = await t.request('GET', '/api/roster-outputs/2026-06/sheet', { cookie: await t.login('leader') });
    expect(sheet.statusCode).toBe(404);
    const assignments = await t.ctx.db.kysely.selectFrom('roster_assignments').select('id').where('month', '=', '2026-06').execute();
    expect(assignments).toEqual([]);
  });

  it('consecutive duty is rejected', async () => {
    const file = await juneSheet((rows) => {
      rows[1]![4] = rows[0]![4]!;
    });
    const response = await upload('leader', '2026-06', file);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.rows[0]).toMatchObject({ row: 3, field: '人员', message: expect.stringContaining('连续值班') });
  });

  it('valid sheet imports a draft', async () => {
    const response = await upload('leader', '2026-06', await juneSheet());
    expect(response.statusCode).toBe(200);
    expect(response.json().imported).toBe(30);
    const roster = (await t.request('GET', '/api/rosters/2026-06', { cookie: await t.login('leader') })).json();
    expect(roster.status).toBe('draft');
    const { commanders, officers } = await eligibleNames();
    expect(roster.days[0].commander.name).toBe(commanders[0]);
    expect(roster.days[0].officers.map((officer: Slot) => officer.name)).toEqual([officers[0], officers[1]]);
  });

  it('published month refuses import', async () => {
    const response = await upload('leader', '2026-03', await juneSheet());
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toContain('已发布');
  });

  it('liaison cannot import', async () => {
    const response = await upload('xiuying', '2026-06', await juneSheet());
    expect(response.statusCode).toBe(403);
  });

  it('calendar feed is valid iCalendar', async () => {
    const cookie = await t.login('officer');
    const created = await t.request('POST', '/api/calendar-feeds/me', { cookie });
    expect(created.statusCode).toBe(201);
    const { token, path } = created.json();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const feed = await t.request('GET', path);
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const text = feed.body;
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const lines = unfold(text);
    expect(lines).toEqual(expect.arrayContaining(['BEGIN:VTIMEZONE', 'TZID:Asia/Shanghai', 'TZOFFSETFROM:+0800', 'TZOFFSETTO:+0800']));

    const myDates = march.filter((day) => day.officers.some((officer) => officer.name === '王晓明')).map((day) => day.date);
    expect(myDates.length).toBeGreaterThan(0);
    for (const date of myDates) {
      expect(lines).toContain(`DTSTART;TZID=Asia/Shanghai:${date.replace(/-/g, '')}T083000`);
    }
    expect(lines).toContain('SUMMARY:值班员 · 海口市司法局指挥中心');
    const status = (await t.request('GET', '/api/calendar-feeds/me', { cookie })).json().feed;
    expect(status).toMatchObject({ personLinked: true, active: true });
    const stored = await t.ctx.db.kysely.selectFrom('calendar_feeds').select('token_hash').execute();
    expect(stored.map((row) => row.token_hash)).not.toContain(token);
  });

  it('swapped day shows the new person', async () => {
    expect(swap).not.toBeNull();
    const { token } = await rotateFeed(t.ctx, systemActor, swap!.counterpartId);
    const lines = unfold((await t.request('GET', `/api/calendar-feeds/${token}.ics`)).body);
    expect(lines).toContain(`DTSTART;TZID=Asia/Shanghai:${swap!.date.replace(/-/g, '')}T083000`);
    expect(lines).toContain(`UID:${swap!.date}-officer-${swap!.counterpartId}@zhiban`);
  });

  it('rotated or revoked token is 404', async () => {
    const cookie = await t.login('leader');
    const first = (await t.request('POST', '/api/calendar-feeds/me', { cookie })).json();
    const second = (await t.request('POST', '/api/calendar-feeds/me', { cookie })).json();
    expect((await t.request('GET', first.path)).statusCode).toBe(404);
    expect((await t.request('GET', second.path)).statusCode).toBe(200);
    expect((await t.request('DELETE', '/api/calendar-feeds/me', { cookie })).statusCode).toBe(200);
    expect((await t.request('GET', second.path)).statusCode).toBe(404);
    expect((await t.request('DELETE', '/api/calendar-feeds/me', { cookie })).statusCode).toBe(404);
    expect((await t.request('GET', '/api/calendar-feeds/not-a-token.ics')).statusCode).toBe(404);
  });

  it('account without person cannot subscribe', async () => {
    const response = await t.request('POST', '/api/calendar-feeds/me', { cookie: await t.login('admin') });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('未关联人员');
  });
});
