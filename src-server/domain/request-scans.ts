/**
 * The stamped scans of a request filed without an account of its own (online pre-registration, requests to the
 * portal staff): every required scan listed, each a stored file of that size and type, and every scan not kept from
 * the previous revision uploaded under the attempt's upload token, so nobody lists another attempt's ID card scan.
 * Listing them keeps them fresh for housekeeping; a scan removed meanwhile refuses the submission.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import type { Services } from '../services';
import { uploadTokenId } from './uploads';

export interface Scan {
  requirement: string;
  sha256: string;
  size: number;
  mediaType: string;
}

export async function assertScans(
  services: Services,
  s: { uploadToken: string; attachments: readonly Scan[] },
  missing: readonly { path: string; code: string }[],
  kept: readonly Scan[],
  now: Date,
): Promise<void> {
  if (missing.length) throw new ApiError('ATTACHMENT_MISSING', { issues: missing.map((i) => ({ ...i, path: `body.${i.path}` })) });
  const keptHashes = new Set(kept.map((a) => a.sha256));
  const fresh = [...new Set(s.attachments.map((a) => a.sha256).filter((h) => !keptHashes.has(h)))];
  if (fresh.length) {
    const tokenId = await uploadTokenId(services, s.uploadToken, now);
    const found = await services.db.selectFrom('uploads').select('sha256').distinct().where('token_id', '=', tokenId).where('status', '=', 'stored').where('sha256', 'in', fresh).execute();
    if (found.length !== fresh.length) throw new ApiError('ATTACHMENT_MISSING', { issues: [{ path: 'body.attachments', code: 'NOT_UPLOADED_UNDER_TOKEN' }] });
  }
  for (const a of s.attachments) {
    const file = await services.db.selectFrom('files').select(['size', 'media_type']).where('sha256', '=', a.sha256).executeTakeFirst();
    if (!file || file.size !== a.size || file.media_type !== a.mediaType) {
      throw new ApiError('ATTACHMENT_MISSING', { issues: [{ path: `body.attachments.${a.requirement}`, code: 'ATTACHMENT_NOT_UPLOADED' }] });
    }
  }
}

/** In the submission's transaction: the listed scans touched for housekeeping, refused if one vanished meanwhile. */
export async function touchScans(tx: Kysely<Database>, attachments: readonly Scan[], now: Date) {
  const hashes = [...new Set(attachments.map((a) => a.sha256))];
  const touched = await tx.updateTable('files').set({ touched_at: now.toISOString() }).where('sha256', 'in', hashes).executeTakeFirst();
  if (Number(touched.numUpdatedRows) !== hashes.length) throw new ApiError('ATTACHMENT_MISSING', { issues: [{ path: 'body.attachments', code: 'ATTACHMENT_NOT_UPLOADED' }] });
}

/** A scan a request lists now or listed in an earlier revision (its events keep each revision's list); else NOT_FOUND. */
export async function listedScan(db: Kysely<Database>, listed: boolean, hash: string) {
  const file = listed ? await db.selectFrom('files').select(['sha256', 'media_type', 'size']).where('sha256', '=', hash).executeTakeFirst() : undefined;
  if (!file) throw new ApiError('NOT_FOUND');
  return file;
}
