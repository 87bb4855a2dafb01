/**
 * The disbursement receipt (收据) the enterprise prints, stamps and uploads (manual 001 §2). A4 portrait; the
 * receipt proper sits inside the dashed crop frame at exactly `RECEIPT_CROP_FRAME`, which the phone page's
 * alignment frame shares, so a photo cropped to the frame is the receipt and nothing else. Short instructions
 * stay outside the frame. Every text is set in the CJK subset font; a character the font lacks (a rare name
 * character) prints as 〓, the typesetter's mark for a missing glyph, and is reported to the caller.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { rgb } from 'pdf-lib';
import { RECEIPT_CROP_FRAME, RECEIPT_PAGE, type ReceiptContent } from '@shared/contract/http/disbursement';
import { fenToFigures } from '@shared/money/capital';
import { CJK_FONT_FILE, dashedFrame, GREY, INK, PrintDocument, type PrintPage } from '@shared/pdf';

/** `assets/fonts/` is two levels above this file both in the source tree (src-server/receipts/) and in a build (dist/server/). */
export const receiptFontPath = (here: string = import.meta.dirname) => path.resolve(here, '..', '..', 'assets', 'fonts', CJK_FONT_FILE);

let cachedFont: Promise<Uint8Array> | undefined;

export function loadReceiptFont(): Promise<Uint8Array> {
  cachedFont ??= readFile(receiptFontPath()).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
  cachedFont.catch(() => {
    cachedFont = undefined;
  });
  return cachedFont;
}

/** The placeholder for a character the font has no glyph for (U+3013 GETA MARK). */
export const MISSING_GLYPH = '\u3013';

const RED = rgb(0.75, 0.1, 0.1);
const LABEL_FILL = rgb(0.96, 0.96, 0.96);

/** `2026-11-22` → `2026年11月22日`. */
const chineseDate = (iso: string) => {
  const [y, m, d] = iso.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
};

export interface RenderedReceipt {
  pdf: Uint8Array;
  /** Characters printed as 〓 because the font has no glyph for them. */
  missing: string[];
}

export async function renderReceiptPdf(content: ReceiptContent, fontBytes: Uint8Array): Promise<RenderedReceipt> {
  const doc = await PrintDocument.create(fontBytes, {
    title: `人才资金拨付收据 ${content.receiptNumber}`,
    subject: `${content.itemName}（${content.year}年度）`,
    author: content.payer,
    keywords: [content.receiptNumber, content.payee.uscc],
    createdAt: new Date(`${content.date}T12:00:00+08:00`),
  });
  const missing = new Set<string>();
  const safe = (text: string) => {
    const lacking = doc.missingCharacters(text);
    if (lacking.length === 0) return text;
    lacking.forEach((c) => missing.add(c));
    return [...text].map((ch) => (lacking.includes(ch) ? MISSING_GLYPH : ch)).join('');
  };
  const page = doc.addPage({ header: '苏州工业园区一网通办 · 人才资金拨付', footer: `收据编号 ${content.receiptNumber}` });
  drawReceipt(page, content, safe);
  drawInstructions(page, content, safe);
  return { pdf: await doc.save(), missing: [...missing] };
}

/** PDF y (from the bottom) of a distance from the top of the page. */
const fromTop = (d: number) => RECEIPT_PAGE.height - d;

function drawReceipt(page: PrintPage, c: ReceiptContent, safe: (s: string) => string): void {
  const f = RECEIPT_CROP_FRAME;
  dashedFrame(page.page, { x: f.x, y: fromTop(f.y + f.height), width: f.width, height: f.height }, { font: page.font, caption: '沿虚线裁剪（手机拍照时将拍照框与此虚线框对齐）' });

  const pad = 18;
  const left = f.x + pad;
  const width = f.width - 2 * pad;
  let top = f.y + 12; // distance from the page top

  // Title with the double rule under it, as printed receipt books have.
  const title = '人才资金拨付收据';
  const titleSize = 18;
  // Spaced out one character at a time (the font has no thin space; letter spacing is not a PDF text feature here).
  const gap = titleSize * 0.35;
  const tw = [...title].reduce((w, ch) => w + page.measure(ch, titleSize), 0) + gap * (title.length - 1);
  let tx = left + (width - tw) / 2;
  for (const ch of title) {
    page.text(ch, tx, fromTop(top + titleSize / 2 + 2), { size: titleSize, bold: true });
    tx += page.measure(ch, titleSize) + gap;
  }
  const ruleY = fromTop(top + titleSize + 8);
  page.page.drawLine({ start: { x: left + (width - tw) / 2 - 8, y: ruleY }, end: { x: left + (width + tw) / 2 + 8, y: ruleY }, thickness: 0.8, color: INK });
  page.page.drawLine({ start: { x: left + (width - tw) / 2 - 8, y: ruleY - 2.5 }, end: { x: left + (width + tw) / 2 + 8, y: ruleY - 2.5 }, thickness: 0.8, color: INK });
  top += titleSize + 14;

  // Number (red, as numbered receipt forms print it) and date.
  const meta = 10.5;
  page.text('No.', left, fromTop(top + 7), { size: meta });
  page.text(c.receiptNumber, left + page.measure('No. ', meta), fromTop(top + 7), { size: meta + 1, color: RED });
  const dateText = `日期：${chineseDate(c.date)}`;
  page.text(dateText, left + width - page.measure(dateText, meta), fromTop(top + 7), { size: meta });
  top += 16;

  // The table: label | value | label | value, with rows that grow when a value wraps.
  const labelW = 84;
  const rightLabelW = 100;
  const rightValueW = 146;
  const leftValueW = width - labelW - rightLabelW - rightValueW;
  const cellPad = 4;
  const bank = c.bankAccount;
  type Row = [string, string] | [string, string, string, string];
  const rows: Row[] = [
    ['付款单位', c.payer],
    ['收款单位', c.payee.name, '统一社会信用代码', c.payee.uscc],
    ['款项名称', `${c.itemName}（${c.year}年度）`],
    ['人民币（大写）', c.amountInCapitals, '（小写）', `¥${fenToFigures(c.amountFen)}`],
    ['开户银行', bank.bankName, '开户支行', bank.branchName || '—'],
    ['户　　名', bank.accountName],
    ['账　　号', groupDigits(bank.accountNumber), bank.cnapsCode ? '行号（CNAPS）' : '', bank.cnapsCode],
    ['联 系 人', [c.contact.name, `手机 ${c.contact.mobile}`, c.contact.phone ? `电话 ${c.contact.phone}` : ''].filter(Boolean).join('　　')],
  ];
  const bottom = f.y + f.height - 10;
  // Long names wrap and push the table down; the type gets smaller until the stamp keeps its room (≈ 40 mm).
  const layout = (size: number) => {
    const leading = size * 1.3;
    const laid = rows.map((row) => {
      const full = row.length === 2 || !row[2];
      const valueW = full ? width - labelW : leftValueW;
      const v1 = page.wrap(safe(row[1]), valueW - 2 * cellPad, size);
      const v2 = full ? [] : page.wrap(safe(row[3] ?? ''), rightValueW - 2 * cellPad, size);
      const l2 = full ? [] : page.wrap(row[2] ?? '', rightLabelW - 2 * cellPad, size);
      const h = Math.max(size * 2.1, Math.max(v1.length, v2.length, l2.length) * leading + 2 * cellPad);
      return { row, full, valueW, v1, v2, l2, h };
    });
    return { size, leading, laid, height: laid.reduce((sum, r) => sum + r.h, 0) };
  };
  const STAMP_ROOM = 110;
  let table = layout(10);
  for (const smaller of [9, 8.5, 8]) {
    if (bottom - top - table.height >= STAMP_ROOM) break;
    table = layout(smaller);
  }
  const { size, leading } = table;
  const tableTop = top;
  for (const { row, full, valueW, v1, v2, l2, h } of table.laid) {
    const y = fromTop(top + h);
    const cell = (x: number, w: number, fill?: boolean) =>
      page.page.drawRectangle({ x, y, width: w, height: h, borderColor: INK, borderWidth: 0.6, ...(fill ? { color: LABEL_FILL } : {}) });
    cell(left, labelW, true);
    page.textBlock([row[0]], { x: left, y, width: labelW, height: h }, { size, align: 'center' });
    cell(left + labelW, valueW);
    const strong = row[0] === '人民币（大写）';
    page.textBlock(v1, { x: left + labelW + cellPad, y, width: valueW - 2 * cellPad, height: h }, { size: strong ? size + 1 : size, leading, bold: strong });
    if (!full) {
      const x2 = left + labelW + leftValueW;
      cell(x2, rightLabelW, true);
      page.textBlock(l2, { x: x2, y, width: rightLabelW, height: h }, { size, leading, align: 'center' });
      cell(x2 + rightLabelW, rightValueW);
      page.textBlock(v2, { x: x2 + rightLabelW + cellPad, y, width: rightValueW - 2 * cellPad, height: h }, { size: strong ? size + 1 : size, leading, bold: strong });
    }
    top += h;
  }

  // The acknowledgement and the stamp: the rest of the frame, room for a round stamp (Ø 40–42 mm) on the right.
  const signH = bottom - top;
  page.page.drawRectangle({ x: left, y: fromTop(bottom), width, height: signH, borderColor: INK, borderWidth: 0.6 });
  const ack = safe(`今收到${c.payer}拨付的上述款项，特此证明。`);
  page.text(ack, left + cellPad + 2, fromTop(top + 14), { size: 10 });
  page.text('经办人（签字）：', left + cellPad + 2, fromTop(bottom - 16), { size: 10 });
  const stampX = left + width * 0.56;
  page.text('收款单位（盖章）：', stampX, fromTop(top + 36), { size: 11, bold: true });
  page.text('请加盖财务专用章或企业公章', stampX, fromTop(top + 51), { size: 8, color: GREY });
  page.text('\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日', stampX + 40, fromTop(bottom - 16), { size: 10 });
  // Heavier outer border of the whole form.
  page.page.drawRectangle({ x: left, y: fromTop(bottom), width, height: bottom - tableTop, borderColor: INK, borderWidth: 1.1 });
}

/** Account numbers in groups of four, as banks print them. */
function groupDigits(n: string): string {
  return n.replace(/(\d{4})(?=\d)/g, '$1 ');
}

function drawInstructions(page: PrintPage, c: ReceiptContent, safe: (s: string) => string): void {
  page.y = fromTop(RECEIPT_CROP_FRAME.y + RECEIPT_CROP_FRAME.height + 28);
  page.text('打印、盖章和上传说明', page.left, page.y, { size: 12, bold: true });
  page.space(16);
  const steps = [
    '用 A4 纸打印本页，打印时选择“实际大小”（不要缩放）。',
    '核对虚线框内的收款单位、统一社会信用代码、金额、银行账户和联系人；如有错误，请在通办中调整后重新下载打印。',
    '在“收款单位（盖章）”处加盖财务专用章或企业公章，不得涂改。',
    '沿虚线裁剪（拍照上传时也可以不裁剪）。',
    '登录通办，在“人才资金拨付申请”中找到本资金事项，点击“上传收据”：在电脑上上传扫描件，或用手机扫描二维码拍照，拍照框与虚线框对齐。',
    `收据编号 ${c.receiptNumber} 对应本次拨付，请勿用于其他款项。`,
  ];
  steps.forEach((s, i) => page.paragraph(safe(`${'①②③④⑤⑥'[i]} ${s}`), { size: 10, leading: 17, after: 0 }));
}
