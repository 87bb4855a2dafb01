/** Width of a string at the size being laid out, in points. */
export type Measure = (text: string) => number;

// Chinese line breaking: a line may break between any two hanzi, but a closing mark never starts a line and an
// opening mark never ends one (the common 禁则 of GB/T 15834 typesetting). Latin words and numbers stay whole.
const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’…·%‰,.;:?!)]}']);
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{']);
const CJK = /[\u2e80-\u2fdf\u3000-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]|[\u{20000}-\u{3ffff}]/u;
const SPACE = /\s/u;

/** Breakable units: one hanzi or mark, one space, or one run of other characters (a Latin word, a number). */
function tokens(paragraph: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const ch of paragraph) {
    if (CJK.test(ch) || SPACE.test(ch) || NO_LINE_START.has(ch) || NO_LINE_END.has(ch)) {
      if (word) out.push(word);
      word = '';
      out.push(ch);
    } else {
      word += ch;
    }
  }
  if (word) out.push(word);
  // Glue marks to their neighbours so that no break falls beside them.
  const glued: string[] = [];
  for (const token of out) {
    const prev = glued[glued.length - 1];
    if (prev !== undefined && (NO_LINE_START.has(token) || NO_LINE_END.has([...prev].pop() ?? ''))) {
      glued[glued.length - 1] = prev + token;
    } else {
      glued.push(token);
    }
  }
  return glued;
}

/** Splits a token too wide for any line into pieces that fit, character by character. */
function splitOversized(token: string, measure: Measure, maxWidth: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const ch of token) {
    if (piece && measure(piece + ch) > maxWidth) {
      pieces.push(piece);
      piece = ch;
    } else {
      piece += ch;
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * The lines of `text` that fit `maxWidth`. `\n` starts a new line; spaces at a break are dropped. An empty text
 * gives no lines.
 */
export function wrapText(text: string, measure: Measure, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const token of tokens(paragraph)) {
      if (measure(line + token) <= maxWidth) {
        line += token;
        continue;
      }
      if (line.trim()) lines.push(line.trimEnd());
      line = '';
      if (SPACE.test(token)) continue;
      const pieces = measure(token) > maxWidth ? splitOversized(token, measure, maxWidth) : [token];
      lines.push(...pieces.slice(0, -1));
      line = pieces[pieces.length - 1] ?? '';
    }
    if (line.trim() || lines.length === 0 || paragraph === '') lines.push(line.trimEnd());
  }
  return text === '' ? [] : lines;
}
