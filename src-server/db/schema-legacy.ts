/** Table types of migration 0009 (legacy hub accounts), merged into `Database` like schema-uploads.ts. */

/** The role in the old platform: 法定代表人, 管理员, 经办人. */
export type LegacyRole = 'legalRepresentative' | 'administrator' | 'handler';

export interface LegacyAccountTable {
  id: string;
  /** The old platform's login name, unique there and so here. */
  username: string;
  uscc: string;
  enterprise_name: string;
  legacy_role: LegacyRole;
  display_name: string;
  mobile: string;
  /** `pbkdf2_sha256$<iterations>$<salt>$<base64 key>` as exported by the old platform. */
  password_hash: string;
  /** JSON array of the service items (`ServiceItem`) the account held. */
  items_json: string;
  imported_at: string;
  upgraded_at: string | null;
  upgraded_account_id: string | null;
  upgraded_enterprise_id: string | null;
}

export interface LegacyHistoryTable {
  id: string;
  legacy_account_id: string;
  /** The old platform's item name as it was (items of the old platform need not exist here). */
  item: string;
  title: string;
  /** `YYYY-MM-DD`. */
  date: string;
  status: string;
  /** The one-stop enterprise it was carried to at the upgrade; null before. */
  enterprise_id: string | null;
}

declare module './schema' {
  interface Database {
    legacy_accounts: LegacyAccountTable;
    legacy_history: LegacyHistoryTable;
  }
}
