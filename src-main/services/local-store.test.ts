import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalStore, MAX_DRAFT_BYTES } from './local-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('local store', () => {
  it('keeps a draft across a restart (a new process opening the same file)', () => {
    const file = path.join(dir, 'client.db');
    const a = new LocalStore(file);
    a.saveDraft('registration', { step: 3, enterprise: { name: '苏州星河智能科技有限公司' } });
    a.close();
    const b = new LocalStore(file);
    expect(b.loadDraft('registration')?.data).toEqual({ step: 3, enterprise: { name: '苏州星河智能科技有限公司' } });
    b.close();
  });

  it('overwrites, discards, and refuses oversized drafts without losing the previous one', () => {
    const s = new LocalStore(path.join(dir, 'client.db'));
    s.saveDraft('k', { v: 1 });
    s.saveDraft('k', { v: 2 });
    expect(s.loadDraft('k')?.data).toEqual({ v: 2 });
    expect(() => s.saveDraft('k', { blob: 'x'.repeat(MAX_DRAFT_BYTES) })).toThrow(RangeError);
    expect(s.loadDraft('k')?.data).toEqual({ v: 2 });
    expect(s.discardDraft('k')).toBe(true);
    expect(s.loadDraft('k')).toBeNull();
    s.close();
  });

  it('migrates once: reopening does not re-run migrations', () => {
    const file = path.join(dir, 'client.db');
    new LocalStore(file).close();
    const s = new LocalStore(file);
    s.setSetting('language', 'en');
    expect(s.getSetting('language')).toBe('en');
    s.close();
  });

  it('moves signed envelopes out of the drafts: the old subsidy-outbox drafts go, the clerk\'s drafts stay', () => {
    // A store as version 1 left it, with an envelope kept as a draft the renderer could read.
    const file = path.join(dir, 'client.db');
    const v1 = new Database(file);
    v1.exec(`CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL);
      INSERT INTO schema_version VALUES (1, 'drafts-and-settings', '2026-01-01T00:00:00.000Z');
      CREATE TABLE draft (key TEXT PRIMARY KEY, data TEXT NOT NULL, saved_at TEXT NOT NULL);
      CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE submission_log (id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, idempotency_key TEXT NOT NULL, result TEXT NOT NULL, at TEXT NOT NULL);
      INSERT INTO draft VALUES ('subsidy-outbox:1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b', '{"envelope":{"cms":"MII"}}', '2026-01-01T00:00:00.000Z');
      INSERT INTO draft VALUES ('registration', '{"step":3}', '2026-01-01T00:00:00.000Z');`);
    v1.close();
    const s = new LocalStore(file);
    expect(s.loadDraft('subsidy-outbox:1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b')).toBeNull();
    expect(s.loadDraft('registration')?.data).toEqual({ step: 3 });
    expect(s.database.prepare('SELECT COUNT(*) FROM outbox').pluck().get()).toBe(0);
    s.close();
  });
});
