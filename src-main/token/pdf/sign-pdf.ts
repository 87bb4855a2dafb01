/**
 * PAdES signing of a PDF over the token's RawSigner (issue 15 item 2; README.md here says why @libpdf/core and
 * what it does and does not do for us).
 *
 * 1. @libpdf/core adds, as an incremental update (the input's bytes stay as they are, earlier signatures stay
 *    valid): a signature field merged with its widget on the chosen page, whose normal appearance is a page drawn
 *    by appearance.ts, and a /Sig dictionary (SubFilter ETSI.CAdES.detached, /M = signing time) with a /ByteRange
 *    and a zero-filled /Contents placeholder.
 * 2. Here: the ByteRange is patched in place and the CMS is built by formats/cms.ts over the bytes it covers —
 *    signed attributes contentType, messageDigest, ESS signing-certificate-v2 and no signing-time (@libpdf's own
 *    CAdES builder always writes signing-time, which PAdES baseline forbids) — with the chain from the token, and
 *    the RFC 3161 time-stamp of the signature value as an unsigned attribute when a TSA is set (B-T).
 * 3. With B-T, @libpdf's addValidationData adds a DSS (chain, OCSP responses or CRLs) in a further incremental
 *    update; only when revocation data came back is the result called B-LT.
 */
import { PDF, PdfArray, PdfDict, PdfName, PdfNumber, PdfString, type PDFPage, type PdfRef } from '@libpdf/core';
import * as pkijs from 'pkijs';
import type { PadesLevel, PdfSignPlacement } from '@shared/contract/pdf-signing';
import { createDetachedCms } from '../formats/cms';
import { CMS_OID } from '../formats/cms-oids';
import { sha256, type RawSigner } from '../formats/raw-signer';
import { appearancePdf } from './appearance';
import { patchSignature, reservePlaceholders } from './placeholders';
import { PdfSignError } from './pdf-sign-error';
import { requestTimeStamp, TsaError } from './tsa';

export interface SignPdfInput {
  pdf: Uint8Array;
  /** Signer certificate, DER. */
  certificate: Uint8Array;
  /** Issuer certificates, DER, signer's issuer first (embedded so a verifier can build the chain offline). */
  chain?: readonly Uint8Array[];
  signer: RawSigner;
  signerName: string;
  reason?: string;
  location?: string;
  placement?: PdfSignPlacement;
  tsaUrl?: string;
  signingTime: Date;
  /** The CJK font's bytes (appearance text). */
  fontBytes: Uint8Array;
}

export interface SignPdfOutput {
  pdf: Uint8Array;
  level: PadesLevel;
}

/** Lower right of the page, clear of a 36 pt margin: where a form's 申请人（盖章） usually sits. */
const DEFAULT_SIZE = { width: 180, height: 64 };

/** PDF date (ISO 32000-1 §7.9.4) in UTC. */
export function pdfDate(d: Date): string {
  const s = d.toISOString();
  return `D:${s.slice(0, 4)}${s.slice(5, 7)}${s.slice(8, 10)}${s.slice(11, 13)}${s.slice(14, 16)}${s.slice(17, 19)}+00'00'`;
}

async function load(bytes: Uint8Array): Promise<PDF> {
  let pdf: PDF;
  try {
    pdf = await PDF.load(bytes);
  } catch (e) {
    throw new PdfSignError('PDF_INVALID', (e as Error).message);
  }
  if (pdf.isEncrypted) throw new PdfSignError('PDF_ENCRYPTED', 'encrypted PDF');
  if (pdf.getPageCount() === 0) throw new PdfSignError('PDF_INVALID', 'no pages');
  return pdf;
}

function placeWidget(pdf: PDF, page: PDFPage, rect: readonly [number, number, number, number], valueRef: PdfRef, apRef: PdfRef) {
  const form = pdf.getOrCreateForm();
  const names = new Set(form.getFields().map((f) => f.name));
  let n = 1;
  while (names.has(`Signature${n}`)) n++;
  const field = form.createSignatureField(`Signature${n}`);
  const dict = field.getDict();
  // One object that is both the field and its widget, as ISO 32000 §12.7.3.1 allows and signers commonly write.
  dict.delete('Kids');
  dict.set('Type', PdfName.of('Annot'));
  dict.set('Subtype', PdfName.of('Widget'));
  dict.set('F', PdfNumber.of(4 | 128)); // Print, Locked
  dict.set('P', page.ref);
  const [x, y, w, h] = rect;
  dict.set('Rect', new PdfArray([PdfNumber.of(x), PdfNumber.of(y), PdfNumber.of(x + w), PdfNumber.of(y + h)]));
  dict.set('AP', PdfDict.of({ N: apRef }));
  dict.set('V', valueRef);
  const resolve = pdf.context.registry.resolve.bind(pdf.context.registry);
  const annots = page.dict.getArray('Annots', resolve);
  const ref = field.getRef();
  if (!ref) throw new PdfSignError('PDF_INVALID', 'signature field without a reference');
  if (annots) annots.push(ref);
  else page.dict.set('Annots', new PdfArray([ref]));
  const acroForm = pdf.getCatalog().getDict('AcroForm', resolve);
  acroForm?.set('SigFlags', PdfNumber.of(3)); // SignaturesExist, AppendOnly
  return `Signature${n}`;
}

export type PrepareInput = Omit<SignPdfInput, 'signer' | 'certificate' | 'chain'>;

/** The PDF with the signature's field, appearance and placeholders added; nothing signed yet. */
export interface PreparedSignature {
  original: Uint8Array;
  prepared: Uint8Array;
  tsaUrl?: string;
}

/**
 * Everything that needs no key: reading the PDF (a broken or encrypted one is refused before the PIN is asked),
 * the appearance and the incremental update with the placeholders.
 */
export async function prepareSignature(input: PrepareInput): Promise<PreparedSignature> {
  const pdf = await load(input.pdf);
  const pageIndex = input.placement?.page ?? pdf.getPageCount() - 1;
  const page = pdf.getPage(pageIndex);
  if (!page) throw new PdfSignError('PDF_INVALID', `no page ${pageIndex}`);
  const rect = input.placement?.rect ?? [Math.max(0, page.width - 36 - DEFAULT_SIZE.width), 36, DEFAULT_SIZE.width, DEFAULT_SIZE.height];

  const look = await PDF.load(await appearancePdf({ fontBytes: input.fontBytes, width: rect[2], height: rect[3], signerName: input.signerName, signedAt: input.signingTime }));
  const embedded = await pdf.embedPage(look, 0);

  const sig = PdfDict.of({
    Type: PdfName.of('Sig'),
    Filter: PdfName.of('Adobe.PPKLite'),
    SubFilter: PdfName.of('ETSI.CAdES.detached'),
    ...reservePlaceholders(),
    M: PdfString.fromString(pdfDate(input.signingTime)),
  });
  if (input.reason) sig.set('Reason', PdfString.fromString(input.reason));
  if (input.location) sig.set('Location', PdfString.fromString(input.location));
  placeWidget(pdf, page, rect, pdf.register(sig), embedded.ref);

  const prepared = await pdf.save({ incremental: true });
  if (prepared.length < input.pdf.length || !Buffer.from(prepared.subarray(0, input.pdf.length)).equals(Buffer.from(input.pdf))) {
    // Never hand back a rewritten file: it would break earlier signatures and the server's "generated + signature" check.
    throw new PdfSignError('PDF_INVALID', 'the PDF could not be updated incrementally');
  }
  return { original: input.pdf, prepared, ...(input.tsaUrl ? { tsaUrl: input.tsaUrl } : {}) };
}

/** With the key: the CMS over the ByteRange, and its time-stamp when a TSA is set. Returns the B-B or B-T PDF. */
export async function signPrepared(p: PreparedSignature, key: { certificate: Uint8Array; chain?: readonly Uint8Array[]; signer: RawSigner }): Promise<SignPdfOutput> {
  let timestamped = false;
  const tsaUrl = p.tsaUrl;
  const signed = await patchSignature(p.prepared, p.original.length, async (content) => {
    try {
      return await createDetachedCms({
        certificate: key.certificate,
        content,
        signer: key.signer,
        signingTime: null,
        chain: key.chain ?? [],
        unsignedAttributes: tsaUrl
          ? async (signature) => {
              const token = await requestTimeStamp(tsaUrl, sha256(signature));
              timestamped = true;
              return [{ type: CMS_OID.timeStampToken, value: token }];
            }
          : undefined,
      });
    } catch (e) {
      if (e instanceof TsaError) throw new PdfSignError('TSA_UNAVAILABLE', e.message);
      throw e;
    }
  });
  return { pdf: signed, level: timestamped ? 'B-T' : 'B-B' };
}

/** B-B, or B-T with a TSA, raised to B-LT when revocation data can be had. */
export async function signPdf(input: SignPdfInput): Promise<SignPdfOutput> {
  const signed = await signPrepared(await prepareSignature(input), input);
  return signed.level === 'B-T' ? addLongTermValidation(signed.pdf) : signed;
}

/** B-LT: the DSS with the chain and revocation data, when the CA's OCSP responder or CRL answered. */
export async function addLongTermValidation(signed: Uint8Array): Promise<SignPdfOutput> {
  // @libpdf installs its own pkijs crypto engine for LTV, whose digest() breaks pkijs callers that name the
  // algorithm by a string (every SignedData.verify after it fails): the process's engine is put back afterwards.
  const engine = pkijs.getEngine();
  try {
    const doc = await PDF.load(signed);
    const result = await doc.addValidationData();
    const reloaded = await PDF.load(result.bytes);
    const resolve = reloaded.context.registry.resolve.bind(reloaded.context.registry);
    const dss = reloaded.getCatalog().getDict('DSS', resolve);
    const hasRevocation = (dss?.getArray('OCSPs', resolve)?.length ?? 0) + (dss?.getArray('CRLs', resolve)?.length ?? 0) > 0;
    if (hasRevocation && Buffer.from(result.bytes.subarray(0, signed.length)).equals(Buffer.from(signed))) return { pdf: result.bytes, level: 'B-LT' };
  } catch {
    // Nobody answered about revocation: the signature stands at B-T.
  } finally {
    if (engine.crypto) pkijs.setEngine(engine.name, engine.crypto);
  }
  return { pdf: signed, level: 'B-T' };
}


