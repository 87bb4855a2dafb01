/**
 * A signed subsidy submission (and resubmission after a return): the idempotency key first (a retried submit
 * answers the same application), then the signature and the certificate (the enterprise's own key: its USCC must
 * be the enterprise's), then the content (the right application and enterprise, every required attachment
 * uploaded by this enterprise, the amount as the rule computes it). Every version is kept with its signature.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { missingSubsidyAttachments, type SubsidyPayload } from '@shared/contract/http/subsidy';
import { chinaYear } from '@shared/time/china';
import { subsidyAmount, type SubsidyAmountRule } from '@shared/subsidy/amount';
import { canonicalBytes } from '@shared/validation/canonical-json';
import type { SubsidyApplicationTable } from '../db/schema-subsidy';
import { ApiError, type ApiIssue } from '../http/api-error';
import { verifyDetachedCms } from '../pki/cms';
import type { Services } from '../services';
import { verifyCertificateNotRevoked } from '../pki/chain';
import { assertCertificateUscc } from './registration-checks';
import { assertAllowed, findApplication, transition, usedThisYearFen, type SubsidyActor } from './subsidy';
import { subsidyChanges } from './subsidy-changes';
import { assertSubmissionWithinYear } from './subsidy-quota';

/** Every required attachment is listed, and every listed file was uploaded by this enterprise with that size and type. */
async function assertAttachments(services: Services, enterpriseId: string, payload: SubsidyPayload) {
  const issues = missingSubsidyAttachments(payload).map((i) => ({ ...i, path: `body.payload.${i.path}` }));
  if (issues.length) throw new ApiError('ATTACHMENT_MISSING', { issues });
  const listed = [
    ...payload.attachments.map((a) => ({ ...a, path: `body.payload.attachments.${a.requirement}` })),
    ...payload.talents.flatMap((t, i) => t.attachments.map((a) => ({ ...a, path: `body.payload.talents[${i}].attachments.${a.requirement}` }))),
  ];
  await assertUploadedBy(services, enterpriseId, listed);
}

/** Every listed file was uploaded by this enterprise with that size and type (`ATTACHMENT_NOT_UPLOADED` at its path). */
export async function assertUploadedBy(
  services: Services,
  enterpriseId: string,
  listed: readonly { sha256: string; size: number; mediaType: string; path: string }[],
): Promise<void> {
  if (!listed.length) return;
  const hashes = [...new Set(listed.map((a) => a.sha256))];
  const owned = await services.db
    .selectFrom('file_owners')
    .innerJoin('files', 'files.sha256', 'file_owners.sha256')
    .select(['files.sha256', 'files.size', 'files.media_type'])
    .where('file_owners.enterprise_id', '=', enterpriseId)
    .where('file_owners.sha256', 'in', hashes)
    .execute();
  const bySha = new Map(owned.map((f) => [f.sha256, f]));
  const notUploaded = listed.filter((a) => {
    const f = bySha.get(a.sha256);
    return !f || Number(f.size) !== a.size || f.media_type !== a.mediaType;
  });
  if (notUploaded.length) throw new ApiError('ATTACHMENT_MISSING', { issues: notUploaded.map((a) => ({ path: a.path, code: 'ATTACHMENT_NOT_UPLOADED' })) });
}

export async function submitSubsidy(
  services: Services,
  input: { enterpriseId: string; applicationId: string; payload: SubsidyPayload; rawPayload: unknown; cms: string },
  ctx: { actor: SubsidyActor; rule: SubsidyAmountRule; requestId: string; log: FastifyBaseLogger },
): Promise<SubsidyApplicationTable> {
  const { db } = services;
  const { payload } = input;
  const row = await findApplication(db, input.applicationId, input.enterpriseId);
  const payloadSha256 = createHash('sha256').update(canonicalBytes(input.rawPayload)).digest('hex');

  const previous = await db.selectFrom('subsidy_versions').selectAll().where('idempotency_key', '=', payload.idempotencyKey).executeTakeFirst();
  if (previous) {
    if (previous.application_id !== row.id || previous.payload_sha256 !== payloadSha256) throw new ApiError('IDEMPOTENCY_CONFLICT');
    return row;
  }
  const action = row.status === 'returned' ? 'resubmit' : 'submit';
  assertAllowed(row, action);

  const now = services.clock.now();
  const cmsBytes = Buffer.from(input.cms, 'base64');
  if (cmsBytes.length === 0) throw new ApiError('SIGNATURE_MALFORMED');
  const verified = await verifyDetachedCms(cmsBytes, canonicalBytes(input.rawPayload));
  const cert = await verifyCertificateNotRevoked(verified.signerCertificateDer, verified.otherCertificatesDer, services.trust, now, 'sign');
  const enterprise = await db.selectFrom('enterprises').selectAll().where('id', '=', row.enterprise_id).executeTakeFirstOrThrow();
  assertCertificateUscc(cert, enterprise.uscc);

  const issues: ApiIssue[] = [];
  if (payload.applicationId !== row.id) issues.push({ path: 'body.payload.applicationId', code: 'APPLICATION_MISMATCH' });
  if (payload.enterprise.uscc !== enterprise.uscc || payload.enterprise.name !== enterprise.name) {
    issues.push({ path: 'body.payload.enterprise', code: 'ENTERPRISE_MISMATCH' });
  }
  const year = row.year ?? chinaYear(now);
  const amount = subsidyAmount(payload.talents, ctx.rule, await usedThisYearFen(db, row.enterprise_id, year, row.id));
  if (amount.totalFen !== payload.amountRequestedFen) issues.push({ path: 'body.payload.amountRequestedFen', code: 'AMOUNT_MISMATCH' });
  if (issues.length) throw new ApiError('BODY_INVALID', { issues });
  await assertAttachments(services, row.enterprise_id, payload);

  let changes: { fields: string[]; attachments: string[] } | null = null;
  if (action === 'resubmit') {
    const last = await db
      .selectFrom('subsidy_versions')
      .select('payload_json')
      .where('application_id', '=', row.id)
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    // Raw against raw: both as signed, so normalisation never shows as a change.
    changes = subsidyChanges(JSON.parse(last.payload_json) as SubsidyPayload, input.rawPayload as SubsidyPayload);
  }
  const version = Number(row.version) + 1;
  const signature = {
    subject: cert.info.subject.text,
    issuer: cert.info.issuer.text,
    serialNumber: cert.info.serialNumberHex,
    notBefore: cert.info.notBefore.toISOString(),
    notAfter: cert.info.notAfter.toISOString(),
    uscc: cert.info.uscc?.value ?? '',
    usccSource: cert.info.uscc?.source ?? '',
    profile: cert.profile,
    fingerprint: cert.fingerprint,
    signingTime: verified.signingTime?.toISOString() ?? null,
    verifiedAt: now.toISOString(),
  };

  const apply = () => transition(services, row, {
    action,
    actor: ctx.actor,
    patch: {
      form_json: JSON.stringify(payload),
      version,
      year,
      talent_count: payload.talents.length,
      amount_requested_fen: amount.totalFen,
      contact_mobile: payload.contact.mobile,
      contact_email: payload.contact.email,
      submitted_at: now.toISOString(),
    },
    details: { version, amountRequestedFen: amount.totalFen, payloadSha256, ...(changes ? { changes } : {}) },
    also: async (tx) => {
      // The check above read outside the transaction; this one holds the year's lock (concurrent submissions).
      await assertSubmissionWithinYear(tx, { id: row.id, enterpriseId: row.enterprise_id, year }, payload.talents, amount.totalFen, ctx.rule, now);
      await tx
        .insertInto('subsidy_versions')
        .values({
          id: randomUUID(),
          application_id: row.id,
          version,
          idempotency_key: payload.idempotencyKey,
          payload_sha256: payloadSha256,
          payload_json: JSON.stringify(input.rawPayload),
          cms: input.cms,
          certificate_der: Buffer.from(cert.info.der).toString('base64'),
          signature_json: JSON.stringify(signature),
          changes_json: changes ? JSON.stringify(changes) : null,
          created_at: now.toISOString(),
        })
        .execute();
    },
    requestId: ctx.requestId,
    log: ctx.log,
  });
  try {
    return await apply();
  } catch (err) {
    // Two concurrent retries of one submission: the one that lost the race answers like a retry.
    if (!(err instanceof ApiError) || err.code !== 'SUBSIDY_STATE_CONFLICT') throw err;
    const winner = await db.selectFrom('subsidy_versions').select(['application_id', 'payload_sha256']).where('idempotency_key', '=', payload.idempotencyKey).executeTakeFirst();
    if (winner?.application_id !== row.id || winner.payload_sha256 !== payloadSha256) throw err;
    return findApplication(db, row.id);
  }
}
