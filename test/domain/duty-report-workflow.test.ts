import { describe, expect, it } from 'vitest';
import { dutyTasks, onSiteHours, onSiteShortfalls, planHandover, type DutyFacts } from '../../src/domain/duty-report/index.js';
import { dutyDayBounds } from '../../src/domain/time.js';

const TZ = 'Asia/Shanghai';
const none: DutyFacts = {
  handoverConfirmed: false,
  reportsCollected: false,
  bulletinReviewed: false,
  provinceReported: false,
  rollCallsAt: [],
  nightChecksPlanned: 0,
  nightChecksDone: 0,
  reportDrafted: false,
  reportSigned: false,
};

function tasks(post: 'commander' | 'shiftLeader' | 'officer', now: string, dayType: 'workday' | 'holiday' = 'workday', facts: Partial<DutyFacts> = {}) {
  return dutyTasks({ post, date: '2026-03-10', dayType, timeZone: TZ, handoverTime: '08:30', now: new Date(now), facts: { ...none, ...facts } });
}

describe('dutyTasks', () => {
  it('15:30 collection is overdue at 15:45', () => {
    const list = tasks('officer', '2026-03-10T15:45:00+08:00', 'workday', { handoverConfirmed: true });
    const status = Object.fromEntries(list.map((task) => [task.key, task.status]));
    expect(status).toEqual({ handover: 'done', collect: 'overdue', province: 'due', 'night-checks': 'upcoming', 'draft-report': 'upcoming' });
  });

  it('done collection stays done', () => {
    const list = tasks('officer', '2026-03-10T15:45:00+08:00', 'workday', { reportsCollected: true });
    expect(list.find((task) => task.key === 'collect')!.status).toBe('done');
    expect(list.find((task) => task.key === 'handover')!.status).toBe('overdue');
  });

  it('lists tasks in time order', () => {
    const list = tasks('officer', '2026-03-10T09:00:00+08:00');
    const dues = list.map((task) => Date.parse(task.due));
    expect([...dues].sort((a, b) => a - b)).toEqual(dues);
    expect(list[0]!.key).toBe('handover');
    expect(list.at(-1)!.key).toBe('draft-report');
  });

  it('holiday adds roll-call windows', () => {
    const list = tasks('commander', '2026-03-10T12:00:00+08:00', 'holiday', { rollCallsAt: ['2026-03-10T10:05:00+08:00'] });
    const calls = list.filter((task) => task.key.startsWith('roll-call'));
    expect(calls.map((task) => task.status)).toEqual(['done', 'upcoming', 'upcoming']);
    expect(list[0]!.key).toBe('handover');
  });

  it('workday commander has no handover task', () => {
    expect(tasks('commander', '2026-03-10T12:00:00+08:00')).toEqual([]);
  });

  it('night checks done by coverage', () => {
    const open = tasks('officer', '2026-03-11T03:00:00+08:00', 'workday', { nightChecksPlanned: 4, nightChecksDone: 2 });
    expect(open.find((task) => task.key === 'night-checks')).toMatchObject({ status: 'due', detail: '已查 2/4 个点位' });
    const closed = tasks('officer', '2026-03-11T07:00:00+08:00', 'workday', { nightChecksPlanned: 4, nightChecksDone: 4 });
    expect(closed.find((task) => task.key === 'night-checks')!.status).toBe('done');
  });

  it('shift leader signs before next handover', () => {
    const list = tasks('shiftLeader', '2026-03-11T08:31:00+08:00');
    expect(list.find((task) => task.key === 'sign-report')!.status).toBe('overdue');
  });
});

describe('onSiteHours', () => {
  const bounds = dutyDayBounds('2026-03-14', TZ, '08:30');

  it('sums periods and counts overlaps once', () => {
    const hours = onSiteHours([
      { signedInAt: '2026-03-14T08:30:00+08:00', signedOutAt: '2026-03-14T12:00:00+08:00' },
      { signedInAt: '2026-03-14T11:00:00+08:00', signedOutAt: '2026-03-14T14:00:00+08:00' },
    ], bounds, new Date('2026-03-15T09:00:00+08:00'));
    expect(hours).toBe(5.5);
  });

  it('clips to the duty day and counts an open period to now', () => {
    const hours = onSiteHours([
      { signedInAt: '2026-03-14T07:30:00+08:00', signedOutAt: '2026-03-14T09:30:00+08:00' },
      { signedInAt: '2026-03-14T20:00:00+08:00', signedOutAt: null },
    ], bounds, new Date('2026-03-14T22:15:00+08:00'));
    expect(hours).toBe(3.25);
  });

  it('shortfall of a weekend shift leader', () => {
    const periods = new Map([['p1', [{ signedInAt: '2026-03-14T08:30:00+08:00', signedOutAt: '2026-03-14T14:30:00+08:00' }]]]);
    const rows = onSiteShortfalls(
      [{ post: 'shiftLeader', personId: 'p1', name: '黄志强' }, { post: 'commander', personId: 'p2', name: '陈建国' }],
      periods,
      { commander: 0, shiftLeader: 8, officer: 24 },
      bounds,
      new Date('2026-03-15T08:30:00+08:00'),
    );
    expect(rows[0]).toMatchObject({ actual: 6, required: 8, shortfall: 2 });
    expect(rows[1]).toMatchObject({ actual: 0, required: 0, shortfall: 0 });
  });
});

describe('planHandover', () => {
  const previous = { commander: { personId: 'c1', name: '陈建国' }, shiftLeader: { personId: 'l1', name: '黄志强' }, officers: [{ personId: 'o1', name: '王晓明' }] };
  const current = { commander: { personId: 'c2', name: '林海' }, shiftLeader: { personId: 'l2', name: '周敏' }, officers: [{ personId: 'o2', name: '邓伟' }] };

  it('ordinary day: leaders and officers, shift leader chairs', () => {
    const plan = planHandover('workday', previous, current);
    expect(plan.participants.map((person) => person.label)).toEqual(['前日值班长', '前日值班员', '当日值班长', '当日值班员']);
    expect(plan.chair).toEqual({ personId: 'l2', name: '周敏', label: '当日值班长' });
    expect(plan.commanderLed).toBe(false);
  });

  it('holiday: both commanders, commander chairs', () => {
    const plan = planHandover('holiday', previous, current);
    expect(plan.participants.map((person) => person.name)).toEqual(['陈建国', '黄志强', '王晓明', '林海', '周敏', '邓伟']);
    expect(plan.chair).toMatchObject({ name: '林海', label: '当日指挥长' });
  });

  it('sensitive day without a commander falls back to the shift leader', () => {
    const plan = planHandover('sensitive', previous, { ...current, commander: null });
    expect(plan.chair).toMatchObject({ name: '周敏', label: '当日值班长' });
  });
});
