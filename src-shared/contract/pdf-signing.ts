/**
 * PAdES signing of a PDF with the CA key (issue 15 item 2) and the server's report on a signed PDF (item 4).
 * The desktop (KeySign flow) and `tongban-ca sign-pdf` send a PdfSignRequest to the token service's `signPdf`;
 * the server answers what it found in a PDF as a PadesReport, which the console's signature panel shows.
 */
import { z } from 'zod';
import { certSelectorSchema } from './cert-selector';

/** The largest PDF the key signs: the generated application form is far smaller; scans belong in materials. */
export const PDF_SIGN_MAX_BYTES = 20 * 1024 * 1024;
/** Base64 grows 4/3. */
const PDF_BASE64_MAX = Math.ceil(PDF_SIGN_MAX_BYTES / 3) * 4;

export const padesLevelSchema = z.enum(['B-B', 'B-T', 'B-LT']);
export type PadesLevel = z.infer<typeof padesLevelSchema>;

export const pdfSignPlacementSchema = z.object({
  /** 0-based; the last page when left out. */
  page: z.number().int().min(0).optional(),
  /** [x, y, width, height] in PDF points from the page's lower left corner. */
  rect: z.tuple([z.number().min(0), z.number().min(0), z.number().min(20).max(2000), z.number().min(10).max(2000)]),
});

export const pdfSignRequestSchema = z.object({
  cert: certSelectorSchema,
  pin: z.string().max(64).optional(),
  /** Base64 of the PDF (max 20 MB). */
  pdf: z.string().min(1).max(PDF_BASE64_MAX),
  /** The enterprise's name, drawn in the visible signature. */
  signerName: z.string().trim().min(1).max(200),
  reason: z.string().max(200).optional(),
  location: z.string().max(200).optional(),
  placement: pdfSignPlacementSchema.optional(),
  /** RFC 3161 time-stamp authority; B-T when set (here or in settings), B-B otherwise. */
  tsaUrl: z.string().url().max(2048).optional(),
});
export type PdfSignRequest = z.infer<typeof pdfSignRequestSchema>;
export type PdfSignPlacement = z.infer<typeof pdfSignPlacementSchema>;

export interface PdfSignResult {
  /** Base64 of the signed PDF: the input bytes unchanged plus incremental updates. */
  pdf: string;
  level: PadesLevel;
  /** The time written in the signature dictionary's /M (ISO 8601). */
  signedAt: string;
  /** SHA-256 of the signer certificate, lowercase hex. */
  certificateSha256: string;
}

export type PadesRevocation = 'good' | 'revoked' | 'unknown' | 'not-checked';

export interface PadesSignatureReport {
  fieldName: string;
  signer: { subject: string; uscc: string | null; certificateSha256: string };
  /** The signature dictionary's /M (ISO), a claim of the signer's clock. */
  signedAt: string | null;
  /** The RFC 3161 time-stamp on the signature value (B-T): a time a TSA vouches for. */
  timestamp: { time: string; tsaSubject: string } | null;
  level: PadesLevel;
  /** The ByteRange covers the whole file except /Contents: nothing was appended after this signature. */
  coversWholeFile: boolean;
  /** The CMS signature verifies over the ByteRange's bytes. */
  cmsValid: boolean;
  /** The signer certificate chains to a trust root. */
  chainValid: boolean;
  revocation: PadesRevocation;
  /** Error codes (src-shared/errors/pades.ts) of what is wrong; empty when the signature is sound. */
  problems: string[];
}

export interface PadesReport {
  signatures: PadesSignatureReport[];
}
