/** Table types of migration 0010 (password recovery, contact binding), merged into `Database` like schema-uploads.ts. */

/**
 * One code sent (or, for a recovery request that named no such account, not sent) to a mobile or e-mail.
 * `recovery`: 忘记密码; `bind_mobile` / `bind_email`: proving a new contact before it is bound.
 */
export interface AccountCodeTable {
  id: string;
  purpose: 'recovery' | 'bind_mobile' | 'bind_email';
  /** NULL for a recovery request that matched no account: the row exists anyway, so every request looks alike. */
  account_id: string | null;
  /** Binding only: the new mobile or e-mail to bind once the code is proven. */
  destination: string | null;
  /** SHA-256 of `<id>:<code>` (sms-code.ts); the code itself is never stored. */
  code_hash: string;
  attempts: number;
  created_at: string;
  expires_at: string;
  /** When the code was proven (or, for a recovery, spent). */
  used_at: string | null;
  /** Recovery of super: SHA-256 of the one-time token that lets it set a new password, after the code. */
  reset_token_hash: string | null;
  reset_expires_at: string | null;
  reset_used_at: string | null;
}

declare module './schema' {
  interface Database {
    account_codes: AccountCodeTable;
  }
}
