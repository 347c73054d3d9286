/** Turns a major-incident phone record into an incident in one step, through the incidents module's intake. */
import type { SessionUser } from '../auth/sessions.js';
import type { AppContext } from '../context.js';
import { invalidField, invalidState } from '../errors.js';
import type { Operator } from '../documents/documents.service.js';
import { createIncident } from '../incidents/incidents.service.js';
import { incidentDraftOf, markConvertedToIncident } from './phone-records.service.js';

/** Placeholder stored while the incident is being created, so a second click cannot create a second incident. */
const CONVERTING = 'converting';

export async function convertToIncident(ctx: AppContext, user: SessionUser, operator: Operator, id: string): Promise<{ incidentId: string }> {
  const draft = await incidentDraftOf(ctx, ctx.db.kysely, id);
  if (!draft.unitId) throw invalidField('来电单位', '转为突发案事件前，请在电话记录中选择来电单位（本系统单位）');

  const claimed = await ctx.db.kysely.updateTable('phone_records').set({ incident_id: CONVERTING }).where('document_id', '=', id).where('incident_id', 'is', null).executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) throw invalidState(`电话记录 ${draft.sourceSerial} 已转为或正在转为突发案事件，请勿重复操作。`);

  let incidentId: string;
  try {
    const incident = await createIncident(ctx, user, operator.actor, {
      title: draft.title,
      unitId: draft.unitId,
      grade: draft.grade,
      occurredAt: draft.occurredAt,
      discoveredAt: draft.discoveredAt,
      receivedAt: draft.receivedAt,
      channel: draft.channel,
      reporterName: draft.reporterName,
      reporterContact: draft.reporterPhone,
      facts: draft.facts,
      measures: draft.measures,
    });
    incidentId = incident.id;
  } catch (error) {
    await ctx.db.kysely.updateTable('phone_records').set({ incident_id: null }).where('document_id', '=', id).where('incident_id', '=', CONVERTING).execute();
    throw error;
  }

  const now = ctx.clock.now();
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await trx.updateTable('phone_records').set({ incident_id: null }).where('document_id', '=', id).where('incident_id', '=', CONVERTING).execute();
    await markConvertedToIncident(trx, operator, id, incidentId, draft.sourceSerial, now);
  });
  ctx.log.info({ documentId: id, incidentId }, 'phone record converted to an incident');
  return { incidentId };
}
