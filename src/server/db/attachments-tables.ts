/** 附件: uploaded files, stored under the data directory and linked to one record. */
export interface AttachmentsTable {
  id: string;
  file_name: string;
  mime_type: string;
  size: number;
  /** SM3 of the content, hex. */
  sm3: string;
  /** Path relative to the data directory. */
  storage_path: string;
  owner_type: string | null;
  owner_id: string | null;
  uploaded_by: string;
  uploaded_by_unit: string;
  uploaded_at: string;
}

export interface AttachmentTables {
  attachments: AttachmentsTable;
}
