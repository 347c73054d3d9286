/**
 * The command hall screen is built from section providers, one per module.
 * A module joins the screen by adding its provider to `hallSections` with
 * one line; the screen shows the sections in this order.
 */
import type { AppContext } from '../context.js';
import type { Executor } from '../db/database.js';
import { deadlinesSection } from './sections/deadlines.section.js';
import { documentsSection } from './sections/documents.section.js';
import { dutySection } from './sections/duty.section.js';
import { incidentsSection } from './sections/incidents.section.js';
import { patrolsSection } from './sections/patrols.section.js';
import { reportsSection } from './sections/reports.section.js';
import { weekSection } from './sections/week.section.js';

/** The moment the screen shows: now, the duty day it falls in and the calendar date. */
export interface HallMoment {
  now: Date;
  dutyDate: string;
  today: string;
}

export interface HallSectionProvider {
  /** Stable key the web screen renders by, e.g. `incidents`. */
  key: string;
  /** Chinese heading of the section. */
  title: string;
  load(ctx: AppContext, db: Executor, moment: HallMoment): Promise<unknown>;
}

export const hallSections: HallSectionProvider[] = [
  dutySection,
  reportsSection,
  incidentsSection,
  documentsSection,
  patrolsSection,
  deadlinesSection,
  weekSection,
];
