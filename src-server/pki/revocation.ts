/**
 * Is a certificate revoked? (issue 17 item 3: lost or stolen keys kept working.) Asked at registration, CA login
 * and every signature the server verifies, after the chain check: OCSP at the URL of the certificate's Authority
 * Information Access, else the CRL at its CRL Distribution Points. Answers are cached until their nextUpdate (an
 * answer without one is not cached). Both answers must be signed by the certificate's issuer (as CAs' own
 * responders sign), so a man in the middle cannot say "good".
 *
 * When nobody answers (no AIA/CDP, a responder down, a bad signature, OCSP "unknown"), the configured policy
 * decides: `strict` refuses (`CERT_REVOCATION_UNKNOWN`, retriable), `soft` lets it through and logs a warning.
 */
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import * as pkijs from 'pkijs';
import { ApiError } from '../http/api-error';

export type RevocationPolicy = 'strict' | 'soft';
export type RevocationStatus = 'good' | 'revoked' | 'unknown';

interface Log {
  warn(obj: object, msg: string): void;
}

// The DOM `Crypto` type these libraries name is not in the server's lib; node's webcrypto is that object.
const crypto = webcrypto as never;

/** The http(s) URLs among an extension's general names. */
function urlsOf(names: ReadonlyArray<{ type: string; value: string }> | undefined): string[] {
  return (names ?? []).filter((n) => n.type === 'url' && /^https?:\/\//i.test(n.value)).map((n) => n.value);
}

const normalSerial = (hex: string) => hex.toLowerCase().replace(/^0+/, '');

export function revocationUrls(leafDer: Uint8Array): { ocsp: string[]; crl: string[] } {
  const cert = new x509.X509Certificate(leafDer);
  const aia = cert.getExtension(x509.AuthorityInfoAccessExtension);
  const cdp = cert.getExtension(x509.CRLDistributionPointsExtension);
  const crl = (cdp?.distributionPoints ?? []).flatMap((dp) =>
    (dp.distributionPoint?.fullName ?? []).flatMap((n) => (n.uniformResourceIdentifier ? [n.uniformResourceIdentifier] : [])),
  );
  return { ocsp: urlsOf(aia?.ocsp), crl: crl.filter((u) => /^https?:\/\//i.test(u)) };
}

export class RevocationChecker {
  private readonly ocspCache = new Map<string, { status: RevocationStatus; until: number }>();
  private readonly crlCache = new Map<string, { crl: x509.X509Crl; until: number }>();

  constructor(private readonly opts: { policy: RevocationPolicy; log?: Log; timeoutMs?: number }) {}

  get policy(): RevocationPolicy {
    return this.opts.policy;
  }

  /** Refuses a revoked certificate, and one nobody vouches for under the strict policy. */
  async assertNotRevoked(leafDer: Uint8Array, issuerDer: Uint8Array, now: Date): Promise<void> {
    const status = await this.status(leafDer, issuerDer, now);
    if (status === 'revoked') throw new ApiError('CERT_REVOKED');
    if (status === 'unknown') {
      if (this.opts.policy === 'strict') throw new ApiError('CERT_REVOCATION_UNKNOWN');
      this.opts.log?.warn({ serial: new x509.X509Certificate(leafDer).serialNumber }, 'revocation status unknown; allowed by TONGBAN_REVOCATION_POLICY=soft');
    }
  }

  async status(leafDer: Uint8Array, issuerDer: Uint8Array, now: Date): Promise<RevocationStatus> {
    const urls = revocationUrls(leafDer);
    for (const url of urls.ocsp) {
      const status = await this.ocsp(url, leafDer, issuerDer, now).catch((): RevocationStatus => 'unknown');
      if (status !== 'unknown') return status;
    }
    for (const url of urls.crl) {
      const status = await this.crl(url, leafDer, issuerDer, now).catch((): RevocationStatus => 'unknown');
      if (status !== 'unknown') return status;
    }
    return 'unknown';
  }

  private async fetchBytes(url: string, init?: RequestInit): Promise<ArrayBuffer> {
    const res = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(this.opts.timeoutMs ?? 5000) });
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    return res.arrayBuffer();
  }

  private async ocsp(url: string, leafDer: Uint8Array, issuerDer: Uint8Array, now: Date): Promise<RevocationStatus> {
    const key = `${url} ${Buffer.from(leafDer).toString('base64')}`;
    const cached = this.ocspCache.get(key);
    if (cached && cached.until > now.getTime()) return cached.status;
    const leaf = pkijs.Certificate.fromBER(leafDer);
    const issuer = pkijs.Certificate.fromBER(issuerDer);
    const request = new pkijs.OCSPRequest();
    await request.createForCertificate(leaf, { hashAlgorithm: 'SHA-1', issuerCertificate: issuer });
    const body = request.toSchema(true).toBER(false);
    const answer = pkijs.OCSPResponse.fromBER(
      await this.fetchBytes(url, { method: 'POST', headers: { 'content-type': 'application/ocsp-request' }, body: new Uint8Array(body) }),
    );
    if (answer.responseStatus.valueBlock.valueDec !== 0 || !answer.responseBytes) return 'unknown';
    const basic = pkijs.BasicOCSPResponse.fromBER(answer.responseBytes.response.valueBlock.valueHexView);
    // Signed by the issuer itself (no delegated responder certificate is trusted).
    const signedByIssuer = await basic.verify({ trustedCerts: [issuer] }).catch(() => false);
    if (!signedByIssuer) return 'unknown';
    const single = basic.tbsResponseData.responses.find((r) => r.certID.serialNumber.isEqual(leaf.serialNumber));
    if (!single) return 'unknown';
    const tag = single.certStatus.idBlock.tagNumber;
    const status: RevocationStatus = tag === 0 ? 'good' : tag === 1 ? 'revoked' : 'unknown';
    if (single.nextUpdate && single.nextUpdate.getTime() > now.getTime()) this.ocspCache.set(key, { status, until: single.nextUpdate.getTime() });
    return status;
  }

  private async crl(url: string, leafDer: Uint8Array, issuerDer: Uint8Array, now: Date): Promise<RevocationStatus> {
    let cached = this.crlCache.get(url);
    if (!cached || cached.until <= now.getTime()) {
      const crl = new x509.X509Crl(await this.fetchBytes(url));
      const issuer = new x509.X509Certificate(issuerDer);
      if (crl.issuer !== issuer.subject || !(await crl.verify({ publicKey: issuer }, crypto))) return 'unknown';
      const until = crl.nextUpdate?.getTime() ?? 0;
      // A CRL past its nextUpdate is stale: it says nothing about keys lost since.
      if (until <= now.getTime()) return 'unknown';
      cached = { crl, until };
      this.crlCache.set(url, cached);
    }
    // By serial number (the CRL is the issuer's, checked above); hex compared without leading zeros.
    const serial = normalSerial(new x509.X509Certificate(leafDer).serialNumber);
    return cached.crl.entries.some((e) => normalSerial(e.serialNumber) === serial) ? 'revoked' : 'good';
  }
}
