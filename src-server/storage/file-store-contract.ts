/**
 * What every FileStore must do, as tests any implementation runs (issue 20 part 4): the disk store runs them in
 * file-store.test.ts; an object-store one (S3-compatible, for servers on several machines) runs the same suite
 * against its bucket. Only the interface is used here, never a path.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileStore } from './file-store';

const pdf = (label: string) => Buffer.from(`%PDF-1.4\n${label}\n%%EOF\n`);
export const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
export const bytesOf = async (s: Readable | null) => {
  if (!s) return null;
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
};
const codeOf = (err: unknown) => (err as { code?: string }).code;

export function describeFileStoreContract(name: string, open: () => Promise<{ store: FileStore; close(): Promise<void> }>): void {
  describe(`FileStore contract: ${name}`, () => {
    let store: FileStore;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, close } = await open());
    });
    afterAll(() => close?.());

    it('stores by SHA-256, typed by content, once for the same bytes, and gives the bytes back', async () => {
      const bytes = pdf(`contract ${Date.now()}`);
      const first = await store.put(Readable.from([bytes]), 1 << 20);
      expect(first).toEqual({ sha256: sha(bytes), size: bytes.length, mediaType: 'application/pdf' });
      expect(await store.put(Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]), 1 << 20)).toEqual(first);
      expect(await bytesOf(await store.open(first.sha256))).toEqual(bytes);
    });

    it('publishes nothing when the bytes are too many, none, of no accepted type, or the record before publishing fails', async () => {
      const big = pdf('x'.repeat(2048));
      const refused = async (source: Buffer, max: number, before?: () => Promise<void>) =>
        codeOf(await store.put(Readable.from([source]), max, before).then(() => null, (err: unknown) => err));
      expect(await refused(big, 1024)).toBe('FILE_TOO_LARGE');
      expect(await refused(Buffer.alloc(0), 1024)).toBe('FILE_EMPTY');
      expect(await refused(Buffer.from('plain text, not a scan'), 1024)).toBe('FILE_TYPE_UNSUPPORTED');
      const unrecorded = pdf(`unrecorded ${Date.now()}`);
      await expect(store.put(Readable.from([unrecorded]), 1 << 20, () => Promise.reject(new Error('record failed')))).rejects.toThrow('record failed');
      for (const b of [big, unrecorded]) expect(await store.open(sha(b))).toBeNull();
    });

    it('removes a file (again: no error), answers null for an unknown one, and refuses a name that is not a SHA-256', async () => {
      const bytes = pdf(`removed ${Date.now()}`);
      const { sha256 } = await store.put(Readable.from([bytes]), 1 << 20);
      await store.remove(sha256);
      await store.remove(sha256);
      expect(await store.open(sha256)).toBeNull();
      await expect(store.open('../../etc/passwd')).rejects.toThrow(/SHA-256/);
    });

    it('answers the health probe, and sweeps no temporary file newer than asked', async () => {
      await expect(store.probe()).resolves.toBeUndefined();
      expect(await store.sweepTemporary(new Date(0))).toBe(0);
    });
  });
}
