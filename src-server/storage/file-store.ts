/**
 * Content-addressed file storage: a file's name is the SHA-256 of its bytes, so the same scan uploaded twice is
 * stored once and a stored file cannot be altered without changing its name. Uploads stream to a temporary file
 * while being hashed and measured, and are refused as soon as they pass the limit.
 *
 * The server reaches stored bytes only through {@link FileStore} (and unfinished uploads through
 * {@link PartialUploadStore}): nothing else assumes a local path, so servers on several machines can keep
 * attachments in an S3-compatible object store by implementing these two (src-server/README.md "Past one
 * machine"). Every implementation runs the contract tests of file-store-contract.ts.
 */
import { createHash, randomUUID } from 'node:crypto';
import { constants, createReadStream, createWriteStream } from 'node:fs';
import { access, mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DataStore } from '@tus/server';
import { ApiError } from '../http/api-error';
import { SNIFF_BYTES, sniffMediaType, type StoredMediaType } from '@shared/files/media-type';

export interface StoredFile {
  sha256: string;
  size: number;
  mediaType: StoredMediaType;
}

export interface FileStore {
  /**
   * Streams `source` into the store. `beforePublish` runs once the bytes are complete and checked but before the
   * file appears under its name (the upload records the file there first, see routes/uploads.ts); if it throws,
   * nothing is published.
   */
  put(source: Readable, maxBytes: number, beforePublish?: (file: StoredFile) => Promise<void>): Promise<StoredFile>;
  open(sha256: string): Promise<Readable | null>;
  /** Deletes the file; a file that is not there is not an error. */
  remove(sha256: string): Promise<void>;
  /** Deletes temporary files of uploads that never finished (a crash) last written before `before`; their count. */
  sweepTemporary(before: Date): Promise<number>;
  /**
   * After a crash between recording a file and publishing it, its bytes wait complete (and synced) under `tmp/`:
   * each temporary file whose SHA-256 `isRecorded` and is not published yet is published now; the count.
   */
  recoverTemporary(isRecorded: (sha256: string) => Promise<boolean>): Promise<number>;
  /** Throws unless the store can be read and written now (`GET /api/health`); a bucket's store asks the bucket. */
  probe(): Promise<void>;
}

/**
 * Unfinished tus uploads until their last byte: a tus DataStore (today @tus/file-store under `<data>/uploads`; an
 * object store would use @tus/s3-store) that can also stream an upload's bytes to {@link FileStore.put}.
 */
export type PartialUploadStore = DataStore & { read(id: string): Readable };

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function diskFileStore(root: string): FileStore {
  const pathOf = (sha256: string) => {
    // The name becomes a path: only ever a SHA-256 in hex.
    if (!SHA256_HEX.test(sha256)) throw new Error(`not a SHA-256: ${sha256}`);
    return path.join(root, sha256.slice(0, 2), sha256);
  };
  return {
    async put(source, maxBytes, beforePublish) {
      await mkdir(path.join(root, 'tmp'), { recursive: true });
      const tmp = path.join(root, 'tmp', randomUUID());
      const hash = createHash('sha256');
      let size = 0;
      let head = Buffer.alloc(0);
      const meter = new Transform({
        transform(chunk: Buffer, _enc, done) {
          size += chunk.length;
          if (size > maxBytes) return done(new ApiError('FILE_TOO_LARGE'));
          if (head.length < SNIFF_BYTES) head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
          hash.update(chunk);
          done(null, chunk);
        },
      });
      try {
        await pipeline(source, meter, createWriteStream(tmp));
        if (size === 0) throw new ApiError('FILE_EMPTY');
        const mediaType = sniffMediaType(head);
        if (!mediaType) throw new ApiError('FILE_TYPE_UNSUPPORTED');
        const stored = { sha256: hash.digest('hex'), size, mediaType };
        // On disk before the record exists (issue 17): a crash after the record's commit finds the bytes whole in
        // tmp/, and recoverTemporary publishes them at the next start.
        await syncFile(tmp);
        await beforePublish?.(stored);
        await mkdir(path.dirname(pathOf(stored.sha256)), { recursive: true });
        await rename(tmp, pathOf(stored.sha256));
        await syncDirectory(path.dirname(pathOf(stored.sha256)));
        return stored;
      } catch (err) {
        // Drain what the client is still sending, so it reads our answer instead of a reset connection.
        source.resume();
        throw err;
      } finally {
        await rm(tmp, { force: true });
      }
    },
    async open(sha256) {
      const file = pathOf(sha256);
      const exists = await stat(file).then(
        () => true,
        () => false,
      );
      return exists ? createReadStream(file) : null;
    },
    async remove(sha256) {
      await rm(pathOf(sha256), { force: true });
    },
    async recoverTemporary(isRecorded) {
      const dir = path.join(root, 'tmp');
      let published = 0;
      for (const name of await readdir(dir).catch(() => [] as string[])) {
        const file = path.join(dir, name);
        const hash = createHash('sha256');
        try {
          for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
        } catch {
          continue;
        }
        const sha256 = hash.digest('hex');
        const there = await stat(pathOf(sha256)).then(() => true, () => false);
        if (there || !(await isRecorded(sha256))) continue;
        await mkdir(path.dirname(pathOf(sha256)), { recursive: true });
        await rename(file, pathOf(sha256));
        published++;
      }
      return published;
    },
    async probe() {
      await mkdir(path.join(root, 'tmp'), { recursive: true });
      await access(path.join(root, 'tmp'), constants.R_OK | constants.W_OK);
    },
    async sweepTemporary(before) {
      const dir = path.join(root, 'tmp');
      const names = await readdir(dir).catch(() => [] as string[]);
      let removed = 0;
      for (const name of names) {
        const file = path.join(dir, name);
        const info = await stat(file).catch(() => null);
        if (info?.isFile() && info.mtime < before) {
          await rm(file, { force: true });
          removed++;
        }
      }
      return removed;
    },
  };
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The rename itself survives a power cut once its directory is synced; Windows cannot open a directory: skipped. */
async function syncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r').catch(() => null);
  if (!handle) return;
  try {
    await handle.sync().catch(() => undefined);
  } finally {
    await handle.close();
  }
}
