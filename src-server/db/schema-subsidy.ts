/**
 * Table types of migration 0002 (service items and the talent recruitment subsidy), merged into `Database` so the
 * one `Kysely<Database>` covers them. Same column conventions as schema.ts.
 */
import type { SubsidyStatus } from '@shared/contract/http/subsidy';

export interface ServiceItemTable {
  item: string;
  name: string;
  guide_json: string;
  sort_order: number;
}

export interface SubsidyApplicationTable {
  id: string;
  enterprise_id: string;
  status: SubsidyStatus;
  /** The draft, or the latest signed form. */
  form_json: string;
  /** Number of signed versions. */
  version: number;
  /** Calendar year (UTC+8) of the first submission: the year the per-enterprise cap counts in. */
  year: number | null;
  talent_count: number;
  amount_requested_fen: number | null;
  amount_approved_fen: number | null;
  contact_mobile: string | null;
  contact_email: string | null;
  /** The latest return's comments. */
  return_json: string | null;
  publicity_start: string | null;
  publicity_end: string | null;
  reject_reason: string | null;
  created_by: string;
  submitted_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SubsidyVersionTable {
  id: string;
  application_id: string;
  version: number;
  idempotency_key: string;
  payload_sha256: string;
  /** The payload exactly as signed. */
  payload_json: string;
  cms: string;
  certificate_der: string;
  /** Signer certificate details as verified (subject, issuer, serial, validity, USCC, verifiedAt). */
  signature_json: string;
  /** What changed against the previous version (resubmissions). */
  changes_json: string | null;
  created_at: string;
}

export interface SubsidyEventTable {
  id: string;
  application_id: string;
  /** Order within the application (timestamps can tie). */
  seq: number;
  at: string;
  action: string;
  status: SubsidyStatus;
  actor_type: 'account' | 'staff';
  actor_id: string;
  actor_name: string;
  comment: string | null;
  details_json: string | null;
}

declare module './schema' {
  interface Database {
    service_items: ServiceItemTable;
    subsidy_applications: SubsidyApplicationTable;
    subsidy_versions: SubsidyVersionTable;
    subsidy_events: SubsidyEventTable;
  }
}
