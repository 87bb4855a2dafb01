/**
 * The client's local store (better-sqlite3, one file in the user's data directory): drafts, settings and the
 * audit of what was submitted. Nothing typed is lost (DESIGN.md decision 7): every draft write is one
 * transaction, so a crash or a pulled power cord leaves the previous or the new draft, never half of one.
 * PINs and session tokens are never written here.
 */
import Database from 'better-sqlite3';

/** Numbered migrations, frozen once shipped: add a new entry, never edit an old one. */
const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'drafts-and-settings',
    sql: `
      CREATE TABLE draft (key TEXT PRIMARY KEY, data TEXT NOT NULL, saved_at TEXT NOT NULL);
      CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE submission_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL, idempotency_key TEXT NOT NULL, result TEXT NOT NULL, at TEXT NOT NULL
      );`,
  },
  {
    // Signed submissions leave the drafts table, which the renderer reads and writes: an envelope there could be
    // read or replaced through drafts.*. The subsidy's old `subsidy-outbox:` drafts are dropped (a retry of one
    // signs again under the same key, as before this table existed).
    version: 2,
    name: 'outbox',
    sql: `
      CREATE TABLE outbox (
        idempotency_key TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        content_sha256 TEXT NOT NULL,
        envelope TEXT NOT NULL,
        enterprise_id TEXT,
        state TEXT NOT NULL CHECK (state IN ('waiting', 'sending', 'sent', 'refused')),
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        result TEXT,
        created_at TEXT NOT NULL,
        tried_at TEXT,
        sent_at TEXT,
        acknowledged INTEGER NOT NULL DEFAULT 0
      );
      DELETE FROM draft WHERE key LIKE 'subsidy-outbox:%';`,
  },
  {
    // Resumable uploads (upload-journal.ts): each upload and its spooled file, and tus-js-client's URL storage.
    version: 3,
    name: 'uploads',
    sql: `
      CREATE TABLE upload (
        id TEXT PRIMARY KEY, purpose TEXT NOT NULL, requirement TEXT NOT NULL, slot TEXT NOT NULL, file_name TEXT NOT NULL,
        size INTEGER NOT NULL, status TEXT NOT NULL, upload_token TEXT, attachment TEXT, error TEXT,
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL
      );
      CREATE TABLE tus_url (key TEXT PRIMARY KEY, fingerprint TEXT NOT NULL, data TEXT NOT NULL);
      CREATE INDEX tus_url_fingerprint ON tus_url (fingerprint);`,
  },
];

/** Drafts larger than this are refused: they would be pasted binaries, not forms. */
export const MAX_DRAFT_BYTES = 2 * 1024 * 1024;

export class LocalStore {
  private readonly db: Database.Database;
  /**
   * Whose drafts `loadDraft`/`saveDraft`/`discardDraft` see: the portal the PC works with (portal-services.ts), so a
   * Beijing form never shows under SIP and back. SIP's keys are unprefixed (every draft before portals was SIP's).
   */
  draftScope = 'sip';

  private scoped(key: string): string {
    return this.draftScope === 'sip' ? key : `${this.draftScope}:${key}`;
  }

  constructor(
    readonly file: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.migrate();
  }

  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set(this.db.prepare('SELECT version FROM schema_version').pluck().all() as number[]);
    for (const m of MIGRATIONS) {
      if (applied.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db.prepare('INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, this.now().toISOString());
      })();
    }
  }

  /** The connection, for the journals kept in the same file (upload-journal.ts); their tables come from MIGRATIONS. */
  get connection(): Database.Database {
    return this.db;
  }

  loadDraft(key: string): { data: unknown; savedAt: string } | null {
    const row = this.db.prepare('SELECT data, saved_at FROM draft WHERE key = ?').get(this.scoped(key)) as { data: string; saved_at: string } | undefined;
    return row ? { data: JSON.parse(row.data) as unknown, savedAt: row.saved_at } : null;
  }

  saveDraft(key: string, data: unknown): { savedAt: string } {
    const json = JSON.stringify(data ?? null);
    if (Buffer.byteLength(json) > MAX_DRAFT_BYTES) throw new RangeError('draft too large');
    const savedAt = this.now().toISOString();
    this.db
      .prepare('INSERT INTO draft (key, data, saved_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET data = excluded.data, saved_at = excluded.saved_at')
      .run(this.scoped(key), json, savedAt);
    return { savedAt };
  }

  discardDraft(key: string): boolean {
    return this.db.prepare('DELETE FROM draft WHERE key = ?').run(this.scoped(key)).changes > 0;
  }

  getSetting<T>(key: string): T | undefined {
    const value = this.db.prepare('SELECT value FROM setting WHERE key = ?').pluck().get(key) as string | undefined;
    return value === undefined ? undefined : (JSON.parse(value) as T);
  }

  setSetting(key: string, value: unknown): void {
    this.db.prepare('INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
  }

  logSubmission(kind: string, idempotencyKey: string, result: unknown): void {
    this.db.prepare('INSERT INTO submission_log (kind, idempotency_key, result, at) VALUES (?, ?, ?, ?)').run(kind, idempotencyKey, JSON.stringify(result), this.now().toISOString());
  }

  /** For main's own tables (the outbox): never reachable through drafts.* or any renderer call. */
  get database(): Database.Database {
    return this.db;
  }

  close(): void {
    this.db.close();
  }
}
