/**
 * The server's check of signed PDFs (issue 15 item 4), on PDFs signed by the desktop's own signing code with test
 * CA certificates, a real `openssl ts` TSA and a real `openssl ocsp` responder: a sound B-T and B-LT signature,
 * then one flaw at a time — a changed byte, an edit appended after signing, another enterprise's certificate, a
 * chain to no trusted root — and whether a signed file is the generated one plus the signature and nothing else.
 */
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PDF } from '@libpdf/core';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestPki, type TestPki, type TestSigner } from '../../tests/fixtures/server/pki';
import { freePort, startOcspResponder } from '../../tests/fixtures/server/revocation';
import { pdfsig } from '../../tests/fixtures/pdf-signature-checks';
import { signPdfWith } from '../../tests/fixtures/signed-pdf';
import { startTsa, type TestTsa } from '../../tests/fixtures/tsa';
import { isIncrementalSignatureOf, verifyPades } from './pades-verify';
import { RevocationChecker } from './revocation';
import type { TrustStore } from './trust-store';

const USCC = '91320594MA1MXK3R3C';
let pki: TestPki;
let tsa: TestTsa;
let trust: TrustStore;
let root: Uint8Array;
let dir: string;

beforeAll(async () => {
  pki = await getTestPki();
  tsa = await startTsa();
  const pem = await readFile(pki.rootFiles('jiangsu-ca').certPath, 'utf8');
  root = new Uint8Array(new X509Certificate(pem).raw);
  trust = { anchors: [{ profile: 'jiangsu-ca', certificate: new X509Certificate(pem) }] };
  dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-pades-'));
});
afterAll(async () => {
  await tsa?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** A one-page form; pdf-lib dates it to the second, so two forms made in the same second are the same bytes. */
async function generated(title = 'Application form'): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  page.drawText(title, { x: 72, y: 760, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save();
}

async function signed(original: Uint8Array, s: TestSigner, opts: { tsa?: boolean; chain?: Uint8Array[] } = {}) {
  return signPdfWith(original, s, { chain: opts.chain ?? [root], signingTime: new Date('2026-12-07T01:00:00Z'), ...(opts.tsa ? { tsaUrl: tsa.url } : {}) });
}

/** An incremental update that draws on page 1: what "an edit after signing" looks like. */
async function drawnOver(pdf: Uint8Array): Promise<Uint8Array> {
  const doc = await PDF.load(pdf);
  doc.getPage(0)!.drawRectangle({ x: 100, y: 100, width: 50, height: 50 });
  return doc.save({ incremental: true });
}

describe('verifyPades', () => {
  it('reports a sound B-T signature: whole file, CMS, chain, time-stamp, signer and USCC', async () => {
    const s = await pki.issue({ uscc: USCC });
    const out = await signed(await generated(), s, { tsa: true });
    expect(out.level).toBe('B-T');
    const report = await verifyPades(out.pdf, { trust, expectedUscc: USCC });
    expect(report.signatures).toHaveLength(1);
    const sig = report.signatures[0]!;
    expect(sig).toMatchObject({ fieldName: 'Signature1', level: 'B-T', coversWholeFile: true, cmsValid: true, chainValid: true, revocation: 'not-checked', problems: [] });
    expect(sig.signer.uscc).toBe(USCC);
    expect(sig.signedAt).toBe('2026-12-07T01:00:00.000Z');
    expect(sig.timestamp?.tsaSubject).toContain('Tongban Test TSA');
  });

  it('reaches B-LT when the OCSP responder answers, and says the certificate is good', async () => {
    const port = await freePort();
    const s = await pki.issue({ uscc: USCC, ocspUrl: `http://127.0.0.1:${port}` });
    const responder = await startOcspResponder(pki, 'jiangsu-ca', dir, port, [{ serial: s.certificate.serialNumber }]);
    try {
      const original = await generated();
      const out = await signed(original, s, { tsa: true });
      expect(out.level).toBe('B-LT');
      // The DSS update is signature material too: still the generated PDF plus its signature.
      expect(await isIncrementalSignatureOf(original, out.pdf)).toBe(true);
      expect((await pdfsig(out.pdf)).stdout).toContain('Signature Validation: Signature is Valid.');
      const report = await verifyPades(out.pdf, { trust, revocation: new RevocationChecker({ policy: 'strict' }) });
      // The DSS came after the signature: not the whole file, and no problem either.
      expect(report.signatures[0]).toMatchObject({ level: 'B-LT', coversWholeFile: false, cmsValid: true, revocation: 'good', problems: [] });
    } finally {
      await responder.stop();
    }
  });

  it('finds a changed byte, an edit appended after signing, another enterprise and an untrusted chain', async () => {
    const s = await pki.issue({ uscc: USCC });
    const { pdf } = await signed(await generated(), s);

    const tampered = pdf.slice();
    // One digit of the page size, inside the signed bytes.
    const at = Buffer.from(tampered).indexOf('595', Buffer.from(tampered).indexOf('/MediaBox'));
    expect(at).toBeGreaterThan(0);
    tampered[at] = '6'.charCodeAt(0);
    const t = (await verifyPades(tampered, { trust })).signatures[0]!;
    expect(t.cmsValid).toBe(false);
    expect(t.problems).toContain('PDF_SIGNATURE_INVALID');

    const edited = (await verifyPades(await drawnOver(pdf), { trust })).signatures[0]!;
    expect(edited).toMatchObject({ coversWholeFile: false, cmsValid: true });
    expect(edited.problems).toContain('PDF_CHANGED_AFTER_SIGNING');

    const other = (await verifyPades(pdf, { trust, expectedUscc: '913205940892347182' })).signatures[0]!;
    expect(other.problems).toEqual(['PDF_SIGNER_OTHER_ENTERPRISE']);

    const stranger = await pki.issue({ uscc: USCC, profile: 'untrusted' });
    const u = (await verifyPades((await signed(await generated(), stranger, { chain: [] })).pdf, { trust })).signatures[0]!;
    expect(u).toMatchObject({ cmsValid: true, chainValid: false });
    expect(u.problems).toContain('PDF_SIGNER_UNTRUSTED');

    expect((await verifyPades(await generated(), { trust })).signatures).toEqual([]);
  });
});

describe('isIncrementalSignatureOf', () => {
  it('accepts the generated PDF plus its signature (and a second one), refuses changed pages and other files', async () => {
    const s = await pki.issue({ uscc: USCC });
    const original = await generated();
    const once = (await signed(original, s)).pdf;
    expect(await isIncrementalSignatureOf(original, once)).toBe(true);
    expect(await isIncrementalSignatureOf(original, (await signed(once, s)).pdf)).toBe(true);

    // Page content changed in the same update chain that carries the signature.
    expect(await isIncrementalSignatureOf(original, (await signed(await drawnOver(original), s)).pdf)).toBe(false);
    // Nothing signed, or another document signed.
    expect(await isIncrementalSignatureOf(original, await drawnOver(original))).toBe(false);
    expect(await isIncrementalSignatureOf(original, (await signed(await generated('Another form'), s)).pdf)).toBe(false);
  });
});
