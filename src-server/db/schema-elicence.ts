/** Table types of migration 0018 (e-business licence login), merged into `Database` like schema-recovery.ts. */
import type { ElicenceLoginState, ElicenceRole } from '@shared/contract/http/elicence';

export interface ElicenceLoginTable {
  id: string;
  /** SHA-256 of the poll secret the desktop holds; the secret itself is never stored. */
  secret_hash: string;
  state: ElicenceLoginState;
  created_at: string;
  expires_at: string;
  scanned_name: string | null;
  scanned_role: ElicenceRole | null;
  /** Set on `confirmed`: the account the session opens for. */
  account_id: string | null;
  /** Why the server refused a confirmation (an error code); NULL when the person refused on the phone. */
  refusal_code: string | null;
  updated_at: string;
}

export interface ElicenceCallbackNonceTable {
  nonce: string;
  received_at: string;
}

export interface ElicencePersonTable {
  id: string;
  enterprise_id: string;
  /** The licence service's stable id of the person (never an ID number). */
  person_id: string;
  role: ElicenceRole;
  name: string;
  account_id: string;
  /** Agents: when the authorisation ends; access ends then, checked on every request. */
  valid_until: string | null;
  last_login_at: string;
}

declare module './schema' {
  interface Database {
    elicence_logins: ElicenceLoginTable;
    elicence_callback_nonces: ElicenceCallbackNonceTable;
    elicence_persons: ElicencePersonTable;
  }
}
