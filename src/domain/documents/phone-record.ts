/**
 * Rules of phone records (电话记录). The regulations require a phone record of
 * a major incident to keep the caller's name and number, the time, the
 * receiver's name and the full content. This system also requires the
 * caller's unit and position and the handling opinion, result and handler.
 */

export interface PhoneRecordFields {
  callerUnit: string | null;
  callerName: string | null;
  callerPosition: string | null;
  callerPhone: string | null;
  receiverName: string | null;
  content: string | null;
  handlingOpinion: string | null;
  handlingResult: string | null;
  handlerName: string | null;
}

export const PHONE_RECORD_FIELD_LABELS: Record<keyof PhoneRecordFields, string> = {
  callerUnit: '来电单位',
  callerName: '来电人姓名',
  callerPosition: '来电人职务',
  callerPhone: '来电号码',
  receiverName: '受话人',
  content: '通话内容',
  handlingOpinion: '处理意见',
  handlingResult: '处理结果',
  handlerName: '经办人',
};

/** Returns the fields a major-incident phone record still lacks, in form order; an ordinary call needs none of them. */
export function missingPhoneRecordFields(fields: PhoneRecordFields, majorIncident: boolean): (keyof PhoneRecordFields)[] {
  if (!majorIncident) return [];
  return (Object.keys(PHONE_RECORD_FIELD_LABELS) as (keyof PhoneRecordFields)[]).filter((key) => {
    const value = fields[key];
    return value === null || value.trim() === '';
  });
}

/** The phone record data an incident draft is built from. */
export interface PhoneRecordForIncident {
  id: string;
  serial: string;
  title: string;
  callerUnit: string | null;
  callerUnitId: string | null;
  callerName: string | null;
  callerPosition: string | null;
  callerPhone: string | null;
  calledAt: string;
  receiverName: string | null;
  content: string | null;
  handlingOpinion: string | null;
}

/** The fields of POST /api/incidents that a phone record supplies. */
export interface IncidentDraft {
  title: string;
  unitId: string | null;
  grade: 'major';
  occurredAt: string;
  discoveredAt: string;
  receivedAt: string;
  channel: 'phone';
  reporterName: string | null;
  reporterPhone: string | null;
  reporterUnit: string | null;
  reporterPosition: string | null;
  facts: string | null;
  measures: string | null;
  sourcePhoneRecordId: string;
  sourceSerial: string;
}

/**
 * Maps a major-incident phone record to an incident draft, so the incident is
 * opened without retyping. The call time replaces the occurrence and
 * discovery times, because a caller reporting an incident usually calls at
 * once. The incident form lets the officer correct both.
 */
export function phoneRecordToIncidentDraft(record: PhoneRecordForIncident): IncidentDraft {
  return {
    title: record.title,
    unitId: record.callerUnitId,
    grade: 'major',
    occurredAt: record.calledAt,
    discoveredAt: record.calledAt,
    receivedAt: record.calledAt,
    channel: 'phone',
    reporterName: record.callerName,
    reporterPhone: record.callerPhone,
    reporterUnit: record.callerUnit,
    reporterPosition: record.callerPosition,
    facts: record.content,
    measures: record.handlingOpinion,
    sourcePhoneRecordId: record.id,
    sourceSerial: record.serial,
  };
}
