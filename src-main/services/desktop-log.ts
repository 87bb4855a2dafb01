/**
 * The desktop's log file (electron-log's Node transport, the same in Electron's main process and the browser-mode
 * host): one line per client-API call and per event worth knowing later (token-service restarts, an expired
 * session), in the app's data directory, rotated at a size limit (the full file becomes `tongban.old.log`, so at
 * most twice the limit is kept). Every field passes `redact` first; inputs are never handed to it at all.
 * The self-check report can attach its tail for support.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import electronLog from 'electron-log/node';
import { redact, redactText } from './redact';

export type LogFields = Record<string, unknown>;
export type LogLevel = 'info' | 'warn' | 'error';

export interface DesktopLog {
  /** Where the lines go. */
  readonly file: string;
  write(level: LogLevel, message: string, fields?: LogFields): void;
  /** The last `lines` lines, oldest first (the rotated file's end before the current file when needed). */
  tail(lines: number): string[];
}

export const LOG_FILE_NAME = 'tongban.log';
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
let instances = 0;

export function createDesktopLog(opts: { dir: string; maxBytes?: number; alsoToConsole?: boolean }): DesktopLog {
  mkdirSync(opts.dir, { recursive: true });
  const file = path.join(opts.dir, LOG_FILE_NAME);
  // An instance of our own, so two logs in one process (tests) never share a file.
  const logger = electronLog.create({ logId: `tongban-${++instances}` });
  logger.transports.file.resolvePathFn = () => file;
  logger.transports.file.maxSize = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  logger.transports.file.level = 'info';
  logger.transports.file.format = '[{y}-{m}-{d} {h}:{i}:{s}.{ms}] [{level}] {text}';
  logger.transports.console.level = opts.alsoToConsole ? 'warn' : false;

  return {
    file,
    write(level, message, fields) {
      const safe = fields ? ` ${JSON.stringify(redact(fields))}` : '';
      logger[level](`${redactText(message)}${safe}`);
    },
    tail(lines) {
      const read = (f: string) => (existsSync(f) ? readFileSync(f, 'utf8').split('\n').filter((l) => l !== '') : []);
      const current = read(file);
      const older = current.length < lines ? read(path.join(opts.dir, 'tongban.old.log')) : [];
      return [...older, ...current].slice(-lines);
    },
  };
}
