/**
 * "My duty today": the tasks of the commander, the shift leader and the
 * officer in their daily workflows, each marked done, due, overdue or
 * upcoming from the recorded data and the clock passed in.
 */
import type { DayType } from '../calendar/index.js';
import { addDays, zonedInstant } from '../time.js';
import type { DutyPost } from './on-site-hours.js';

export type TaskStatus = 'done' | 'due' | 'overdue' | 'upcoming';

export const TASK_STATUS_LABELS: Readonly<Record<TaskStatus, string>> = {
  done: '已完成',
  due: '进行中',
  overdue: '已超时',
  upcoming: '未开始',
};

export interface DutyFacts {
  handoverConfirmed: boolean;
  /** All units reported, or the missing units were reminded. */
  reportsCollected: boolean;
  bulletinReviewed: boolean;
  /** The day's 《司法要情》 was sent to the province. */
  provinceReported: boolean;
  /** Instants of the roll calls recorded this duty day. */
  rollCallsAt: readonly string[];
  nightChecksPlanned: number;
  nightChecksDone: number;
  reportDrafted: boolean;
  reportSigned: boolean;
}

export interface DutyTaskInput {
  post: DutyPost;
  date: string;
  dayType: DayType;
  timeZone: string;
  handoverTime: string;
  now: Date;
  facts: DutyFacts;
}

export interface DutyTask {
  key: string;
  title: string;
  detail: string;
  start: string;
  due: string;
  status: TaskStatus;
  /** Web path where the task is done. */
  link: string;
}

interface TaskSpec {
  key: string;
  title: string;
  detail: string;
  start: Date;
  due: Date;
  done: boolean;
  link: string;
}

/** Roll-call windows of holidays and sensitive days. */
const ROLL_CALL_WINDOWS = [
  ['09:30', '11:30'],
  ['15:00', '17:00'],
  ['21:00', '23:00'],
] as const;

function statusOf(spec: TaskSpec, now: Date): TaskStatus {
  if (spec.done) return 'done';
  if (now.getTime() >= spec.due.getTime()) return 'overdue';
  if (now.getTime() >= spec.start.getTime()) return 'due';
  return 'upcoming';
}

/** Lists the post's tasks of the duty day in time order. */
export function dutyTasks(input: DutyTaskInput): DutyTask[] {
  const { date, timeZone, facts, post } = input;
  const at = (day: string, time: string) => zonedInstant(day, time, timeZone);
  const next = addDays(date, 1);
  const special = input.dayType === 'holiday' || input.dayType === 'sensitive';
  const handoverEnd = new Date(at(date, input.handoverTime).getTime() + 30 * 60_000);
  const specs: TaskSpec[] = [];

  const handoverTitles: Record<DutyPost, string> = {
    commander: '主持交接班会',
    shiftLeader: '参加交接班会，接班',
    officer: '参加交接班会，做好交接班记录',
  };
  const handoverTitle = handoverTitles[post];
  if (post !== 'commander' || special) {
    specs.push({ key: 'handover', title: handoverTitle, detail: '当日值班人员在系统中确认接班后，方由当日一班负责', start: at(date, input.handoverTime), due: handoverEnd, done: facts.handoverConfirmed, link: '/handover' });
  }

  if (post === 'officer') {
    specs.push({ key: 'collect', title: '收集各单位要情信息', detail: '15:30 前收集齐各单位报送，未报单位及时催报，报值班长审核', start: at(date, input.handoverTime), due: at(date, '15:30'), done: facts.reportsCollected, link: '/daily-reports/status' });
    specs.push({ key: 'province', title: '向省司法厅指挥中心报告要情', detail: '16:00 前报送当日《司法要情》', start: at(date, '15:30'), due: at(date, '16:00'), done: facts.provinceReported, link: '/bulletins' });
  }
  if (post === 'shiftLeader') {
    specs.push({ key: 'review', title: '审核要情信息', detail: '审核值班员收集的重要情况信息后报省厅', start: at(date, '15:30'), due: at(date, '16:00'), done: facts.bulletinReviewed || facts.provinceReported, link: '/bulletins' });
  }

  if (special && post !== 'shiftLeader') {
    for (const [from, to] of ROLL_CALL_WINDOWS) {
      const start = at(date, from);
      const due = at(date, to);
      const done = facts.rollCallsAt.some((value) => {
        const time = Date.parse(value);
        return time >= start.getTime() && time <= due.getTime();
      });
      specs.push({ key: `roll-call-${from}`, title: `响应视频点名（${from}—${to}）`, detail: '法定节假日和重要敏感时期响应省司法厅视频点名', start, due, done, link: '/roll-calls' });
    }
  }

  if (post === 'officer') {
    const planned = facts.nightChecksPlanned;
    specs.push({
      key: 'night-checks',
      title: '夜查',
      detail: planned > 0 ? `已查 ${facts.nightChecksDone}/${planned} 个点位` : '24:00 至次日 06:00 不定时夜查',
      start: at(next, '00:00'),
      due: at(next, '06:00'),
      done: planned > 0 && facts.nightChecksDone >= planned,
      link: '/night-checks',
    });
    specs.push({ key: 'draft-report', title: '起草《值班报告》', detail: '汇总值班情况、夜查情况，起草值班报告并填写值班日志', start: at(next, '00:00'), due: at(next, '08:00'), done: facts.reportDrafted, link: `/duty-report?date=${date}` });
  }
  if (post === 'shiftLeader') {
    specs.push({ key: 'sign-report', title: '审核并签字《值班报告》', detail: '交接班会前审核值班员起草的值班报告并签字', start: at(next, '00:00'), due: at(next, input.handoverTime), done: facts.reportSigned, link: `/duty-report?date=${date}` });
  }

  return specs
    .sort((a, b) => a.due.getTime() - b.due.getTime())
    .map((spec) => ({
      key: spec.key,
      title: spec.title,
      detail: spec.detail,
      start: spec.start.toISOString(),
      due: spec.due.toISOString(),
      status: statusOf(spec, input.now),
      link: spec.link,
    }));
}
