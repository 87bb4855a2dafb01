/** Table types of migration 0024 (the Beijing SME platform, issue 16), merged into `Database` like schema-elicence.ts. */
import type { CertificationStatus, LegalIdType, PlatformUserType } from '@shared/contract/http/beijing';

export interface PlatformAccountTable {
  id: string;
  /** Normalised 11 digits; unique: one mobile, one account. */
  mobile: string;
  nickname: string;
  user_type: PlatformUserType;
  password_hash: string;
  created_at: string;
}

export interface PlatformCodeTable {
  id: string;
  purpose: 'register' | 'yztPassword';
  mobile: string;
  code_hash: string;
  attempts: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface BeijingCertificationTable {
  id: string;
  platform_account_id: string;
  /** The account's id while the certification is verified or pending; NULL once rejected (a new one may follow). */
  active_account: string | null;
  enterprise_name: string;
  /** USCC (18) or organisation code (9), normalised. */
  code: string;
  legal_name: string;
  id_type: LegalIdType;
  id_number: string;
  /** `UploadedFile[]` (the passport or other document's scans). */
  documents_json: string;
  yzt_username: string;
  active_yzt_username: string | null;
  yzt_password_hash: string;
  status: CertificationStatus;
  review_deadline: string | null;
  reason: string | null;
  reviewed_by: string | null;
  submitted_at: string;
  decided_at: string | null;
}

export interface BeijingBindingTable {
  id: string;
  platform_account_id: string;
  certification_id: string;
  code: string;
  enterprise_name: string;
  active_code: string | null;
  active_account: string | null;
  bound_at: string;
  ended_at: string | null;
}

export interface BeijingUnbindingRequestTable {
  id: string;
  requester_id: string;
  binding_id: string;
  code: string;
  /** `<requester>:<code>` while pending, NULL once decided. */
  pending_key: string | null;
  reason: string;
  contact_name: string;
  contact_mobile: string;
  documents_json: string;
  status: 'pending' | 'approved' | 'rejected';
  decision_reason: string | null;
  reviewed_by: string | null;
  submitted_at: string;
  decided_at: string | null;
}

export interface BeijingEventTable {
  id: string;
  subject_type: 'platformAccount' | 'certification' | 'binding' | 'unbinding';
  subject_id: string;
  action: string;
  actor_type: 'platform' | 'staff' | 'system';
  actor_id: string | null;
  details_json: string | null;
  at: string;
}

declare module './schema' {
  interface Database {
    platform_accounts: PlatformAccountTable;
    platform_codes: PlatformCodeTable;
    beijing_certifications: BeijingCertificationTable;
    beijing_bindings: BeijingBindingTable;
    beijing_unbinding_requests: BeijingUnbindingRequestTable;
    beijing_events: BeijingEventTable;
  }
}
