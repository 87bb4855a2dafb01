/**
 * A4 documents with Chinese text for clerks to print, sign and stamp: registration forms on the desktop, receipts
 * on the server. Takes the font file's bytes (no file system here) and embeds only the glyphs used.
 */
import {
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setLineWidth,
  setStrokingColor,
  setTextRenderingMode,
  TextRenderingMode,
} from 'pdf-lib';
import type { Color, PDFFont, PDFPage } from 'pdf-lib';
import { fontkit, postscriptNameOf } from './fontkit-adapter';
import { wrapText } from './wrap';

/** A4 portrait in points (1/72 inch). */
export const A4 = { width: 595.28, height: 841.89 } as const;
/** Points per millimetre, for sizes taken from paper forms. */
export const MM = 72 / 25.4;
/** Chinese type sizes in points: 二号 22, 小二 18, 三号 16, 四号 14, 小四 12, 五号 10.5, 小五 9. */
export const TYPE_SIZE = { title: 18, heading: 14, body: 10.5, small: 9 } as const;

export const INK = rgb(0, 0, 0);
export const GREY = rgb(0.4, 0.4, 0.4);
const LABEL_FILL = rgb(0.95, 0.95, 0.95);
const SECTION_FILL = rgb(0.88, 0.88, 0.88);
const RULE = 0.75;

/** The date line under a signature or stamp, with blanks (ideographic spaces) to write the date in. */
export const DATE_LINE = '日期：\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextStyle {
  size?: number;
  color?: Color;
  /** Synthetic bold (fill and stroke), as word processors do for a font without a bold weight. */
  bold?: boolean;
}

export interface DocumentInfo {
  title: string;
  subject?: string;
  author?: string;
  keywords?: string[];
  /** Defaults to now; pass one for reproducible output. */
  createdAt?: Date;
  /** The six capital letters before the `+` in the embedded font's name; random by default (PDF 32000 §9.6.4). */
  subsetTag?: string;
}

export interface PageOptions {
  /** Small grey line at the top left, e.g. the portal's name. */
  header?: string;
  /** Small grey line at the bottom; `第 n 页 共 N 页` is appended when the document is saved. */
  footer?: string;
  /** Page margins in points (default 20 mm left and right, 15 mm top and bottom). */
  margin?: { x: number; y: number };
}

/** A table row: a shaded section heading across the whole width. */
export interface SectionRow {
  section: string;
}
/** A table row of label/value pairs; with several pairs the values share the width left by the labels. */
export interface FieldsRow {
  fields: Array<{ label: string; value: string }>;
  minHeight?: number;
}
/** A table row of empty boxes with a grey caption each, e.g. where an ID card copy is pasted. */
export interface PasteRow {
  paste: string[];
  height: number;
}
/**
 * A table row to sign and stamp: an optional label, a text at the top, signature lines at the bottom right. It is
 * `height` tall, or up to `maxHeight` when the page has room left (keeping the table's `reserveBelow`).
 */
export interface SignRow {
  label?: string;
  text?: string;
  sign: string[];
  height: number;
  maxHeight?: number;
}
export type TableRow = SectionRow | FieldsRow | PasteRow | SignRow;

export class PageOverflowError extends Error {
  constructor(needed: number, left: number) {
    super(`page overflow: ${needed.toFixed(1)} pt needed, ${left.toFixed(1)} pt left`);
    this.name = 'PageOverflowError';
  }
}

function randomTag(): string {
  return Array.from({ length: 6 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('');
}

export class PrintDocument {
  private readonly pages: Array<{ page: PrintPage; footer?: string }> = [];
  private characters?: Set<number>;

  private constructor(
    readonly pdf: PDFDocument,
    readonly font: PDFFont,
  ) {}

  /** A new document whose text is set in the font `fontBytes` (OpenType or TrueType), embedded as a subset. */
  static async create(fontBytes: Uint8Array, info: DocumentInfo): Promise<PrintDocument> {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    pdf.registerFontkit(fontkit);
    const tag = info.subsetTag ?? randomTag();
    if (!/^[A-Z]{6}$/.test(tag)) throw new Error(`subset tag must be six capital letters: ${tag}`);
    const font = await pdf.embedFont(fontBytes, { subset: true, customName: `${tag}+${postscriptNameOf(fontBytes)}` });
    const createdAt = info.createdAt ?? new Date();
    pdf.setTitle(info.title, { showInWindowTitleBar: true });
    if (info.subject) pdf.setSubject(info.subject);
    if (info.author) pdf.setAuthor(info.author);
    if (info.keywords) pdf.setKeywords(info.keywords);
    pdf.setLanguage('zh-CN');
    pdf.setCreator('Tongban 通办');
    pdf.setProducer('Tongban 通办 (pdf-lib)');
    pdf.setCreationDate(createdAt);
    pdf.setModificationDate(createdAt);
    return new PrintDocument(pdf, font);
  }

  addPage(options: PageOptions = {}): PrintPage {
    const page = new PrintPage(this.pdf.addPage([A4.width, A4.height]), this.font, options.margin);
    if (options.header) page.header(options.header);
    this.pages.push({ page, footer: options.footer });
    return page;
  }

  /** Characters of `text` the font has no glyph for (they would print as empty boxes). */
  missingCharacters(text: string): string[] {
    this.characters ??= new Set(this.font.getCharacterSet());
    const chars = this.characters;
    return [...new Set([...text].filter((ch) => !/\s/.test(ch) && !chars.has(ch.codePointAt(0) ?? 0)))];
  }

  /** Adds the footers with page numbers and serialises the PDF. */
  async save(): Promise<Uint8Array> {
    const total = this.pages.length;
    this.pages.forEach(({ page, footer }, i) => {
      page.footer([footer, `第 ${i + 1} 页 共 ${total} 页`].filter(Boolean).join('　　'));
    });
    return this.pdf.save();
  }
}

/**
 * One page laid out from the top down: each call draws below the previous one and moves the cursor `y` (the
 * top of the free space, in PDF coordinates: points from the bottom edge).
 */
export class PrintPage {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  y: number;

  constructor(
    readonly page: PDFPage,
    readonly font: PDFFont,
    margin = { x: 20 * MM, y: 15 * MM },
  ) {
    this.left = margin.x;
    this.right = page.getWidth() - margin.x;
    this.top = page.getHeight() - margin.y;
    this.bottom = margin.y;
    this.y = this.top;
  }

  get width(): number {
    return this.right - this.left;
  }

  /** Moves the cursor down. */
  space(points: number): this {
    this.y -= points;
    return this;
  }

  /** Throws PageOverflowError unless `height` points are left above the bottom margin. */
  ensureSpace(height: number): void {
    if (this.y - height < this.bottom - 0.01) throw new PageOverflowError(height, this.y - this.bottom);
  }

  measure(text: string, size: number = TYPE_SIZE.body): number {
    return this.font.widthOfTextAtSize(text, size);
  }

  wrap(text: string, width: number, size: number = TYPE_SIZE.body): string[] {
    return wrapText(text, (s) => this.measure(s, size), width);
  }

  /**
   * One line of text whose em box is vertically centred on `centreY`. Hanzi sit in an em box from -0.12 to
   * 0.88 em around the baseline, so the baseline goes 0.38 em below the centre.
   */
  text(text: string, x: number, centreY: number, style: TextStyle = {}): void {
    if (!text) return;
    const size = style.size ?? TYPE_SIZE.body;
    const color = style.color ?? INK;
    if (style.bold) {
      this.page.pushOperators(
        pushGraphicsState(),
        setTextRenderingMode(TextRenderingMode.FillAndOutline),
        setLineWidth(size * 0.03),
        setStrokingColor(color),
      );
    }
    this.page.drawText(text, { x, y: centreY - 0.38 * size, size, font: this.font, color });
    if (style.bold) this.page.pushOperators(popGraphicsState());
  }

  /** Lines of text in a box, horizontally aligned and vertically centred as a block. */
  textBlock(lines: string[], box: Rect, style: TextStyle & { align?: 'left' | 'center' | 'right'; leading?: number } = {}): void {
    const size = style.size ?? TYPE_SIZE.body;
    const leading = style.leading ?? size * 1.5;
    const firstCentre = box.y + box.height / 2 + ((lines.length - 1) * leading) / 2;
    lines.forEach((line, i) => {
      const w = this.measure(line, size);
      const x =
        style.align === 'center' ? box.x + (box.width - w) / 2 : style.align === 'right' ? box.x + box.width - w : box.x;
      this.text(line, x, firstCentre - i * leading, style);
    });
  }

  /** A centred title in bold, with an optional smaller line under it. */
  title(text: string, options: { size?: number; subtitle?: string } = {}): this {
    const size = options.size ?? TYPE_SIZE.title;
    this.ensureSpace(size * 2);
    this.text(text, this.left + (this.width - this.measure(text, size)) / 2, this.y - size, { size, bold: true });
    this.y -= size * 2;
    if (options.subtitle) {
      const sub = TYPE_SIZE.body;
      this.text(options.subtitle, this.left + (this.width - this.measure(options.subtitle, sub)) / 2, this.y, { size: sub });
      this.y -= sub * 2;
    }
    return this;
  }

  /** A wrapped paragraph; `indent` starts the first line two characters in, as Chinese prose does. */
  paragraph(text: string, options: TextStyle & { indent?: boolean; leading?: number; after?: number } = {}): this {
    const size = options.size ?? TYPE_SIZE.body;
    const leading = options.leading ?? size * 1.8;
    const lines = this.wrap((options.indent ? '\u3000\u3000' : '') + text, this.width, size);
    this.ensureSpace(lines.length * leading);
    for (const line of lines) {
      this.text(line, this.left, this.y - leading / 2, options);
      this.y -= leading;
    }
    this.y -= options.after ?? size * 0.6;
    return this;
  }

  /**
   * A bordered table of the width of the page; labels in a shaded column of `labelWidth` points. `reserveBelow`:
   * the points that what follows the table needs, which a growing sign row leaves free.
   */
  table(rows: TableRow[], options: { labelWidth?: number; size?: number; reserveBelow?: number } = {}): this {
    const labelWidth = options.labelWidth ?? 36 * MM;
    const size = options.size ?? TYPE_SIZE.body;
    const leading = size * 1.45;
    const pad = size * 0.65;
    const tableTop = this.y;
    for (const row of rows) {
      if ('section' in row) {
        const h = leading + pad * 1.2;
        this.ensureSpace(h);
        this.cell({ x: this.left, y: this.y - h, width: this.width, height: h }, SECTION_FILL);
        this.text(row.section, this.left + pad, this.y - h / 2, { size, bold: true });
        this.y -= h;
      } else if ('fields' in row) {
        const valueWidth = (this.width - labelWidth * row.fields.length) / row.fields.length;
        const cells = row.fields.map(({ label, value }) => ({
          label: this.wrap(label, labelWidth - 2 * pad, size),
          value: this.wrap(value, valueWidth - 2 * pad, size),
        }));
        const lineCount = Math.max(...cells.map((c) => Math.max(c.label.length, c.value.length)));
        const h = Math.max(row.minHeight ?? 26, lineCount * leading + 2 * pad);
        this.ensureSpace(h);
        let x = this.left;
        for (const c of cells) {
          const labelBox = { x, y: this.y - h, width: labelWidth, height: h };
          this.cell(labelBox, LABEL_FILL);
          this.textBlock(c.label, inset(labelBox, pad), { size, leading, align: 'center' });
          const valueBox = { x: x + labelWidth, y: this.y - h, width: valueWidth, height: h };
          this.cell(valueBox);
          this.textBlock(c.value, inset(valueBox, pad), { size, leading });
          x += labelWidth + valueWidth;
        }
        this.y -= h;
      } else if ('paste' in row) {
        this.ensureSpace(row.height);
        const w = this.width / row.paste.length;
        row.paste.forEach((caption, i) => {
          const box = { x: this.left + i * w, y: this.y - row.height, width: w, height: row.height };
          this.cell(box);
          this.textBlock([caption], box, { size: TYPE_SIZE.small, color: GREY, align: 'center' });
        });
        this.y -= row.height;
      } else {
        const free = this.y - this.bottom - (options.reserveBelow ?? 0);
        const h = Math.max(row.height, Math.min(row.maxHeight ?? row.height, free));
        this.ensureSpace(h);
        let x = this.left;
        if (row.label !== undefined) {
          const labelBox = { x, y: this.y - h, width: labelWidth, height: h };
          this.cell(labelBox, LABEL_FILL);
          this.textBlock(this.wrap(row.label, labelWidth - 2 * pad, size), inset(labelBox, pad), { size, leading, align: 'center' });
          x += labelWidth;
        }
        const box = { x, y: this.y - h, width: this.right - x, height: h };
        this.cell(box);
        if (row.text) {
          const lines = this.wrap(row.text, box.width - 2 * pad, size);
          lines.forEach((line, i) => this.text(line, box.x + pad, this.y - pad - leading * (i + 0.5), { size }));
        }
        this.signatureLines(row.sign, { x: box.x + box.width * 0.45, y: box.y + pad, width: box.width * 0.55 - 2 * pad, height: 0 }, size);
        this.y -= h;
      }
    }
    // One heavier outer border, as printed forms have.
    this.page.drawRectangle({
      x: this.left, y: this.y, width: this.width, height: tableTop - this.y, borderColor: INK, borderWidth: RULE * 1.6,
    });
    return this;
  }

  /**
   * Signature and stamp lines stacked upwards from the bottom of `area` (its height is ignored), e.g.
   * `['单位（盖章）', '法定代表人（签字）：', DATE_LINE]`, with room between them for a hand and a stamp.
   */
  signatureLines(lines: string[], area: Rect, size: number = TYPE_SIZE.body): void {
    const gap = size * 3;
    [...lines].reverse().forEach((line, i) => {
      this.text(line, area.x, area.y + size + i * gap, { size });
    });
  }

  /** Columns of signature lines side by side below the cursor (for letters and agreements, outside a table). */
  signatures(columns: string[][], options: { size?: number } = {}): this {
    const size = options.size ?? TYPE_SIZE.body;
    const rows = Math.max(...columns.map((c) => c.length));
    const height = rows * size * 3;
    this.ensureSpace(height);
    const w = this.width / columns.length;
    columns.forEach((lines, i) => {
      this.signatureLines([...lines, ...Array<string>(rows - lines.length).fill('')], { x: this.left + i * w + size, y: this.y - height, width: w, height }, size);
    });
    this.y -= height;
    return this;
  }

  header(text: string): void {
    const y = this.top + 6 * MM;
    this.text(text, this.left, y, { size: TYPE_SIZE.small, color: GREY });
    this.page.drawLine({ start: { x: this.left, y: y - 3 * MM }, end: { x: this.right, y: y - 3 * MM }, thickness: 0.5, color: GREY });
  }

  footer(text: string): void {
    const size = TYPE_SIZE.small;
    this.text(text, this.left + (this.width - this.measure(text, size)) / 2, this.bottom - 6 * MM, { size, color: GREY });
  }

  private cell(box: Rect, fill?: Color): void {
    this.page.drawRectangle({ ...box, borderColor: INK, borderWidth: RULE, ...(fill ? { color: fill } : {}) });
  }
}

function inset(box: Rect, d: number): Rect {
  return { x: box.x + d, y: box.y + d, width: box.width - 2 * d, height: box.height - 2 * d };
}

/**
 * A dashed cut line around `rect`, e.g. the receipt's crop frame that the phone camera's alignment frame is matched
 * to; with a small caption (such as `沿虚线裁剪`) above its top left corner when `caption` is given.
 */
export function dashedFrame(
  page: PDFPage,
  rect: Rect,
  options: { font?: PDFFont; caption?: string; dash?: number[]; thickness?: number; color?: Color } = {},
): void {
  const color = options.color ?? GREY;
  page.drawRectangle({
    ...rect,
    borderColor: color,
    borderWidth: options.thickness ?? 0.8,
    borderDashArray: options.dash ?? [6, 4],
  });
  if (options.caption && options.font) {
    page.drawText(options.caption, { x: rect.x, y: rect.y + rect.height + 3, size: TYPE_SIZE.small, font: options.font, color });
  }
}
