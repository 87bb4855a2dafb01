/** Table types of migration 0020 (initial-password outbox, renewal confirmations), merged into `Database` like schema-trust.ts. */

/** One SMS with initial passwords not sent yet; the row goes once the carrier took it. */
export interface InitialPasswordOutboxTable {
  id: string;
  enterprise_id: string;
  mobile: string;
  /** `v1.<iv>.<tag>.<ciphertext>` (base64url, AES-256-GCM); NULL once the tries ran out (the text is wiped). */
  sealed_text: string | null;
  attempts: number;
  next_attempt_at: string;
  /** Set by the one sender that took the row; a claim older than the claim timeout is a crashed sender's. */
  claimed_at: string | null;
  /** The carrier's last refusal (never the text). */
  last_error: string | null;
  created_at: string;
}

/** A renewed certificate proven at a CA login, bound only once the enterprise's administrator gives the SMS code. */
export interface RenewalConfirmationTable {
  id: string;
  enterprise_id: string;
  fingerprint: string;
  certificate_der: string;
  ca_profile: string;
  /** The newest bound certificate of the same lineage (certificate-renewal.ts). */
  predecessor_fingerprint: string;
  /** The account the CA login lands on once confirmed. */
  account_id: string;
  /** The administrator whose mobile got the code. */
  admin_account_id: string;
  /** SHA-256 of `<id>:<code>` (sms-code.ts). */
  code_hash: string;
  attempts: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

declare module './schema' {
  interface Database {
    initial_password_outbox: InitialPasswordOutboxTable;
    renewal_confirmations: RenewalConfirmationTable;
  }
}
