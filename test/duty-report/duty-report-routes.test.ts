import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/domain/time.js';
import { availableDialects } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/app.js';

interface Slot { personId: string; name: string }
interface RosterDay { date: string; commander: Slot | null; shiftLeader: Slot | null; officers: Slot[] }
interface Section { key: string; heading: string; text: string }

describe.each(availableDialects())('duty report routes on %s', (dialect) => {
  let t: TestApp;
  let officer: string;
  let leader: string;
  let seat: string;
  let day: string;
  let otherDay: string;
  let units: Map<string, string>;

  const personIdOf = async (cookie: string): Promise<string> => (await t.request('GET', '/api/auth/me', { cookie })).json().user.personId as string;
  const rosterDays = async (month: string): Promise<RosterDay[]> => (await t.request('GET', `/api/rosters/${month}`, { cookie: officer })).json().days as RosterDay[];
  /** Moves the clock and signs in again, because sessions time out while the clock jumps. */
  const at = async (instant: string): Promise<void> => {
    t.clock.set(instant);
    [officer, leader, seat] = [await t.login('officer'), await t.login('leader'), await t.login('seat')];
  };
  const sectionText = (sections: Section[], key: string): string => sections.find((section) => section.key === key)!.text;

  beforeAll(async () => {
    t = await createTestApp(dialect, { now: '2026-03-10T10:00:00+08:00' });
    officer = await t.login('officer');
    leader = await t.login('leader');
    seat = await t.login('seat');
    const unitList = (await t.request('GET', '/api/units', { cookie: officer })).json().units as { id: string; name: string }[];
    units = new Map(unitList.map((unit) => [unit.name, unit.id]));

    // Demo duty day: a day led by the `leader` account on which the `officer` account swaps with `seat`.
    const leaderId = await personIdOf(leader);
    const officerId = await personIdOf(officer);
    const seatId = await personIdOf(seat);
    const days = [...(await rosterDays('2026-03')), ...(await rosterDays('2026-04'))].filter((entry) => entry.date > '2026-03-11');
    const candidates = days.filter((entry) => entry.shiftLeader?.personId === leaderId && entry.officers.some((slot) => slot.personId === officerId));
    const theirs = days.filter((entry) => entry.officers.some((slot) => slot.personId === seatId));
    let swapped: string | null = null;
    for (const a of candidates) {
      for (const b of theirs) {
        const response = await t.request('POST', '/api/duty-requests', {
          cookie: officer,
          body: { kind: 'swap', date: a.date, role: 'officer', counterpartPersonId: seatId, counterpartDate: b.date, reason: '家中有事' },
        });
        if (response.statusCode !== 201) continue;
        const id = response.json().request.id as string;
        expect((await t.request('POST', `/api/duty-requests/${id}/answer`, { cookie: seat, body: { agree: true } })).statusCode).toBe(200);
        expect((await t.request('POST', `/api/duty-requests/${id}/decision`, { cookie: leader, body: { approve: true, note: '同意' } })).statusCode).toBe(200);
        swapped = a.date;
        break;
      }
      if (swapped) break;
    }
    expect(swapped).not.toBeNull();
    day = swapped!;
    otherDay = days.find((entry) => entry.shiftLeader && entry.shiftLeader.personId !== leaderId)!.date;
  });
  afterAll(async () => {
    await t.close();
  });

  it('handover: previous shift responsible until confirmed', async () => {
    await at(`${day}T08:40:00+08:00`);
    const before = (await t.request('GET', '/api/handover/responsible', { cookie: officer })).json();
    expect(before).toMatchObject({ date: addDays(day, -1), awaitingHandover: true });

    const plan = (await t.request('GET', `/api/handover/${day}`, { cookie: leader })).json();
    expect(plan.startsAt).toBe(`${day}T08:30:00+08:00`);
    const special = plan.dayType === 'holiday' || plan.dayType === 'sensitive';
    expect(plan.commanderLed).toBe(special);
    expect(plan.chair.label).toBe(special ? '当日指挥长' : '当日值班长');
    if (special) expect(plan.participants.map((p: { label: string }) => p.label)).toContain('前日指挥长');
    expect(plan.participants.map((p: { label: string }) => p.label)).toContain('前日值班员');
    expect(plan.participants.some((p: { name: string; shift: string }) => p.name === '邓伟' && p.shift === 'current')).toBe(true);

    const saved = await t.request('PUT', `/api/handover/${day}`, {
      cookie: leader,
      body: { attendedPersonIds: plan.participants.map((p: Slot) => p.personId), previousLeaderReport: '前日情况平稳', matters: '继续关注清明节前安全稳定', record: '交接完毕' },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().participants.every((p: { attended: boolean }) => p.attended)).toBe(true);

    const stranger = await t.request('POST', `/api/handover/${day}/confirm`, { cookie: officer });
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().error.message).toMatch(/当日的值班人员/);

    const confirmed = await t.request('POST', `/api/handover/${day}/confirm`, { cookie: leader });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().confirmedAt).toBe(`${day}T08:40:00+08:00`);
    expect((await t.request('GET', '/api/handover/responsible', { cookie: officer })).json()).toMatchObject({ date: day, awaitingHandover: false });
    const hall = await t.request('GET', '/api/handover/responsible', { cookie: await t.login('hall') });
    expect(hall.statusCode).toBe(200);
    expect(hall.json().shiftLeader.name).toBe('黄志强');
    expect(hall.json().officers.map((slot: Slot) => slot.name)).toContain('邓伟');
    const locked = await t.request('PUT', `/api/handover/${day}`, { cookie: leader, body: { attendedPersonIds: [] } });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.message).toMatch(/不能再修改/);
  });

  it('sign-in counts hours; others refused', async () => {
    await at(`${day}T09:00:00+08:00`);
    expect((await t.request('POST', '/api/duty-signins/sign-in', { cookie: leader })).statusCode).toBe(201);
    const twice = await t.request('POST', '/api/duty-signins/sign-in', { cookie: leader });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toMatch(/重复签到/);
    const swappedOut = await t.request('POST', '/api/duty-signins/sign-in', { cookie: officer });
    expect(swappedOut.statusCode).toBe(403);
    expect(swappedOut.json().error.message).toMatch(/不在/);
    expect((await t.request('POST', '/api/duty-signins/sign-in', { cookie: seat })).statusCode).toBe(201);

    await at(`${day}T13:00:00+08:00`);
    expect((await t.request('POST', '/api/duty-signins/sign-out', { cookie: leader })).statusCode).toBe(200);
    const board = (await t.request('GET', `/api/duty-signins?date=${day}`, { cookie: leader })).json();
    const row = board.staff.find((entry: { post: string }) => entry.post === 'shiftLeader');
    expect(row).toMatchObject({ actual: 4, onPost: false });
    const officerRow = board.staff.find((entry: { name: string }) => entry.name === '邓伟');
    expect(officerRow).toMatchObject({ actual: 4, required: 24, onPost: true });
  });

  it('demo duty day appears in the report', async () => {
    await at(`${day}T10:00:00+08:00`);
    const key = () => `dr-${Math.random().toString(36).slice(2, 12)}`;
    expect((await t.request('POST', '/api/daily-reports', { cookie: await t.login('longhua'), body: { kind: 'zero' }, headers: { 'idempotency-key': key() } })).statusCode).toBe(201);
    const items = await t.request('POST', '/api/daily-reports', {
      cookie: await t.login('xiuying'),
      headers: { 'idempotency-key': key() },
      body: { kind: 'items', items: [{ category: 'incidents', title: '辖区社区矫正对象请假外出未按时返回', content: '已联系本人，正在返回途中。' }] },
    });
    expect(items.statusCode).toBe(201);

    const roll = await t.request('POST', '/api/roll-calls', {
      cookie: officer,
      body: { calledAt: `${day}T09:45:00+08:00`, caller: '省司法厅指挥中心值班长', answeredBy: '邓伟', answers: [{ question: '请报告今天值班人员在岗在位情况。', answer: '报告完毕！' }] },
    });
    expect(roll.statusCode).toBe(201);

    await at(`${day}T15:00:00+08:00`);
    const fax = { kind: 'plain_fax', senderUnit: '海南省司法厅', urgency: 'urgent', copies: 1, attachmentTitles: [] };
    const first = await t.request('POST', '/api/documents', { cookie: officer, body: { ...fax, receivedAt: `${day}T09:15:00+08:00`, referenceNumber: '琼司传〔2026〕88号', title: '关于做好清明节期间值班工作的通知' } });
    expect(first.statusCode).toBe(201);
    const second = await t.request('POST', '/api/documents', { cookie: officer, body: { ...fax, receivedAt: `${day}T11:20:00+08:00`, referenceNumber: '琼司传〔2026〕89号', title: '关于报送一季度工作总结的通知' } });
    expect(second.statusCode).toBe(201);
    const transfer = await t.request('POST', `/api/documents/${first.json().document.id}/transfers`, { cookie: officer, body: { unitIds: [units.get('秀英区司法局')] } });
    expect(transfer.statusCode).toBe(200);

    const incident = await t.request('POST', '/api/incidents', {
      cookie: officer,
      body: {
        title: '戒毒人员突发疾病送医', unitId: units.get('秀英区司法局'), grade: 'general', channel: 'phone',
        occurredAt: `${day}T13:30:00+08:00`, discoveredAt: `${day}T13:40:00+08:00`, receivedAt: `${day}T14:00:00+08:00`,
      },
    });
    expect(incident.statusCode).toBe(201);
    const incidentId = incident.json().id as string;
    expect((await t.request('POST', `/api/incidents/${incidentId}/steps`, { cookie: officer, body: { step: 'report' } })).statusCode).toBe(201);
    expect((await t.request('POST', `/api/incidents/${incidentId}/reports`, { cookie: officer, body: { kind: 'follow_up', content: '已送医，生命体征平稳' } })).statusCode).toBe(201);

    const plan = await t.request('POST', '/api/night-checks/plans', { cookie: officer, body: { date: day } });
    expect(plan.statusCode).toBeLessThan(300);
    const sites = plan.json().sites as { siteId: string; plannedAt: string }[];
    await at(`${addDays(day, 1)}T06:10:00+08:00`);
    const problem = await t.request('POST', `/api/night-checks/plans/${day}/records`, {
      cookie: officer,
      body: { siteId: sites[0]!.siteId, checkedAt: sites[0]!.plannedAt, method: 'video', reached: true, inPost: false, findings: '值班席位无人', problem: { kind: 'off_post', description: '值班席位无人' } },
    });
    expect(problem.statusCode).toBe(201);
    const fine = await t.request('POST', `/api/night-checks/plans/${day}/records`, {
      cookie: officer,
      body: { siteId: sites[1]!.siteId, checkedAt: sites[1]!.plannedAt, method: 'phone', reached: true, answeredBy: '值班员李明', inPost: true },
    });
    expect(fine.statusCode).toBe(201);

    const free = await t.request('POST', '/api/duty-log/entries', { cookie: officer, body: { at: `${day}T16:30:00+08:00`, content: '市委政法委来人了解值班情况' } });
    expect(free.statusCode).toBe(201);
    expect(free.json().dutyDate).toBe(day);

    await at(`${addDays(day, 1)}T07:00:00+08:00`);
    const report = await t.request('GET', `/api/duty-reports/${day}`, { cookie: officer });
    expect(report.statusCode).toBe(200);
    const body = report.json();
    expect(body.status).toBe('none');
    expect(body.staffRows[2]).toEqual(['值班员', expect.stringContaining('邓伟')]);
    expect(body.staffRows[2][1]).not.toContain('王晓明');
    expect(body.staffRows[1][1]).toBe('黄志强');
    expect(sectionText(body.sections, 'staff')).toContain('在岗时长待值班日结束后核对');

    const sections = body.sections as Section[];
    const status = (await t.request('GET', `/api/daily-reports/status?date=${day}`, { cookie: officer })).json();
    expect(sectionText(sections, 'unitReports')).toContain(`应报送${status.summary.total}个单位，已报送2个单位`);
    expect(sectionText(sections, 'unitReports')).toMatch(/未报送单位：.*琼山区司法局/);
    expect(sectionText(sections, 'keyItems')).toContain('秀英区司法局报送：辖区社区矫正对象请假外出未按时返回');
    const incidents = sectionText(sections, 'incidents');
    expect(incidents).toContain('戒毒人员突发疾病送医');
    expect(incidents).toMatch(/14:00接报/);
    expect(incidents).toContain('续报1次');
    expect(incidents).toContain('首报按时完成');
    const documents = sectionText(sections, 'documents');
    expect(documents).toContain('共收文电2件');
    expect(documents).toMatch(/09:15收海南省司法厅《关于做好清明节期间值班工作的通知》/);
    expect(documents).toMatch(/11:20收海南省司法厅《关于报送一季度工作总结的通知》/);
    expect(documents).toContain('已转秀英区司法局');
    const patrols = sectionText(sections, 'patrols');
    expect(patrols).toMatch(/夜查应查\d+个点位，已查2个/);
    expect(patrols).toContain('发现问题1个');
    expect(patrols).toContain('值班席位无人');
    expect(sectionText(sections, 'rollCalls')).toBe('1. 09:45 省司法厅指挥中心值班长视频点名，邓伟应答。');
    expect(sectionText(sections, 'handover')).toContain('戒毒人员突发疾病送医');

    const log = (await t.request('GET', `/api/duty-log/${day}`, { cookie: officer })).json();
    const sources = new Set(log.entries.map((entry: { source: string }) => entry.source));
    for (const source of ['reports', 'incidents', 'documents', 'night_checks', 'roll_calls', 'free', 'handover', 'signin']) expect(sources).toContain(source);
    const times = log.entries.map((entry: { at: string }) => Date.parse(entry.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(log.groups.find((group: { source: string }) => group.source === 'night_checks').problems).toBe(1);
    const filtered = (await t.request('GET', `/api/duty-log/${day}?source=documents`, { cookie: officer })).json();
    expect(filtered.entries.every((entry: { source: string }) => entry.source === 'documents')).toBe(true);
    expect(filtered.entries.length).toBeGreaterThanOrEqual(3);
  });

  it('send needs the shift leader signature', async () => {
    await at(`${addDays(day, 1)}T07:10:00+08:00`);
    const draft = (await t.request('GET', `/api/duty-reports/${day}`, { cookie: officer })).json();
    const edited = (draft.sections as Section[]).map((section) => ({ key: section.key, text: section.key === 'handover' ? `${section.text}\n提醒当日关注清明节前信访动态。` : section.text }));

    const early = await t.request('POST', `/api/duty-reports/${day}/send`, { cookie: officer });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/值班长.*签字后才能报送/);

    const saved = await t.request('PUT', `/api/duty-reports/${day}`, { cookie: officer, body: { sections: edited } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().status).toBe('draft');
    expect(sectionText(saved.json().sections, 'handover')).toContain('提醒当日关注清明节前信访动态');

    const notSigned = await t.request('POST', `/api/duty-reports/${day}/send`, { cookie: officer });
    expect(notSigned.statusCode).toBe(409);

    const byOfficer = await t.request('POST', `/api/duty-reports/${day}/sign`, { cookie: officer });
    expect(byOfficer.statusCode).toBe(403);

    const signed = await t.request('POST', `/api/duty-reports/${day}/sign`, { cookie: leader });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({ status: 'signed', signedBy: '黄志强' });

    const editAfterSign = await t.request('PUT', `/api/duty-reports/${day}`, { cookie: officer, body: { sections: edited } });
    expect(editAfterSign.statusCode).toBe(409);
    const reviseEarly = await t.request('POST', `/api/duty-reports/${day}/revise`, { cookie: officer, body: { sections: edited } });
    expect(reviseEarly.statusCode).toBe(409);
    expect(reviseEarly.json().error.message).toMatch(/交接班会/);

    await at(`${addDays(day, 1)}T09:05:00+08:00`);
    const revisedSections = edited.map((section) => (section.key === 'keyItems' ? { ...section, text: `${section.text}\n（根据交接班会意见补充：已督促秀英区司法局核实。）` } : section));
    const revised = await t.request('POST', `/api/duty-reports/${day}/revise`, { cookie: leader, body: { sections: revisedSections } });
    expect(revised.statusCode).toBe(200);
    expect(revised.json().status).toBe('revised');
    // The duty day is over: the officer signed in at 09:00 and never signed out, 23.5 of the 24 hours.
    expect(sectionText(revised.json().generated, 'staff')).toContain('值班员邓伟在岗23.5小时，应在岗24小时');
    expect(revised.json().versions.map((version: { kind: string }) => version.kind)).toEqual(['signed', 'revised']);
    expect(sectionText(revised.json().versions[0].sections, 'keyItems')).not.toContain('交接班会意见');
    const twice = await t.request('POST', `/api/duty-reports/${day}/revise`, { cookie: leader, body: { sections: revisedSections } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toMatch(/只能修改一次/);

    const sent = await t.request('POST', `/api/duty-reports/${day}/send`, { cookie: officer });
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toMatchObject({ status: 'sent', sentTo: '局领导', sentAt: `${addDays(day, 1)}T09:05:00+08:00` });
  });

  it('another shift leader cannot sign', async () => {
    const draft = (await t.request('GET', `/api/duty-reports/${otherDay}`, { cookie: officer })).json();
    const saved = await t.request('PUT', `/api/duty-reports/${otherDay}`, { cookie: officer, body: { sections: (draft.sections as Section[]).map(({ key, text }) => ({ key, text })) } });
    expect(saved.statusCode).toBe(200);
    const refused = await t.request('POST', `/api/duty-reports/${otherDay}/sign`, { cookie: leader });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/只有当日值班长.*才能在/);
  });

  it('exports the report to Word', async () => {
    const response = await t.request('GET', `/api/duty-reports/${day}/export.docx`, { cookie: officer });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('wordprocessingml');
    expect(response.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('my duty lists the shift leader tasks', async () => {
    await at(`${day}T15:45:00+08:00`);
    const response = await t.request('GET', `/api/my-duty`, { cookie: leader });
    expect(response.statusCode).toBe(200);
    const mine = response.json();
    expect(mine.date).toBe(day);
    expect(mine.posts.map((post: { post: string }) => post.post)).toEqual(['shiftLeader']);
    const tasks = mine.posts[0].tasks as { key: string; status: string }[];
    expect(tasks.find((task) => task.key === 'handover')!.status).toBe('done');
    expect(tasks.find((task) => task.key === 'sign-report')!.status).toBe('done');
  });

  it('bad input gets Chinese 4xx', async () => {
    const badDate = await t.request('GET', '/api/duty-reports/2026-13-01', { cookie: officer });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.message).toMatch(/日期/);
    const empty = await t.request('POST', '/api/duty-log/entries', { cookie: officer, body: { content: '' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toMatch(/记事内容/);
    const future = await t.request('POST', '/api/duty-log/entries', { cookie: officer, body: { content: '来访', at: '2030-01-01T00:00:00+08:00' } });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.message).toMatch(/「时间」不能晚于当前时间/);
    const wrongSections = await t.request('PUT', `/api/duty-reports/${addDays(day, 3)}`, { cookie: officer, body: { sections: [{ key: 'staff', text: '只有一栏' }] } });
    expect(wrongSections.statusCode).toBe(400);
    expect(wrongSections.json().error.message).toMatch(/「报告栏目」/);
    const noAccess = await t.request('GET', `/api/duty-reports/${day}`, { cookie: await t.login('longhua') });
    expect(noAccess.statusCode).toBe(403);
    const unknownAttendee = await t.request('PUT', `/api/handover/${addDays(day, 5)}`, { cookie: leader, body: { attendedPersonIds: ['no-such-person'] } });
    expect(unknownAttendee.statusCode).toBe(409);
    expect(unknownAttendee.json().error.message).toMatch(/不在本次交接班会的应参加人员中/);
    const notSignedIn = await t.request('POST', '/api/duty-signins/sign-out', { cookie: officer });
    expect(notSignedIn.statusCode).toBe(409);
    expect(notSignedIn.json().error.message).toMatch(/请先签到/);
    const confirmedTwice = await t.request('POST', `/api/handover/${day}/confirm`, { cookie: leader });
    expect(confirmedTwice.statusCode).toBe(409);
    expect(confirmedTwice.json().error.message).toMatch(/请勿重复确认/);
  });
});
