import { formatInstant } from '../../../domain/time.js';
import { pendingSignatures } from '../../documents/documents.reminders.js';
import type { HallSectionProvider } from '../sections.js';

const SHOWN = 8;

/** Documents transferred to units and still waiting for their signature. */
export const documentsSection: HallSectionProvider = {
  key: 'documents',
  title: '待签收文电',
  async load(ctx, db) {
    const pending = await pendingSignatures(ctx, db);
    return {
      total: pending.length,
      urgent: pending.filter((item) => item.urgent).length,
      items: pending.slice(0, SHOWN).map((item) => ({
        id: item.transferId,
        serial: item.serial,
        title: item.title,
        unitName: item.unitName,
        urgent: item.urgent,
        notifiedAt: formatInstant(new Date(item.notifiedAt), ctx.config.timeZone),
        minutesWaiting: item.minutesWaiting,
      })),
    };
  },
};
