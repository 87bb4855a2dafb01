export { A4, DATE_LINE, dashedFrame, GREY, INK, MM, PageOverflowError, PrintDocument, PrintPage, TYPE_SIZE } from './document';
export type { DocumentInfo, FieldsRow, PageOptions, PasteRow, Rect, SectionRow, SignRow, TableRow, TextStyle } from './document';
export { wrapText } from './wrap';
export type { Measure } from './wrap';

/** The CJK subset font in `assets/fonts/` (made by tools/fonts/make-subset.py); callers read it and pass the bytes. */
export const CJK_FONT_FILE = 'NotoSansSC-Regular-subset.otf';
