/** Table types of migration 0012 (requests to the portal staff, name history), merged into `Database` like schema-subsidy.ts. */
import type { AccountRequestKind, AccountRequestStatus } from '@shared/contract/http/account-requests';

export interface AccountRequestTable {
  id: string;
  /** What the filer quotes on the phone (ZH + 10 characters). */
  reference: string;
  kind: AccountRequestKind;
  /** SHA-256 of the client's access secret (also the idempotency key of the first submission). */
  secret_hash: string;
  /** Of the latest submission as received: a resend of it answers the same request. */
  payload_sha256: string;
  uscc: string;
  /** `<slot>:<uscc>` while waiting for staff (submitted, resubmitted), else NULL: unique. */
  pending_key: string | null;
  /** The enterprise the USCC named when filed; NULL when none did (a request without login may name any USCC). */
  enterprise_id: string | null;
  /** The enterprise's name when filed (its current name if it was on the portal, else as typed). */
  enterprise_name: string;
  filed_by_account_id: string | null;
  filed_by_role: 'super' | 'admin' | 'anonymous';
  status: AccountRequestStatus;
  form_json: string;
  attachments_json: string;
  filer_mobile: string;
  refusal_reason: string | null;
  revision: number;
  submitted_at: string;
  updated_at: string;
}

export interface AccountRequestEventTable {
  id: string;
  request_id: string;
  revision: number;
  action: 'submit' | 'refuse' | 'resubmit' | 'approve';
  actor_type: 'account' | 'anonymous' | 'staff';
  actor_id: string | null;
  reason: string | null;
  form_json: string | null;
  attachments_json: string | null;
  at: string;
}

/** A name and address the enterprise had from `valid_from` until `valid_until` (exclusive). */
export interface EnterpriseNameTable {
  id: string;
  enterprise_id: string;
  name: string;
  address: string;
  valid_from: string;
  valid_until: string;
  request_id: string | null;
}

/** The person an administrator change replaced on the `admin` account. */
export interface AdministratorHistoryTable {
  id: string;
  enterprise_id: string;
  account_id: string;
  display_name: string;
  mobile: string | null;
  email: string | null;
  replaced_at: string;
  request_id: string;
}

declare module './schema' {
  interface Database {
    account_requests: AccountRequestTable;
    account_request_events: AccountRequestEventTable;
    enterprise_names: EnterpriseNameTable;
    administrator_history: AdministratorHistoryTable;
  }
}
