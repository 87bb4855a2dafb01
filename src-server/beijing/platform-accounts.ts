/**
 * Platform accounts of the Beijing SME platform (manual 004, 方式二 注册): a mobile proved by an SMS code, a
 * password, a nickname and a user type. One mobile, one account ("企业认证仅支持一部手机一个账号"): the mobile is
 * unique, and the answer to a taken one comes only after its code was typed back, so nobody learns which mobiles
 * have accounts without holding them. Codes are sms-code.ts's: six digits, hashed with the row id, 10 minutes,
 * 5 tries, one send a minute and five an hour per mobile and purpose.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { platformRegisterBodySchema } from '@shared/contract/http/beijing';
import type { Kysely } from 'kysely';
import type {} from '../db/schema-beijing';
import type { PlatformCodeTable } from '../db/schema-beijing';
import type { Database } from '../db/schema';
import { addSeconds } from '../domain/clock';
import { checkPassword, type Credentials } from '../domain/login';
import { hashPassword } from '../domain/passwords';
import { hashSmsCode, newSmsCode, SMS_CODE_MAX_ATTEMPTS, SMS_CODE_RESEND_SECONDS, SMS_CODE_TTL_SECONDS, smsCodeMatches } from '../domain/sms-code';
import { ApiError } from '../http/api-error';
import { beijingSms } from '../notifications/beijing-templates';
import type { Services } from '../services';
import { conflictOf } from '../http/unique-conflicts';
import { writeEvent } from './events';

const SEND_WINDOW_SECONDS = 3600;
const SENDS_PER_WINDOW = 5;

/** Sends a code to `mobile` for `purpose`, throttled per mobile; RATE_LIMITED with Retry-After while it must wait. */
export async function sendPlatformCode(services: Services, mobile: string, purpose: PlatformCodeTable['purpose'], now: Date) {
  const { db } = services;
  const since = addSeconds(now, -SEND_WINDOW_SECONDS).toISOString();
  const recent = await db.selectFrom('platform_codes').select('created_at').where('mobile', '=', mobile).where('purpose', '=', purpose).where('created_at', '>', since).orderBy('created_at').execute();
  const wait = (from: string, seconds: number) => Math.ceil((addSeconds(new Date(from), seconds).getTime() - now.getTime()) / 1000);
  const newest = recent.at(-1);
  const waitFor = recent.length >= SENDS_PER_WINDOW ? wait(recent[0]!.created_at, SEND_WINDOW_SECONDS) : newest ? wait(newest.created_at, SMS_CODE_RESEND_SECONDS) : 0;
  if (waitFor > 0) throw new ApiError('RATE_LIMITED', { headers: { 'retry-after': String(waitFor) } });
  const id = randomUUID();
  const code = newSmsCode();
  const expiresAt = addSeconds(now, SMS_CODE_TTL_SECONDS).toISOString();
  await db
    .insertInto('platform_codes')
    .values({ id, purpose, mobile, code_hash: hashSmsCode(id, code), attempts: 0, created_at: now.toISOString(), expires_at: expiresAt, used_at: null })
    .execute();
  await services.sms.send(mobile, beijingSms.code({ code, purpose }));
  return { codeId: id, expiresAt, resendAfterSeconds: SMS_CODE_RESEND_SECONDS };
}

/**
 * Proves and spends a code sent to `mobile` for `purpose`. The try is counted before the comparison in one
 * conditional update, and the spend is conditional too: of concurrent proofs of one code, one wins.
 */
export async function provePlatformCode(db: Kysely<Database>, input: { codeId: string; code: string; mobile: string; purpose: PlatformCodeTable['purpose'] }, now: Date) {
  const row = await db
    .updateTable('platform_codes')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', input.codeId)
    .where('attempts', '<', SMS_CODE_MAX_ATTEMPTS)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .returningAll()
    .executeTakeFirst();
  const matches = smsCodeMatches(input.codeId, input.code, row?.code_hash ?? hashSmsCode(input.codeId, ''));
  if (!row || !matches || row.mobile !== input.mobile || row.purpose !== input.purpose) throw new ApiError('VERIFICATION_CODE_INVALID');
  const spent = await db.updateTable('platform_codes').set({ used_at: now.toISOString() }).where('id', '=', row.id).where('used_at', 'is', null).executeTakeFirst();
  if (Number(spent.numUpdatedRows) !== 1) throw new ApiError('VERIFICATION_CODE_INVALID');
}

export async function registerPlatformAccount(services: Services, body: z.output<typeof platformRegisterBodySchema>, now: Date): Promise<string> {
  const { db } = services;
  await provePlatformCode(db, { codeId: body.codeId, code: body.code, mobile: body.mobile, purpose: 'register' }, now);
  const taken = await db.selectFrom('platform_accounts').select('id').where('mobile', '=', body.mobile).executeTakeFirst();
  if (taken) throw new ApiError('PLATFORM_MOBILE_TAKEN');
  const id = randomUUID();
  const passwordHash = await hashPassword(body.password);
  try {
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('platform_accounts')
        .values({ id, mobile: body.mobile, nickname: body.nickname, user_type: body.userType, password_hash: passwordHash, created_at: now.toISOString() })
        .execute();
      await writeEvent(tx, { subject: ['platformAccount', id], action: 'registered', actor: ['platform', id], details: { userType: body.userType }, at: now });
    });
  } catch (err) {
    // Two registrations of one mobile at once: the unique index decides, the other is told the mobile is taken.
    if (conflictOf(err)) throw new ApiError('PLATFORM_MOBILE_TAKEN');
    throw err;
  }
  return id;
}

/** Mobile + password, throttled per mobile and address like every password login; the same failure for all. */
export async function platformLogin(db: Kysely<Database>, mobile: string, creds: Credentials): Promise<string> {
  const row = await db.selectFrom('platform_accounts').select(['id', 'password_hash']).where('mobile', '=', mobile).executeTakeFirst();
  try {
    return (await checkPassword(db, row, creds, `platform:${mobile}`)).id;
  } catch (err) {
    if (err instanceof ApiError && err.code === 'LOGIN_FAILED') throw new ApiError('PLATFORM_LOGIN_FAILED');
    throw err;
  }
}
