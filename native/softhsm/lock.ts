/**
 * A cross-process lock: a directory created with mkdir (atomic on every local filesystem), holding the owner's
 * pid so a lock left by a crashed process can be recognised and broken instead of blocking everyone forever.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

const POLL_MS = 100;
/** mkdir and writing owner.json are two steps: a lock without an owner this old was abandoned in between. */
const OWNERLESS_STALE_MS = 30_000;
/** A lock held by a process on another host cannot be checked; give up on it after this long. */
const FOREIGN_STALE_MS = 10 * 60_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

async function readOwner(lockDir: string): Promise<LockOwner | null> {
  try {
    return JSON.parse(await readFile(`${lockDir}/owner.json`, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

async function isStale(lockDir: string): Promise<boolean> {
  const owner = await readOwner(lockDir);
  if (!owner) {
    const st = await stat(lockDir).catch(() => null);
    return st !== null && Date.now() - st.mtimeMs > OWNERLESS_STALE_MS;
  }
  if (owner.host !== os.hostname()) return Date.now() - Date.parse(owner.since) > FOREIGN_STALE_MS;
  return !isAlive(owner.pid);
}

/**
 * Moves a stale lock aside before deleting it, so that when two waiters find it stale at once only one of them
 * breaks it. (A waiter could still move aside a fresh lock taken between its check and its rename; that needs
 * a crash plus three racing processes within milliseconds, and costs one redundant, still atomic, rebuild.)
 */
async function breakLock(lockDir: string): Promise<void> {
  const aside = `${lockDir}.stale-${randomUUID()}`;
  try {
    await rename(lockDir, aside);
  } catch {
    return;
  }
  await rm(aside, { recursive: true, force: true });
}

/** Runs `fn` while holding the lock directory `lockDir`; waits (polling) up to `timeoutMs` for it. */
export async function withDirLock<T>(lockDir: string, fn: () => Promise<T>, timeoutMs = 5 * 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await mkdir(lockDir);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    if (await isStale(lockDir)) {
      await breakLock(lockDir);
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for lock ${lockDir}; if no provisioning is running, delete it`);
    }
    await sleep(POLL_MS);
  }
  try {
    const owner: LockOwner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
    await writeFile(`${lockDir}/owner.json`, JSON.stringify(owner));
    return await fn();
  } finally {
    await rm(lockDir, { recursive: true, force: true });
  }
}
