/**
 * The duty log (值班日志): entries from every module, assembled at read time.
 * This file contains the composition only (filter, merge, sort, group).
 */

/** Module an entry comes from; `free` is an entry the officer typed in. */
export type DutyLogSource =
  | 'reports'
  | 'bulletins'
  | 'instructions'
  | 'incidents'
  | 'documents'
  | 'phone_records'
  | 'patrols'
  | 'night_checks'
  | 'roll_calls'
  | 'seats'
  | 'platform_checks'
  | 'handover'
  | 'signin'
  | 'free';

export const DUTY_LOG_SOURCE_LABELS: Readonly<Record<DutyLogSource, string>> = {
  reports: '要情报送',
  bulletins: '司法要情',
  instructions: '领导批示',
  incidents: '突发案事件',
  documents: '文电',
  phone_records: '电话记录',
  patrols: '视频巡查',
  night_checks: '夜查',
  roll_calls: '视频点名',
  seats: '联合坐席',
  platform_checks: '平台检查',
  handover: '交接班',
  signin: '签到签退',
  free: '其他事项',
};

export interface DutyLogEntry {
  /** Instant of the event, ISO 8601. */
  at: string;
  source: DutyLogSource;
  /** Name of the person who acted, null when the system acted. */
  who: string | null;
  /** Chinese description of what happened. */
  what: string;
  /** Web path of the record, null for free entries without a record. */
  link: string | null;
  /** True when the entry reports a problem (a missed deadline, a finding of a night check). */
  problem?: boolean;
}

export interface DutyLogGroup {
  source: DutyLogSource;
  label: string;
  count: number;
  problems: number;
}

export interface ComposedDutyLog {
  entries: DutyLogEntry[];
  groups: DutyLogGroup[];
}

export interface DutyLogFilter {
  sources?: readonly DutyLogSource[];
  /** Case-sensitive text searched in `what` and `who`. */
  text?: string;
}

/**
 * Composes the log of one duty day: keeps the entries inside [start, end),
 * merges duplicates (the same source, instant, text and link reported by two
 * collectors), sorts by time (ties keep the collectors' order) and counts the
 * entries per source.
 */
export function composeDutyLog(
  entries: readonly DutyLogEntry[],
  bounds: { start: Date; end: Date },
  filter: DutyLogFilter = {},
): ComposedDutyLog {
  const seen = new Set<string>();
  const kept: { entry: DutyLogEntry; time: number; order: number }[] = [];
  entries.forEach((entry, order) => {
    const time = Date.parse(entry.at);
    if (Number.isNaN(time) || time < bounds.start.getTime() || time >= bounds.end.getTime()) return;
    const key = `${entry.source}|${time}|${entry.what}|${entry.link ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    kept.push({ entry, time, order });
  });
  kept.sort((a, b) => a.time - b.time || a.order - b.order);

  const all = kept.map((item) => item.entry);
  const groups = new Map<DutyLogSource, DutyLogGroup>();
  for (const entry of all) {
    const group = groups.get(entry.source) ?? { source: entry.source, label: DUTY_LOG_SOURCE_LABELS[entry.source], count: 0, problems: 0 };
    group.count += 1;
    if (entry.problem) group.problems += 1;
    groups.set(entry.source, group);
  }

  const sources = filter.sources && filter.sources.length > 0 ? new Set(filter.sources) : null;
  const text = filter.text?.trim() ?? '';
  const shown = all.filter((entry) => {
    if (sources && !sources.has(entry.source)) return false;
    if (text && !entry.what.includes(text) && !(entry.who ?? '').includes(text)) return false;
    return true;
  });
  return { entries: shown, groups: [...groups.values()] };
}
