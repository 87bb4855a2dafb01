/**
 * `npm run server -- backup <file>` and `npm run server -- restore <file>` (src-server/index.ts hands them here):
 * the embedded SQLite database of TONGBAN_DATA_DIR. Exit codes: 0 done, 1 refused or failed, 2 usage.
 */
import path from 'node:path';
import { loadConfig } from '../config';
import { backupSqlite, OperationRefused, restoreSqlite } from './sqlite-backup';

export const OPERATIONS = ['backup', 'restore'] as const;

const USAGE = 'usage: npm run server -- backup <file> | restore <file>';

export async function runOperation(args: string[], env: NodeJS.ProcessEnv = process.env, out: (line: string) => void = console.log): Promise<number> {
  const [operation, file, ...rest] = args;
  if (!file || rest.length || !OPERATIONS.includes(operation as (typeof OPERATIONS)[number])) {
    out(USAGE);
    return 2;
  }
  const config = loadConfig(env);
  if (config.databaseUrl) {
    out(`${operation}: the database is PostgreSQL — use pg_dump / pg_restore (src-server/README.md "Backup and restore")`);
    return 2;
  }
  try {
    const target = path.resolve(file);
    if (operation === 'backup') {
      const r = await backupSqlite(config.dataDir, target);
      out(`backup: ${r.file} (${r.bytes} bytes, integrity ok, migration ${r.migration}, ${r.migrations} migrations)`);
      out('also keep <data>/files/ and <data>/secrets/ (the sealing key of unsent initial passwords) with it');
    } else {
      const r = await restoreSqlite(config.dataDir, target);
      out(`restore: ${r.file} from ${target} (integrity ok, migration ${r.migration})`);
      if (r.previous) out(`the previous database is kept as ${r.previous}`);
    }
    return 0;
  } catch (err) {
    out(`${operation} refused: ${err instanceof OperationRefused ? err.message : String(err)}`);
    return 1;
  }
}
