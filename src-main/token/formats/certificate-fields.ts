/**
 * The issuer Name and serialNumber INTEGER of a certificate as the exact bytes of its DER, for copying into CMS
 * (IssuerAndSerialNumber, ESS IssuerSerial). Taken from the certificate's own encoding rather than re-encoded from
 * a parse, so whatever string types and order the CA used (UTF8String, BMPString, PrintableString) survive;
 * openssl matches the signer by comparing these against the certificate.
 */
import * as asn1js from 'asn1js';
import { SignatureFormatError } from './errors';
import { memoizeByContent } from './memo';

export interface IssuerAndSerialBytes {
  /** The issuer Name TLV (a SEQUENCE). */
  issuer: Uint8Array;
  /** The serialNumber INTEGER TLV. */
  serialNumber: Uint8Array;
}

export const issuerAndSerialBytes = memoizeByContent(readIssuerAndSerial);

function readIssuerAndSerial(certificateDer: Uint8Array): IssuerAndSerialBytes {
  const parsed = asn1js.fromBER(certificateDer);
  const tbs = parsed.result instanceof asn1js.Sequence ? parsed.result.valueBlock.value[0] : undefined;
  const fields = tbs instanceof asn1js.Sequence ? tbs.valueBlock.value : [];
  // tbsCertificate: [0] EXPLICIT version (absent for v1), serialNumber, signature, issuer, …
  const first = fields[0];
  const hasVersion = first?.idBlock.tagClass === 3 && first.idBlock.tagNumber === 0;
  const serial = fields[hasVersion ? 1 : 0];
  const issuer = fields[hasVersion ? 3 : 2];
  if (parsed.offset !== certificateDer.length || !(serial instanceof asn1js.Integer) || !(issuer instanceof asn1js.Sequence)) {
    throw new SignatureFormatError('BAD_CMS', 'not an X.509 certificate');
  }
  return { issuer: issuer.valueBeforeDecodeView.slice(), serialNumber: serial.valueBeforeDecodeView.slice() };
}
