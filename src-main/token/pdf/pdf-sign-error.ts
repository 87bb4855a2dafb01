import type { PadesErrorCode } from '@shared/errors/pades';

/** A failure of PDF signing the user should hear by its code (src-shared/errors/pades.ts); the detail is for the log. */
export class PdfSignError extends Error {
  override name = 'PdfSignError';
  constructor(
    readonly code: PadesErrorCode,
    readonly detail = '',
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}
