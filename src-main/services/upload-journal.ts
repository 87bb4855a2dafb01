/**
 * What main remembers about uploads, in the local store (migration 3): each upload with its flow, slot and state,
 * and tus-js-client's URL storage (upload URL by fingerprint), so an upload cut by a dropped line or an app restart
 * resumes from the server's offset instead of starting over. The bytes themselves are spooled beside the store.
 *
 * A registration upload keeps its attempt's upload token here: it authorises nothing but uploading scans for that
 * attempt, and a resume after a restart needs it. Session tokens never come here.
 */
import type Database from 'better-sqlite3';
import type { AttachmentRef, UploadPurpose, UploadState, UploadStatus } from '@shared/contract/client-api';

interface UploadRow {
  id: string;
  purpose: UploadPurpose;
  requirement: string;
  slot: string;
  file_name: string;
  size: number;
  status: UploadStatus;
  upload_token: string | null;
  attachment: string | null;
  error: string | null;
}

export interface JournalUpload extends UploadState {
  uploadToken: string | null;
}

/** tus-js-client's PreviousUpload, as it hands it over and expects it back. */
export interface StoredTusUpload {
  size: number | null;
  metadata: Record<string, string>;
  creationTime: string;
  urlStorageKey: string;
  uploadUrl: string | null;
  parallelUploadUrls: string[] | null;
}

const toState = (r: UploadRow): JournalUpload => ({
  uploadId: r.id,
  purpose: r.purpose,
  requirement: r.requirement,
  slot: r.slot,
  fileName: r.file_name,
  size: r.size,
  status: r.status,
  ...(r.attachment ? { attachment: JSON.parse(r.attachment) as AttachmentRef } : {}),
  ...(r.error ? { error: r.error } : {}),
  uploadToken: r.upload_token,
});

export class UploadJournal {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  add(u: { uploadId: string; purpose: UploadPurpose; requirement: string; slot: string; fileName: string; size: number; uploadToken: string | null }): void {
    const at = this.now().toISOString();
    this.db
      .prepare(
        `INSERT INTO upload (id, purpose, requirement, slot, file_name, size, status, upload_token, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, 'spooling', ?, ?, ?)`,
      )
      .run(u.uploadId, u.purpose, u.requirement, u.slot, u.fileName, u.size, u.uploadToken, at, at);
  }

  get(uploadId: string): JournalUpload | null {
    const row = this.db.prepare('SELECT * FROM upload WHERE id = ?').get(uploadId) as UploadRow | undefined;
    return row ? toState(row) : null;
  }

  list(purpose?: UploadPurpose): JournalUpload[] {
    const rows = (purpose
      ? this.db.prepare('SELECT * FROM upload WHERE purpose = ? ORDER BY created_at').all(purpose)
      : this.db.prepare('SELECT * FROM upload ORDER BY created_at').all()) as UploadRow[];
    return rows.map(toState);
  }

  setStatus(uploadId: string, status: UploadStatus, outcome: { attachment?: AttachmentRef; error?: string } = {}): void {
    this.db
      .prepare('UPDATE upload SET status = ?, attachment = ?, error = ?, updated_at = ? WHERE id = ?')
      .run(status, outcome.attachment ? JSON.stringify(outcome.attachment) : null, outcome.error ?? null, this.now().toISOString(), uploadId);
  }

  remove(uploadId: string): boolean {
    this.db.prepare('DELETE FROM tus_url WHERE fingerprint = ?').run(fingerprintOf(uploadId));
    return this.db.prepare('DELETE FROM upload WHERE id = ?').run(uploadId).changes > 0;
  }

  /** tus-js-client's `urlStorage` option. */
  readonly urlStorage = {
    findAllUploads: async (): Promise<StoredTusUpload[]> =>
      (this.db.prepare('SELECT key, data FROM tus_url').all() as { key: string; data: string }[]).map(fromUrlRow),
    findUploadsByFingerprint: async (fingerprint: string): Promise<StoredTusUpload[]> =>
      (this.db.prepare('SELECT key, data FROM tus_url WHERE fingerprint = ?').all(fingerprint) as { key: string; data: string }[]).map(fromUrlRow),
    removeUpload: async (urlStorageKey: string): Promise<void> => {
      this.db.prepare('DELETE FROM tus_url WHERE key = ?').run(urlStorageKey);
    },
    addUpload: async (fingerprint: string, upload: StoredTusUpload): Promise<string> => {
      const key = `${fingerprint}::${this.now().getTime()}`;
      this.db.prepare('INSERT OR REPLACE INTO tus_url (key, fingerprint, data) VALUES (?, ?, ?)').run(key, fingerprint, JSON.stringify(upload));
      return key;
    },
  };
}

/** One tus fingerprint per upload: the same bytes in two slots are two uploads, each resumed on its own. */
export const fingerprintOf = (uploadId: string) => `tongban-upload:${uploadId}`;

const fromUrlRow = (r: { key: string; data: string }): StoredTusUpload => ({ ...(JSON.parse(r.data) as StoredTusUpload), urlStorageKey: r.key });
