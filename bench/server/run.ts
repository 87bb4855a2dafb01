/**
 * `npm run bench:server`: in one run, a bare Fastify route and Tongban's authenticated read of an enterprise's
 * record (session lookup, access check, query), each under autocannon with 64 connections, on SQLite and on
 * PostgreSQL. Prints req/s and p99 of both and their ratio; targets: Tongban ≥ 40 % of bare throughput and
 * p99 < 50 ms. Exits 1 when a target is missed. BENCH_SECONDS sets the duration of each measurement (default 10).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { createPostgresDatabase, postgresBinDir, startPostgres } from '../../tests/fixtures/postgres';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 64;
const TARGET_RATIO = 0.4;
const TARGET_P99_MS = 50;

interface Target {
  child: ChildProcess;
  url: string;
  token?: string;
}

async function startTarget(args: string[]): Promise<Target> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'target.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`bench target exited with ${code}`)));
  });
  const ready = JSON.parse(line) as { port: number; path: string; token?: string };
  return { child, url: `http://127.0.0.1:${ready.port}${ready.path}`, token: ready.token };
}

interface Measurement {
  requestsPerSecond: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

async function measure(target: Target): Promise<Measurement> {
  const headers = target.token ? { authorization: `Bearer ${target.token}` } : undefined;
  // A short warm-up first: JIT, connection pools and SQLite's page cache all start cold.
  await autocannon({ url: target.url, connections: CONNECTIONS, duration: 2, headers });
  const r = await autocannon({ url: target.url, connections: CONNECTIONS, duration: SECONDS, headers });
  return { requestsPerSecond: r.requests.average, p99Ms: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

async function stop(target: Target) {
  target.child.kill('SIGTERM');
  await new Promise((r) => target.child.once('exit', r));
}

async function run(label: string, database: string) {
  const bare = await startTarget(['bare']);
  const bareResult = await measure(bare);
  await stop(bare);
  const tongban = await startTarget(['tongban', database]);
  const tongbanResult = await measure(tongban);
  await stop(tongban);
  const ratio = tongbanResult.requestsPerSecond / bareResult.requestsPerSecond;
  const ok = ratio >= TARGET_RATIO && tongbanResult.p99Ms < TARGET_P99_MS && tongbanResult.non2xx === 0 && tongbanResult.errors === 0;
  console.log(
    [
      `\n${label}`,
      `  bare Fastify       ${bareResult.requestsPerSecond.toFixed(0).padStart(7)} req/s   p99 ${bareResult.p99Ms} ms`,
      `  Tongban auth read  ${tongbanResult.requestsPerSecond.toFixed(0).padStart(7)} req/s   p99 ${tongbanResult.p99Ms} ms   (non-2xx ${tongbanResult.non2xx}, errors ${tongbanResult.errors})`,
      `  ratio ${(ratio * 100).toFixed(1)} % (target ≥ ${TARGET_RATIO * 100} %), p99 target < ${TARGET_P99_MS} ms: ${ok ? 'PASS' : 'MISS'}`,
    ].join('\n'),
  );
  return { label, bare: bareResult, tongban: tongbanResult, ratio, ok };
}

const results = [await run('SQLite', 'sqlite')];
if (postgresBinDir()) {
  const cluster = await startPostgres();
  try {
    results.push(await run('PostgreSQL', await createPostgresDatabase(cluster.adminUrl)));
  } finally {
    await cluster.stop();
  }
} else {
  console.log('\nPostgreSQL: binaries not found under /usr/lib/postgresql, skipped');
}

const dir = path.join(import.meta.dirname, '..', 'results');
await mkdir(dir, { recursive: true });
await writeFile(path.join(dir, `server-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify({ seconds: SECONDS, connections: CONNECTIONS, results }, null, 2));
process.exit(results.every((r) => r.ok) ? 0 : 1);
