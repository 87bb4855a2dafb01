/**
 * The one way this tooling runs external programs: execFile (argv, never a shell string), with PINs redacted
 * from every error message so a failing test log does not spread them around.
 */
import { execFile } from 'node:child_process';

/** Flags of softhsm2-util / pkcs11-tool whose next argument is a secret. */
const SECRET_FLAGS = new Set(['--pin', '--so-pin', '-p', '--new-pin', '--puk']);

export interface RunOptions {
  /** Extra environment (merged over process.env), e.g. SOFTHSM2_CONF. */
  env?: Record<string, string>;
  cwd?: string;
  timeoutMs?: number;
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

export class CommandError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stdout: string,
    readonly stderr: string,
  ) {
    super(message);
    this.name = 'CommandError';
  }
}

export function redactArgs(args: readonly string[]): string[] {
  return args.map((arg, i) => (i > 0 && SECRET_FLAGS.has(args[i - 1] ?? '') ? '***' : arg));
}

/** Runs a program and resolves with its output; rejects with a CommandError (PINs redacted) on a non-zero exit. */
export function run(file: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      {
        env: { ...process.env, ...opts.env },
        cwd: opts.cwd,
        timeout: opts.timeoutMs ?? 60_000,
        maxBuffer: 16 * 1024 * 1024,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        if (!error) {
          resolve({ stdout, stderr });
          return;
        }
        const exitCode = typeof error.code === 'number' ? error.code : null;
        const shown = [file, ...redactArgs(args)].join(' ');
        const reason = error.code === 'ENOENT' ? 'not found on PATH' : `exit ${String(error.code ?? error.signal)}`;
        reject(new CommandError(`${shown} failed (${reason}): ${(stderr || stdout).trim()}`, exitCode, stdout, stderr));
      },
    );
  });
}
