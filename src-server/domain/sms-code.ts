/** Six-digit SMS confirmation codes: stored hashed with the record id, 10 minutes, at most 5 guesses. */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { CODE_RESEND_SECONDS } from '@shared/contract/http/recovery';

export const SMS_CODE_TTL_SECONDS = 10 * 60;
export const SMS_CODE_MAX_ATTEMPTS = 5;
export const SMS_CODE_RESEND_SECONDS = CODE_RESEND_SECONDS;

export const newSmsCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

export const hashSmsCode = (recordId: string, code: string) =>
  createHash('sha256').update(`${recordId}:${code}`).digest('hex');

export function smsCodeMatches(recordId: string, code: string, storedHash: string): boolean {
  return timingSafeEqual(Buffer.from(hashSmsCode(recordId, code), 'hex'), Buffer.from(storedHash, 'hex'));
}
