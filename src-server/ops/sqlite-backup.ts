/**
 * Backup and restore of the embedded SQLite database (issue 20 part 5): `npm run server -- backup <file>` and
 * `restore <file>`. PostgreSQL deployments use pg_dump / pg_restore (src-server/README.md "Backup and restore").
 *
 * The backup uses SQLite's online backup API (better-sqlite3 `backup()`): pages are copied while the server keeps
 * serving, and the copy is a consistent snapshot. The copy is written beside its target, switched to a single file
 * (no WAL beside it), then checked by reopening it — `PRAGMA integrity_check` and the migrations it ran — and only
 * then renamed to the name asked for, so a file under that name is always a checked backup.
 *
 * A restore refuses while a server holds the database. How we know: a server keeps its connection open for its
 * whole life, and an open WAL connection holds a shared lock on the database. The restore asks SQLite for the file
 * exclusively (`locking_mode = EXCLUSIVE`, `BEGIN EXCLUSIVE`, no busy wait); SQLite grants that only when no other
 * connection, in any process, has it open. Unlike a pid file this cannot go stale after a crash (the lock dies with
 * the process) and cannot be fooled by a reused pid; and it is the same lock a starting server waits for, so none
 * can open the file half-way through. The restored copy replaces the file while that lock is held; the previous
 * database is kept beside it as `tongban.sqlite.before-restore-<time>`.
 */
import { existsSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { migrations } from '../db/migrations/index';

export const SQLITE_FILE = 'tongban.sqlite';

export interface BackupReport {
  file: string;
  bytes: number;
  /** The newest migration the database ran (e.g. `0026-ops`) and how many it ran. */
  migration: string;
  migrations: number;
}

export class OperationRefused extends Error {}

/** Reopens `file` and checks it: integrity, and the migrations it ran, all known to this server. */
export function checkSqliteCopy(file: string, opts: { makeSingleFile?: boolean } = {}): BackupReport {
  const copy = new SqliteDatabase(file, { fileMustExist: true, readonly: !opts.makeSingleFile });
  try {
    // A backup is one self-contained file: no -wal beside it to lose on the way to the backup store.
    if (opts.makeSingleFile) copy.pragma('journal_mode = DELETE');
    const integrity = copy.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new OperationRefused(`${file}: integrity check failed: ${String(integrity)}`);
    const ran = ranMigrations(copy, file);
    const unknown = ran.filter((name) => !(name in migrations));
    if (unknown.length) throw new OperationRefused(`${file} was written by a newer server (migrations ${unknown.join(', ')} unknown here)`);
    const bytes = (copy.pragma('page_count', { simple: true }) as number) * (copy.pragma('page_size', { simple: true }) as number);
    return { file, bytes, migration: ran.at(-1)!, migrations: ran.length };
  } finally {
    copy.close();
  }
}

function ranMigrations(db: SqliteDatabase.Database, file: string): string[] {
  const table = db.prepare("select name from sqlite_master where type = 'table' and name = 'kysely_migration'").get();
  if (!table) throw new OperationRefused(`${file} is not a Tongban database (no migrations table)`);
  const names = (db.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
  if (!names.length) throw new OperationRefused(`${file} is not a Tongban database (no migration ran)`);
  return names;
}

/** Copies the live database of `dataDir` to `target` while the server may keep running; answers the checked copy. */
export async function backupSqlite(dataDir: string, target: string): Promise<BackupReport> {
  const live = path.join(dataDir, SQLITE_FILE);
  if (!existsSync(live)) throw new OperationRefused(`no database at ${live}`);
  if (existsSync(target)) throw new OperationRefused(`${target} exists; a backup never overwrites one`);
  const partial = `${target}.partial`;
  const source = new SqliteDatabase(live, { fileMustExist: true, timeout: 5000 });
  try {
    await source.backup(partial);
    const report = checkSqliteCopy(partial, { makeSingleFile: true });
    await rename(partial, target);
    return { ...report, file: target };
  } finally {
    source.close();
    await rm(partial, { force: true });
    await rm(`${partial}-journal`, { force: true });
  }
}

/** Replaces the database of `dataDir` with the checked backup `source`; refuses while a server holds it. */
export async function restoreSqlite(dataDir: string, source: string, now = new Date()): Promise<BackupReport & { previous: string | null }> {
  if (!existsSync(source)) throw new OperationRefused(`no backup at ${source}`);
  const report = checkSqliteCopy(source);
  const live = path.join(dataDir, SQLITE_FILE);
  const incoming = path.join(dataDir, `${SQLITE_FILE}.restoring`);
  const held = existsSync(live) ? holdExclusively(live) : null;
  try {
    await rm(incoming, { force: true });
    const backup = new SqliteDatabase(source, { readonly: true, fileMustExist: true });
    try {
      await backup.backup(incoming);
    } finally {
      backup.close();
    }
    checkSqliteCopy(incoming, { makeSingleFile: true });
    let previous: string | null = null;
    if (held) {
      previous = `${live}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
      await rename(live, previous);
    }
    await rename(incoming, live);
    return { ...report, file: live, previous };
  } finally {
    held?.close();
    await rm(incoming, { force: true });
  }
}

/** The live file, locked against every other connection (see the top of this file); throws when a server has it. */
function holdExclusively(live: string): SqliteDatabase.Database {
  const db = new SqliteDatabase(live, { fileMustExist: true, timeout: 0 });
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
    // Folds the WAL into the file and removes it while we hold the lock: nothing of the old database is left in a
    // -wal that the restored one could be read with.
    db.pragma('journal_mode = DELETE');
    return db;
  } catch (err) {
    db.close();
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      throw new OperationRefused(`a server has ${live} open: stop every server on this data directory, then restore`);
    }
    throw err;
  }
}
