/**
 * Snapshot caching and concurrency: these build into their own temp directories, never the shared snapshot.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandError, run } from './exec.js';
import { withDirLock } from './lock.js';
import { ensureSnapshot } from './provision.js';
import { SOFTHSM_MODULE_PATH } from './profiles.js';

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'tongban-provision-test-'));
});

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('ensureSnapshot', () => {
  it('builds once for concurrent callers, then reuses, and rebuilds when the tooling hash differs', async () => {
    const outDir = path.join(scratch, 'concurrent', 'snapshot');
    const [a, b] = await Promise.all([ensureSnapshot({ outDir }), ensureSnapshot({ outDir })]);
    expect(a.buildId).toBe(b.buildId);
    expect(a.tokensDir).toBe(path.join(outDir, 'tokens'));
    // Nothing left behind next to the snapshot: no temp build, no old snapshot, no lock.
    expect(await readdir(path.dirname(outDir))).toEqual(['snapshot']);
    const conf = await readFile(path.join(outDir, 'softhsm2.conf'), 'utf8');
    expect(conf).toContain(`directories.tokendir = ${path.join(outDir, 'tokens')}\n`);

    const again = await ensureSnapshot({ outDir });
    expect(again.buildId).toBe(a.buildId);

    const file = path.join(outDir, 'manifest.json');
    const raw = await readFile(file, 'utf8');
    expect(raw).not.toContain(scratch); // paths are relative on disk, so the snapshot could be renamed into place
    const onDisk = JSON.parse(raw) as { toolingHash: string };
    await writeFile(file, JSON.stringify({ ...onDisk, toolingHash: 'stale' }));
    const rebuilt = await ensureSnapshot({ outDir });
    expect(rebuilt.buildId).not.toBe(a.buildId);
    expect(rebuilt.roots['jiangsu-ca'].sha256).not.toBe(a.roots['jiangsu-ca'].sha256); // a new CA
    expect(await readdir(path.dirname(outDir))).toEqual(['snapshot']);
    // Two whole snapshot builds (every token and test CA): ~10 s each on an idle 2-core machine, twice that when
    // the machine is busy, so the default 30 s limit failed under load while nothing was wrong.
  }, 90_000);
});

describe('withDirLock', () => {
  it('serialises holders', async () => {
    const lock = path.join(scratch, 'serial.lock');
    const events: string[] = [];
    const holder = (name: string) =>
      withDirLock(lock, async () => {
        events.push(`${name} in`);
        await new Promise((r) => setTimeout(r, 50));
        events.push(`${name} out`);
      });
    await Promise.all([holder('a'), holder('b')]);
    expect(events).toEqual(['a in', 'a out', 'b in', 'b out']);
  });

  it('breaks a lock left by a process that no longer exists', async () => {
    const lock = path.join(scratch, 'stale.lock');
    const dead = spawnSync(process.execPath, ['-e', '']).pid ?? 0;
    await mkdir(lock);
    await writeFile(
      path.join(lock, 'owner.json'),
      JSON.stringify({ pid: dead, host: os.hostname(), since: new Date().toISOString() }),
    );
    await expect(withDirLock(lock, async () => 'got it', 2_000)).resolves.toBe('got it');
  });

  it('waits for a live holder and times out', async () => {
    const lock = path.join(scratch, 'live.lock');
    await mkdir(lock);
    await writeFile(
      path.join(lock, 'owner.json'),
      JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() }),
    );
    await expect(withDirLock(lock, async () => 'never', 300)).rejects.toThrow(/timed out waiting for lock/);
  });
});

describe('run', () => {
  it('redacts PINs from error messages', async () => {
    const args = ['--module', SOFTHSM_MODULE_PATH, '--token-label', 'NO-SUCH', '--login', '--pin', '12345678', '-O'];
    const error = await run('pkcs11-tool', args, { env: { SOFTHSM2_CONF: '/nonexistent.conf' } }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CommandError);
    expect((error as Error).message).toContain('--pin ***');
    expect((error as Error).message).not.toContain('12345678');
  });
});
