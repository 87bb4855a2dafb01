/**
 * Byte quotas for uploads (issue 17 item 5): what one enterprise may keep, and what the whole store may hold, so
 * neither one enterprise nor anonymous registration scans can fill the disk. Checked when an upload is created,
 * from its declared length, counting the stored files and the uploads still receiving (their declared lengths),
 * so a burst of parallel creates is counted too.
 */
import { sql } from 'kysely';
import { ApiError } from '../http/api-error';
import type { Services } from '../services';
import type {} from '../db/schema-uploads';

const sum = async (q: Promise<{ n: string | number | null } | undefined>) => Number((await q)?.n ?? 0);

/** Refuses with 507 UPLOAD_QUOTA_EXCEEDED when `length` more bytes would pass the enterprise's or the store's quota. */
export async function assertUploadQuota(services: Services, enterpriseId: string | null, length: number): Promise<void> {
  const { db, config } = services;
  const receiving = (enterprise: string | null) => {
    let q = db.selectFrom('uploads').select(sql<string>`coalesce(sum(length), 0)`.as('n')).where('status', '=', 'receiving');
    if (enterprise) q = q.where('enterprise_id', '=', enterprise);
    return sum(q.executeTakeFirst());
  };
  if (enterpriseId) {
    const owned = await sum(
      db
        .selectFrom('file_owners')
        .innerJoin('files', 'files.sha256', 'file_owners.sha256')
        .select(sql<string>`coalesce(sum(files.size), 0)`.as('n'))
        .where('file_owners.enterprise_id', '=', enterpriseId)
        .executeTakeFirst(),
    );
    if (owned + (await receiving(enterpriseId)) + length > config.uploadQuota.enterpriseBytes) throw new ApiError('UPLOAD_QUOTA_EXCEEDED');
  }
  const stored = await sum(db.selectFrom('files').select(sql<string>`coalesce(sum(size), 0)`.as('n')).executeTakeFirst());
  if (stored + (await receiving(null)) + length > config.uploadQuota.totalBytes) throw new ApiError('UPLOAD_QUOTA_EXCEEDED');
}
