/**
 * Table types for Kysely. One query path for SQLite and PostgreSQL, so only types both engines return the same
 * way: text (ids are UUIDs, timestamps ISO 8601 UTC strings that sort as text), integer (booleans as 0/1) and
 * text JSON. No autoincrement, no engine-specific column types.
 */
import type { StaffRole } from '@shared/contract/http/route';

export interface RegistryEntryTable {
  uscc: string;
  name: string;
  legal_representative: string;
  id_type: string;
  id_number: string;
  address: string;
  /** `active` (存续/在业) or anything else (revoked, cancelled…). */
  status: string;
  imported_at: string;
}

export interface EnterpriseTable {
  id: string;
  uscc: string;
  name: string;
  address: string;
  legal_representative: string;
  created_at: string;
  updated_at: string;
}

export interface AccountTable {
  id: string;
  enterprise_id: string;
  username: string;
  role: 'super' | 'admin' | 'handler';
  display_name: string;
  mobile: string | null;
  email: string | null;
  password_hash: string;
  must_change_password: number;
  created_at: string;
  updated_at: string;
}

export interface AccountPermissionTable {
  account_id: string;
  item: string;
}

export interface StaffAccountTable {
  id: string;
  username: string;
  role: StaffRole;
  password_hash: string;
  must_change_password: number;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  id: string;
  token_hash: string;
  subject_type: 'account' | 'staff' | 'legacy' | 'platform';
  subject_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface CaptchaTable {
  id: string;
  answer: string;
  expires_at: string;
  used_at: string | null;
}

export interface LoginFailureTable {
  id: string;
  /** `account:<id>` or `address:<ip>`. */
  subject: string;
  at: string;
}

export interface CaNonceTable {
  nonce: string;
  expires_at: string;
  used_at: string | null;
}

export interface CertificateBindingTable {
  fingerprint: string;
  enterprise_id: string;
  account_id: string;
  subject: string;
  not_after: string;
  created_at: string;
  /** The bound certificate (base64 DER), since migration 0004; NULL only for an old binding it could not fill. */
  certificate_der: string | null;
  /** The trust profile whose root anchored the certificate when it was bound (migration 0004). */
  ca_profile: string | null;
}

export interface RegistrationTable {
  id: string;
  idempotency_key: string;
  payload_sha256: string;
  uscc: string;
  status: 'sms_pending' | 'completed';
  payload_json: string;
  certificate_der: string;
  certificate_fingerprint: string;
  mobile: string;
  sms_code_hash: string;
  sms_code_expires_at: string;
  sms_code_sent_at: string;
  sms_attempts: number;
  enterprise_id: string | null;
  created_at: string;
  updated_at: string;
  /** The trust profile that anchored the signer's certificate at submission (migration 0004). */
  ca_profile: string | null;
}

export interface FileTable {
  sha256: string;
  size: number;
  media_type: string;
  created_at: string;
  /**
   * The last upload of these bytes or registration submit listing them (migration 0005); housekeeping keeps an
   * unowned file for the retention period after it.
   */
  touched_at: string | null;
}

export interface FileOwnerTable {
  sha256: string;
  enterprise_id: string;
  item: string;
  created_at: string;
}

export interface SmsOutboxTable {
  id: string;
  mobile: string;
  text: string;
  created_at: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_type: 'account' | 'staff' | 'anonymous' | 'system' | 'legacy';
  actor_id: string | null;
  enterprise_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
}

export interface Database {
  registry_entries: RegistryEntryTable;
  enterprises: EnterpriseTable;
  accounts: AccountTable;
  account_permissions: AccountPermissionTable;
  staff_accounts: StaffAccountTable;
  sessions: SessionTable;
  captchas: CaptchaTable;
  login_failures: LoginFailureTable;
  ca_nonces: CaNonceTable;
  certificate_bindings: CertificateBindingTable;
  registrations: RegistrationTable;
  files: FileTable;
  file_owners: FileOwnerTable;
  sms_outbox: SmsOutboxTable;
  audit_log: AuditLogTable;
}

