import { formatInstant } from '../../../domain/time.js';
import { deadlinesOf } from '../../incidents/incident-model.js';
import { rollCallStatus } from '../../roll-calls/roll-calls.service.js';
import type { AppContext } from '../../context.js';
import type { Executor } from '../../db/database.js';
import type { HallSectionProvider } from '../sections.js';

const SHOWN = 8;
// Roll-call windows change only with the calendar and settings, and computing
// them takes about 10 ms on SQLite, so one result serves the screens for 30 s.
const ROLL_CALL_CACHE_MS = 30_000;

type RollCallStatus = Awaited<ReturnType<typeof rollCallStatus>>;
let cachedRollCall: { at: number; ctx: AppContext; value: RollCallStatus } | null = null;

async function cachedRollCallStatus(ctx: AppContext, db: Executor, now: Date): Promise<RollCallStatus> {
  const fresh = cachedRollCall && cachedRollCall.ctx === ctx && Math.abs(now.getTime() - cachedRollCall.at) < ROLL_CALL_CACHE_MS;
  if (fresh) return cachedRollCall!.value;
  const value = await rollCallStatus(ctx, db, now);
  cachedRollCall = { at: now.getTime(), ctx, value };
  return value;
}

/** The next deadlines of open incidents and the current or next roll-call window. */
export const deadlinesSection: HallSectionProvider = {
  key: 'deadlines',
  title: '临近时限与视频点名',
  async load(ctx, db, moment) {
    const tz = ctx.config.timeZone;
    const rows = await db
      .selectFrom('incidents')
      .selectAll()
      .where('status', '!=', 'archived')
      .where((eb) => eb.or([eb('written_report_at', 'is', null), eb('verified_at', 'is', null), eb('next_follow_up_due', 'is not', null)]))
      .execute();
    const incidentDeadlines = rows.flatMap((row) =>
      deadlinesOf(row)
        .filter((deadline) => !deadline.doneAt)
        .map((deadline) => ({ kind: `incident.${deadline.kind}`, label: `「${row.title}」${deadline.label}`, at: formatInstant(new Date(deadline.due), tz), incidentId: row.id })),
    );
    const rollCall = await cachedRollCallStatus(ctx, db, moment.now);
    return {
      items: incidentDeadlines.sort((a, b) => a.at.localeCompare(b.at)).slice(0, SHOWN),
      rollCall: { open: rollCall.open, next: rollCall.next },
    };
  },
};
