/**
 * PAdES signing through the token service with real SoftHSM keys (RSA and EC), a real RFC 3161 TSA (`openssl ts`)
 * and PDFs from other producers (pdf-lib with a classic xref table, pdf-lib with object streams and an xref
 * stream as src-shared/pdf writes the application form, cairo via `pdftocairo`). Every signature is checked by
 * `pdfsig` and by OpenSSL over the ByteRange; B-T's token by `openssl ts -verify`.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '@shared/contract/result';
import type { PdfSignResult } from '@shared/contract/pdf-signing';
import { PrintDocument } from '@shared/pdf';
import { createTokenSandbox, type TokenSandbox } from '../../../tests/fixtures/tokens';
import { startTsa, type TestTsa } from '../../../tests/fixtures/tsa';
import { cmsParts, cutSignatures, opensslCmsVerify, opensslTsVerify, pdfsig, run, withTemp } from '../../../tests/fixtures/pdf-signature-checks';
import { loadFormFont } from '../../services/form-font';
import { TokenService } from '../token-service';

const repo = path.resolve(import.meta.dirname, '../../..');
const RSA = '91320594MA1MXK3R3C'; // JSCA-RSA-0001
const EC = '913205940892347182'; // JSCA-EC-0002
const PIN = '12345678';
const SIGNING_TIME_OID = '1.2.840.113549.1.9.5';
const ESS_V2_OID = '1.2.840.113549.1.9.16.2.47';

let sandbox: TokenSandbox;
let tsa: TestTsa;
let service: TokenService;
let jiangsuRoot: string;

beforeAll(async () => {
  sandbox = await createTokenSandbox({ only: ['JSCA-RSA-0001', 'JSCA-EC-0002'] });
  process.env.SOFTHSM2_CONF = sandbox.conf;
  tsa = await startTsa();
  service = new TokenService({ env: { TONGBAN_PKCS11_MODULES: sandbox.modulePath } });
  jiangsuRoot = sandbox.manifest.roots['jiangsu-ca'].certPath;
});
afterAll(async () => {
  service?.close();
  await tsa?.stop();
  await sandbox?.cleanup();
});

async function pdfLibPdf(objectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595.28, 841.89]);
  page.drawText('Construction filing test page', { x: 72, y: 760, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save({ useObjectStreams: objectStreams });
}

/** The application form's producer: src-shared/pdf (pdf-lib, object streams, CJK subset). */
async function applicationFormPdf(): Promise<Uint8Array> {
  const doc = await PrintDocument.create(await loadFormFont(), { title: '小型建设工程开工备案申请表' });
  const page = doc.addPage({ header: '苏州工业园区一网通办', footer: '小型建设工程开工备案' });
  page.title('小型建设工程开工备案申请表');
  page.table([{ fields: [{ label: '工程名称', value: '星河智能厂房改造工程' }, { label: '建设单位', value: '苏州星河智能科技有限公司' }] }]);
  return doc.save();
}

async function sign(pdf: Uint8Array, cert: string, extra: Record<string, unknown> = {}): Promise<Result<PdfSignResult>> {
  return service.handle('signPdf', { cert, pin: PIN, pdf: Buffer.from(pdf).toString('base64'), signerName: '苏州星河智能科技有限公司', reason: '小型建设工程开工备案', ...extra });
}

function signed(result: Result<PdfSignResult>): Uint8Array {
  if (!result.ok) throw new Error(`expected a signed PDF, got ${JSON.stringify(result.error)}`);
  return new Uint8Array(Buffer.from(result.value.pdf, 'base64'));
}

/** What every signature must pass, whoever checks it. */
async function expectValidPades(pdf: Uint8Array, index: number, signerCn: string) {
  const sig = cutSignatures(pdf)[index]!;
  const verified = await opensslCmsVerify(sig, jiangsuRoot);
  expect(verified.stderr).toContain('Verification successful');
  const parts = cmsParts(sig.cms);
  expect(parts.signedAttributeTypes).toContain(ESS_V2_OID);
  expect(parts.signedAttributeTypes).not.toContain(SIGNING_TIME_OID);
  const report = await pdfsig(pdf);
  const block = report.stdout.split(/Signature #\d+:/)[index + 1] ?? '';
  expect(block).toContain(`Signer Certificate Common Name: ${signerCn}`);
  expect(block).toContain('Signature Type: ETSI.CAdES.detached');
  expect(block).toContain('Signature Validation: Signature is Valid.');
  return parts;
}

describe('signPdf', () => {
  it('signs the application form at B-T with the RSA key: pdfsig, openssl cms and openssl ts agree; the appearance shows the name', async () => {
    const original = await applicationFormPdf();
    const result = await sign(original, RSA, { tsaUrl: tsa.url });
    const pdf = signed(result);
    expect(result.ok && result.value.level).toBe('B-T');
    expect(Buffer.from(pdf.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    const parts = await expectValidPades(pdf, 0, '苏州星河智能科技有限公司');
    // The chain from the key rides along: the signer and the Jiangsu CA root.
    expect(parts.certificateCount).toBe(2);
    expect(parts.timeStampToken).not.toBeNull();
    const ts = await opensslTsVerify(parts.timeStampToken!, parts.signatureValue, tsa.rootPath, tsa.certPath);
    expect(ts.stdout + ts.stderr).toContain('Verification: OK');
    expect(cutSignatures(pdf)[0]!.byteRange[2] + cutSignatures(pdf)[0]!.byteRange[3]).toBe(pdf.length);

    // The appearance, as a viewer draws it: saved for people to look at.
    const screens = path.join(repo, 'test-results', 'screens');
    await mkdir(screens, { recursive: true });
    await withTemp(async (f) => {
      await writeFile(f('signed.pdf'), pdf);
      const png = await run('pdftoppm', ['-png', '-r', '110', '-singlefile', f('signed.pdf'), path.join(screens, 'pades-appearance')]);
      expect(png.code).toBe(0);
      const fonts = await run('pdffonts', [f('signed.pdf')]);
      // The seal's Chinese text is set in an embedded subset, not left to fonts the reader may lack.
      expect(fonts.stdout).toMatch(/TBSEAL\+\S+\s+CID Type 0C\s+Identity-H\s+yes yes yes/);
    });
    expect((await readFile(path.join(screens, 'pades-appearance.png'))).length).toBeGreaterThan(1000);
  });

  it('signs a classic-xref PDF with the EC key at B-B, and a second signature with the RSA key keeps the first valid', async () => {
    const original = await pdfLibPdf(false);
    const first = await sign(original, EC, { placement: { page: 0, rect: [60, 60, 180, 60] }, signerName: '苏州工业园区明德人力资源有限公司' });
    expect(first.ok && first.value.level).toBe('B-B');
    const once = signed(first);
    await expectValidPades(once, 0, '苏州工业园区明德人力资源有限公司');
    expect(cmsParts(cutSignatures(once)[0]!.cms).timeStampToken).toBeNull();

    const twice = signed(await sign(once, RSA, { placement: { page: 0, rect: [320, 60, 180, 60] } }));
    expect(Buffer.from(twice.subarray(0, once.length)).equals(Buffer.from(once))).toBe(true);
    await expectValidPades(twice, 0, '苏州工业园区明德人力资源有限公司');
    await expectValidPades(twice, 1, '苏州星河智能科技有限公司');
    const report = (await pdfsig(twice)).stdout;
    expect(report.match(/Signature is Valid\./g)).toHaveLength(2);
  });

  it('signs PDFs with object streams (pdf-lib) and from cairo (pdftocairo) with the EC key at B-T', async () => {
    const objectStreams = await pdfLibPdf(true);
    expect(Buffer.from(objectStreams).toString('latin1')).toContain('/ObjStm');
    const cairo = await withTemp(async (f) => {
      await writeFile(f('in.pdf'), await pdfLibPdf(false));
      expect((await run('pdftocairo', ['-pdf', f('in.pdf'), f('out.pdf')])).code).toBe(0);
      return new Uint8Array(await readFile(f('out.pdf')));
    });
    expect(Buffer.from(cairo).toString('latin1')).toContain('cairo');
    for (const original of [objectStreams, cairo]) {
      const result = await sign(original, EC, { tsaUrl: tsa.url });
      expect(result.ok && result.value.level).toBe('B-T');
      await expectValidPades(signed(result), 0, '苏州工业园区明德人力资源有限公司');
    }
  });

  it('refuses a broken PDF before the PIN reaches the key, and reports a TSA that does not answer as retriable', async () => {
    const broken = await sign(new TextEncoder().encode('%PDF-1.7 not really'), RSA, { pin: '00000000' });
    expect(broken).toMatchObject({ ok: false, error: { code: 'PDF_INVALID', retriable: false } });
    // The wrong PIN above never reached the key: the right one works without a lock-out warning.
    tsa.down = true;
    try {
      const down = await sign(await pdfLibPdf(false), RSA, { tsaUrl: tsa.url });
      expect(down).toMatchObject({ ok: false, error: { code: 'TSA_UNAVAILABLE', retriable: true } });
    } finally {
      tsa.down = false;
    }
    const list = await service.handle('list', {});
    const rsa = list.ok ? list.value.find((c) => c.uscc === RSA) : undefined;
    expect(rsa?.pin.countLow).toBe(false);
  });
});
