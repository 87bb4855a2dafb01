/** Object identifiers Tongban reads from certificates. */
export const OID = {
  // Names (X.520)
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  locality: '2.5.4.7',
  stateOrProvince: '2.5.4.8',
  street: '2.5.4.9',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  title: '2.5.4.12',
  givenName: '2.5.4.42',
  organizationIdentifier: '2.5.4.97',
  emailAddress: '1.2.840.113549.1.9.1',
  // Extensions (RFC 5280)
  keyUsage: '2.5.29.15',
  basicConstraints: '2.5.29.19',
  extKeyUsage: '2.5.29.37',
  // Where Chinese CAs put the enterprise code (GM/T 0015 and older national profiles)
  gmt0015v2023Uscc: '1.2.156.10260.4.4',
  gmt0015v2012OrgCode: '1.2.156.10260.4.1.4',
  gmt0015v2012Uscc: '1.2.156.10260.4.1.3',
  cn86OrgCode: '1.2.86.11.7.4',
  cn86Uscc: '1.2.86.11.7.3',
  // Keys
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecPublicKey: '1.2.840.10045.2.1',
  p256: '1.2.840.10045.3.1.7',
  p384: '1.3.132.0.34',
  sm2: '1.2.156.10197.1.301',
} as const;

/** Short names for distinguished-name attributes, as OpenSSL prints them. */
export const NAME_ATTRIBUTE_SHORT: Readonly<Record<string, string>> = {
  [OID.commonName]: 'CN',
  [OID.serialNumber]: 'serialNumber',
  [OID.country]: 'C',
  [OID.locality]: 'L',
  [OID.stateOrProvince]: 'ST',
  [OID.street]: 'street',
  [OID.organization]: 'O',
  [OID.organizationalUnit]: 'OU',
  [OID.title]: 'title',
  [OID.givenName]: 'GN',
  [OID.organizationIdentifier]: 'organizationIdentifier',
  [OID.emailAddress]: 'emailAddress',
};
