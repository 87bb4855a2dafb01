// The platform server as a deployment runs it (`src-server/index.ts`, configured by environment), in a process of
// its own so that its memory can be sampled apart from the load that drives it. Shared by the deadline-day bench
// and the clerk bench.
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { writeTrustDir } from '../tests/fixtures/server/store-reads';
import { freePort } from '../tests/fixtures/free-port';

export interface ServerProcess {
  url: string;
  pid: number;
  dataDir: string;
  /** Resident set size now, in bytes (VmRSS). */
  rss(): number;
  /** CPU seconds used so far. */
  cpu(): number;
  stop(): Promise<void>;
}


export function rssOf(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) * 1024;
}

/** /proc/<pid>/stat after the command name: [0] state, [1] parent pid, … [11] utime, [12] stime (10 ms ticks). */
const statOf = (pid: number | string) => readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');

export const parentOf = (pid: number) => Number(statOf(pid)[1]);

/** CPU seconds (user + system) a process has used. */
export function cpuSecondsOf(pid: number): number {
  const fields = statOf(pid);
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** CPU seconds of a process and its children now alive (a PostgreSQL postmaster and its backends). */
export function treeCpuSeconds(pid: number): number {
  let total = cpuSecondsOf(pid);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = statOf(entry);
      if (Number(fields[1]) === pid) total += (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      /* gone meanwhile */
    }
  }
  return total;
}

export async function startServerProcess(opts: {
  databaseUrl: string | null;
  roots: ReadonlyArray<{ profile: string; certPath: string }>;
  staffPassword: string;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tongban-bench-server-'));
  await writeTrustDir(path.join(dataDir, 'trust'), opts.roots);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // The server's log goes to a file beside its data (it is what to read when a bench reports an error).
  const log = openSync(path.join(dataDir, 'server.log'), 'a');
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, '..', 'src-server', 'index.ts')], {
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      TONGBAN_DATA_DIR: dataDir,
      TONGBAN_TRUST_DIR: path.join(dataDir, 'trust'),
      TONGBAN_STAFF_ADMIN_PASSWORD: opts.staffPassword,
      ...(opts.databaseUrl ? { TONGBAN_DATABASE_URL: opts.databaseUrl } : {}),
      ...opts.env,
    },
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: see ${path.join(dataDir, 'server.log')}`);
    const up = await fetch(`${url}/api/captcha`, { method: 'OPTIONS' }).then(() => true, () => false);
    if (up) break;
    if (i > 600) throw new Error('the server did not listen within 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid!,
    dataDir,
    rss: () => rssOf(child.pid!),
    cpu: () => cpuSecondsOf(child.pid!),
    async stop() {
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
