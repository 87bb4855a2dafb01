/**
 * Migrations are all-or-nothing on both engines (issue 17 item 11): a migration that fails half-way leaves the
 * database as it was before the run, so fixing the migration and starting again works.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase, newDatabaseUrl } from '../../tests/fixtures/server/databases';
import { migrateToLatest, openDatabase } from './connect';
import { migrations } from './migrations/index';
import type { Database } from './schema';

describeEachDatabase('migrations', (engine) => {
  let dir: string;
  let db: Kysely<Database>;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-migrations-'));
    db = openDatabase({ databaseUrl: await newDatabaseUrl(engine), dataDir: dir }).db;
    await migrateToLatest(db);
  });
  afterAll(async () => {
    await db?.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  const tables = async () => (await db.introspection.getTables()).map((t) => t.name);
  const columnsOf = async (table: string) => (await db.introspection.getTables()).find((t) => t.name === table)?.columns.map((c) => c.name) ?? [];

  it('leaves the previous state when a migration throws half-way, and a fixed one runs next time', async () => {
    const before = { tables: await tables(), accounts: await columnsOf('accounts') };
    const broken = {
      ...migrations,
      '9999-half-done': {
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        up: async (m: Kysely<any>) => {
          await m.schema.createTable('half_done').addColumn('id', 'text').execute();
          await m.schema.alterTable('accounts').addColumn('half_done_note', 'text').execute();
          throw new Error('crash in the middle of a migration');
        },
      },
    };
    await expect(migrateToLatest(db, broken)).rejects.toThrow(/9999-half-done/);
    expect({ tables: await tables(), accounts: await columnsOf('accounts') }).toEqual(before);

    const fixed = {
      ...migrations,
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      '9999-half-done': { up: async (m: Kysely<any>) => m.schema.createTable('half_done').addColumn('id', 'text').execute() },
    };
    await migrateToLatest(db, fixed);
    expect(await tables()).toContain('half_done');
  });
});
