import { describe, expect, it } from 'vitest';
import type { AttachmentRef, UploadState } from '@shared/contract/client-api';
import { activityAfter, ownUpload, percentOf, sendFile, type SlotFile } from './upload-slot-logic';

const ref: AttachmentRef = { requirement: 'agreement', sha256: 'a'.repeat(64), size: 3, mediaType: 'application/pdf', fileName: '协议.pdf' };

function fakeUploads() {
  const calls: { method: string; input: Record<string, unknown> }[] = [];
  const answer = (method: string, value: unknown) => async (input: Record<string, unknown>) => (calls.push({ method, input }), { ok: true as const, value });
  return {
    calls,
    api: {
      start: answer('start', { uploadId: 'u' }),
      append: answer('append', { received: 0 }),
      send: answer('send', ref),
      resume: answer('resume', ref),
      list: answer('list', { uploads: [] }),
      discard: answer('discard', { discarded: true }),
    } as never,
  };
}

const fileOf = (size: number, name = '协议.pdf'): SlotFile => ({ name, size, slice: (a, b) => new Blob([new Uint8Array(b - a)]) });
const base64 = async (b: Blob) => `len:${b.size}`;

describe('sendFile', () => {
  it('hands a 2.5 MB file to main as three chunks in order, then sends it under the slot\u2019s name', async () => {
    const { api, calls } = fakeUploads();
    const r = await sendFile(api, base64, { uploadId: 'u', purpose: 'subsidy', requirement: 'agreement', slot: 'upload-agreement' }, fileOf(2.5 * 1024 * 1024));
    expect(r).toEqual({ sent: true, result: { ok: true, value: ref } });
    expect(calls.map((c) => c.method)).toEqual(['start', 'append', 'append', 'append', 'send']);
    expect(calls[0]!.input).toMatchObject({ fileName: '协议.pdf', size: 2.5 * 1024 * 1024, slot: 'upload-agreement' });
    expect(calls.slice(1, 4).map((c) => [c.input.offset, c.input.content])).toEqual([
      [0, 'len:1048576'],
      [1048576, 'len:1048576'],
      [2097152, 'len:524288'],
    ]);
  });

  it('gives up with FILE_READ_FAILED and forgets the upload when the file cannot be read', async () => {
    const { api, calls } = fakeUploads();
    const r = await sendFile(api, async () => Promise.reject(new Error('locked')), { uploadId: 'u', purpose: 'registration', requirement: 'agreement', slot: 's' }, fileOf(10));
    expect(r).toMatchObject({ sent: false, result: { ok: false, error: { code: 'FILE_READ_FAILED' } } });
    expect(calls.map((c) => c.method)).toEqual(['start', 'discard']);
  });
});

describe('activityAfter', () => {
  const retry = () => undefined;
  it('pauses on a dropped line (main resumes by itself), fails on a refusal without retry', () => {
    expect(activityAfter('u', { ok: true, value: ref }, retry)).toBeNull();
    expect(activityAfter('u', { ok: false, error: { code: 'SERVER_UNREACHABLE', retriable: true } }, retry)).toMatchObject({ kind: 'paused', uploadId: 'u' });
    expect(activityAfter('u', { ok: false, error: { code: 'FILE_TYPE_UNSUPPORTED', retriable: false } }, retry)).toEqual({
      kind: 'failed',
      error: { code: 'FILE_TYPE_UNSUPPORTED', retriable: false },
      retry: null,
    });
    expect(activityAfter('u', { ok: false, error: { code: 'CLIENT_UNAVAILABLE', retriable: true } }, retry)).toMatchObject({ kind: 'failed', retry });
  });
});

it('finds the slot\u2019s own unfinished upload after a restart, never another slot\u2019s or a failed one', () => {
  const u = (slot: string, status: UploadState['status'], uploadId = slot + status): UploadState =>
    ({ uploadId, purpose: 'subsidy', requirement: 'degree', slot, fileName: 'x.pdf', size: 1, status }) as UploadState;
  const all = [u('talent-0-upload-degree', 'failed'), u('talent-1-upload-degree', 'paused'), u('talent-0-upload-degree', 'paused', 'mine')];
  expect(ownUpload(all, 'talent-0-upload-degree')?.uploadId).toBe('mine');
  expect(ownUpload(all, 'talent-2-upload-degree')).toBeNull();
  expect(percentOf(512, 1024)).toBe(50);
  expect(percentOf(5, 0)).toBe(0);
});
