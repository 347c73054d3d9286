import chineseDays from 'chinese-days';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datesBetween } from '../../src/domain/time.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { availableDialects } from '../support/databases.js';

/** Day type of a date in chinese-days 1.5.7, the reference for the official notices. */
function referenceDayType(date: string): string {
  const detail = chineseDays.getDayDetail(date);
  const isFestival = detail.name.split(',').length === 3;
  if (isFestival) return detail.work ? 'makeup_workday' : 'holiday';
  return detail.work ? 'workday' : 'weekend';
}

describe.each(availableDialects())('duty calendar routes on %s', (dialect) => {
  let t: TestApp;
  let admin: string;
  let officer: string;
  let commander: string;

  beforeAll(async () => {
    // 2026-03-10 10:00 in Haikou: today's duty date is 2026-03-10.
    t = await createTestApp(dialect, { now: '2026-03-10T10:00:00+08:00' });
    admin = await t.login('admin');
    officer = await t.login('officer');
    commander = await t.login('commander');
  });
  afterAll(async () => {
    await t.close();
  });

  const days = async (from: string, to: string, cookie = officer) => {
    const response = await t.request('GET', `/api/calendar/days?from=${from}&to=${to}`, { cookie });
    expect(response.statusCode).toBe(200);
    return response.json().days as { date: string; dayType: string; dutyLevel: string; name: string | null; official: boolean }[];
  };

  it.each([2025, 2026])('classifies every day of %i like the official notice', async (year) => {
    const result = await days(`${year}-01-01`, `${year}-12-31`);
    expect(result).toHaveLength(datesBetween(`${year}-01-01`, `${year}-12-31`).length);
    const mismatches = result.filter((day) => day.dayType !== referenceDayType(day.date)).map((day) => `${day.date} ${day.dayType}`);
    expect(mismatches).toEqual([]);
    expect(result.every((day) => day.official)).toBe(true);
  });

  it('returns exactly the contract fields', async () => {
    const [day] = await days('2026-02-17', '2026-02-17');
    expect(Object.keys(day!).sort()).toEqual(['date', 'dayType', 'dutyLevel', 'name', 'official'].sort());
    expect(day).toMatchObject({ date: '2026-02-17', dayType: 'holiday', dutyLevel: 'three_level', name: '春节', official: true });
  });

  it('spans the year boundary', async () => {
    const result = await days('2025-12-31', '2026-01-04');
    expect(result.map((day) => [day.date, day.dayType])).toEqual([
      ['2025-12-31', 'workday'],
      ['2026-01-01', 'holiday'],
      ['2026-01-02', 'holiday'],
      ['2026-01-03', 'holiday'],
      ['2026-01-04', 'makeup_workday'],
    ]);
    expect(result[1]!.name).toBe('元旦');
    expect(result[4]!.name).toBeNull();
    expect(result[4]!.dutyLevel).toBe('in_post');
  });

  it('falls back to the weekday rule without official data', async () => {
    //      2027-01: Fri 1, Sat 2, Sun 3, Mon 4
    const result = await days('2027-01-01', '2027-01-04');
    expect(result.map((day) => day.dayType)).toEqual(['workday', 'weekend', 'weekend', 'workday']);
    expect(result.every((day) => day.official === false)).toBe(true);
  });

  it('hall display reads the calendar', async () => {
    const display = await t.login('hall');
    expect((await days('2026-03-01', '2026-03-02', display)).length).toBe(2);
  });

  it.each([
    ['from after to', 'from=2026-03-10&to=2026-03-01', /早于开始日期/],
    ['range over 366 days', 'from=2025-01-01&to=2026-12-31', /超过上限 366 天/],
    ['invalid date', 'from=2026-02-30&to=2026-03-01', /开始日期/],
    ['missing to', 'from=2026-03-01', /结束日期/],
  ])('rejects %s in Chinese', async (_name, query, message) => {
    const response = await t.request('GET', `/api/calendar/days?${query}`, { cookie: officer });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toMatch(message);
  });

  it('requires sign-in', async () => {
    expect((await t.request('GET', '/api/calendar/days?from=2026-03-01&to=2026-03-02')).statusCode).toBe(401);
  });

  it('sensitive period overrides weekend but not holiday', async () => {
    const created = await t.request('POST', '/api/calendar/sensitive-periods', {
      cookie: commander,
      body: { name: '两会期间', startDate: '2026-04-03', endDate: '2026-04-07' },
    });
    expect(created.statusCode).toBe(201);
    // 2026-04: Fri 3 workday, Sat 4 / Sun 5 清明 holiday, Mon 6 holiday, Tue 7 workday.
    const result = await days('2026-04-03', '2026-04-08');
    expect(result.map((day) => [day.date, day.dayType, day.name])).toEqual([
      ['2026-04-03', 'sensitive', '两会期间'],
      ['2026-04-04', 'holiday', '清明节'],
      ['2026-04-05', 'holiday', '清明节'],
      ['2026-04-06', 'holiday', '清明节'],
      ['2026-04-07', 'sensitive', '两会期间'],
      ['2026-04-08', 'workday', null],
    ]);
    expect(result[0]!.dutyLevel).toBe('three_level');
  });

  it('sensitive periods cannot start in the past or be edited by officers', async () => {
    const past = await t.request('POST', '/api/calendar/sensitive-periods', {
      cookie: admin,
      body: { name: '过去的时期', startDate: '2026-03-01', endDate: '2026-03-20' },
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toMatch(/已过去的值班日/);

    const byOfficer = await t.request('POST', '/api/calendar/sensitive-periods', {
      cookie: officer,
      body: { name: '值班员设置', startDate: '2026-05-01', endDate: '2026-05-02' },
    });
    expect(byOfficer.statusCode).toBe(403);

    const empty = await t.request('POST', '/api/calendar/sensitive-periods', { cookie: admin, body: { name: '', startDate: '2026-05-01', endDate: '2026-04-01' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/名称/);
  });

  it('started period keeps its past days', async () => {
    t.clock.set('2026-06-01T10:00:00+08:00');
    admin = await t.login('admin');
    const created = await t.request('POST', '/api/calendar/sensitive-periods', { cookie: admin, body: { name: '防汛期', startDate: '2026-06-02', endDate: '2026-06-10' } });
    const id = created.json().period.id as string;
    t.clock.set('2026-06-05T10:00:00+08:00');
    admin = await t.login('admin');

    const moveStart = await t.request('PUT', `/api/calendar/sensitive-periods/${id}`, { cookie: admin, body: { name: '防汛期', startDate: '2026-06-03', endDate: '2026-06-10' } });
    expect(moveStart.statusCode).toBe(400);
    expect(moveStart.json().error.message).toMatch(/2026-06-02/);

    const shorten = await t.request('PUT', `/api/calendar/sensitive-periods/${id}`, { cookie: admin, body: { name: '防汛期', startDate: '2026-06-02', endDate: '2026-06-06' } });
    expect(shorten.statusCode).toBe(200);
    expect((await t.request('DELETE', `/api/calendar/sensitive-periods/${id}`, { cookie: admin })).statusCode).toBe(409);
    t.clock.set('2026-03-10T10:00:00+08:00');
    [admin, officer, commander] = [await t.login('admin'), await t.login('officer'), await t.login('commander')];
  });

  it('override changes a future date only, by the system administrator', async () => {
    const byCommander = await t.request('PUT', '/api/calendar/overrides', { cookie: commander, body: { date: '2026-12-31', dayType: 'holiday', name: '元旦' } });
    expect(byCommander.statusCode).toBe(403);

    const saved = await t.request('PUT', '/api/calendar/overrides', { cookie: admin, body: { date: '2026-12-31', dayType: 'holiday', name: '元旦' } });
    expect(saved.statusCode).toBe(200);
    const [day] = await days('2026-12-31', '2026-12-31');
    expect(day).toMatchObject({ dayType: 'holiday', name: '元旦', dutyLevel: 'three_level' });

    const past = await t.request('PUT', '/api/calendar/overrides', { cookie: admin, body: { date: '2026-03-01', dayType: 'holiday', name: '测试' } });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.message).toMatch(/已过去的值班日/);

    const noName = await t.request('PUT', '/api/calendar/overrides', { cookie: admin, body: { date: '2026-11-30', dayType: 'makeup_workday' } });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.message).toMatch(/节日/);

    const removed = await t.request('DELETE', `/api/calendar/overrides/${saved.json().override.id}`, { cookie: admin });
    expect(removed.statusCode).toBe(200);
    expect((await days('2026-12-31', '2026-12-31'))[0]!.dayType).toBe('workday');
  });
});
