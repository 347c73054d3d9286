import { dutyDateOf, zonedParts } from '../../domain/time.js';
import type { AppContext } from '../context.js';
import { hallSections, type HallMoment } from './sections.js';

export interface HallSection {
  key: string;
  title: string;
  data: unknown;
  /** Chinese message when this section could not be loaded; the other sections still show. */
  error: string | null;
}

export interface HallOverview {
  generatedAt: string;
  dutyDate: string;
  sections: HallSection[];
}

/** Loads every registered section; a failing section is reported in place so the screen keeps the rest. */
export async function hallOverview(ctx: AppContext): Promise<HallOverview> {
  const now = ctx.clock.now();
  const moment: HallMoment = {
    now,
    dutyDate: dutyDateOf(now, ctx.config.timeZone, ctx.config.handoverTime),
    today: zonedParts(now, ctx.config.timeZone).date,
  };
  const sections = await Promise.all(
    hallSections.map(async (section): Promise<HallSection> => {
      try {
        return { key: section.key, title: section.title, data: await section.load(ctx, ctx.db.kysely, moment), error: null };
      } catch (error) {
        ctx.log.error({ err: error, section: section.key }, 'hall section failed to load');
        return { key: section.key, title: section.title, data: null, error: '该栏目暂时无法加载，请稍后刷新。' };
      }
    }),
  );
  return { generatedAt: now.toISOString(), dutyDate: moment.dutyDate, sections };
}
