import type { DocumentEventKind, DocumentKind, DocumentStatus, OpinionKind, Urgency, VerificationMethod } from '../../domain/documents/labels.js';

/** 收文登记: one registered document, fax or phone record, with its yearly serial number. */
export interface DocumentsTable {
  id: string;
  /** 收文编号, e.g. 2026-0001; unique. */
  serial: string;
  serial_year: number;
  serial_value: number;
  kind: DocumentKind;
  received_at: string;
  /** 来文单位 as written on the document (free text). */
  sender_unit: string;
  /** 来文文号; null for phone records and documents without one. */
  reference_number: string | null;
  /** Normalized sender and reference number; unique, null without a reference number. */
  duplicate_key: string | null;
  urgency: Urgency;
  title: string;
  copies: number;
  /** JSON array of attachment titles as listed on the document (附件清单). */
  attachment_titles: string;
  /** JSON array of uploaded attachment ids. */
  attachment_ids: string;
  /** 摘要/正文; always null for a classified fax (密传). */
  content: string | null;
  received_by_user_id: string | null;
  received_by_name: string;
  status: DocumentStatus;
  reported_at: string | null;
  reported_to_name: string | null;
  closed_at: string | null;
  closed_by_name: string | null;
  closure_note: string | null;
  created_at: string;
  updated_at: string;
}

/** 转办: one handling unit a document was transferred to, and its signature (签收). */
export interface DocumentTransfersTable {
  id: string;
  document_id: string;
  unit_id: string;
  notified_at: string;
  notified_by_name: string;
  note: string | null;
  signed_at: string | null;
  signed_by_user_id: string | null;
  signed_by_name: string | null;
  reminder_count: number;
  last_reminded_at: string | null;
  /** When the next reminder (催办) is due; null once signed or when the document is closed. */
  next_reminder_at: string | null;
}

/** 办理过程: the timeline of a document; rows are only ever added. */
export interface DocumentEventsTable {
  id: string;
  document_id: string;
  /** Order within the document's timeline: 1, 2, 3…, so entries of the same instant keep their order. */
  seq: number;
  at: string;
  kind: DocumentEventKind;
  actor_user_id: string | null;
  actor_name: string;
  unit_id: string | null;
  opinion_kind: OpinionKind | null;
  text: string | null;
}

/** 电话记录: the call details of a document of kind phone_record. */
export interface PhoneRecordsTable {
  document_id: string;
  caller_unit: string | null;
  /** The caller's unit when it is one of ours, for the incident conversion. */
  caller_unit_id: string | null;
  caller_name: string | null;
  caller_position: string | null;
  /** SM4-encrypted caller's number. */
  caller_phone: string | null;
  called_at: string;
  receiver_name: string;
  content: string | null;
  major_incident: number;
  handling_opinion: string | null;
  handling_result: string | null;
  handler_name: string | null;
  incident_id: string | null;
}

/** 号码提供登记: a phone number given to a caller after verifying who asked and why. */
export interface DirectoryDisclosuresTable {
  id: string;
  at: string;
  officer_user_id: string | null;
  officer_name: string;
  requester_name: string;
  requester_unit: string;
  verification: VerificationMethod;
  verification_note: string | null;
  reason: string;
  entry_type: 'person' | 'unit';
  entry_id: string;
  entry_name: string;
  /** Kind of number given: mobile, office or duty room. */
  phone_field: 'mobile' | 'office' | 'duty_room';
}

export interface DocumentsTables {
  documents: DocumentsTable;
  document_transfers: DocumentTransfersTable;
  document_events: DocumentEventsTable;
  phone_records: PhoneRecordsTable;
  directory_disclosures: DirectoryDisclosuresTable;
}
