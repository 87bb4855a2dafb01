/**
 * Backup and restore of the embedded SQLite database (issue 20 part 5): a backup taken while the server serves is a
 * checked copy of what it had; a restore is refused while a server holds the database and, once it is stopped,
 * brings back exactly the backup's data; damaged, foreign and newer files are refused. SQLite only: PostgreSQL
 * deployments use pg_dump (README).
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../tests/fixtures/server/harness';
import { buildServer } from '../app';
import { runOperation } from './cli';
import { backupSqlite, restoreSqlite, SQLITE_FILE } from './sqlite-backup';

describe('SQLite backup and restore', () => {
  let h: Harness;
  let backup: string;
  const staffNames = async (db: Harness['app']['services']['db']) => (await db.selectFrom('staff_accounts').select('username').execute()).map((r) => r.username).sort();

  beforeAll(async () => {
    h = await createHarness('sqlite');
    backup = path.join(h.dataDir, '..', `${path.basename(h.dataDir)}-backup.sqlite`);
  });
  afterAll(async () => {
    await h?.app.close().catch(() => undefined);
    await rm(h.dataDir, { recursive: true, force: true });
    await rm(backup, { force: true });
  });

  it('backs up while the server serves, restores only once it is stopped, and the restored server has the backup’s data', async () => {
    const before = await h.scene.staff('finance');
    const report = await backupSqlite(h.dataDir, backup);
    expect(report).toMatchObject({ file: backup, migration: expect.stringMatching(/^\d{4}-/) });
    expect(report.bytes).toBeGreaterThan(0);
    await expect(backupSqlite(h.dataDir, backup)).rejects.toThrow(/never overwrites/);

    const after = await h.scene.staff('finance');
    await expect(restoreSqlite(h.dataDir, backup)).rejects.toThrow(/a server has .* open/);
    // Refused means untouched: the server still has both.
    expect(await staffNames(h.app.services.db)).toEqual(expect.arrayContaining([before.username, after.username]));

    await h.app.close();
    const restored = await restoreSqlite(h.dataDir, backup);
    expect(restored.previous).toMatch(/tongban\.sqlite\.before-restore-/);
    const again = await buildServer({ env: {}, config: { ...h.app.services.config, housekeeping: { intervalMinutes: 0, retentionDays: 7 } } });
    try {
      const names = await staffNames(again.services.db);
      expect(names).toContain(before.username);
      expect(names).not.toContain(after.username);
      expect((await again.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ status: 'ok' });
    } finally {
      await again.close();
    }
  });

  it('refuses a damaged copy, a database that is not Tongban’s, and one written by a newer server', async () => {
    const damaged = `${backup}.damaged`;
    const bytes = await readFile(backup);
    // The b-tree headers of pages 2 to 40 overwritten (the file header, page 1, stays valid: it opens).
    const pageSize = bytes.readUInt16BE(16);
    for (let page = 1; page < 40; page++) bytes.fill(0x5a, page * pageSize, page * pageSize + 12);
    await writeFile(damaged, bytes);
    await expect(restoreSqlite(h.dataDir, damaged)).rejects.toThrow(/integrity|malformed/);

    const foreign = `${backup}.foreign`;
    new SqliteDatabase(foreign).exec('create table t (x)').close();
    await expect(restoreSqlite(h.dataDir, foreign)).rejects.toThrow(/not a Tongban database/);

    const newer = `${backup}.newer`;
    await writeFile(newer, await readFile(backup));
    new SqliteDatabase(newer).exec("insert into kysely_migration (name, timestamp) values ('9999-future', '2030-01-01')").close();
    await expect(restoreSqlite(h.dataDir, newer)).rejects.toThrow(/newer server .*9999-future/);
    for (const f of [damaged, foreign, newer]) await rm(f, { force: true });
    // None of them touched the database.
    expect((await readFile(path.join(h.dataDir, SQLITE_FILE))).length).toBeGreaterThan(0);
  });

  it('answers usage, PostgreSQL and refusals with their exit codes', async () => {
    const lines: string[] = [];
    const env = { TONGBAN_DATA_DIR: h.dataDir };
    expect(await runOperation(['backup'], env, (l) => lines.push(l))).toBe(2);
    expect(await runOperation(['backup', 'x'], { ...env, TONGBAN_DATABASE_URL: 'postgres://db/tongban' }, (l) => lines.push(l))).toBe(2);
    expect(lines.at(-1)).toMatch(/pg_dump/);
    expect(await runOperation(['backup', backup], env, (l) => lines.push(l))).toBe(1);
    expect(lines.at(-1)).toMatch(/backup refused: .*never overwrites/);
  });
});
