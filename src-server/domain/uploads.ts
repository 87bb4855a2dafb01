/**
 * Who owns a resumable upload and what it becomes. An upload is created by an enterprise account (its service item
 * checked like `?item=` elsewhere) or by a registration attempt's upload token; only that account or token may
 * resume, read or cancel it (anyone else: 404, its existence not confirmed). At completion the bytes are typed by
 * content, hashed and moved into the content-addressed store: the SHA-256 the signatures carry.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import { uploadTokenSchema } from '@shared/contract/http/registration';
import { UPLOAD_MAX_BYTES, UPLOAD_TOKEN_HEADER, UPLOAD_TOKEN_TTL_HOURS } from '@shared/contract/http/uploads';
import type { ServiceItem } from '@shared/contract/http/route';
import type { UploadTable } from '../db/schema-uploads';
import { ApiError } from '../http/api-error';
import type { Principal } from '../plugins/auth';
import { recordFile } from '../routes/uploads';
import type { Services } from '../services';
import type { StoredFile } from '../storage/file-store';
import { writeAudit } from './audit';
import { addSeconds } from './clock';

export type Uploader =
  | { kind: 'account'; accountId: string; enterpriseId: string; permissions: readonly ServiceItem[] }
  | { kind: 'token'; tokenId: string };

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export async function issueUploadToken(services: Services, now: Date) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = addSeconds(now, UPLOAD_TOKEN_TTL_HOURS * 3600).toISOString();
  await services.db
    .insertInto('upload_tokens')
    .values({ id: randomUUID(), token_hash: hashOf(token), created_at: now.toISOString(), expires_at: expiresAt })
    .execute();
  return { token, expiresAt };
}

/** The attempt a live upload token belongs to; UPLOAD_TOKEN_INVALID when unknown or expired. */
export async function uploadTokenId(services: Services, token: unknown, now: Date): Promise<string> {
  const parsed = uploadTokenSchema.safeParse(token);
  if (!parsed.success) throw new ApiError('UPLOAD_TOKEN_INVALID');
  const row = await services.db
    .selectFrom('upload_tokens')
    .select('id')
    .where('token_hash', '=', hashOf(parsed.data))
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (!row) throw new ApiError('UPLOAD_TOKEN_INVALID');
  return row.id;
}

/** The uploader behind a request that passed the `uploader` access check (plugins/auth.ts). */
export async function uploaderOf(services: Services, principal: Principal, request: FastifyRequest): Promise<Uploader> {
  if (principal.kind === 'account') {
    return { kind: 'account', accountId: principal.id, enterpriseId: principal.enterpriseId, permissions: principal.permissions };
  }
  if (principal.kind === 'anonymous') {
    return { kind: 'token', tokenId: await uploadTokenId(services, request.headers[UPLOAD_TOKEN_HEADER], services.clock.now()) };
  }
  throw new ApiError('FORBIDDEN');
}

/** Checks a new upload's declared length and service item before any byte is stored. */
export function checkNewUpload(uploader: Uploader, length: number, item: ServiceItem | undefined): void {
  if (length > UPLOAD_MAX_BYTES) throw new ApiError('FILE_TOO_LARGE');
  if (length === 0) throw new ApiError('FILE_EMPTY');
  if (uploader.kind === 'account') {
    if (!item) throw new ApiError('BODY_INVALID', { issues: [{ path: 'headers.upload-metadata.item', code: 'REQUIRED' }] });
    if (!uploader.permissions.includes(item)) throw new ApiError('PERMISSION_DENIED');
  }
}

export async function recordNewUpload(services: Services, id: string, uploader: Uploader, length: number, item: ServiceItem | undefined) {
  await services.db
    .insertInto('uploads')
    .values({
      id,
      enterprise_id: uploader.kind === 'account' ? uploader.enterpriseId : null,
      account_id: uploader.kind === 'account' ? uploader.accountId : null,
      token_id: uploader.kind === 'token' ? uploader.tokenId : null,
      item: uploader.kind === 'account' ? (item ?? null) : null,
      length,
      status: 'receiving',
      sha256: null,
      created_at: services.clock.now().toISOString(),
      completed_at: null,
    })
    .execute();
}

/** The upload if `uploader` created it; NOT_FOUND otherwise (another account's or token's upload looks absent). */
export async function ownedUpload(services: Services, uploader: Uploader, id: string): Promise<UploadTable> {
  let q = services.db.selectFrom('uploads').selectAll().where('id', '=', id);
  q = uploader.kind === 'account' ? q.where('account_id', '=', uploader.accountId) : q.where('token_id', '=', uploader.tokenId);
  const row = await q.executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND');
  return row;
}

/**
 * Moves a complete upload's bytes into the file store and records what it became. An account's file becomes its
 * enterprise's (file_owners, audited as `file.upload`); a registration scan stays unowned until the registration
 * that lists it is confirmed, bound to its token meanwhile. Refused bytes (not PDF/JPEG/PNG) mark it `refused`.
 */
export async function completeUpload(services: Services, upload: UploadTable, bytes: Readable, requestId: string): Promise<StoredFile> {
  const { db, clock } = services;
  let stored: StoredFile;
  try {
    stored = await services.files.put(bytes, UPLOAD_MAX_BYTES, recordFile(services));
  } catch (err) {
    await db.updateTable('uploads').set({ status: 'refused', completed_at: clock.now().toISOString() }).where('id', '=', upload.id).execute();
    throw err;
  }
  const now = clock.now();
  await db
    .updateTable('uploads')
    .set({ status: 'stored', sha256: stored.sha256, completed_at: now.toISOString() })
    .where('id', '=', upload.id)
    .execute();
  if (upload.enterprise_id && upload.item) {
    const inserted = await db
      .insertInto('file_owners')
      .values({ sha256: stored.sha256, enterprise_id: upload.enterprise_id, item: upload.item, created_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['sha256', 'enterprise_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
      await writeAudit(db, {
        actor: { type: 'account', id: upload.account_id },
        enterpriseId: upload.enterprise_id,
        action: 'file.upload',
        subjectType: 'file',
        subjectId: stored.sha256,
        after: { ...stored, item: upload.item, uploadId: upload.id },
        at: now,
        requestId,
      });
    }
  }
  return stored;
}

/**
 * A registration names its attempt's token: every scan it lists must have been uploaded under that token, so a
 * registration cannot claim a file somebody else uploaded (another attempt's ID card scan, say).
 */
export async function assertScansUploadedUnder(services: Services, token: unknown, hashes: readonly string[], now: Date): Promise<void> {
  const tokenId = await uploadTokenId(services, token, now);
  const unique = [...new Set(hashes)];
  if (unique.length === 0) return;
  const found = await services.db
    .selectFrom('uploads')
    .select('sha256')
    .distinct()
    .where('token_id', '=', tokenId)
    .where('status', '=', 'stored')
    .where('sha256', 'in', unique)
    .execute();
  if (found.length !== unique.length) {
    throw new ApiError('ATTACHMENT_MISSING', { issues: [{ path: 'body.payload.attachments', code: 'NOT_UPLOADED_UNDER_TOKEN' }] });
  }
}
