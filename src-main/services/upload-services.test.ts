/**
 * An upload cut at half and resumed after a restart of the client, against the real server and real tus: a loopback
 * proxy drops the connection after half the file and then refuses connections (the office line is down); the
 * client is closed (the app quits), a new ClientServices on the same local store resumes once the line is back,
 * and the server's SHA-256 is the file's.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { UPLOAD_CHUNK_BYTES, type AttachmentRef, type UploadState } from '@shared/contract/client-api';
import type { Result } from '@shared/contract/result';
import { startPortal, type Portal } from '../../tests/fixtures/portal';
import type { TokenClient } from '../token/token-client';
import { ClientServices } from './client-services';
import { LocalStore } from './local-store';

/** Forwards to the portal; `cutAfter` bytes towards the server, then drops it all and refuses until `up()`. */
function flakyLine(target: number) {
  let cutAfter = Infinity;
  let down = false;
  let forwarded = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    if (down) return client.destroy();
    const upstream = net.connect(target, '127.0.0.1');
    sockets.add(client).add(upstream);
    client.on('data', (chunk: Buffer) => {
      forwarded += chunk.length;
      upstream.write(chunk);
      if (forwarded >= cutAfter) {
        down = true;
        for (const s of sockets) s.destroy();
      }
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    for (const s of [client, upstream]) s.on('error', () => undefined).on('close', () => (client.destroy(), upstream.destroy()));
  });
  return {
    listen: () => new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port))),
    cutAfter: (n: number) => ((cutAfter = n), (forwarded = 0)),
    up: () => ((down = false), (cutAfter = Infinity), (forwarded = 0)),
    forwarded: () => forwarded,
    close: () => new Promise<void>((resolve) => (sockets.forEach((s) => s.destroy()), server.close(() => resolve()))),
  };
}

const noKeys = { on: () => undefined } as unknown as TokenClient;
let portal: Portal;
let line: ReturnType<typeof flakyLine>;
let lineUrl: string;
let dir: string;

beforeAll(async () => {
  portal = await startPortal({ roots: [] });
  line = flakyLine(Number(new URL(portal.url).port));
  lineUrl = `http://127.0.0.1:${await line.listen()}`;
  dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-uploads-'));
}, 60_000);
afterAll(async () => {
  await line?.close();
  await portal?.close();
  await rm(dir, { recursive: true, force: true });
});

function client(storeFile: string) {
  const store = new LocalStore(storeFile);
  const services = new ClientServices({
    shell: 'browser',
    store,
    tokens: noKeys,
    defaultServerUrl: lineUrl,
    printRegistrationForms: async () => new Uint8Array(),
    uploads: { retryDelays: [], resumeAfterMs: 3600_000 },
  });
  const call = async <T>(method: string, input: unknown) => (await services.dispatch(method, input)) as Result<T>;
  return { store, services, call };
}

/** What the renderer does: start, the bytes in chunks, send. */
async function upload(c: ReturnType<typeof client>, bytes: Buffer, requirement: string) {
  const uploadId = randomUUID();
  expect((await c.call('uploads.start', { uploadId, purpose: 'registration', requirement, slot: requirement, fileName: `${requirement}.pdf`, size: bytes.length })).ok).toBe(true);
  for (let offset = 0; offset < bytes.length; offset += UPLOAD_CHUNK_BYTES) {
    const content = bytes.subarray(offset, offset + UPLOAD_CHUNK_BYTES).toString('base64');
    expect((await c.call('uploads.append', { uploadId, offset, content })).ok).toBe(true);
  }
  return { uploadId, sent: await c.call<AttachmentRef>('uploads.send', { uploadId }) };
}

it('resumes an upload cut at half after the client restarts, from the server\u2019s offset, to the file\u2019s SHA-256', async () => {
  const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(3 * 1024 * 1024, 0x20), Buffer.from(randomUUID())]);
  const storeFile = path.join(dir, 'client.db');
  const first = client(storeFile);
  line.cutAfter(bytes.length / 2);
  const { uploadId, sent } = await upload(first, bytes, 'businessLicence');
  expect(sent).toMatchObject({ ok: false, error: { code: 'SERVER_UNREACHABLE', retriable: true } });
  const listed = await first.call<{ uploads: UploadState[] }>('uploads.list', {});
  expect(listed.ok && listed.value.uploads.find((u) => u.uploadId === uploadId)?.status).toBe('paused');
  await first.services.close();
  first.store.close();

  // The server kept what arrived before the cut.
  const spool = portal.app.services.partialUploads;
  // The disk spool's folder (services.partialUploads is the tus store interface: it names no folder).
  const [partial] = (await readdir(path.join(portal.app.services.config.dataDir, 'uploads'))).filter((name) => !name.endsWith('.json'));
  const offset = (await spool.getUpload(partial!)).offset;
  expect(offset).toBeGreaterThan(0);
  expect(offset).toBeLessThan(bytes.length);

  line.up();
  const second = client(storeFile);
  const resumed = await second.call<AttachmentRef>('uploads.resume', { uploadId });
  expect(resumed).toEqual({
    ok: true,
    value: { requirement: 'businessLicence', fileName: 'businessLicence.pdf', sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, mediaType: 'application/pdf' },
  });
  // Only the rest crossed the line the second time, not the whole file again.
  expect(line.forwarded()).toBeLessThan(bytes.length - offset + 64 * 1024);
  const after = await second.call<{ uploads: UploadState[] }>('uploads.list', { purpose: 'registration' });
  expect(after.ok && after.value.uploads.find((u) => u.uploadId === uploadId)?.status).toBe('done');
  await second.services.close();
  second.store.close();
}, 60_000);

it('takes the bytes only in order, and refuses what the server refuses by content', async () => {
  const c = client(path.join(dir, 'order.db'));
  const uploadId = randomUUID();
  const exe = Buffer.from('MZ\x90\x00 not a document');
  await c.call('uploads.start', { uploadId, purpose: 'registration', requirement: 'agreement', slot: 'agreement', fileName: 'agreement.pdf', size: exe.length });
  expect(await c.call('uploads.append', { uploadId, offset: 4, content: exe.subarray(4).toString('base64') })).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
  expect(await c.call('uploads.send', { uploadId })).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });
  expect((await c.call('uploads.append', { uploadId, offset: 0, content: exe.toString('base64') })).ok).toBe(true);
  expect(await c.call('uploads.send', { uploadId })).toMatchObject({ ok: false, error: { code: 'FILE_TYPE_UNSUPPORTED', retriable: false } });
  const other = await c.call('uploads.start', { uploadId: randomUUID(), purpose: 'subsidy', requirement: 'x', slot: 'x', fileName: 'x.pdf', size: 10 });
  expect(other).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  await c.services.close();
  c.store.close();
});

it('puts scans chosen at once under one attempt\u2019s upload token, so the request listing them is accepted', async () => {
  line.up();
  const c = client(path.join(dir, 'at-once.db'));
  const requirements = ['businessLicence', 'authorisationLetter', 'adminIdFront', 'adminIdBack'];
  const sent = await Promise.all(requirements.map((r) => upload(c, Buffer.from(`%PDF-1.4\n% ${r} ${randomUUID()}\n%%EOF\n`), r)));
  const attachments = sent.map((s) => (s.sent.ok ? s.sent.value : null));
  expect(attachments.every(Boolean)).toBe(true);
  const form = {
    kind: 'accountsUnknown',
    enterprise: { uscc: '91320594MA1YY8Q29X', name: '苏州园区示范有限公司' },
    administrator: { name: '周新', idNumber: '11010519491231002X', mobile: '13912340001', email: '' },
    legalRepresentative: { name: '张伟' },
    newName: '',
    newAddress: '',
    filer: { name: '周新', mobile: '13912340001' },
    superMobile: '',
  };
  const filed = await c.call<{ status: string }>('accountRequests.submit', { form, attachments });
  expect(filed).toMatchObject({ ok: true, value: { status: 'submitted' } });
  // main keeps it: the status reads back without login.
  expect(await c.call('accountRequests.status', {})).toMatchObject({ ok: true, value: { status: 'submitted', kind: 'accountsUnknown' } });
  await c.services.close();
  c.store.close();
});
