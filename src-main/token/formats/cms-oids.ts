/** Object identifiers of the CMS this layer writes and checks (RFC 5652, RFC 5035, RFC 5754, RFC 5758, GM/T 0006). */
export const CMS_OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  // Signed attributes
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  // Unsigned attributes: RFC 3161 time-stamp token on the signature value (CAdES-T, PAdES B-T)
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  // Algorithms
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSAEncryption: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  sm3: '1.2.156.10197.1.401',
  sm2WithSm3: '1.2.156.10197.1.501',
  /** GM/T 0010's name for SM2 signing in SignerInfo; accepted, never written (OpenSSL and GmSSL write 501). */
  sm2Sign: '1.2.156.10197.1.301.1',
} as const;
