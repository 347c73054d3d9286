import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

async function workbook(rows: (string | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('人员');
  sheet.addRow(['姓名', '单位', '职务', '是否警察', '手机号码', '办公电话', '可担任值班角色']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function multipart(file: Buffer, name = 'people.xlsx'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----zhibanTestBoundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, file, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(availableDialects())('organization on %s', (dialect) => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
  });
  afterAll(async () => {
    await t.close();
  });

  it('units list has the four kinds of Haikou units', async () => {
    const response = await t.request('GET', '/api/units', { cookie: admin });
    expect(response.statusCode).toBe(200);
    const units = response.json().units as { name: string; kind: string; active: boolean }[];
    const names = units.map((unit) => unit.name);
    for (const name of ['秀英区司法局', '龙华区司法局', '琼山区司法局', '美兰区司法局', '海口市罗牛山强制隔离戒毒所', '海口市法律援助中心', '海口市未成年人法制教育中心', '人事警务科', '社区矫正科', '公共法律服务科', '法治督察科', '办公室']) {
      expect(names).toContain(name);
    }
    expect(new Set(units.map((unit) => unit.kind))).toEqual(new Set(['department', 'district', 'affiliated', 'command_center']));
    expect(units[0]!.kind).toBe('command_center');
  });

  it('unit create, rename and deactivate are audited', async () => {
    const created = await t.request('POST', '/api/units', { cookie: admin, body: { name: '测试科', kind: 'department', dutyRoomPhone: '0898-12345678' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().unit.id as string;
    const duplicate = await t.request('POST', '/api/units', { cookie: admin, body: { name: '测试科', kind: 'department' } });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.message).toMatch(/已存在/);
    const renamed = await t.request('PATCH', `/api/units/${id}`, { cookie: admin, body: { name: '测试二科', active: false } });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().unit).toMatchObject({ name: '测试二科', active: false });
    const audit = await t.ctx.db.kysely.selectFrom('audit_log').select(['action', 'after_json']).where('entity_id', '=', id).orderBy('seq').execute();
    expect(audit.map((row) => row.action)).toEqual(['unit.create', 'unit.update']);
    expect(audit[0]!.after_json).not.toContain('12345678');
  });

  it('people search paginates and filters', async () => {
    const first = await t.request('GET', '/api/people?page=1&pageSize=5', { cookie: admin });
    expect(first.statusCode).toBe(200);
    expect(first.json().people).toHaveLength(5);
    expect(first.json().total).toBeGreaterThan(40);
    const second = await t.request('GET', '/api/people?page=2&pageSize=5', { cookie: admin });
    const firstIds = first.json().people.map((p: { id: string }) => p.id);
    for (const person of second.json().people) expect(firstIds).not.toContain(person.id);

    const commanders = await t.request('GET', '/api/people?dutyRole=commander&pageSize=50', { cookie: admin });
    expect(commanders.json().total).toBe(5);
    const named = await t.request('GET', `/api/people?q=${encodeURIComponent('王晓明')}`, { cookie: admin });
    expect(named.json().people.map((p: { name: string }) => p.name)).toEqual(['王晓明']);
  });

  it('phones show only to roles that need them, and reads are audited', async () => {
    const officer = await t.login('officer');
    const withPhones = await t.request('GET', '/api/people?withPhones=true&pageSize=3', { cookie: officer });
    expect(withPhones.json().people[0].mobilePhone).toMatch(/^1390898/);
    const reads = await t.ctx.db.kysely.selectFrom('audit_log').select('summary').where('action', '=', 'confidential.read').execute();
    expect(reads.length).toBeGreaterThan(0);

    const liaison = await t.login('xiuying');
    const hidden = await t.request('GET', '/api/people?withPhones=true&pageSize=3', { cookie: liaison });
    expect(hidden.json().people[0].mobilePhone).toBeNull();
    expect(hidden.json().people[0].phonesVisible).toBe(false);

    const raw = await t.ctx.db.kysely.selectFrom('people').select('mobile_phone').where('mobile_phone', 'is not', null).executeTakeFirstOrThrow();
    expect(raw.mobile_phone).not.toMatch(/1390898/);
  });

  it('person form rejects bad input in Chinese', async () => {
    const response = await t.request('POST', '/api/people', { cookie: admin, body: { name: '', unitId: 'x', isPolice: 'yes', mobilePhone: 'abc', dutyRoles: ['king'] } });
    expect(response.statusCode).toBe(400);
    const message = response.json().error.message as string;
    expect(message).toMatch(/「名称」|「姓名」/);
    expect(message).toMatch(/「手机号码」/);
    expect(response.json().error.details.fields.length).toBeGreaterThanOrEqual(3);
  });

  it('people are deactivated, never deleted', async () => {
    const list = await t.request('GET', '/api/people?pageSize=1', { cookie: admin });
    const id = list.json().people[0].id as string;
    const deactivated = await t.request('POST', `/api/people/${id}/deactivate`, { cookie: admin });
    expect(deactivated.json().person.active).toBe(false);
    const stillThere = await t.request('GET', `/api/people/${id}`, { cookie: admin });
    expect(stillThere.statusCode).toBe(200);
    expect((await t.request('DELETE', `/api/people/${id}`, { cookie: admin })).statusCode).toBe(404);
    await t.request('POST', `/api/people/${id}/reactivate`, { cookie: admin });
  });

  it('import with one bad row imports nothing', async () => {
    const before = (await t.request('GET', '/api/people?pageSize=1', { cookie: admin })).json().total as number;
    const file = await workbook([
      ['赵一', '办公室', '科员', '否', '13900000001', '', '值班员'],
      ['', '不存在的单位', '', '也许', 'abc', '', '司令'],
    ]);
    const { payload, headers } = multipart(file);
    const response = await t.app.inject({ method: 'POST', url: '/api/people/import', headers: { ...headers, cookie: admin }, payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('IMPORT_FAILED');
    const rows = response.json().error.details.rows as { row: number; field: string }[];
    expect(rows.every((row) => row.row === 3)).toBe(true);
    expect(rows.map((row) => row.field)).toEqual(expect.arrayContaining(['姓名', '单位', '是否警察', '手机号码', '可担任值班角色']));
    const after = (await t.request('GET', '/api/people?pageSize=1', { cookie: admin })).json().total as number;
    expect(after).toBe(before);
  });

  it('valid import adds every row', async () => {
    const file = await workbook([
      ['赵一', '办公室', '科员', '否', '13900000001', '', '值班员'],
      ['钱二', '秀英区司法局', '信息员', '是', '', '0898-1234567', ''],
    ]);
    const { payload, headers } = multipart(file);
    const response = await t.app.inject({ method: 'POST', url: '/api/people/import', headers: { ...headers, cookie: admin }, payload });
    expect(response.statusCode).toBe(200);
    expect(response.json().imported).toBe(2);
    const found = await t.request('GET', `/api/people?q=${encodeURIComponent('钱二')}`, { cookie: admin });
    expect(found.json().people[0]).toMatchObject({ unitName: '秀英区司法局', isPolice: true });
  });

  it('non-Excel upload gets a Chinese 400', async () => {
    const { payload, headers } = multipart(Buffer.from('not a workbook'), 'people.xlsx');
    const response = await t.app.inject({ method: 'POST', url: '/api/people/import', headers: { ...headers, cookie: admin }, payload });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/Excel/);
  });

  it('one account holds at most one administrator role', async () => {
    const security = await t.login('security');
    const units = (await t.request('GET', '/api/units', { cookie: admin })).json().units as { id: string }[];
    const response = await t.request('POST', '/api/users', { cookie: security, body: { username: 'superuser', name: '超级', roles: ['sys_admin', 'audit_admin'], unitId: units[0]!.id } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(/三员分立/);
  });

  it('administrator accounts are managed only by security', async () => {
    const security = await t.login('security');
    const units = (await t.request('GET', '/api/units', { cookie: admin })).json().units as { id: string }[];
    const body = { username: 'auditor2', name: '第二审计员', roles: ['audit_admin'], unitId: units[0]!.id };

    const byAdmin = await t.request('POST', '/api/users', { cookie: admin, body });
    expect(byAdmin.statusCode).toBe(403);
    expect(byAdmin.json().error.message).toMatch(/安全管理员/);

    const accounts = (await t.request('GET', '/api/users?q=auditor', { cookie: admin })).json().users as { id: string; username: string }[];
    const auditor = accounts.find((account) => account.username === 'auditor')!;
    const disableAuditor = await t.request('PATCH', `/api/users/${auditor.id}`, { cookie: admin, body: { active: false } });
    expect(disableAuditor.statusCode).toBe(403);

    const bySecurity = await t.request('POST', '/api/users', { cookie: security, body });
    expect(bySecurity.statusCode).toBe(201);

    const businessBySecurity = await t.request('POST', '/api/users', { cookie: security, body: { ...body, username: 'officer9', roles: ['duty_officer'] } });
    expect(businessBySecurity.statusCode).toBe(403);
  });

  it('nobody changes their own account roles', async () => {
    const me = (await t.request('GET', '/api/auth/me', { cookie: admin })).json().user as { id: string };
    const response = await t.request('PATCH', `/api/users/${me.id}`, { cookie: admin, body: { roles: ['sys_admin', 'duty_officer'] } });
    expect(response.statusCode).toBe(403);
  });

  it('OpenAPI document is served', async () => {
    const response = await t.request('GET', '/api/docs/json');
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toEqual(expect.arrayContaining(['/api/health', '/api/auth/login', '/api/units']));
  });
});
