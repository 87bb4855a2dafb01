/**
 * One-time links for the phone to photograph the stamped receipt (manual 001 §2 "使用手机扫描二维码"). The token
 * is 32 random bytes (base64url, 43 characters) and travels in the URL fragment; only its SHA-256 is stored. A new
 * link supersedes the earlier live ones of the disbursement; the phone's upload spends the link with one UPDATE
 * that only matches an unused, live, unexpired link, so of two concurrent uploads exactly one wins.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { RECEIPT_FRAME_ASPECT, RECEIPT_LINK_TTL_MINUTES, type ReceiptLinkStatus } from '@shared/contract/http/disbursement';
import type { ReceiptLinkTable } from '../db/schema-disbursement';
import { ApiError } from '../http/api-error';
import type { Services } from '../services';
import { writeAudit } from './audit';
import { disbursementView, EDITABLE, findDisbursement } from './disbursement';
import { findApplication } from './subsidy';

export const hashLinkToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** The phone page's address: the token in the fragment never reaches access logs or a Referer header. */
export const receiptLinkUrl = (origin: string, token: string) => `${origin}/m/receipt#${token}`;

export async function createReceiptLink(services: Services, input: { enterpriseId: string; applicationId: string; accountId: string; requestId: string }) {
  const { db, clock } = services;
  const d = await findDisbursement(db, input.applicationId, input.enterpriseId);
  const app = await findApplication(db, d.application_id);
  if (!EDITABLE.includes(app.status)) throw new ApiError('SUBSIDY_STATE_CONFLICT');
  const view = await disbursementView(db, app.id, { forEnterprise: true });
  if (view.missing.length > 0) throw new ApiError('DISBURSEMENT_INCOMPLETE');

  const token = randomBytes(32).toString('base64url');
  const now = clock.now();
  const row: ReceiptLinkTable = {
    id: randomUUID(),
    application_id: app.id,
    enterprise_id: input.enterpriseId,
    token_hash: hashLinkToken(token),
    created_by: input.accountId,
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + RECEIPT_LINK_TTL_MINUTES * 60_000).toISOString(),
    used_at: null,
    superseded_at: null,
    photo_sha256: null,
  };
  await db.transaction().execute(async (tx) => {
    // The disbursement's row lock first (a no-op update): concurrent new links queue here, so each supersedes the
    // one committed before it and exactly one stays live (issue 17; PostgreSQL left several otherwise).
    await tx
      .updateTable('disbursements')
      .set((eb) => ({ application_id: eb.ref('application_id') }))
      .where('application_id', '=', app.id)
      .execute();
    await tx
      .updateTable('receipt_links')
      .set({ superseded_at: row.created_at })
      .where('application_id', '=', app.id)
      .where('used_at', 'is', null)
      .where('superseded_at', 'is', null)
      .execute();
    await tx.insertInto('receipt_links').values(row).execute();
    await writeAudit(tx, {
      actor: { type: 'account', id: input.accountId },
      enterpriseId: input.enterpriseId,
      action: 'disbursement.receipt_link',
      subjectType: 'subsidy_application',
      subjectId: app.id,
      after: { link_id: row.id, expires_at: row.expires_at },
      at: now,
      requestId: input.requestId,
    });
  });
  return { linkId: row.id, url: receiptLinkUrl(services.config.publicOrigin, token), expiresAt: row.expires_at };
}

export async function receiptLinkStatus(services: Services, input: { enterpriseId: string; applicationId: string; linkId: string }): Promise<ReceiptLinkStatus> {
  const { db, clock } = services;
  const link = await db
    .selectFrom('receipt_links')
    .selectAll()
    .where('id', '=', input.linkId)
    .where('application_id', '=', input.applicationId)
    .where('enterprise_id', '=', input.enterpriseId)
    .executeTakeFirst();
  if (!link) throw new ApiError('NOT_FOUND');
  const photo = link.photo_sha256
    ? await db.selectFrom('files').select(['sha256', 'size', 'media_type']).where('sha256', '=', link.photo_sha256).executeTakeFirst()
    : undefined;
  const state = link.used_at ? 'uploaded' : link.superseded_at ? 'superseded' : link.expires_at <= clock.now().toISOString() ? 'expired' : 'waiting';
  return {
    linkId: link.id,
    state,
    expiresAt: link.expires_at,
    photo:
      photo && link.used_at
        ? { sha256: photo.sha256, size: Number(photo.size), mediaType: photo.media_type as 'image/jpeg', uploadedAt: link.used_at }
        : null,
  };
}

/**
 * Why a link cannot be used now, as the phone is told: unknown or replaced by a newer one → RECEIPT_LINK_INVALID
 * (404), already used → RECEIPT_LINK_USED (410), out of time → RECEIPT_LINK_EXPIRED (410). A link whose
 * disbursement no longer takes a receipt (submitted from the PC meanwhile) is invalid too.
 */
function refusal(link: ReceiptLinkTable | undefined, now: string, status: string | null): ApiError | null {
  if (!link) return new ApiError('RECEIPT_LINK_INVALID');
  if (link.used_at) return new ApiError('RECEIPT_LINK_USED');
  if (link.superseded_at) return new ApiError('RECEIPT_LINK_INVALID');
  if (link.expires_at <= now) return new ApiError('RECEIPT_LINK_EXPIRED');
  if (status === null || !(EDITABLE as readonly string[]).includes(status)) return new ApiError('RECEIPT_LINK_INVALID');
  return null;
}

async function linkByToken(services: Services, token: string) {
  const link = await services.db.selectFrom('receipt_links').selectAll().where('token_hash', '=', hashLinkToken(token)).executeTakeFirst();
  const app = link
    ? await services.db.selectFrom('subsidy_applications').select(['status']).where('id', '=', link.application_id).executeTakeFirst()
    : undefined;
  return { link, status: app?.status ?? null };
}

/** What the phone shows before the camera opens; nothing beyond `phoneReceiptInfoSchema`. */
export async function phoneReceiptInfo(services: Services, token: string) {
  const { link, status } = await linkByToken(services, token);
  const refused = refusal(link, services.clock.now().toISOString(), status);
  if (refused || !link) throw refused ?? new ApiError('RECEIPT_LINK_INVALID');
  const view = await disbursementView(services.db, link.application_id, { forEnterprise: true });
  return {
    enterpriseName: view.enterprise.name,
    itemName: view.itemName,
    receiptNumber: view.receiptNumber,
    amountFen: view.amountFen,
    expiresAt: link.expires_at,
    frameAspect: RECEIPT_FRAME_ASPECT,
  };
}

/**
 * Stores the phone's photo (JPEG or PNG by its bytes) and spends the link; the photo then belongs to the
 * enterprise (file_owners, item `disbursement`) and the PC, polling the link, submits it.
 */
export async function phoneUpload(services: Services, token: string, store: () => Promise<{ sha256: string; size: number; mediaType: string }>, requestId: string) {
  const { db, clock } = services;
  const before = await linkByToken(services, token);
  const early = refusal(before.link, clock.now().toISOString(), before.status);
  if (early || !before.link) throw early ?? new ApiError('RECEIPT_LINK_INVALID');
  const link = before.link;

  const stored = await store();
  if (stored.mediaType !== 'image/jpeg' && stored.mediaType !== 'image/png') throw new ApiError('FILE_TYPE_UNSUPPORTED');

  const now = clock.now().toISOString();
  await db.transaction().execute(async (tx) => {
    const spent = await tx
      .updateTable('receipt_links')
      .set({ used_at: now, photo_sha256: stored.sha256 })
      .where('id', '=', link.id)
      .where('used_at', 'is', null)
      .where('superseded_at', 'is', null)
      .where('expires_at', '>', now)
      .returning('id')
      .executeTakeFirst();
    if (!spent) {
      const again = await tx.selectFrom('receipt_links').selectAll().where('id', '=', link.id).executeTakeFirst();
      throw refusal(again, now, before.status) ?? new ApiError('RECEIPT_LINK_USED');
    }
    await tx
      .insertInto('file_owners')
      .values({ sha256: stored.sha256, enterprise_id: link.enterprise_id, item: 'disbursement', created_at: now })
      .onConflict((oc) => oc.columns(['sha256', 'enterprise_id']).doNothing())
      .execute();
    await writeAudit(tx, {
      actor: { type: 'anonymous', id: null },
      enterpriseId: link.enterprise_id,
      action: 'disbursement.phone_photo',
      subjectType: 'subsidy_application',
      subjectId: link.application_id,
      after: { link_id: link.id, sha256: stored.sha256, size: stored.size, media_type: stored.mediaType },
      at: new Date(now),
      requestId,
    });
  });
  const d = await findDisbursement(db, link.application_id);
  return { ok: true as const, receiptNumber: d.receipt_number };
}
