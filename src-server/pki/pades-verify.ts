/**
 * The server's check of a PAdES-signed PDF (issue 15 item 4), one report per signature, in file order:
 * - the ByteRange starts at 0 and leaves out exactly the /Contents hex string; `coversWholeFile` when it reaches
 *   the end of the file (a later signature or a DSS update is checked below, anything else is a problem);
 * - the CMS verifies over those bytes (pki/cms.ts), with the PAdES baseline rules: SubFilter ETSI.CAdES.detached,
 *   ESS signing-certificate-v2 naming the signer certificate, no signing-time attribute;
 * - a time-stamp token on the signature value, if any, imprints SHA-256 of that value and verifies (B-T); a DSS
 *   with revocation data raises it to B-LT;
 * - the signer certificate chains to a trust root (pki/chain.ts) and, when a checker is given, is not revoked;
 * - with `expectedUscc`, the certificate's USCC is the enterprise's.
 */
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { PdfNumber, type PDF, type PdfDict, type SignatureField } from '@libpdf/core';
import { parseCertificate } from '@shared/certificate/parse';
import type { PadesLevel, PadesReport, PadesRevocation, PadesSignatureReport } from '@shared/contract/pdf-signing';
import type { PadesErrorCode } from '@shared/errors/pades';
import { verifyCertificate } from './chain';
import { verifyDetachedCms } from './cms';
import { loadPdf, onlySignaturesAdded, startsWith } from './pdf-revisions';
import type { RevocationChecker } from './revocation';
import type { TrustStore } from './trust-store';

export interface PadesVerifyDeps {
  trust: TrustStore;
  /** Asked about the signer certificate; without one the report says 'not-checked'. */
  revocation?: RevocationChecker;
  /** The enterprise's USCC: a signature by another enterprise's certificate is a problem. */
  expectedUscc?: string;
  now?: Date;
}

const OID = {
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  timeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha256: '2.16.840.1.101.3.4.2.1',
} as const;

const sha256 = (b: Uint8Array) => new Uint8Array(createHash('sha256').update(b).digest());
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

interface RawSignature {
  fieldName: string;
  dict: PdfDict;
  byteRange: number[];
}

function signedFields(pdf: PDF): SignatureField[] {
  return (pdf.getForm()?.getFields() ?? []).filter((f): f is SignatureField => f.type === 'signature' && (f as SignatureField).isSigned());
}

function signaturesOf(pdf: PDF): RawSignature[] {
  const resolve = pdf.context.registry.resolve.bind(pdf.context.registry);
  const out: RawSignature[] = [];
  for (const field of signedFields(pdf)) {
    const dict = field.getSignatureDict();
    const range = dict?.getArray('ByteRange', resolve)?.toArray().map((n) => (n instanceof PdfNumber ? n.value : NaN));
    if (!dict || !range) continue;
    out.push({ fieldName: field.name, dict, byteRange: range });
  }
  return out.sort((a, b) => (a.byteRange[2] ?? 0) - (b.byteRange[2] ?? 0));
}

/** The ByteRange's shape: [0, a, b, c] with the gap exactly one hex string, inside the file. */
function rangeGap(bytes: Uint8Array, range: number[]): { start: number; end: number } | null {
  const [a, b, c, d] = range;
  if (range.length !== 4 || a !== 0 || [b, c, d].some((n) => n === undefined || !Number.isInteger(n) || n < 0)) return null;
  if (b! >= c! || c! + d! > bytes.length) return null;
  if (bytes[b!] !== 0x3c || bytes[c! - 1] !== 0x3e) return null;
  return { start: b!, end: c! };
}

function cmsFromGap(bytes: Uint8Array, gap: { start: number; end: number }): Uint8Array | null {
  const hex = Buffer.from(bytes.subarray(gap.start + 1, gap.end - 1)).toString('latin1');
  if (!/^[0-9a-fA-F]*$/.test(hex)) return null;
  const padded = new Uint8Array(Buffer.from(hex, 'hex'));
  const parsed = asn1js.fromBER(padded);
  if (parsed.offset === -1) return null;
  return padded.subarray(0, parsed.offset);
}

interface CmsFacts {
  signingTimePresent: boolean;
  essCertHash: Uint8Array | null;
  signatureValue: Uint8Array;
  timestampToken: Uint8Array | null;
}

function cmsFacts(cms: Uint8Array): CmsFacts | null {
  try {
    const signed = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(cms).content });
    const si = signed.signerInfos[0]!;
    const attrs = si.signedAttrs?.attributes ?? [];
    let essCertHash: Uint8Array | null = null;
    const ess = attrs.find((a) => a.type === OID.signingCertificateV2)?.values[0];
    if (ess instanceof asn1js.Sequence) {
      // SigningCertificateV2 { certs SEQUENCE OF ESSCertIDv2 { [hashAlgorithm], certHash, ... } }
      const first = (ess.valueBlock.value[0] as asn1js.Sequence | undefined)?.valueBlock.value[0] as asn1js.Sequence | undefined;
      const parts = first?.valueBlock.value ?? [];
      const algorithmGiven = parts[0] instanceof asn1js.Sequence;
      const algorithm = algorithmGiven ? new pkijs.AlgorithmIdentifier({ schema: parts[0] }).algorithmId : OID.sha256;
      const hash = parts[algorithmGiven ? 1 : 0];
      if (algorithm === OID.sha256 && hash instanceof asn1js.OctetString) essCertHash = new Uint8Array(hash.valueBlock.valueHexView);
    }
    const ts = si.unsignedAttrs?.attributes.find((a) => a.type === OID.timeStampToken)?.values[0];
    return {
      signingTimePresent: attrs.some((a) => a.type === OID.signingTime),
      essCertHash,
      signatureValue: new Uint8Array(si.signature.valueBlock.valueHexView),
      timestampToken: ts ? new Uint8Array(ts.valueBeforeDecodeView) : null,
    };
  } catch {
    return null;
  }
}

/** The time-stamp token's time and TSA, if it verifies and vouches for SHA-256 of the signature value. */
async function timestampOf(token: Uint8Array, signatureValue: Uint8Array): Promise<{ time: string; tsaSubject: string } | null> {
  try {
    const signed = new pkijs.SignedData({ schema: pkijs.ContentInfo.fromBER(token).content });
    const content = signed.encapContentInfo.eContent?.getValue();
    if (!content) return null;
    const info = pkijs.TSTInfo.fromBER(content);
    if (info.messageImprint.hashAlgorithm.algorithmId !== OID.sha256) return null;
    if (!same(new Uint8Array(info.messageImprint.hashedMessage.valueBlock.valueHexView), sha256(signatureValue))) return null;
    // For a TSTInfo pkijs takes `data` as what was time-stamped and checks the imprint against it as well.
    const result = await signed.verify({ signer: 0, data: signatureValue.slice().buffer, checkChain: false, extendedMode: true });
    if (result.signatureVerified !== true || !result.signerCertificate) return null;
    const tsa = parseCertificate(new Uint8Array(result.signerCertificate.toSchema().toBER(false)));
    return { time: info.genTime.toISOString(), tsaSubject: tsa.subject.text };
  } catch {
    return null;
  }
}

function pdfDateToIso(s: string | undefined): string | null {
  const m = s && /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(s);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', se = '00', sign, oh = '00', om = '00'] = m;
  const offset = !sign || sign === 'Z' || sign === 'z' ? 'Z' : `${sign}${oh}:${om}`;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${se}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function hasRevocationData(pdf: PDF): boolean {
  const resolve = pdf.context.registry.resolve.bind(pdf.context.registry);
  const dss = pdf.getCatalog().getDict('DSS', resolve);
  return (dss?.getArray('OCSPs', resolve)?.length ?? 0) + (dss?.getArray('CRLs', resolve)?.length ?? 0) > 0;
}

export async function verifyPades(pdf: Uint8Array, deps: PadesVerifyDeps): Promise<PadesReport> {
  const doc = await loadPdf(pdf);
  if (!doc) return { signatures: [] };
  const now = deps.now ?? new Date();
  const raw = signaturesOf(doc);
  const ltv = hasRevocationData(doc);
  const signatures: PadesSignatureReport[] = [];
  for (const [i, sig] of raw.entries()) {
    const problems = new Set<PadesErrorCode>();
    const gap = rangeGap(pdf, sig.byteRange);
    const end = gap ? sig.byteRange[2]! + sig.byteRange[3]! : 0;
    const coversWholeFile = gap !== null && end === pdf.length;
    const cms = gap ? cmsFromGap(pdf, gap) : null;
    let cmsValid = false;
    let signer: PadesSignatureReport['signer'] = { subject: '', uscc: null, certificateSha256: '' };
    let intermediates: Uint8Array[] = [];
    let leafDer: Uint8Array | null = null;
    if (gap && cms) {
      const covered = Buffer.concat([pdf.subarray(0, gap.start), pdf.subarray(gap.end, end)]);
      try {
        const verified = await verifyDetachedCms(cms, new Uint8Array(covered));
        cmsValid = true;
        leafDer = verified.signerCertificateDer;
        intermediates = verified.otherCertificatesDer;
      } catch {
        cmsValid = false;
      }
    }
    if (!cmsValid) problems.add('PDF_SIGNATURE_INVALID');
    const facts = cms ? cmsFacts(cms) : null;
    if (leafDer) {
      const info = parseCertificate(leafDer);
      signer = { subject: info.subject.text, uscc: info.uscc?.value ?? null, certificateSha256: Buffer.from(sha256(leafDer)).toString('hex') };
      const pades = sig.dict.getName('SubFilter')?.value === 'ETSI.CAdES.detached' && facts && !facts.signingTimePresent && facts.essCertHash && same(facts.essCertHash, sha256(leafDer));
      if (!pades) problems.add('PDF_SIGNATURE_NOT_PADES');
    }
    const timestamp = facts?.timestampToken ? await timestampOf(facts.timestampToken, facts.signatureValue) : null;
    if (facts?.timestampToken && !timestamp) problems.add('PDF_SIGNATURE_INVALID');

    let chainValid = false;
    let revocation: PadesRevocation = 'not-checked';
    if (leafDer) {
      try {
        const verified = verifyCertificate(leafDer, intermediates, deps.trust, now, 'sign');
        chainValid = true;
        if (deps.revocation) revocation = await deps.revocation.status(leafDer, verified.issuerDer, now);
      } catch {
        problems.add('PDF_SIGNER_UNTRUSTED');
      }
    }
    if (revocation === 'revoked') problems.add('PDF_SIGNER_REVOKED');
    if (deps.expectedUscc && signer.uscc !== deps.expectedUscc.toUpperCase()) problems.add('PDF_SIGNER_OTHER_ENTERPRISE');

    // What follows the last signature may only be signature material (a DSS, another signature).
    if (gap && !coversWholeFile && i === raw.length - 1) {
      const before = await loadPdf(pdf.subarray(0, end));
      if (!before || !onlySignaturesAdded(before, doc)) problems.add('PDF_CHANGED_AFTER_SIGNING');
    }
    const level: PadesLevel = timestamp ? (ltv ? 'B-LT' : 'B-T') : 'B-B';
    signatures.push({
      fieldName: sig.fieldName,
      signer,
      signedAt: pdfDateToIso(sig.dict.getString('M')?.asString()),
      timestamp,
      level,
      coversWholeFile,
      cmsValid,
      chainValid,
      revocation,
      problems: [...problems],
    });
  }
  return { signatures };
}

/** Whether `signed` is `original`, byte for byte, followed by incremental updates that only add a signature. */
export async function isIncrementalSignatureOf(original: Uint8Array, signed: Uint8Array): Promise<boolean> {
  if (signed.length <= original.length || !startsWith(signed, original)) return false;
  const [before, after] = await Promise.all([loadPdf(original), loadPdf(signed)]);
  if (!before || !after) return false;
  if (signedFields(after).length <= signedFields(before).length) return false;
  return onlySignaturesAdded(before, after);
}
