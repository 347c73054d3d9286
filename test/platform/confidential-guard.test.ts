import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

describe.each(availableDialects())('confidential guard on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let unitId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    const units = (await t.request('GET', '/api/units', { cookie: admin })).json().units as { id: string; kind: string }[];
    unitId = units.find((unit) => unit.kind === 'department')!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('rejects a marked field and names it', async () => {
    const response = await t.request('POST', '/api/people', {
      cookie: admin,
      body: { name: '张三', unitId, position: '机密★10年', isPolice: false, dutyRoles: [] },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.code).toBe('CLASSIFIED_CONTENT');
    expect(response.json().error.message).toMatch(/「职务」/);
    expect(response.json().error.message).toMatch(/涉密渠道/);
    const stored = await t.request('GET', '/api/people?q=张三', { cookie: admin });
    expect(stored.json().total).toBe(0);
  });

  it('rejects a mark split by a line break', async () => {
    const response = await t.request('POST', '/api/units', { cookie: admin, body: { name: '测试单位', kind: 'department', dutyRoomName: '【绝\n密】' } });
    expect(response.statusCode).toBe(422);
  });

  it('accepts text about confidentiality work', async () => {
    const response = await t.request('POST', '/api/people', {
      cookie: admin,
      body: { name: '李四', unitId, position: '保密工作会议联络员、涉密载体管理培训讲师', isPolice: false, dutyRoles: [] },
    });
    expect(response.statusCode).toBe(201);
  });
});
