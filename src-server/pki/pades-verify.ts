/**
 * The server's check of a PAdES-signed PDF (issue 15 item 4). Implementation follows in the next commits; the
 * signatures are fixed so the filing item can code against them.
 */
import type { PadesReport } from '@shared/contract/pdf-signing';
import type { RevocationChecker } from './revocation';
import type { TrustStore } from './trust-store';

export interface PadesVerifyDeps {
  trust: TrustStore;
  /** Asked about the signer certificate; without one the report says 'not-checked'. */
  revocation?: RevocationChecker;
  now?: Date;
}

export async function verifyPades(_pdf: Uint8Array, _deps: PadesVerifyDeps): Promise<PadesReport> {
  throw new Error('verifyPades: not implemented yet');
}

/** Whether `signed` is `original`, byte for byte, followed by incremental updates that only add a signature. */
export function isIncrementalSignatureOf(_original: Uint8Array, _signed: Uint8Array): boolean {
  throw new Error('isIncrementalSignatureOf: not implemented yet');
}
