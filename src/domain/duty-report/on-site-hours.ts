/** On-site hours (在岗时长) from sign-ins, checked against the duty level's requirement. */

export type DutyPost = 'commander' | 'shiftLeader' | 'officer';

export const DUTY_POST_LABELS: Readonly<Record<DutyPost, string>> = {
  commander: '值班指挥长',
  shiftLeader: '值班长',
  officer: '值班员',
};

export interface SignInPeriod {
  signedInAt: string;
  /** Null while the person is still signed in. */
  signedOutAt: string | null;
}

/**
 * Returns the hours signed in within [start, end), counting an open period up
 * to `now` and counting overlapping periods once.
 */
export function onSiteHours(periods: readonly SignInPeriod[], bounds: { start: Date; end: Date }, now: Date): number {
  const limit = Math.min(bounds.end.getTime(), now.getTime());
  const spans = periods
    .map((period) => {
      const from = Math.max(Date.parse(period.signedInAt), bounds.start.getTime());
      const to = Math.min(period.signedOutAt ? Date.parse(period.signedOutAt) : limit, limit);
      return [from, to] as const;
    })
    .filter(([from, to]) => to > from)
    .sort((a, b) => a[0] - b[0]);

  let total = 0;
  let cursorEnd = -Infinity;
  for (const [from, to] of spans) {
    const start = Math.max(from, cursorEnd);
    if (to > start) total += to - start;
    cursorEnd = Math.max(cursorEnd, to);
  }
  return Math.round((total / 3_600_000) * 100) / 100;
}

export interface PostHours {
  post: DutyPost;
  personId: string;
  name: string;
  required: number;
  actual: number;
  /** Hours still missing; 0 when the requirement is met or none applies. */
  shortfall: number;
}

/** Computes each duty person's hours and shortfall against `required` (hours by post). */
export function onSiteShortfalls(
  staff: readonly { post: DutyPost; personId: string; name: string }[],
  periodsByPerson: ReadonlyMap<string, readonly SignInPeriod[]>,
  required: Readonly<Record<DutyPost, number>>,
  bounds: { start: Date; end: Date },
  now: Date,
): PostHours[] {
  return staff.map((person) => {
    const actual = onSiteHours(periodsByPerson.get(person.personId) ?? [], bounds, now);
    const need = required[person.post];
    return { ...person, required: need, actual, shortfall: Math.max(0, Math.round((need - actual) * 100) / 100) };
  });
}

/** Words a shortfall for the duty report, e.g. 值班长张三在岗6小时，应在岗8小时. */
export function shortfallLine(hours: PostHours): string {
  return `${DUTY_POST_LABELS[hours.post]}${hours.name}在岗${hours.actual}小时，应在岗${hours.required}小时`;
}
