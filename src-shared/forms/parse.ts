/**
 * The one rule a desk keeps for itself: reading what was typed into the number the contract wants. An amount is
 * typed in yuan and sent in fen; a count is typed as text. What cannot be read gets its own code, beside the field,
 * before the contract schema is asked about the value.
 */
import type { FieldIssue } from '../validation/issues';

/** The codes of this desk-side parsing; the message catalogs have a text for each. */
export const FORM_PARSE_CODES = ['AMOUNT_FORMAT', 'WHOLE_NUMBER_FORMAT'] as const;

/** `12,345.6` yuan → 1234560 fen, by string arithmetic (no floating point); null when it is not an amount. */
export function yuanToFen(text: string): number | null {
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text.trim().replace(/[,，\s]/g, '').replace(/^[¥￥]/, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** 1234560 fen → `12345.60` (for an input; displays use formatFen). */
export function fenToYuanText(fen: number | null | undefined): string {
  if (typeof fen !== 'number' || !Number.isSafeInteger(fen) || fen < 0) return '';
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/**
 * What was typed, read for the contract: blank → `undefined` (the schema then says REQUIRED if it must be there),
 * unreadable → `undefined` plus an issue at `path`, else the number.
 */
export function readNumber(text: string, kind: 'yuan' | 'whole', path: string, issues: FieldIssue[]): number | undefined {
  if (text.trim() === '') return undefined;
  const n = kind === 'yuan' ? yuanToFen(text) : /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : null;
  if (n === null) issues.push({ path, code: kind === 'yuan' ? 'AMOUNT_FORMAT' : 'WHOLE_NUMBER_FORMAT' });
  return n ?? undefined;
}
