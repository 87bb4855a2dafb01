/**
 * Opens the database: PostgreSQL when a `postgres://` URL is configured, otherwise the embedded SQLite file in
 * the data directory (created on first start). Migrations run before anything else touches it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  type DialectAdapter,
  type Migration,
  type MigrationProvider,
  type SqliteDatabase as SqliteDialectDatabase,
} from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index';
import type { Database } from './schema';

export type DatabaseEngine = 'sqlite' | 'postgres';

export interface OpenDatabase {
  db: Kysely<Database>;
  engine: DatabaseEngine;
}

export function openDatabase(opts: { databaseUrl: string | null; dataDir: string }): OpenDatabase {
  const url = opts.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.TONGBAN_DATABASE_POOL ?? 10) });
    pool.on('connect', usePreparedStatements);
    return { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }), engine: 'postgres' };
  }
  if (url) throw new Error('TONGBAN_DATABASE_URL must be a postgres:// URL (leave it unset for SQLite)');
  mkdirSync(opts.dataDir, { recursive: true });
  const file = new SqliteDatabase(path.join(opts.dataDir, 'tongban.sqlite'));
  // WAL lets readers proceed while one request writes; foreign keys are off by default in SQLite.
  file.pragma('journal_mode = WAL');
  file.pragma('foreign_keys = ON');
  file.pragma('busy_timeout = 5000');
  return { db: new Kysely<Database>({ dialect: new TransactionalDdlSqliteDialect({ database: withStatementCache(file) }) }), engine: 'sqlite' };
}

/**
 * Kysely prepares every query afresh; preparing costs more than running a small indexed query. Our queries are a
 * fixed set of shapes, so prepared statements are kept by SQL text (bounded, in case of variable-length IN lists).
 * Safe because better-sqlite3 is synchronous and Kysely serialises queries on its one connection.
 */
function withStatementCache(file: SqliteDatabase.Database): SqliteDialectDatabase {
  const statements = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => file.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= 1000) statements.clear();
        statement = file.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/**
 * Kysely sends every query as an unnamed statement, so PostgreSQL parses and plans it each time. Naming data
 * queries by a hash of their text lets each connection prepare a shape once and reuse it (pg keeps the names per
 * client). Our queries are a fixed set of shapes, so the per-connection set stays small.
 */
function usePreparedStatements(client: pg.PoolClient): void {
  const query = client.query.bind(client) as (config: pg.QueryConfig) => Promise<pg.QueryResult>;
  Object.assign(client, {
    query(text: unknown, values?: unknown[]) {
      if (typeof text === 'string' && Array.isArray(values) && /^\s*(select|insert|update|delete|with)\b/i.test(text)) {
        const name = `k${createHash('sha1').update(text).digest('base64url')}`;
        return query({ name, text, values });
      }
      return (query as (...args: unknown[]) => Promise<pg.QueryResult>)(text, values);
    },
  });
}

/**
 * SQLite's DDL is transactional, but Kysely's adapter says otherwise and so runs each migration statement on its
 * own: a crash or an error half-way left a half-migrated file that the next start could not migrate (issue 17).
 * Saying so lets the migrator run the pending migrations in one transaction, as it does on PostgreSQL.
 */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

class TransactionalDdlSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/** Runs the pending migrations (all of them, or `only` in tests) in one transaction on either engine. */
export async function migrateToLatest(db: Kysely<Database>, only: Record<string, Migration> = migrations): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => only };
  // Flows land in parallel, each with its own numbered migration touching only its own tables: a database that ran
  // 0008 and 0010 before 0007 landed must still start (Kysely refuses an out-of-order history by default).
  const { error, results } = await new Migrator({ db, provider, allowUnorderedMigrations: true }).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
  }
}
