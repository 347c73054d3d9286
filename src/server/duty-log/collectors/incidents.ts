import type { DutyLogEntry } from '../../../domain/duty-report/index.js';
import { timelineLabel } from '../../incidents/incident-workflow.js';
import type { DutyLogCollector } from '../collector.js';

/** Incidents received and each recorded step and report. */
export const incidentsCollector: DutyLogCollector = {
  name: 'incidents',
  async collect(_ctx, db, range) {
    const entries: DutyLogEntry[] = [];
    const steps = await db
      .selectFrom('incident_steps')
      .innerJoin('incidents', 'incidents.id', 'incident_steps.incident_id')
      .select(['incident_steps.incident_id', 'incident_steps.kind', 'incident_steps.at', 'incident_steps.actor_name', 'incident_steps.note', 'incidents.title'])
      .where('incident_steps.at', '>=', range.from)
      .where('incident_steps.at', '<', range.to)
      .execute();
    for (const step of steps) {
      const note = step.note ? `（${step.note}）` : '';
      entries.push({ at: step.at, source: 'incidents', who: step.actor_name, what: `${step.title}：${timelineLabel(step.kind)}${note}`, link: `/incidents/${step.incident_id}` });
    }

    const reports = await db
      .selectFrom('incident_reports')
      .innerJoin('incidents', 'incidents.id', 'incident_reports.incident_id')
      .select(['incident_reports.incident_id', 'incident_reports.label', 'incident_reports.reported_at', 'incident_reports.created_by_name', 'incidents.title'])
      .where('incident_reports.reported_at', '>=', range.from)
      .where('incident_reports.reported_at', '<', range.to)
      .execute();
    for (const report of reports) {
      entries.push({ at: report.reported_at, source: 'incidents', who: report.created_by_name, what: `${report.title}：${report.label}`, link: `/incidents/${report.incident_id}` });
    }
    return entries;
  },
};
