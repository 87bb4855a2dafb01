import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, newMigratedDatabaseUrl } from '../../tests/fixtures/server/databases';
import { migrateToLatest, openDatabase } from '../db/connect';
import type { Database } from '../db/schema';
import { ACCOUNT_POLICY, takeAttempt } from './login-throttle';

// The engines differ in how concurrent upserts take turns on the row: both must count alike.
describeEachDatabase('login throttle', (engine) => {
  let db: Kysely<Database>;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-throttle-'));
    db = openDatabase({ databaseUrl: await newMigratedDatabaseUrl(engine), dataDir: dir }).db;
    await migrateToLatest(db); // SQLite's file is new; PostgreSQL's copy is migrated already (nothing to do)
  });
  afterAll(async () => {
    await db.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('lets attempts whose clocks were read out of order through while no wait is due, then makes the next one wait', async () => {
    const t = Date.UTC(2026, 11, 7, 9);
    // Written by the later clock first, as when the request that read the clock first reaches the row second.
    expect(await takeAttempt(db, 'address:198.51.100.7', ACCOUNT_POLICY, new Date(t + 5))).toBe(0);
    for (let i = 1; i < ACCOUNT_POLICY.free; i++) {
      expect(await takeAttempt(db, 'address:198.51.100.7', ACCOUNT_POLICY, new Date(t + 4 - i)), `attempt ${i + 1}`).toBe(0);
    }
    // The free ones are spent: the last set a wait of `first` seconds, which the next attempt is told.
    expect(await takeAttempt(db, 'address:198.51.100.7', ACCOUNT_POLICY, new Date(t + 10))).toBe(ACCOUNT_POLICY.first);
  });
});
