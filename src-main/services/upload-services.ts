/**
 * `uploads.*` of window.tongban: one upload surface for every flow. The renderer hands main the bytes in chunks
 * (never one giant IPC message); main spools them in its data directory and sends them over tus 1.0 with
 * tus-js-client, keeping the upload URL in the local store (upload-journal.ts). A dropped line pauses the upload and
 * main tries again by itself; after an app restart it resumes what was unfinished (at start for registration scans,
 * after sign-in for the others, or when the renderer asks) from the server's offset. The result is an AttachmentRef
 * with the SHA-256 the server computed over the stored bytes: the one the signatures carry.
 */
import { createReadStream } from 'node:fs';
import { appendFile, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Upload, type DetailedError } from 'tus-js-client';
import type { AttachmentRef, ClientEvents, ClientResults, UploadPurpose, UploadState } from '@shared/contract/client-api';
import { createUploadTokenRoute, UPLOAD_TOKEN_HEADER, uploadedFileRoute, UPLOADS_PATH } from '@shared/contract/http/uploads';
import { fail, ok, type Result } from '@shared/contract/result';
import { serverUrlAllowed } from '@shared/contract/server-url';
import type { LocalStore } from './local-store';
import type { PortalClient } from './portal-client';
import { fingerprintOf, UploadJournal, type JournalUpload } from './upload-journal';
import { SingleFlight } from './single-flight';

export interface UploadServicesContext {
  portal(): PortalClient;
  serverUrl(): string;
  signedIn(): boolean;
  store: LocalStore;
  emit<E extends keyof ClientEvents>(event: E, payload: ClientEvents[E]): void;
  /** tus-js-client's waits between attempts before an upload counts as paused (tests shorten them). */
  retryDelays?: number[];
  /** How long a paused upload waits before main tries it again by itself. */
  resumeAfterMs?: number;
}

type R = ClientResults['uploads'];
const REGISTRATION_TOKEN = 'registrationUploadToken';
/** 4 MB per PATCH: progress stays lively and a drop costs at most this much again, even on a proxy that buffers. */
const CHUNK_SIZE = 4 * 1024 * 1024;

const itemOf = (purpose: UploadPurpose) => (purpose === 'registration' ? null : purpose);

export class UploadQueue {
  private readonly journal: UploadJournal;
  private readonly spoolDir: string;
  private readonly running = new SingleFlight<Result<AttachmentRef>>();
  /** Scans chosen at once all wait for the one token: each its own would put them under different attempts. */
  private readonly issuing = new SingleFlight<Result<string>>();
  private readonly active = new Map<string, Upload>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(private readonly ctx: UploadServicesContext) {
    this.journal = new UploadJournal(ctx.store.connection);
    const base = ctx.store.file === ':memory:' ? os.tmpdir() : path.dirname(ctx.store.file);
    this.spoolDir = path.join(base, 'upload-spool');
  }

  private spoolOf(uploadId: string) {
    return path.join(this.spoolDir, uploadId);
  }

  async start(i: { uploadId: string; purpose: UploadPurpose; requirement: string; slot: string; fileName: string; size: number }): Promise<Result<R['start']>> {
    if (this.journal.get(i.uploadId)) return fail('INPUT_INVALID', false, { field: 'uploadId', issue: 'DUPLICATE' });
    let uploadToken: string | null = null;
    if (i.purpose === 'registration') {
      const token = await this.registrationToken();
      if (!token.ok) return token;
      uploadToken = token.value;
    } else if (!this.ctx.signedIn()) {
      return fail('NOT_SIGNED_IN');
    }
    await mkdir(this.spoolDir, { recursive: true });
    await writeFile(this.spoolOf(i.uploadId), new Uint8Array());
    this.journal.add({ ...i, uploadToken });
    return ok({ uploadId: i.uploadId });
  }

  async append(i: { uploadId: string; offset: number; content: string }): Promise<Result<R['append']>> {
    const u = this.journal.get(i.uploadId);
    if (!u || u.status !== 'spooling') return fail('NOT_FOUND');
    const bytes = Buffer.from(i.content, 'base64');
    const have = (await stat(this.spoolOf(i.uploadId))).size;
    // In order only: a chunk sent twice (a retried IPC call) or out of order would corrupt the file silently.
    if (i.offset !== have || have + bytes.length > u.size) return fail('INPUT_INVALID', false, { field: 'offset', issue: 'OUT_OF_ORDER' });
    await appendFile(this.spoolOf(i.uploadId), bytes);
    return ok({ received: have + bytes.length });
  }

  async send(i: { uploadId: string }): Promise<Result<R['send']>> {
    const u = this.journal.get(i.uploadId);
    if (!u) return fail('NOT_FOUND');
    if (u.status === 'spooling') {
      const have = (await stat(this.spoolOf(u.uploadId))).size;
      if (have !== u.size) return fail('INPUT_INVALID', false, { field: 'size', issue: 'INCOMPLETE' });
      this.setStatus(u, 'sending');
    }
    return this.run(u.uploadId);
  }

  async resume(i: { uploadId: string }): Promise<Result<R['resume']>> {
    const u = this.journal.get(i.uploadId);
    if (!u || u.status === 'spooling') return fail('NOT_FOUND');
    return this.run(u.uploadId);
  }

  async list(i: { purpose?: UploadPurpose }): Promise<Result<R['list']>> {
    return ok({ uploads: this.journal.list(i.purpose).map(publicState) });
  }

  async discard(i: { uploadId: string }): Promise<Result<R['discard']>> {
    const upload = this.active.get(i.uploadId);
    this.active.delete(i.uploadId);
    // Terminate on the server too: its partial bytes are of no use to anyone.
    if (upload) await upload.abort(true).catch(() => undefined);
    await rm(this.spoolOf(i.uploadId), { force: true });
    return ok({ discarded: this.journal.remove(i.uploadId) });
  }

  /** The attempt's upload token the registration submit presents (null before any scan was uploaded). */
  currentRegistrationToken(): string | null {
    return this.ctx.store.getSetting<{ token: string }>(REGISTRATION_TOKEN)?.token ?? null;
  }

  /** A registration was confirmed: the next one is a new attempt with a new token. */
  endRegistrationAttempt(): void {
    this.ctx.store.setSetting(REGISTRATION_TOKEN, null);
  }

  /** Resumes every unfinished upload that can go now (after start-up and after sign-in). */
  resumePending(): void {
    for (const u of this.journal.list()) {
      if ((u.status === 'sending' || u.status === 'paused') && (u.purpose === 'registration' || this.ctx.signedIn())) void this.run(u.uploadId);
    }
  }

  /** Stops sending (the app quits); what was sent stays on the server, resumable at the next start. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.all([...this.active.values()].map((u) => u.abort(false).catch(() => undefined)));
    this.active.clear();
  }

  private async registrationToken(): Promise<Result<string>> {
    const kept = this.ctx.store.getSetting<{ token: string; expiresAt: string } | null>(REGISTRATION_TOKEN);
    // An hour of margin: scans uploaded now must still be under a live token when the form is submitted.
    if (kept && Date.parse(kept.expiresAt) - Date.now() > 3600_000) return ok(kept.token);
    return this.issuing.run('token', async () => {
      const issued = await this.ctx.portal().call(createUploadTokenRoute, { anonymous: true });
      if (!issued.ok) return issued;
      this.ctx.store.setSetting(REGISTRATION_TOKEN, issued.value);
      return ok(issued.value.token);
    });
  }

  private setStatus(u: JournalUpload, status: UploadState['status'], outcome: { attachment?: AttachmentRef; error?: string } = {}) {
    this.journal.setStatus(u.uploadId, status, outcome);
    this.ctx.emit('upload.state', publicState({ ...u, status, ...outcome }));
  }

  private run(uploadId: string): Promise<Result<AttachmentRef>> {
    return this.running.run(uploadId, () => this.transfer(uploadId));
  }

  private async transfer(uploadId: string): Promise<Result<AttachmentRef>> {
    const u = this.journal.get(uploadId);
    if (!u) return fail('NOT_FOUND');
    if (u.status === 'done' && u.attachment) return ok(u.attachment);
    if (u.status === 'failed') return fail(u.error ?? 'CLIENT_ERROR');
    const registration = u.purpose === 'registration';
    if (!registration && !this.ctx.signedIn()) return fail('NOT_SIGNED_IN');
    // Scans are personal data: never over plain http off this machine (the same rule as every other call).
    if (!serverUrlAllowed(this.ctx.serverUrl())) return fail('SERVER_URL_NOT_HTTPS');
    const headers = registration ? { [UPLOAD_TOKEN_HEADER]: u.uploadToken ?? '' } : this.ctx.portal().sessionHeaders();
    this.setStatus(u, 'sending');

    const sent = await new Promise<{ url: string } | { error: Error | DetailedError }>((resolve) => {
      const upload = new Upload(createReadStream(this.spoolOf(uploadId)) as unknown as Buffer, {
        // Like the portal client's URLs: a server under a path prefix keeps it.
        endpoint: `${this.ctx.serverUrl().replace(/\/+$/, '')}${UPLOADS_PATH}`,
        uploadSize: u.size,
        chunkSize: CHUNK_SIZE,
        retryDelays: this.ctx.retryDelays ?? [0, 1000, 3000, 5000, 10000],
        headers,
        metadata: itemOf(u.purpose) ? { item: itemOf(u.purpose)! } : {},
        urlStorage: this.journal.urlStorage,
        fingerprint: async () => fingerprintOf(uploadId),
        storeFingerprintForResuming: true,
        removeFingerprintOnSuccess: true,
        onProgress: (bytesSent, bytesTotal) => this.ctx.emit('upload.progress', { uploadId, sent: bytesSent, total: bytesTotal }),
        onSuccess: () => resolve({ url: upload.url ?? '' }),
        onError: (error) => resolve({ error }),
      });
      this.active.set(uploadId, upload);
      upload.findPreviousUploads().then(
        (previous) => {
          if (previous[0]) upload.resumeFromPreviousUpload(previous[0]);
          upload.start();
        },
        (error: Error) => resolve({ error }),
      );
    });
    this.active.delete(uploadId);
    if (this.closed) return fail('SERVER_UNREACHABLE', true);
    if ('error' in sent) return this.stopped(u, sent.error);

    const serverId = sent.url.split('/').pop() ?? '';
    const file = await this.ctx.portal().call(uploadedFileRoute, { params: { uploadId: serverId }, anonymous: registration, headers: registration ? headers : {} });
    if (!file.ok) return this.stopped(u, file.error);
    const attachment: AttachmentRef = { requirement: u.requirement, fileName: u.fileName, ...file.value };
    this.setStatus(u, 'done', { attachment });
    await rm(this.spoolOf(uploadId), { force: true });
    return ok(attachment);
  }

  /** A refusal ends the upload; no answer, a server fault or a conflict only pauses it until the next try. */
  private stopped(u: JournalUpload, error: Error | DetailedError | { code: string; retriable: boolean }): Result<AttachmentRef> {
    const { code, retriable } = 'code' in error ? error : classify(error);
    if (!retriable) {
      this.setStatus(u, 'failed', { error: code });
      return fail(code);
    }
    this.setStatus(u, 'paused', { error: code });
    if (!this.timer && !this.closed) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.resumePending();
      }, this.ctx.resumeAfterMs ?? 15_000);
      this.timer.unref();
    }
    return fail(code, true);
  }
}

function classify(error: Error | DetailedError): { code: string; retriable: boolean } {
  const response = (error as DetailedError).originalResponse;
  if (!response) return { code: 'SERVER_UNREACHABLE', retriable: true };
  const status = response.getStatus();
  let code = 'SERVER_UNREACHABLE';
  try {
    code = (JSON.parse(response.getBody()) as { error?: { code?: string } }).error?.code ?? code;
  } catch {
    // not our error body (a proxy's page): only the status tells
  }
  return { code, retriable: status >= 500 || status === 409 || status === 423 || status === 429 };
}

const publicState = (u: JournalUpload | (UploadState & { uploadToken?: unknown })): UploadState => {
  const { uploadToken: _hidden, ...state } = u as UploadState & { uploadToken?: unknown };
  return state;
};

/** The `uploads.*` handlers for the dispatcher; the queue is made on first use. */
export function uploadHandlers(queue: () => UploadQueue) {
  return {
    'uploads.start': (i: Parameters<UploadQueue['start']>[0]) => queue().start(i),
    'uploads.append': (i: Parameters<UploadQueue['append']>[0]) => queue().append(i),
    'uploads.send': (i: Parameters<UploadQueue['send']>[0]) => queue().send(i),
    'uploads.resume': (i: Parameters<UploadQueue['resume']>[0]) => queue().resume(i),
    'uploads.list': (i: Parameters<UploadQueue['list']>[0]) => queue().list(i),
    'uploads.discard': (i: Parameters<UploadQueue['discard']>[0]) => queue().discard(i),
  };
}
