/** Signature formats the token service produces (DESIGN.md decision 5): CMS detached SignedData and Web eID 1.0 tokens. */
export { createDetachedCms, type CreateDetachedCmsInput } from './cms';
export { verifyCmsSignerSignature, type VerifiedCms } from './cms-verify';
export { ecdsaDerToRaw, ecdsaRawToDer } from './ecdsa';
export { SignatureFormatError, type SignatureFormatErrorCode } from './errors';
export { sha256, signingCertificate, verifyRawSignature, type RawSigner, type SigningKeyType } from './raw-signer';
export {
  createWebEidAuthToken,
  verifyWebEidAuthToken,
  webEidNonce,
  webEidOrigin,
  webEidSignedData,
  WEB_EID_FORMAT,
  type CreateWebEidAuthTokenInput,
} from './web-eid';
