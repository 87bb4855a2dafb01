/**
 * PAdES signing of a PDF over the token's RawSigner (issue 15 item 2). Filled in by the next commits.
 */
import type { PadesLevel, PdfSignPlacement } from '@shared/contract/pdf-signing';
import type { RawSigner } from '../formats/raw-signer';

export interface SignPdfInput {
  pdf: Uint8Array;
  /** Signer certificate, DER. */
  certificate: Uint8Array;
  signer: RawSigner;
  signerName: string;
  reason?: string;
  location?: string;
  placement?: PdfSignPlacement;
  tsaUrl?: string;
  signingTime: Date;
}

export interface SignPdfOutput {
  pdf: Uint8Array;
  level: PadesLevel;
}

export async function signPdf(_input: SignPdfInput): Promise<SignPdfOutput> {
  throw new Error('signPdf: not implemented yet');
}
