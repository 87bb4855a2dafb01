/**
 * Certificate checks shared by CA registration and CA login: the end-entity certificate must chain to a trust
 * anchor (through intermediates the client sent, if any), every certificate on the path must be valid now, and
 * the end-entity key must be allowed to sign (digitalSignature or nonRepudiation) and must not be a CA.
 * Node's X509Certificate does the signature and issuer-name checks (OpenSSL's X509_check_issued), except SM2-with-SM3
 * signatures, which Node's OpenSSL checks without the Z value every Chinese CA signs with: sm-crypto-v2 does those.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { parseCertificate, type CertificateInfo } from '@shared/certificate/parse';
import { verifySm2CertificateSignature } from '@shared/certificate/sm2';
import { ApiError } from '../http/api-error';
import type { TrustStore } from './trust-store';

export interface VerifiedCertificate {
  info: CertificateInfo;
  /** The CA profile whose root anchored the chain (the trust directory's sub-folder name). */
  profile: string;
  /** Lowercase hex SHA-256 of the DER: what certificate bindings key on. */
  fingerprint: string;
  /** The certificate that issued it on the verified path: who answers for its revocation. */
  issuerDer: Uint8Array;
}

const MAX_DEPTH = 5;

function validAt(cert: X509Certificate, now: Date): boolean {
  return new Date(cert.validFrom) <= now && now <= new Date(cert.validTo);
}

function issuedBy(child: X509Certificate, issuer: X509Certificate): boolean {
  try {
    if (!child.checkIssued(issuer)) return false;
    const sm2 = verifySm2CertificateSignature(child.raw, issuer.publicKey.export({ type: 'spki', format: 'der' }));
    return sm2 ?? child.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

export function verifyCertificate(
  leafDer: Uint8Array,
  intermediatesDer: readonly Uint8Array[],
  trust: TrustStore,
  now: Date,
  purpose: 'sign' | 'authenticate',
): VerifiedCertificate {
  let info: CertificateInfo;
  let leaf: X509Certificate;
  try {
    info = parseCertificate(leafDer);
    leaf = new X509Certificate(leafDer);
  } catch (cause) {
    throw new ApiError('CERT_UNTRUSTED', { cause });
  }
  const intermediates = intermediatesDer.flatMap((der) => {
    try {
      const c = new X509Certificate(der);
      return c.ca ? [c] : [];
    } catch {
      return [];
    }
  });

  let current = leaf;
  let profile: string | null = null;
  const path: X509Certificate[] = [leaf];
  for (let depth = 0; depth < MAX_DEPTH && !profile; depth++) {
    const anchor = trust.anchors.find((a) => issuedBy(current, a.certificate));
    if (anchor) {
      path.push(anchor.certificate);
      profile = anchor.profile;
      break;
    }
    const next = intermediates.find((c) => !path.includes(c) && issuedBy(current, c));
    if (!next) break;
    path.push(next);
    current = next;
  }
  if (!profile) throw new ApiError('CERT_UNTRUSTED');
  if (info.isCA) throw new ApiError('CERT_KEY_USAGE');
  if (!path.every((c) => validAt(c, now))) throw new ApiError('CERT_EXPIRED');

  // Login keys sign with digitalSignature; registration forms may also be signed with a nonRepudiation key.
  const allowed = purpose === 'sign' ? ['digitalSignature', 'nonRepudiation'] : ['digitalSignature'];
  if (info.keyUsage.length > 0 && !info.keyUsage.some((u) => allowed.includes(u))) {
    throw new ApiError('CERT_KEY_USAGE');
  }
  const fingerprint = createHash('sha256').update(leafDer).digest('hex');
  return { info, profile, fingerprint, issuerDer: new Uint8Array(path[1]!.raw) };
}

/** verifyCertificate, then whether the issuer revoked it (pki/revocation.ts, the configured policy). */
export async function verifyCertificateNotRevoked(
  leafDer: Uint8Array,
  intermediatesDer: readonly Uint8Array[],
  trust: TrustStore,
  now: Date,
  purpose: 'sign' | 'authenticate',
): Promise<VerifiedCertificate> {
  const verified = verifyCertificate(leafDer, intermediatesDer, trust, now, purpose);
  await trust.revocation?.assertNotRevoked(leafDer, verified.issuerDer, now);
  return verified;
}
