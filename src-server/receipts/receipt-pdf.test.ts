/**
 * The receipt PDF as a person and a program see it: the text poppler extracts (names, USCC, number, amount in
 * figures and capitals), the crop frame exactly at RECEIPT_CROP_FRAME on an A4 portrait page (found in a 72 dpi
 * rendering), and a character the subset font lacks printed as 〓 and reported.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RECEIPT_CROP_FRAME, type ReceiptContent } from '@shared/contract/http/disbursement';
import { fenToCapitals } from '@shared/money/capital';
import { loadReceiptFont, MISSING_GLYPH, receiptFontPath, renderReceiptPdf } from './receipt-pdf';

const run = promisify(execFile);

export const sampleReceipt = (overrides: Partial<ReceiptContent> = {}): ReceiptContent => ({
  receiptNumber: 'TB2026000042',
  payer: '苏州工业园区劳动和社会保障局',
  payee: { name: '苏州星河智能科技有限公司', uscc: '91320594MA1XYZ1234' },
  itemName: '高层次和紧缺人才招聘补贴',
  year: 2026,
  amountFen: 1_500_000,
  amountInCapitals: fenToCapitals(1_500_000),
  bankAccount: { bankName: '中国工商银行', accountName: '苏州星河智能科技有限公司', accountNumber: '1102020509000012345678', branchName: '苏州工业园区支行', cnapsCode: '102305002056' },
  contact: { name: '赵六', mobile: '13700001234', phone: '0512-66881234' },
  date: '2026-11-22',
  ...overrides,
});

describe('receipt PDF', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tongban-receipt-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const render = async (content: ReceiptContent, name: string) => {
    const out = await renderReceiptPdf(content, await loadReceiptFont());
    const file = path.join(dir, `${name}.pdf`);
    await writeFile(file, out.pdf);
    return { ...out, file };
  };

  it('prints what a finance office checks, readable as text', async () => {
    const { file, missing } = await render(sampleReceipt(), 'receipt');
    expect(missing).toEqual([]);
    const { stdout } = await run('pdftotext', ['-layout', file, '-']);
    for (const text of ['人才资金拨付收据', 'TB2026000042', '2026年11月22日', '苏州工业园区劳动和社会保障局', '苏州星河智能科技有限公司', '91320594MA1XYZ1234',
      '高层次和紧缺人才招聘补贴（2026年度）', '壹万伍仟元整', '¥15,000.00', '中国工商银行', '苏州工业园区支行', '1102 0205 0900 0012 3456 78', '102305002056',
      '赵六', '13700001234', '0512-66881234', '收款单位（盖章）', '沿虚线裁剪', '财务专用章或企业公章']) {
      expect(stdout, text).toContain(text);
    }
    const info = await run('pdfinfo', [file]);
    expect(info.stdout).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(info.stdout).toMatch(/Pages:\s+1/);
    const fonts = await run('pdffonts', [file]);
    // Embedded as a subset, and poppler accepts the embedded font (no "may be invalid" warning).
    expect(fonts.stdout).toMatch(/\+NotoSansCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes yes/);
    expect(fonts.stderr).toBe('');
  });

  it('finds the font from the source tree and from the server bundle', () => {
    for (const here of ['/repo/src-server/receipts', '/repo/dist/server']) {
      expect(receiptFontPath(here)).toBe(path.resolve('/repo/assets/fonts/NotoSansSC-Regular-subset.otf'));
    }
  });

  it('has a glyph for every character of its own wording', async () => {
    const { PrintDocument } = await import('@shared/pdf');
    const doc = await PrintDocument.create(await loadReceiptFont(), { title: 't' });
    const source = await readFile(new URL('./receipt-pdf.ts', import.meta.url), 'utf8');
    // Every non-ASCII character in the module's strings (labels, instructions, ①–⑥, ¥), minus the 〓 placeholder's escape.
    const wording = [...new Set(source.replace(/^\s*(\/\/|\*|\/\*\*).*$/gm, '').match(/[^\t\n\r -~]/g) ?? [])].join('');
    expect(wording.length).toBeGreaterThan(100);
    expect(doc.missingCharacters(wording)).toEqual([]);
    expect(doc.missingCharacters(MISSING_GLYPH)).toEqual([]);
  });

  it('draws the dashed crop frame exactly at RECEIPT_CROP_FRAME', async () => {
    const { file } = await render(sampleReceipt(), 'frame');
    await run('pdftoppm', ['-r', '72', '-gray', file, path.join(dir, 'frame')]);
    const pgm = await readFile(path.join(dir, 'frame-1.pgm'));
    // Binary PGM: "P5\n<w> <h>\n255\n" then one byte per pixel.
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 32).toString('latin1'))!;
    const [w, h] = [Number(header[1]), Number(header[2])];
    const pixels = pgm.subarray(header[0].length);
    const dark = (x: number, y: number) => pixels[Math.round(y) * w + Math.round(x)]! < 200;
    const f = RECEIPT_CROP_FRAME;
    const along = (points: Array<[number, number]>) => points.filter(([x, y]) => dark(x, y) || dark(x, y - 0.6) || dark(x, y + 0.6)).length / points.length;
    const horizontal = (y: number) => Array.from({ length: 200 }, (_, i): [number, number] => [f.x + 10 + (i * (f.width - 20)) / 200, y]);
    const vertical = (x: number) => Array.from({ length: 150 }, (_, i): [number, number] => [x, f.y + 10 + (i * (f.height - 20)) / 150]);
    expect([Math.abs(w - 595.28) < 1, Math.abs(h - 841.89) < 1]).toEqual([true, true]);
    // A dashed line (6 on, 4 off) covers about 60 % of its length; one point beside it, nothing.
    for (const line of [horizontal(f.y), horizontal(f.y + f.height), vertical(f.x), vertical(f.x + f.width)]) {
      expect(along(line)).toBeGreaterThan(0.45);
      expect(along(line)).toBeLessThan(0.85);
    }
    // (Above the frame's left half is its caption.)
    const aboveRightHalf = horizontal(f.y - 4).slice(100);
    for (const line of [aboveRightHalf, vertical(f.x - 4), vertical(f.x + f.width + 4), horizontal(f.y + f.height + 4)]) {
      expect(along(line)).toBeLessThan(0.05);
    }
  });

  it('prints a character the font lacks as 〓 and says which', async () => {
    const rare = String.fromCodePoint(0x2a6d6); // a CJK Extension B character, outside the subset
    const { file, missing } = await render(sampleReceipt({ payee: { name: `苏州${rare}科技有限公司`, uscc: '91320594MA1XYZ1234' } }), 'rare');
    expect(missing).toEqual([rare]);
    const { stdout } = await run('pdftotext', [file, '-']);
    expect(stdout).toContain(`苏州${MISSING_GLYPH}科技有限公司`);
  });

  it('keeps the long account numbers and amounts inside the frame', async () => {
    const { file } = await render(
      sampleReceipt({ amountFen: 3_000_000_001, amountInCapitals: fenToCapitals(3_000_000_001), bankAccount: { ...sampleReceipt().bankAccount, accountNumber: '1'.repeat(32), branchName: '中国工商银行股份有限公司苏州工业园区星湖街支行营业部' } }),
      'long',
    );
    const { stdout } = await run('pdftotext', ['-layout', file, '-']);
    expect(stdout).toContain('叁仟万元零壹分');
    expect(stdout).toContain('¥30,000,000.01');
    // The table shrinks its type rather than the stamp's room: ≥ 100 pt between the last row and the frame's bottom.
    const { stdout: boxes } = await run('pdftotext', ['-bbox', file, '-']);
    const yMax = (word: string) => Number(new RegExp(`yMax="([\\d.]+)">${word}<`).exec(boxes)![1]);
    const f = RECEIPT_CROP_FRAME;
    expect(yMax('经办人（签字）：')).toBeLessThan(f.y + f.height);
    expect(f.y + f.height - yMax('电话')).toBeGreaterThan(100);
  });
});
