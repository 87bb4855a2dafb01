/** Table types of migration 0019 (construction filings), merged into `Database`. Same conventions as schema.ts. */
import type { FilingStatus } from '@shared/contract/http/filing';

export interface ConstructionFilingTable {
  id: string;
  enterprise_id: string;
  status: FilingStatus;
  /** The draft, or the latest submitted payload. */
  form_json: string;
  /** For the queue's search and lists. */
  project_name: string;
  /** Number of submitted versions. */
  version: number;
  contact_mobile: string | null;
  contact_email: string | null;
  return_json: string | null;
  reject_reason: string | null;
  created_by: string;
  submitted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ConstructionFilingVersionTable {
  id: string;
  filing_id: string;
  version: number;
  idempotency_key: string;
  /** The payload the application PDF was generated from, as submitted. */
  payload_json: string;
  /** The signed PDF in the file store. */
  pdf_sha256: string;
  pdf_size: number;
  /** Every signature of the PDF as verified at submission (`pdfSignatureSchema[]`). */
  signatures_json: string;
  created_at: string;
}

export interface ConstructionFilingEventTable {
  id: string;
  filing_id: string;
  seq: number;
  at: string;
  action: string;
  status: FilingStatus;
  actor_type: 'account' | 'staff';
  actor_id: string;
  actor_name: string;
  comment: string | null;
  details_json: string | null;
}

declare module './schema' {
  interface Database {
    construction_filings: ConstructionFilingTable;
    construction_filing_versions: ConstructionFilingVersionTable;
    construction_filing_events: ConstructionFilingEventTable;
  }
}
