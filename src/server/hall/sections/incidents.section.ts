import { INCIDENT_GRADE_LABELS } from '../../../domain/incidents/index.js';
import { formatInstant } from '../../../domain/time.js';
import { deadlinesOf, delayText, missingElementsOf } from '../../incidents/incident-model.js';
import { INCIDENT_STATUS_LABELS } from '../../incidents/incident-workflow.js';
import type { HallSectionProvider } from '../sections.js';

const gradeRank = { especially_major: 0, major: 1, larger: 2, general: 3 } as const;

/** Open incidents with the next open deadline of each, the most serious first. */
export const incidentsSection: HallSectionProvider = {
  key: 'incidents',
  title: '在办突发案事件',
  async load(ctx, db) {
    const tz = ctx.config.timeZone;
    const rows = await db
      .selectFrom('incidents')
      .innerJoin('units', 'units.id', 'incidents.unit_id')
      .selectAll('incidents')
      .select('units.name as unit_name')
      .where('incidents.status', '!=', 'archived')
      .orderBy('incidents.received_at', 'desc')
      .limit(50)
      .execute();
    const items = rows.map((row) => {
      const next = deadlinesOf(row)
        .filter((deadline) => !deadline.doneAt)
        .sort((a, b) => a.due.localeCompare(b.due))[0];
      return {
        id: row.id,
        title: row.title,
        unitName: row.unit_name,
        grade: row.grade,
        gradeLabel: INCIDENT_GRADE_LABELS[row.grade],
        status: row.status,
        statusLabel: INCIDENT_STATUS_LABELS[row.status],
        receivedAt: formatInstant(new Date(row.received_at), tz),
        lateLabel: row.reported_late ? `迟报${delayText(row.delay_minutes)}` : null,
        missingElements: missingElementsOf(row),
        nextDeadline: next ? { kind: next.kind, label: next.label, due: formatInstant(new Date(next.due), tz) } : null,
      };
    });
    items.sort((a, b) => gradeRank[a.grade] - gradeRank[b.grade] || (a.nextDeadline?.due ?? '9').localeCompare(b.nextDeadline?.due ?? '9'));
    return { total: items.length, items };
  },
};
