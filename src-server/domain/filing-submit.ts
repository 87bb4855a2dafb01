/**
 * A construction filing's submission (and resubmission after a return). The signature is on the application PDF,
 * so the check is: the idempotency key first (a retried submit answers the same filing), the payload's content (the
 * right filing and enterprise, every required material uploaded by this enterprise), then the signed PDF — uploaded
 * by this enterprise, exactly the application form the shared generator makes from this payload plus incremental
 * signature updates (`isIncrementalSignatureOf`), every signature sound by `verifyPades` (ByteRange, CMS, chain to
 * the trust roots, revocation), the last one by the enterprise's own certificate. Every version is kept with the
 * verifier's report, which the reviewers' signature panel shows.
 */
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { FastifyBaseLogger } from 'fastify';
import { missingFilingAttachments, signatureValid, type FilingPayload } from '@shared/contract/http/filing';
import type { PadesReport } from '@shared/contract/pdf-signing';
import { filingApplicationPdf } from '@shared/filing/application-pdf';
import { serverErrors, type ServerErrorCode } from '@shared/errors/server';
import { canonicalBytes } from '@shared/validation/canonical-json';
import type { ConstructionFilingTable } from '../db/schema-filing';
import { ApiError, type ApiIssue } from '../http/api-error';
import type { PadesVerifyDeps } from '../pki/pades-verify';
import { loadReceiptFont } from '../receipts/receipt-pdf';
import type { Services } from '../services';
import { assertFilingAllowed, findFiling, transitionFiling, type FilingActor } from './filing';
import { assertUploadedBy } from './subsidy-submit';

/** The PAdES checks (src-server/pki/pades-verify.ts); a seam so the routes can be given them. */
export interface SignedPdfCheck {
  isIncrementalSignatureOf(original: Uint8Array, signed: Uint8Array): Promise<boolean>;
  verifyPades(pdf: Uint8Array, deps: PadesVerifyDeps): Promise<PadesReport>;
}

async function readAll(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

/** The signed PDF's bytes, if this enterprise uploaded a PDF of that hash and size. */
async function signedPdfBytes(services: Services, enterpriseId: string, pdf: { sha256: string; size: number }): Promise<Uint8Array> {
  const owned = await services.db
    .selectFrom('file_owners')
    .innerJoin('files', 'files.sha256', 'file_owners.sha256')
    .select(['files.size', 'files.media_type'])
    .where('file_owners.enterprise_id', '=', enterpriseId)
    .where('file_owners.sha256', '=', pdf.sha256)
    .executeTakeFirst();
  if (!owned || Number(owned.size) !== pdf.size || owned.media_type !== 'application/pdf') throw new ApiError('FILING_PDF_NOT_UPLOADED');
  const stream = await services.files.open(pdf.sha256);
  if (!stream) throw new ApiError('FILING_PDF_NOT_UPLOADED');
  return readAll(stream);
}

/** The verifier's report when the signed PDF is the generated form, signed soundly by the enterprise's own key. */
export async function checkSignedFilingPdf(
  services: Services,
  check: SignedPdfCheck,
  input: { payload: FilingPayload; signed: Uint8Array; uscc: string },
): Promise<PadesReport> {
  const report = await check.verifyPades(input.signed, { trust: services.trust, revocation: services.trust.revocation, now: services.clock.now() });
  if (report.signatures.length === 0) throw new ApiError('PDF_NOT_SIGNED');
  const generated = await filingApplicationPdf(await loadReceiptFont(), input.payload);
  if (!(await check.isIncrementalSignatureOf(generated, input.signed))) throw new ApiError('PDF_NOT_THE_GENERATED_ONE');
  const bad = report.signatures.find((s) => !signatureValid(s));
  if (bad) {
    // The verifier's first problem is the clearest answer (revoked, untrusted, changed after signing…).
    const first = bad.problems.find((p): p is ServerErrorCode => p in serverErrors);
    throw new ApiError(first ?? 'PDF_SIGNATURE_INVALID');
  }
  // The enterprise's seal is the last signature: whoever signed before it, the filing is signed by the applicant.
  if (report.signatures.at(-1)!.signer.uscc !== input.uscc) throw new ApiError('PDF_SIGNER_OTHER_ENTERPRISE');
  return report;
}

export async function submitFiling(
  services: Services,
  input: { enterpriseId: string; filingId: string; payload: FilingPayload; rawPayload: unknown; signedPdf: { sha256: string; size: number } },
  ctx: { actor: FilingActor; check: SignedPdfCheck; requestId: string; log: FastifyBaseLogger },
): Promise<ConstructionFilingTable> {
  const { db } = services;
  const { payload } = input;
  const row = await findFiling(db, input.filingId, input.enterpriseId);
  const rawJson = Buffer.from(canonicalBytes(input.rawPayload)).toString('utf8');

  const previous = await db.selectFrom('construction_filing_versions').selectAll().where('idempotency_key', '=', payload.idempotencyKey).executeTakeFirst();
  if (previous) {
    if (previous.filing_id !== row.id || previous.payload_json !== rawJson || previous.pdf_sha256 !== input.signedPdf.sha256) throw new ApiError('IDEMPOTENCY_CONFLICT');
    return row;
  }
  const action = row.status === 'returned' ? 'resubmit' : 'submit';
  assertFilingAllowed(row, action);

  const enterprise = await db.selectFrom('enterprises').select(['uscc', 'name']).where('id', '=', row.enterprise_id).executeTakeFirstOrThrow();
  const issues: ApiIssue[] = [];
  if (payload.filingId !== row.id) issues.push({ path: 'body.payload.filingId', code: 'APPLICATION_MISMATCH' });
  if (payload.enterprise.uscc !== enterprise.uscc || payload.enterprise.name !== enterprise.name) issues.push({ path: 'body.payload.enterprise', code: 'ENTERPRISE_MISMATCH' });
  if (issues.length) throw new ApiError('BODY_INVALID', { issues });
  const missing = missingFilingAttachments(payload).map((i) => ({ ...i, path: `body.payload.${i.path}` }));
  if (missing.length) throw new ApiError('ATTACHMENT_MISSING', { issues: missing });
  await assertUploadedBy(services, row.enterprise_id, payload.attachments.map((a) => ({ ...a, path: `body.payload.attachments.${a.requirement}` })));

  const signed = await signedPdfBytes(services, row.enterprise_id, input.signedPdf);
  const report = await checkSignedFilingPdf(services, ctx.check, { payload, signed, uscc: enterprise.uscc });

  const now = services.clock.now();
  const version = Number(row.version) + 1;
  const apply = () =>
    transitionFiling(services, row, {
      action,
      actor: ctx.actor,
      patch: {
        form_json: rawJson,
        project_name: payload.project.name,
        version,
        contact_mobile: payload.contact.mobile,
        contact_email: payload.contact.email,
        submitted_at: now.toISOString(),
      },
      details: { version, pdfSha256: input.signedPdf.sha256, level: report.signatures.at(-1)!.level },
      also: async (tx) => {
        await tx
          .insertInto('construction_filing_versions')
          .values({
            id: randomUUID(),
            filing_id: row.id,
            version,
            idempotency_key: payload.idempotencyKey,
            payload_json: rawJson,
            pdf_sha256: input.signedPdf.sha256,
            pdf_size: input.signedPdf.size,
            signatures_json: JSON.stringify(report.signatures),
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
    if (!(err instanceof ApiError) || err.code !== 'FILING_STATE_CONFLICT') throw err;
    const winner = await db.selectFrom('construction_filing_versions').select(['filing_id', 'payload_json']).where('idempotency_key', '=', payload.idempotencyKey).executeTakeFirst();
    if (winner?.filing_id !== row.id || winner.payload_json !== rawJson) throw err;
    return findFiling(db, row.id);
  }
}
