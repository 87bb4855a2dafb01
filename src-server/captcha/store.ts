/**
 * Captchas are one use and expire after 5 minutes. The answer is kept server-side only; checking consumes the
 * captcha whether the answer was right or not, so one image allows one guess.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { addSeconds } from '../domain/clock';
import { randomCaptchaText, renderCaptcha } from './image';

export const CAPTCHA_TTL_SECONDS = 5 * 60;

export async function issueCaptcha(db: Kysely<Database>, now: Date) {
  const answer = randomCaptchaText();
  const id = randomUUID();
  const expiresAt = addSeconds(now, CAPTCHA_TTL_SECONDS).toISOString();
  await db.insertInto('captchas').values({ id, answer, expires_at: expiresAt, used_at: null }).execute();
  // Expired captchas are worthless; clearing them here keeps the table small without a scheduler.
  await db.deleteFrom('captchas').where('expires_at', '<', addSeconds(now, -3600).toISOString()).execute();
  return { captchaId: id, image: `data:image/png;base64,${renderCaptcha(answer).toString('base64')}`, expiresAt };
}

export async function consumeCaptcha(db: Kysely<Database>, captcha: { captchaId: string; answer: string }, now: Date) {
  // The conditional update is the single-use guarantee: of two concurrent checks only one changes the row.
  const used = await db
    .updateTable('captchas')
    .set({ used_at: now.toISOString() })
    .where('id', '=', captcha.captchaId)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .returning('answer')
    .executeTakeFirst();
  if (!used || used.answer !== captcha.answer.trim().toUpperCase()) throw new ApiError('CAPTCHA_INVALID');
}
