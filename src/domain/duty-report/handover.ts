/** Participants and chair of the daily handover meeting (交接班会). */
import type { DayType } from '../calendar/index.js';
import type { DutyPost } from './on-site-hours.js';

export interface StaffOfDay {
  commander: { personId: string; name: string } | null;
  shiftLeader: { personId: string; name: string } | null;
  officers: { personId: string; name: string }[];
}

export interface HandoverParticipant {
  personId: string;
  name: string;
  post: DutyPost;
  /** 'previous' hands over, 'current' takes over. */
  shift: 'previous' | 'current';
  /** Chinese role label, e.g. 前日值班长. */
  label: string;
}

export interface HandoverPlan {
  participants: HandoverParticipant[];
  chair: { personId: string; name: string; label: string } | null;
  /** True when the commanders attend and one of them chairs. */
  commanderLed: boolean;
}

const POST_LABELS: Record<DutyPost, string> = { commander: '指挥长', shiftLeader: '值班长', officer: '值班员' };

/**
 * Plans the meeting of a duty day. On ordinary days the previous and current
 * shift leaders and officers attend, and the current shift leader chairs. On
 * holidays and in sensitive periods both commanders attend too, and the
 * current commander chairs, or the current shift leader when no commander is
 * on the roster.
 */
export function planHandover(dayType: DayType, previous: StaffOfDay, current: StaffOfDay): HandoverPlan {
  const commanderLed = dayType === 'holiday' || dayType === 'sensitive';
  const participants: HandoverParticipant[] = [];
  const add = (person: { personId: string; name: string } | null, post: DutyPost, shift: 'previous' | 'current') => {
    if (!person) return;
    if (participants.some((existing) => existing.personId === person.personId && existing.shift === shift)) return;
    participants.push({ ...person, post, shift, label: `${shift === 'previous' ? '前日' : '当日'}${POST_LABELS[post]}` });
  };
  for (const [staff, shift] of [[previous, 'previous'], [current, 'current']] as const) {
    if (commanderLed) add(staff.commander, 'commander', shift);
    add(staff.shiftLeader, 'shiftLeader', shift);
    for (const officer of staff.officers) add(officer, 'officer', shift);
  }

  const chairPerson = commanderLed && current.commander ? current.commander : current.shiftLeader;
  const chairLabel = commanderLed && current.commander ? '当日指挥长' : '当日值班长';
  return { participants, chair: chairPerson ? { ...chairPerson, label: chairLabel } : null, commanderLed };
}
