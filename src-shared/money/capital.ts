/**
 * Amounts in Chinese capital numerals (大写金额) as receipts and bank documents write them (《支付结算办法》
 * 附件一 “正确填写票据和结算凭证的基本规定”): 壹贰叁… with 拾佰仟万亿, 元角分, 整 after 元 or 角, one 零 for any
 * run of zeros inside the number, and 壹拾 written out (never a bare 拾). Input is integer fen, like every amount
 * in Tongban.
 */

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
const IN_GROUP = ['', '拾', '佰', '仟'] as const;
const GROUPS = ['', '万', '亿', '万亿'] as const;

/** 0 – 9999 without a group unit; leading and trailing zeros dropped, inner runs of zeros become one 零. */
function group(n: number): string {
  let out = '';
  let zero = false;
  for (let pos = 3; pos >= 0; pos--) {
    const d = Math.floor(n / 10 ** pos) % 10;
    if (d === 0) {
      if (out) zero = true;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    out += `${DIGITS[d]}${IN_GROUP[pos]}`;
  }
  return out;
}

/** Whole yuan in capitals, without 元. */
function yuanCapitals(yuan: number): string {
  if (yuan === 0) return '零';
  const groups: number[] = [];
  for (let rest = yuan; rest > 0; rest = Math.floor(rest / 10_000)) groups.push(rest % 10_000);
  let out = '';
  let pendingZero = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const g = groups[i]!;
    if (g === 0) {
      if (out) pendingZero = true;
      continue;
    }
    // A zero between two non-zero groups, or a group that does not fill its thousands place.
    if (out && (pendingZero || g < 1000)) out += '零';
    pendingZero = false;
    out += group(g) + GROUPS[i];
  }
  return out;
}

/** The largest amount written: just under ¥10 000 000 000 000 000 (万亿 is the largest unit). */
export const MAX_CAPITALS_FEN = Number.MAX_SAFE_INTEGER;

/**
 * `fen` (a non-negative safe integer) in capitals: 1 500 000 → 壹万伍仟元整, 10 050 → 壹佰元零伍角整,
 * 100 001 → 壹仟元零壹分, 5 → 伍分, 0 → 零元整.
 */
export function fenToCapitals(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount in fen: ${fen}`);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor(fen / 10) % 10;
  const cents = fen % 10;
  if (jiao === 0 && cents === 0) return `${yuanCapitals(yuan)}元整`;
  let out = yuan > 0 ? `${yuanCapitals(yuan)}元` : '';
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (yuan > 0) out += '零';
  if (cents > 0) out += `${DIGITS[cents]}分`;
  else out += '整';
  return out;
}

/** `fen` in figures with thousands separators, e.g. 1 500 000 → "15,000.00". */
export function fenToFigures(fen: number): string {
  if (!Number.isSafeInteger(fen) || fen < 0) throw new RangeError(`not an amount in fen: ${fen}`);
  const yuan = Math.floor(fen / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${yuan}.${String(fen % 100).padStart(2, '0')}`;
}
