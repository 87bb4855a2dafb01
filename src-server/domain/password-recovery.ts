/**
 * 忘记密码 (manual 001 Q&A 3): `super` proves its bound mobile or e-mail with a code and sets a new password;
 * `admin` and `handler` prove theirs and are told who resets theirs (super in 员工管理, the admin; or a
 * staff-reviewed request when the enterprise's super cannot be reached).
 *
 * No oracle. The first answer must not tell whether the enterprise, the account or a binding exists, nor the role:
 * - The clerk types the mobile or e-mail they believe is bound, and the answer echoes it masked. A code goes out
 *   only when it is the account's own; the answer never shows a number the clerk did not type.
 * - Every request does the same work in the same order: the enterprise and account lookups, the throttle query,
 *   one code row inserted (with no account when nothing matched, so its code can never be proven), the same
 *   answer. The SMS or e-mail leaves after the answer (`setImmediate`), so a slow gateway times nothing.
 * - The per-account throttle is silent (nothing sent, the same answer); only the per-address limit says
 *   RATE_LIMITED, and that depends on the caller, not on the account.
 * - Verification answers VERIFICATION_CODE_INVALID alike for a wrong code and for a request that matched nothing;
 *   only a proven code reveals the role.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { recoveryStartBodySchema, RecoveryVerifyAnswer } from '@shared/contract/http/recovery';
import { maskEmail, sameEmail } from '@shared/validation/email';
import { maskMobile } from '@shared/validation/mobile';
import type { AccountTable } from '../db/schema';
import { ApiError } from '../http/api-error';
import { recoveryMail, recoverySms } from '../notifications/recovery-templates';
import type { Services } from '../services';
import { codeSendWait, insertCode, proveCode } from './account-codes';
import { writeAudit } from './audit';
import { addSeconds } from './clock';
import { findEnterpriseId } from './login';
import { accountSubject, clearLoginFailures } from './login-throttle';
import { passwordMeetsPolicy } from './password-policy';
import { hashPassword, verifyPassword } from './passwords';
import { revokeAllSessions } from './sessions';

export const RESET_TOKEN_TTL_SECONDS = 10 * 60;

type StartInput = z.output<typeof recoveryStartBodySchema>;
interface Ctx {
  now: Date;
  requestId: string;
  log: FastifyBaseLogger;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/** Whether `destination` is what the account has bound for this channel. */
export const isBound = (account: Pick<AccountTable, 'mobile' | 'email'>, channel: 'sms' | 'email', destination: string) =>
  channel === 'sms' ? account.mobile === destination : sameEmail(account.email, destination);

/** Sends after the answer has left, and logs (without the text) when it could not. */
export function sendLater(services: Services, log: FastifyBaseLogger, what: string, send: () => Promise<void>): void {
  setImmediate(() => void send().catch((err: unknown) => log.warn({ err: (err as Error)?.message, what }, 'notification not sent')));
}

export async function sendTo(services: Services, channel: 'sms' | 'email', to: string, sms: string, mail: { subject: string; text: string }) {
  if (channel === 'sms') await services.sms.send(to, sms);
  else await services.mailer.send({ to, ...mail });
}

async function enterpriseName(services: Services, enterpriseId: string) {
  const row = await services.db.selectFrom('enterprises').select('name').where('id', '=', enterpriseId).executeTakeFirstOrThrow();
  return row.name;
}

export async function startRecovery(services: Services, input: StartInput, ctx: Ctx) {
  const { db } = services;
  const enterpriseId = await findEnterpriseId(db, input.enterprise);
  const account = await db
    .selectFrom('accounts')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId ?? '')
    .where('username', '=', input.username)
    .executeTakeFirst();
  const matched = account && isBound(account, input.channel, input.destination) ? account : null;
  const wait = await codeSendWait(db, matched?.id ?? null, 'recovery', ctx.now);
  const target = matched && wait === 0 ? matched : null;
  const { id, code, expiresAt } = await insertCode(db, { purpose: 'recovery', accountId: target?.id ?? null, destination: null }, ctx.now);
  if (target) {
    // The bound address as stored (an e-mail may have been typed in another case).
    const to = input.channel === 'sms' ? target.mobile! : target.email!;
    sendLater(services, ctx.log, 'recovery code', async () => {
      await sendTo(services, input.channel, to, recoverySms.recoveryCode(code), recoveryMail.recoveryCode(code));
      await writeAudit(db, {
        actor: { type: 'anonymous', id: null },
        enterpriseId: target.enterprise_id,
        action: 'password.recovery_code',
        subjectType: 'account',
        subjectId: target.id,
        after: { channel: input.channel, sent_to: input.channel === 'sms' ? maskMobile(to) : maskEmail(to), recovery_id: id },
        at: ctx.now,
        requestId: ctx.requestId,
      });
    });
  }
  return {
    recoveryId: id,
    channel: input.channel,
    destination: input.channel === 'sms' ? maskMobile(input.destination) : maskEmail(input.destination),
    expiresAt,
  };
}

export async function verifyRecovery(services: Services, recoveryId: string, code: string, ctx: Ctx): Promise<RecoveryVerifyAnswer> {
  const { db } = services;
  const row = await proveCode(db, { id: recoveryId, purposes: ['recovery'], code }, ctx.now);
  const account = await db.selectFrom('accounts').selectAll().where('id', '=', row.account_id).executeTakeFirstOrThrow();
  await writeAudit(db, {
    actor: { type: 'anonymous', id: null },
    enterpriseId: account.enterprise_id,
    action: 'password.recovery_verified',
    subjectType: 'account',
    subjectId: account.id,
    after: { recovery_id: recoveryId, role: account.role },
    at: ctx.now,
    requestId: ctx.requestId,
  });
  if (account.role === 'super') {
    const resetToken = randomBytes(32).toString('base64url');
    const resetExpiresAt = addSeconds(ctx.now, RESET_TOKEN_TTL_SECONDS).toISOString();
    await db
      .updateTable('account_codes')
      .set({ reset_token_hash: sha256(resetToken).toString('hex'), reset_expires_at: resetExpiresAt })
      .where('id', '=', recoveryId)
      .execute();
    return { role: 'super', username: account.username, resetToken, resetExpiresAt };
  }
  if (account.role === 'admin') {
    const reachable = await db
      .selectFrom('accounts')
      .select('id')
      .where('enterprise_id', '=', account.enterprise_id)
      .where('role', '=', 'super')
      .where((eb) => eb.or([eb('mobile', 'is not', null), eb('email', 'is not', null)]))
      .executeTakeFirst();
    return { role: 'admin', username: account.username, superReachable: !!reachable };
  }
  return { role: 'handler', username: account.username };
}

/**
 * super's new password: the policy, not the old one again; sessions everywhere end, the lockout lifts, and a
 * notice goes to every contact the account has. The caller opens the new session (accountSessionAnswer). The password was chosen by its owner just now, so unlike a reset
 * by someone else (password-reset.ts) no further change is forced at the next login.
 */
export async function finishRecovery(services: Services, recoveryId: string, input: { resetToken: string; newPassword: string }, ctx: Ctx) {
  const { db } = services;
  const row = await db.selectFrom('account_codes').selectAll().where('id', '=', recoveryId).where('purpose', '=', 'recovery').executeTakeFirst();
  const tokenOk = !!row?.reset_token_hash && timingSafeEqual(sha256(input.resetToken), Buffer.from(row.reset_token_hash, 'hex'));
  if (!row || !tokenOk || row.reset_used_at || !row.reset_expires_at || new Date(row.reset_expires_at) <= ctx.now || !row.account_id) {
    throw new ApiError('RECOVERY_EXPIRED');
  }
  const account = await db.selectFrom('accounts').selectAll().where('id', '=', row.account_id).executeTakeFirstOrThrow();
  if (account.role !== 'super') throw new ApiError('RECOVERY_EXPIRED');
  if (!passwordMeetsPolicy(input.newPassword, account.username)) throw new ApiError('PASSWORD_POLICY');
  if (await verifyPassword(input.newPassword, account.password_hash)) throw new ApiError('PASSWORD_REUSED');
  const hash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (tx) => {
    const claimed = await tx
      .updateTable('account_codes')
      .set({ reset_used_at: ctx.now.toISOString() })
      .where('id', '=', recoveryId)
      .where('reset_used_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!claimed) throw new ApiError('RECOVERY_EXPIRED');
    await tx
      .updateTable('accounts')
      .set({ password_hash: hash, must_change_password: 0, updated_at: ctx.now.toISOString() })
      .where('id', '=', account.id)
      .execute();
    await revokeAllSessions(tx, { type: 'account', id: account.id }, ctx.now);
    await writeAudit(tx, {
      actor: { type: 'anonymous', id: null },
      enterpriseId: account.enterprise_id,
      action: 'password.recovered',
      subjectType: 'account',
      subjectId: account.id,
      before: { must_change_password: account.must_change_password },
      after: { must_change_password: 0, recovery_id: recoveryId },
      at: ctx.now,
      requestId: ctx.requestId,
    });
  });
  await clearLoginFailures(db, accountSubject(account.enterprise_id, account.username));
  services.principals.clear();
  const notice = { enterprise: await enterpriseName(services, account.enterprise_id), username: account.username };
  sendLater(services, ctx.log, 'password recovered notice', async () => {
    if (account.mobile) await services.sms.send(account.mobile, recoverySms.passwordRecovered(notice));
    if (account.email) await services.mailer.send({ to: account.email, ...recoveryMail.passwordRecovered(notice) });
  });
  return { ...account, must_change_password: 0 };
}
