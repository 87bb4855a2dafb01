/**
 * An account's own mobile and e-mail (安全设置). super binds both — they are how it recovers its password —
 * and every account may keep its e-mail; an admin's or a handler's mobile is not theirs to change here (the
 * administrator change is a staff-reviewed request, a handler's mobile is its admin's). A code sent to the NEW
 * contact proves it; the old one, if any, is told of the change afterwards.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { z } from 'zod';
import type { AccountProfile, contactChangeBodySchema } from '@shared/contract/http/recovery';
import { maskEmail, sameEmail } from '@shared/validation/email';
import { maskMobile } from '@shared/validation/mobile';
import type { AccountTable } from '../db/schema';
import { ApiError } from '../http/api-error';
import { recoveryMail, recoverySms } from '../notifications/recovery-templates';
import type { Services } from '../services';
import { codeSendWait, insertCode, proveCode } from './account-codes';
import { writeAudit } from './audit';
import { sendLater, sendTo } from './password-recovery';

type ChangeInput = z.output<typeof contactChangeBodySchema>;
interface Ctx {
  now: Date;
  requestId: string;
  log: FastifyBaseLogger;
}

export function profileOf(account: AccountTable): AccountProfile {
  return {
    username: account.username,
    role: account.role,
    displayName: account.display_name,
    mobile: account.mobile ? maskMobile(account.mobile) : null,
    email: account.email ? maskEmail(account.email) : null,
    mayBindMobile: account.role === 'super',
  };
}

const accountRow = (services: Services, id: string) => services.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

export async function startContactChange(services: Services, accountId: string, input: ChangeInput, ctx: Ctx) {
  const account = await accountRow(services, accountId);
  if (input.channel === 'sms' && account.role !== 'super') throw new ApiError('MOBILE_BINDING_SUPER_ONLY');
  const unchanged = input.channel === 'sms' ? account.mobile === input.destination : sameEmail(account.email, input.destination);
  if (unchanged) throw new ApiError('CONTACT_UNCHANGED');
  const purpose = input.channel === 'sms' ? 'bind_mobile' : 'bind_email';
  const wait = await codeSendWait(services.db, account.id, purpose, ctx.now);
  if (wait > 0) throw new ApiError('RATE_LIMITED', { headers: { 'retry-after': String(wait) } });
  const destination = input.channel === 'email' ? input.destination.trim() : input.destination;
  const { id, code, expiresAt } = await insertCode(services.db, { purpose, accountId: account.id, destination }, ctx.now);
  await sendTo(services, input.channel, destination, recoverySms.bindCode(code), recoveryMail.bindCode(code));
  return {
    challengeId: id,
    channel: input.channel,
    destination: input.channel === 'sms' ? maskMobile(destination) : maskEmail(destination),
    expiresAt,
  };
}

export async function confirmContactChange(services: Services, accountId: string, input: { challengeId: string; code: string }, ctx: Ctx) {
  const { db } = services;
  const row = await proveCode(db, { id: input.challengeId, purposes: ['bind_mobile', 'bind_email'], code: input.code, accountId }, ctx.now);
  const before = await accountRow(services, accountId);
  const mobile = row.purpose === 'bind_mobile';
  const to = row.destination!;
  const old = mobile ? before.mobile : before.email;
  const mask = mobile ? maskMobile : maskEmail;
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('accounts')
      .set({ ...(mobile ? { mobile: to } : { email: to }), updated_at: ctx.now.toISOString() })
      .where('id', '=', accountId)
      .execute();
    await writeAudit(tx, {
      actor: { type: 'account', id: accountId },
      enterpriseId: before.enterprise_id,
      action: 'account.contact',
      subjectType: 'account',
      subjectId: accountId,
      before: { [mobile ? 'mobile' : 'email']: old ? mask(old) : null },
      after: { [mobile ? 'mobile' : 'email']: mask(to), challenge_id: row.id },
      at: ctx.now,
      requestId: ctx.requestId,
    });
  });
  services.principals.clear();
  if (old) {
    const enterprise = await db.selectFrom('enterprises').select('name').where('id', '=', before.enterprise_id).executeTakeFirstOrThrow();
    const notice = { enterprise: enterprise.name, username: before.username, what: mobile ? '手机号' : '邮箱', to: mask(to) };
    sendLater(services, ctx.log, 'contact changed notice', () =>
      sendTo(services, mobile ? 'sms' : 'email', old, recoverySms.contactChanged(notice), recoveryMail.contactChanged(notice)),
    );
  }
  return profileOf(await accountRow(services, accountId));
}
