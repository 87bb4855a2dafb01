/**
 * Trust roots per CA profile, read once at startup from `<TONGBAN_TRUST_DIR>/<profile>/*.pem` (a PEM file may
 * hold several certificates). A missing directory means no CA is trusted: CA registration and login then refuse
 * every certificate with `CERT_UNTRUSTED`, which is the safe failure.
 */
import { X509Certificate } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { RevocationChecker } from './revocation';

export interface TrustAnchor {
  profile: string;
  certificate: X509Certificate;
}

export interface TrustStore {
  anchors: readonly TrustAnchor[];
  /** Whether a chained certificate is revoked (buildServer sets it; without one nothing is asked). */
  revocation?: RevocationChecker;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

export async function loadTrustStore(dir: string): Promise<TrustStore> {
  const anchors: TrustAnchor[] = [];
  const profiles = await readdir(dir, { withFileTypes: true }).catch(() => []);
  for (const entry of profiles) {
    if (!entry.isDirectory()) continue;
    const files = await readdir(path.join(dir, entry.name));
    for (const file of files.filter((f) => f.endsWith('.pem')).sort()) {
      const text = await readFile(path.join(dir, entry.name, file), 'utf8');
      for (const pem of text.match(PEM_BLOCK) ?? []) {
        const certificate = new X509Certificate(pem);
        if (certificate.ca) anchors.push({ profile: entry.name, certificate });
      }
    }
  }
  return { anchors };
}
