import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
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
});
