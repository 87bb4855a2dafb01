/**
 * What may reach the desktop log: the one step every logged value passes. Secrets go by their key (a PIN, a
 * password, an SMS code, a captcha answer, a token, signed or uploaded content, and everything under such a key),
 * and by their look inside any string (a bearer token, a run of base64), so a secret under an innocent key or
 * inside an error message is caught too. Structure stays, so the log still says what happened.
 */
const SECRET_KEY = /pin|passw|pwd|secret|token|authori[sz]ation|cookie|captcha|answer|sms|otp|cms|signature|content|base64|^code$|verification/i;
/** A base64 run long enough to be content or a key rather than a word or an id. */
const BASE64_RUN = /[A-Za-z0-9+/_-]{48,}={0,2}/g;
const BEARER = /\b(Bearer)\s+[^\s"',;]+/gi;
const MAX_DEPTH = 6;

export const REDACTED = '[redacted]';

export function redactText(text: string): string {
  return text.replace(BEARER, `$1 ${REDACTED}`).replace(BASE64_RUN, (run) => `[${run.length} chars]`);
}

/** A copy of `value` safe to log. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return '[…]';
  if (value instanceof Error) return { name: value.name, message: redactText(value.message) };
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return `[${value.byteLength} bytes]`;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = SECRET_KEY.test(key) ? REDACTED : redact(v, depth + 1);
  return out;
}
