/**
 * The signer's issuing chain from the CA certificates the key itself carries (CAs put their root, sometimes an
 * intermediate, beside the user's certificate; discovery leaves them out of the user's list). PAdES embeds the
 * chain so a verifier can build the path offline. Public objects: no login.
 */
import { X509Certificate } from 'node:crypto';
import type { CertificateLocation } from './discovery';
import { pkcs11js } from './pkcs11/module';

/** DER certificates from the signer's issuer up, as far as the token has them; [] when it has none. */
export function issuersOnToken(location: CertificateLocation): Uint8Array[] {
  const { module } = location.loaded;
  const session = module.openSession(location.slot);
  const candidates: X509Certificate[] = [];
  try {
    const handles = module.findObjects(session, [
      { type: pkcs11js.CKA_CLASS, value: pkcs11js.CKO_CERTIFICATE },
      { type: pkcs11js.CKA_CERTIFICATE_TYPE, value: pkcs11js.CKC_X_509 },
    ]);
    for (const handle of handles) {
      const der = module.attributes(session, handle, [pkcs11js.CKA_VALUE]).get(pkcs11js.CKA_VALUE);
      if (!der) continue;
      try {
        const cert = new X509Certificate(der);
        if (cert.ca) candidates.push(cert);
      } catch {
        // Not a certificate we can read: it cannot be part of the chain either.
      }
    }
  } finally {
    module.closeSession(session);
  }
  const chain: Uint8Array[] = [];
  let current = new X509Certificate(location.info.der);
  for (let depth = 0; depth < 5; depth++) {
    const issuer = candidates.find((c) => current.checkIssued(c) && current.verify(c.publicKey));
    if (!issuer || chain.some((d) => Buffer.from(d).equals(issuer.raw))) break;
    chain.push(new Uint8Array(issuer.raw));
    if (issuer.checkIssued(issuer)) break;
    current = issuer;
  }
  return chain;
}
