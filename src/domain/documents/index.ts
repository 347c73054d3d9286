export * from './labels.js';
export { duplicateKeyOf, formatSerial, normalizeForDuplicateCheck, serialCounterName, serialYearOf } from './serial.js';
export {
  defaultReminderIntervals,
  isReminderDue,
  isUrgent,
  minutesWaiting,
  nextReminderDue,
  reminderIntervalBounds,
  type ReminderIntervals,
} from './reminders.js';
export { closureBlocker, documentStatusOf, type DocumentProgress } from './status.js';
export {
  missingPhoneRecordFields,
  PHONE_RECORD_FIELD_LABELS,
  phoneRecordToIncidentDraft,
  type IncidentDraft,
  type PhoneRecordFields,
  type PhoneRecordForIncident,
} from './phone-record.js';
