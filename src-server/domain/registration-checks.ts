/**
 * The refusals of a CA registration, in the order a clerk can act on them (manual 001 Q&A 3, 6, 7): the signature
 * and the certificate first (the key must be updated at the CA counter), then the enterprise (already registered:
 * recover the password instead), then the registry, then the uploaded scans.
 */
import type { Kysely } from 'kysely';
import type { RegistrationPayload } from '@shared/contract/http/registration';
import { missingRegistrationScans } from '@shared/contract/http/registration';
import { canonicalBytes } from '@shared/validation/canonical-json';
import { toHalfWidth } from '@shared/validation/normalize';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { verifyCertificateNotRevoked, type VerifiedCertificate } from '../pki/chain';
import { verifyDetachedCms } from '../pki/cms';
import type { TrustStore } from '../pki/trust-store';

/** Checks the CMS over the payload exactly as received (before any normalisation) and the signer certificate. */
export async function verifySignedPayload(
  rawPayload: unknown,
  cmsBase64: string,
  trust: TrustStore,
  now: Date,
): Promise<VerifiedCertificate> {
  const cms = Buffer.from(cmsBase64, 'base64');
  if (cms.length === 0) throw new ApiError('SIGNATURE_MALFORMED');
  const verified = await verifyDetachedCms(cms, canonicalBytes(rawPayload));
  return verifyCertificateNotRevoked(verified.signerCertificateDer, verified.otherCertificatesDer, trust, now, 'sign');
}

export function assertCertificateUscc(cert: VerifiedCertificate, formUscc: string): void {
  if (!cert.info.uscc) throw new ApiError('CERT_NO_USCC');
  if (cert.info.uscc.value !== formUscc) throw new ApiError('CERT_USCC_MISMATCH');
}

export async function assertNotRegistered(db: Kysely<Database>, uscc: string): Promise<void> {
  const existing = await db.selectFrom('enterprises').select('id').where('uscc', '=', uscc).executeTakeFirst();
  if (existing) throw new ApiError('ENTERPRISE_ALREADY_REGISTERED');
}

/** Names are compared after full-width → half-width and whitespace removal: （）vs () is the same company. */
const sameName = (a: string, b: string) => {
  const norm = (s: string) => toHalfWidth(s).replace(/\s+/g, '');
  return norm(a) === norm(b);
};

export async function assertRegistryMatch(db: Kysely<Database>, enterprise: RegistrationPayload['enterprise']) {
  const entry = await db.selectFrom('registry_entries').selectAll().where('uscc', '=', enterprise.uscc).executeTakeFirst();
  if (!entry || !sameName(entry.name, enterprise.name) || !sameName(entry.legal_representative, enterprise.legalRepresentative)) {
    throw new ApiError('REGISTRY_NO_MATCH');
  }
  if (entry.status !== 'active') throw new ApiError('REGISTRY_INACTIVE');
  return entry;
}

/** Every required scan is listed, and every listed hash is a stored file of that size and type. */
export async function assertAttachmentsUploaded(db: Kysely<Database>, attachments: RegistrationPayload['attachments']) {
  const missing = missingRegistrationScans(attachments);
  if (missing.length) throw new ApiError('ATTACHMENT_MISSING', { issues: missing.map((i) => ({ ...i, path: `body.payload.${i.path}` })) });
  for (const a of attachments) {
    const file = await db.selectFrom('files').selectAll().where('sha256', '=', a.sha256).executeTakeFirst();
    if (!file || file.size !== a.size || file.media_type !== a.mediaType) {
      throw new ApiError('ATTACHMENT_MISSING', { issues: [{ path: `body.payload.attachments.${a.requirement}`, code: 'ATTACHMENT_NOT_UPLOADED' }] });
    }
  }
}
