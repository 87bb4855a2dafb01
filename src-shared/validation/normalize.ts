/**
 * Input normalisation shared by the identifier validators.
 *
 * Chinese input methods switch easily into full-width mode (全角), and codes copied from Word documents, PDFs or
 * web pages often arrive as `９１３２０５９４…` or with a trailing ideographic space. GB 32100, GB 11643 and the
 * mobile numbering plan all define their codes over ASCII, so we fold the full-width forms back before validating.
 *
 * We deliberately do NOT use `String.prototype.normalize('NFKC')`: it would also turn `①` into `1`, `²` into `2`
 * or `Ⅸ` into `IX`, silently accepting input nobody should be typing into an identifier field.
 */

/** First and last code point of the Unicode "Halfwidth and Fullwidth Forms" block that mirror ASCII `!`…`~`. */
const FULLWIDTH_FIRST = 0xff01;
const FULLWIDTH_LAST = 0xff5e;
/** Distance between a full-width form and its ASCII counterpart (U+FF01 `！` → U+0021 `!`). */
const FULLWIDTH_OFFSET = 0xff01 - 0x21;
/** U+3000 IDEOGRAPHIC SPACE, the full-width space. */
const IDEOGRAPHIC_SPACE = 0x3000;

/**
 * Replaces full-width ASCII variants (U+FF01–U+FF5E) with their ASCII equivalents and the ideographic space
 * (U+3000) with an ASCII space. Everything else is left untouched.
 */
export function toHalfWidth(input: string): string {
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const unit = input.charCodeAt(i);
    if (unit >= FULLWIDTH_FIRST && unit <= FULLWIDTH_LAST) {
      out += String.fromCharCode(unit - FULLWIDTH_OFFSET);
    } else if (unit === IDEOGRAPHIC_SPACE) {
      out += ' ';
    } else {
      out += input.charAt(i);
    }
  }
  return out;
}

/**
 * The normalisation every code field gets: full-width folded to half-width, surrounding whitespace removed,
 * ASCII letters upper-cased (GB 32100 and GB 11643 only use upper-case letters; users type `x` for the ID check digit).
 */
export function normalizeCodeInput(input: string): string {
  // Only ASCII a–z: String.prototype.toUpperCase() would also map e.g. `ſ` (U+017F) to `S` and `ı` (U+0131) to `I`.
  return toHalfWidth(input)
    .trim()
    .replace(/[a-z]/g, (letter) => letter.toUpperCase());
}
