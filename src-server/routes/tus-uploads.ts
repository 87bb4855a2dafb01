/**
 * tus 1.0 at `/api/uploads` (src-shared/contract/http/uploads.ts) with the maintained server, `@tus/server`, mounted
 * inside Fastify rather than beside it: each request passes our access check, rate limit, request id and logging
 * first, and every refusal leaves as our JSON error body with a stable code (tus-js-client reads the status; a
 * clerk's error dialog reads the code). `@tus/file-store` keeps unfinished uploads in `<data>/uploads`; a complete
 * one moves into the content-addressed store (domain/uploads.ts) and its partial file is removed.
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Metadata, Server } from '@tus/server';
import { uuidSchema, type ServiceItem } from '@shared/contract/http/route';
import {
  appendUploadRoute,
  cancelUploadRoute,
  createUploadRoute,
  createUploadTokenRoute,
  UPLOAD_MAX_BYTES,
  uploadedFileRoute,
  uploadMetadataSchema,
  uploadOffsetRoute,
  UPLOADS_PATH,
} from '@shared/contract/http/uploads';
import {
  checkNewUpload,
  completeUpload,
  issueUploadToken,
  ownedUpload,
  recordNewUpload,
  uploaderOf,
  type Uploader,
} from '../domain/uploads';
import { assertUploadQuota } from '../domain/upload-quota';
import { ApiError } from '../http/api-error';
import { FixedWindowLimiter } from '../http/rate-limit';
import { registerRoute } from '../http/register-route';
import { authorize } from '../plugins/auth';
import type { StoredMediaType } from '@shared/files/media-type';

interface TusContext {
  uploader: Uploader;
  item: ServiceItem | undefined;
  requestId: string;
  /** Our refusal from inside a tus hook, answered instead of tus's plain-text one. */
  failure: unknown;
}

const TUS_STATUS_CODES: Record<number, ConstructorParameters<typeof ApiError>[0]> = {
  404: 'NOT_FOUND',
  410: 'NOT_FOUND',
  409: 'UPLOAD_OFFSET_CONFLICT',
  413: 'FILE_TOO_LARGE',
};

export const tusUploadRoutes: FastifyPluginAsync = async (app) => {
  const services = app.services;
  const contexts = new WeakMap<Request, TusContext>();
  const hour = 3600_000;
  const anonymousCreates = new FixedWindowLimiter(services.config.anonymousLimits.uploadsPerHour, hour);
  const tokenIssues = new FixedWindowLimiter(services.config.anonymousLimits.submitsPerHour, hour);
  const limit = (limiter: FixedWindowLimiter, request: FastifyRequest) => {
    const wait = limiter.hit(request.ip, services.clock.now().getTime());
    if (wait > 0) throw new ApiError('RATE_LIMITED', { headers: { 'retry-after': String(wait) } });
  };

  const tus = new Server({
    path: UPLOADS_PATH,
    datastore: services.partialUploads,
    maxSize: UPLOAD_MAX_BYTES,
    relativeLocation: true,
    namingFunction: () => crypto.randomUUID(),
    onUploadCreate: async (req, upload) => {
      const ctx = contexts.get(req)!;
      await recordNewUpload(services, upload.id, ctx.uploader, upload.size ?? 0, ctx.item);
      // Only what the server reads is kept: a file's name is the client's business (its slot names it).
      return { metadata: ctx.item ? { item: ctx.item } : ({} as Record<string, string>) };
    },
    onUploadFinish: async (req, upload) => {
      const ctx = contexts.get(req)!;
      try {
        const row = await ownedUpload(services, ctx.uploader, upload.id);
        await completeUpload(services, row, services.partialUploads.read(upload.id), ctx.requestId);
        return {};
      } catch (err) {
        ctx.failure = err;
        throw { status_code: err instanceof ApiError ? err.status : 500, body: 'refused\n' };
      } finally {
        await services.partialUploads.remove(upload.id).catch(() => undefined);
      }
    },
  });

  // tus bodies reach tus unread; this parser exists only inside this plugin.
  app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));

  async function handle(request: FastifyRequest, reply: FastifyReply) {
    const principal = await authorize(services, request, { kind: 'uploader' });
    const uploader = await uploaderOf(services, principal, request);
    const ctx: TusContext = { uploader, item: undefined, requestId: request.id, failure: null };
    if (request.method === 'POST') {
      if (uploader.kind === 'token') limit(anonymousCreates, request);
      ctx.item = newUploadItem(request);
      checkNewUpload(uploader, declaredLength(request), ctx.item);
      await assertUploadQuota(services, uploader.kind === 'account' ? uploader.enterpriseId : null, declaredLength(request));
    } else {
      const id = uuidSchema.safeParse((request.params as { uploadId?: string }).uploadId);
      if (!id.success) throw new ApiError('NOT_FOUND');
      const row = await ownedUpload(services, uploader, id.data);
      if (row.status === 'refused') throw new ApiError('FILE_TYPE_UNSUPPORTED');
      if (row.status === 'stored') {
        // The bytes left the tus store when they were complete; a client resuming one tells that from the offset.
        return reply
          .code(request.method === 'DELETE' ? 204 : request.method === 'HEAD' ? 200 : 409)
          .headers({ 'tus-resumable': '1.0.0', 'upload-offset': String(row.length), 'upload-length': String(row.length), 'cache-control': 'no-store' })
          .send();
      }
    }

    const streamed = request.headers['content-type'] === 'application/offset+octet-stream';
    const web = new Request(`http://uploads.invalid${request.url}`, {
      method: request.method,
      headers: Object.entries(request.headers).flatMap(([k, v]) => (v === undefined ? [] : [[k, Array.isArray(v) ? v.join(', ') : v] as [string, string]])),
      ...(streamed ? { body: Readable.toWeb(request.raw) as ReadableStream, duplex: 'half' } : {}),
    } as RequestInit);
    contexts.set(web, ctx);
    const answer = await tus.handleWeb(web);
    if (ctx.failure) throw ctx.failure;
    if (answer.status >= 400) {
      const code = TUS_STATUS_CODES[answer.status];
      if (code) throw new ApiError(code);
      if (answer.status >= 500) throw new Error(`tus answered ${answer.status}: ${await answer.text()}`);
      throw new ApiError('BODY_INVALID', { issues: [{ path: 'headers', code: 'TUS_PROTOCOL', params: { reason: (await answer.text()).trim().slice(0, 120) } }] });
    }
    answer.headers.forEach((value, name) => {
      if (!name.startsWith('access-control-') && name !== 'content-length') void reply.header(name, value);
    });
    return reply.code(answer.status).send(answer.status === 204 || request.method === 'HEAD' ? undefined : await answer.text());
  }

  for (const route of [createUploadRoute, uploadOffsetRoute, appendUploadRoute, cancelUploadRoute]) {
    app.route({ method: route.method, url: route.path, handler: handle });
  }
  app.route({ method: 'POST', url: `${UPLOADS_PATH}/`, handler: handle });

  registerRoute(app, uploadedFileRoute, async ({ params, principal, request }) => {
    const row = await ownedUpload(services, await uploaderOf(services, principal, request), params.uploadId);
    if (row.status === 'refused') throw new ApiError('FILE_TYPE_UNSUPPORTED');
    if (row.status !== 'stored' || !row.sha256) throw new ApiError('UPLOAD_INCOMPLETE');
    const file = await services.db.selectFrom('files').select(['sha256', 'size', 'media_type']).where('sha256', '=', row.sha256).executeTakeFirst();
    if (!file) throw new ApiError('NOT_FOUND');
    return { sha256: file.sha256, size: file.size, mediaType: file.media_type as StoredMediaType };
  });

  registerRoute(app, createUploadTokenRoute, async ({ request }) => {
    limit(tokenIssues, request);
    return issueUploadToken(services, services.clock.now());
  });
};

function declaredLength(request: FastifyRequest): number {
  const raw = request.headers['upload-length'];
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) {
    // Deferred lengths are refused: the size limit is checked before the first byte.
    throw new ApiError('BODY_INVALID', { issues: [{ path: 'headers.upload-length', code: 'REQUIRED' }] });
  }
  return Number(raw);
}

function newUploadItem(request: FastifyRequest): ServiceItem | undefined {
  const raw = request.headers['upload-metadata'];
  let parsed: Record<string, string | null | undefined>;
  try {
    parsed = typeof raw === 'string' ? Metadata.parse(raw) : {};
  } catch {
    throw new ApiError('BODY_INVALID', { issues: [{ path: 'headers.upload-metadata', code: 'FORMAT' }] });
  }
  const meta = uploadMetadataSchema.safeParse({ item: parsed.item ?? undefined });
  if (!meta.success) throw new ApiError('BODY_INVALID', { issues: [{ path: 'headers.upload-metadata.item', code: 'CHOICE_INVALID' }] });
  return meta.data.item;
}
