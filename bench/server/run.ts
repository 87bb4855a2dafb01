/**
 * `npm run bench:server`: in one run, a bare Fastify route and Tongban's authenticated read of an enterprise's
 * record (session lookup, access check, query), each under autocannon with 64 connections, on SQLite and on
 * PostgreSQL. Prints req/s and p99 of both and their ratio; targets: Tongban ≥ 40 % of bare throughput and
 * p99 < 50 ms. Exits 1 when a target is missed.
 * Both servers run side by side and are measured round robin (bare, Tongban, bare, …; BENCH_ROUNDS rounds of
 * BENCH_SECONDS each, defaults 3 × 5 s), the figures are medians of the rounds, so a neighbour's burst on a shared
 * machine slows both sides alike; the load average is printed beside them.
 * BENCH_DATABASES=postgres measures one engine; BENCH_CPU_PROF=1 starts the Tongban targets with `--cpu-prof` (profiles in bench/results/prof/).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { createPostgresDatabase, postgresBinDir, startPostgres } from '../../tests/fixtures/postgres';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PROFILE_DIR = path.join(import.meta.dirname, '..', 'results', 'prof');
const CONNECTIONS = 64;
const TARGET_RATIO = 0.4;
const TARGET_P99_MS = 50;

interface Target {
  child: ChildProcess;
  url: string;
  token?: string;
}

async function startTarget(args: string[]): Promise<Target> {
  const profile = process.env.BENCH_CPU_PROF && args[0] === 'tongban' ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(import.meta.dirname, 'target.ts'), ...args], {
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

const headersOf = (target: Target) => (target.token ? { authorization: `Bearer ${target.token}` } : undefined);

/** A short warm-up: JIT, connection pools and SQLite's page cache all start cold. */
async function warm(target: Target): Promise<void> {
  await autocannon({ url: target.url, connections: CONNECTIONS, duration: 2, headers: headersOf(target) });
}

async function measure(target: Target): Promise<Measurement> {
  const r = await autocannon({ url: target.url, connections: CONNECTIONS, duration: SECONDS, headers: headersOf(target) });
  return { requestsPerSecond: r.requests.average, p99Ms: r.latency.p99, errors: r.errors, non2xx: r.non2xx };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Medians over the rounds; errors and non-2xx are summed. */
function summary(rounds: Measurement[]): Measurement {
  return {
    requestsPerSecond: median(rounds.map((r) => r.requestsPerSecond)),
    p99Ms: median(rounds.map((r) => r.p99Ms)),
    errors: rounds.reduce((n, r) => n + r.errors, 0),
    non2xx: rounds.reduce((n, r) => n + r.non2xx, 0),
  };
}

async function stop(target: Target) {
  target.child.kill('SIGTERM');
  await new Promise((r) => target.child.once('exit', r));
}

async function run(label: string, database: string) {
  const bare = await startTarget(['bare']);
  const tongban = await startTarget(['tongban', database]);
  await warm(bare);
  await warm(tongban);
  const bareRounds: Measurement[] = [];
  const tongbanRounds: Measurement[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    bareRounds.push(await measure(bare));
    tongbanRounds.push(await measure(tongban));
  }
  await stop(bare);
  await stop(tongban);
  const [bareResult, tongbanResult] = [summary(bareRounds), summary(tongbanRounds)];
  const ratio = tongbanResult.requestsPerSecond / bareResult.requestsPerSecond;
  const ratios = tongbanRounds.map((t, i) => ((t.requestsPerSecond / bareRounds[i]!.requestsPerSecond) * 100).toFixed(1));
  const load = loadavg().map((l) => l.toFixed(2)).join(' ');
  const ok = ratio >= TARGET_RATIO && tongbanResult.p99Ms < TARGET_P99_MS && tongbanResult.non2xx === 0 && tongbanResult.errors === 0;
  console.log(
    [
      `\n${label}`,
      `  bare Fastify       ${bareResult.requestsPerSecond.toFixed(0).padStart(7)} req/s   p99 ${bareResult.p99Ms} ms`,
      `  Tongban auth read  ${tongbanResult.requestsPerSecond.toFixed(0).padStart(7)} req/s   p99 ${tongbanResult.p99Ms} ms   (non-2xx ${tongbanResult.non2xx}, errors ${tongbanResult.errors})`,
      `  ratio ${(ratio * 100).toFixed(1)} % (target ≥ ${TARGET_RATIO * 100} %), p99 target < ${TARGET_P99_MS} ms: ${ok ? 'PASS' : 'MISS'}`,
      `  per round ${ratios.join(' / ')} %, ${ROUNDS} × ${SECONDS} s, load average ${load}`,
    ].join('\n'),
  );
  return { label, bare: bareResult, tongban: tongbanResult, ratio, ok, rounds: { bare: bareRounds, tongban: tongbanRounds }, loadAverage: load };
}

// BENCH_DATABASES=postgres (or sqlite) measures one engine only.
const engines = (process.env.BENCH_DATABASES ?? 'sqlite,postgres').split(',');
const results = engines.includes('sqlite') ? [await run('SQLite', 'sqlite')] : [];
if (!engines.includes('postgres')) {
  // nothing more to measure
} else if (postgresBinDir()) {
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
await writeFile(path.join(dir, `server-${new Date().toISOString().replace(/[:.]/g, '-')}.json`), JSON.stringify({ seconds: SECONDS, rounds: ROUNDS, connections: CONNECTIONS, results }, null, 2));
process.exit(results.every((r) => r.ok) ? 0 : 1);
