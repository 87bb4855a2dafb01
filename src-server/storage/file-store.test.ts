/**
 * A file recorded just before a crash keeps its bytes (issue 17 item 11): they are synced in tmp/ before the
 * record is written, and the next start publishes them under their name. Bytes nobody recorded stay for the sweep.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskFileStore } from './file-store';
import { bytesOf as read, describeFileStoreContract, sha } from './file-store-contract';

describe('diskFileStore after a crash', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'tongban-files-'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('publishes recorded bytes left in tmp/ and leaves unrecorded ones', async () => {
    const store = diskFileStore(root);
    const recorded = Buffer.from('%PDF-1.4 recorded before the crash');
    const stray = Buffer.from('%PDF-1.4 never recorded');
    await mkdir(path.join(root, 'tmp'), { recursive: true });
    await writeFile(path.join(root, 'tmp', randomUUID()), recorded);
    await writeFile(path.join(root, 'tmp', randomUUID()), stray);
    expect(await store.open(sha(recorded))).toBeNull();

    expect(await store.recoverTemporary(async (s) => s === sha(recorded))).toBe(1);
    expect(await read(await store.open(sha(recorded)))).toEqual(recorded);
    expect(await store.open(sha(stray))).toBeNull();
    expect(await readdir(path.join(root, 'tmp'))).toHaveLength(1);
  });

  it('stores a file whole whose record is written before it is published', async () => {
    const store = diskFileStore(root);
    const bytes = Buffer.from('%PDF-1.4 normal upload');
    let seenInTmp = 0;
    const stored = await store.put(Readable.from([bytes]), 1 << 20, async () => {
      seenInTmp = (await readdir(path.join(root, 'tmp'))).length;
    });
    expect(stored.sha256).toBe(sha(bytes));
    expect(seenInTmp).toBeGreaterThan(0);
    expect(await read(await store.open(stored.sha256))).toEqual(bytes);
  });
});

describeFileStoreContract('disk', async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'tongban-files-contract-'));
  return { store: diskFileStore(root), close: () => rm(root, { recursive: true, force: true }) };
});
