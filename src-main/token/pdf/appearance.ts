/**
 * The visible part of a PAdES signature: a seal-red frame with the enterprise's name and the signing time, drawn
 * as a one-page PDF of the widget's size by pdf-lib with the CJK font subset (src-shared/pdf embeds only the
 * glyphs used, through fontkit 2, whose CFF subsets poppler and Acrobat accept). sign-pdf.ts imports that page
 * into the signed PDF as a Form XObject and makes it the widget's normal appearance (/AP /N).
 */
import { PDFDocument, rgb } from 'pdf-lib';
import { translate } from '@shared/i18n/messages';
import { fontkit, postscriptNameOf } from '@shared/pdf/fontkit-adapter';
import { wrapText } from '@shared/pdf/wrap';
import { palette } from '@shared/ui/palette';

export interface AppearanceInput {
  fontBytes: Uint8Array;
  width: number;
  height: number;
  signerName: string;
  signedAt: Date;
}

const hex = (h: string) => rgb(parseInt(h.slice(1, 3), 16) / 255, parseInt(h.slice(3, 5), 16) / 255, parseInt(h.slice(5, 7), 16) / 255);
/** The colour of a seal: the desks' error red is the one red the palette has. */
const SEAL = hex(palette.error);
const PAD = 4;

/** China Standard Time, as the portal shows times: `2026-12-07 09:20:18 (UTC+8)`. */
export function beijingTime(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ') + ' (UTC+8)';
}

export async function appearancePdf(input: AppearanceInput): Promise<Uint8Array> {
  const { width, height } = input;
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(input.fontBytes, { subset: true, customName: `TBSEAL+${postscriptNameOf(input.fontBytes)}` });
  const page = doc.addPage([width, height]);
  page.drawRectangle({ x: 0.75, y: 0.75, width: width - 1.5, height: height - 1.5, borderColor: SEAL, borderWidth: 1.5 });

  const small = Math.max(5, Math.min(8, height / 7));
  const title = translate('zh-CN', 'pades.appearance.title');
  page.drawText(title, { x: PAD, y: height - PAD - small, size: small, font, color: SEAL });
  const time = translate('zh-CN', 'pades.appearance.time', { time: beijingTime(input.signedAt) });
  page.drawText(time, { x: PAD, y: PAD, size: small, font, color: SEAL, maxWidth: width - 2 * PAD });

  // The name as large as fits between the title and the time, on at most three lines.
  const room = { width: width - 2 * PAD, top: height - 2 * PAD - small - 2, bottom: PAD + small + 3 };
  let size = Math.min(16, room.top - room.bottom);
  let lines: string[] = [];
  for (; size >= 5; size -= 0.5) {
    lines = wrapText(input.signerName, (t) => font.widthOfTextAtSize(t, size), room.width);
    if (lines.length <= 3 && lines.length * size * 1.25 <= room.top - room.bottom) break;
  }
  const block = lines.length * size * 1.25;
  let y = room.bottom + (room.top - room.bottom + block) / 2 - size;
  for (const line of lines) {
    const w = font.widthOfTextAtSize(line, size);
    page.drawText(line, { x: PAD + Math.max(0, (room.width - w) / 2), y, size, font, color: SEAL });
    y -= size * 1.25;
  }
  return doc.save({ useObjectStreams: false });
}
