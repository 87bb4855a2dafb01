/**
 * Failures of the signature-format layer. The token service maps them onto its user-facing error catalogue
 * (issue 3, point 7); `code` is stable, the message is for the log.
 */
export type SignatureFormatErrorCode =
  /** The origin is not `https://host[:port]` (or `http://` on loopback) with nothing after it but an optional "/". */
  | 'BAD_ORIGIN'
  /** The challenge nonce is not a string of 44 to 128 characters. */
  | 'BAD_NONCE'
  /** The certificate's key cannot be used here (SM2, RSA-PSS, an unknown curve, …). */
  | 'UNSUPPORTED_KEY'
  /** The signer's key type is not the certificate's. */
  | 'KEY_MISMATCH'
  /** A signature (from the token, or in a CMS or token being checked) does not verify against the certificate. */
  | 'BAD_SIGNATURE'
  /** A CMS structure is malformed or is not the detached SignedData this layer produces. */
  | 'BAD_CMS'
  /** A Web eID authentication token is malformed. */
  | 'BAD_TOKEN';

export class SignatureFormatError extends Error {
  override name = 'SignatureFormatError';
  readonly code: SignatureFormatErrorCode;

  constructor(code: SignatureFormatErrorCode, message: string, options?: { cause?: unknown }) {
    super(`${code}: ${message}`, options);
    this.code = code;
  }
}
