import { DOCUMENT_EVENT_LABELS } from '../../../domain/documents/labels.js';
import type { DutyLogEntry } from '../../../domain/duty-report/index.js';
import type { DutyLogCollector } from '../collector.js';

/** Documents registered, reported, transferred, signed; phone records as their own source. */
export const documentsCollector: DutyLogCollector = {
  name: 'documents',
  async collect(_ctx, db, range) {
    const events = await db
      .selectFrom('document_events')
      .innerJoin('documents', 'documents.id', 'document_events.document_id')
      .leftJoin('units', 'units.id', 'document_events.unit_id')
      .select([
        'document_events.document_id',
        'document_events.at',
        'document_events.kind',
        'document_events.actor_name',
        'document_events.text',
        'documents.title',
        'documents.kind as document_kind',
        'documents.sender_unit',
        'units.name as unit_name',
      ])
      .where('document_events.at', '>=', range.from)
      .where('document_events.at', '<', range.to)
      .execute();
    const entries: DutyLogEntry[] = [];
    for (const event of events) {
      const isPhone = event.document_kind === 'phone_record';
      const target = event.unit_name ? `（${event.unit_name}）` : '';
      const what = isPhone && event.kind === 'registered'
        ? `记录${event.sender_unit}来电：${event.title}`
        : `${DOCUMENT_EVENT_LABELS[event.kind]}${target}《${event.title}》`;
      entries.push({
        at: event.at,
        source: isPhone ? 'phone_records' : 'documents',
        who: event.actor_name,
        what,
        link: isPhone ? `/phone-records?id=${event.document_id}` : `/documents/${event.document_id}`,
      });
    }
    return entries;
  },
};
