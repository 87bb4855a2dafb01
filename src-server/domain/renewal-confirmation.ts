/**
 * A renewed CA certificate binds only after the enterprise's administrator confirms it (issue 17 item 3). Without
 * this, anyone holding a certificate the CA issued under the enterprise's subject — a re-issue to a former clerk,
 * a CA counter fooled once — would take over the enterprise's accounts at a login, silently.
 *
 * The CA login with such a certificate (its key proven over our challenge, its chain and revocation checked, the
 * renewal rule of certificate-renewal.ts met) starts a confirmation: a six-digit code to the mobile of the
 * enterprise's `admin`, stored hashed, 10 minutes, at most 5 tries, one use; the login answers
 * RENEWAL_NEEDS_CONFIRMATION with the confirmation's id and the masked mobile. Another login with the same
 * certificate within the resend interval gets the same confirmation and no new SMS. The code, typed at the
 * desktop (by the administrator, or given by them to the clerk), binds the certificate to its predecessor's
 * accounts and signs in to the account the login was landing on. The old certificate keeps working throughout.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { maskMobile } from '@shared/validation/mobile';
import { chinaDate } from '@shared/time/china';
import type { AccountTable } from '../db/schema';
import type {} from '../db/schema-trust-care';
import { ApiError } from '../http/api-error';
import { trustCareSms } from '../notifications/trust-care-templates';
import { verifyCertificate, type VerifiedCertificate } from '../pki/chain';
import type { Services } from '../services';
import { assertActive } from './account-roles';
import { addSeconds } from './clock';
import { bindConfirmedRenewal, type RenewalDecision } from './certificate-renewal';
import { hashSmsCode, newSmsCode, SMS_CODE_MAX_ATTEMPTS, SMS_CODE_RESEND_SECONDS, SMS_CODE_TTL_SECONDS, smsCodeMatches } from './sms-code';

type Ctx = { now: Date; requestId: string; log: FastifyBaseLogger };
type Renewal = Extract<RenewalDecision, { kind: 'renewal' }>;

/** Starts (or repeats) the confirmation of `cert` landing on `account`; always throws RENEWAL_NEEDS_CONFIRMATION. */
export async function requireRenewalConfirmation(services: Services, cert: VerifiedCertificate, renewal: Renewal, account: AccountTable, ctx: Ctx): Promise<never> {
  const { db } = services;
  const admin = await db
    .selectFrom('accounts')
    .select(['id', 'mobile'])
    .where('enterprise_id', '=', renewal.enterpriseId)
    .where('role', '=', 'admin')
    .where('status', '=', 'active')
    .where('mobile', 'is not', null)
    .orderBy('created_at')
    .executeTakeFirst();
  if (!admin?.mobile) throw new ApiError('RENEWAL_NO_ADMIN_MOBILE');

  const recent = await db
    .selectFrom('renewal_confirmations')
    .select(['id', 'expires_at'])
    .where('fingerprint', '=', cert.fingerprint)
    .where('account_id', '=', account.id)
    .where('used_at', 'is', null)
    .where('attempts', '<', SMS_CODE_MAX_ATTEMPTS)
    .where('created_at', '>', addSeconds(ctx.now, -SMS_CODE_RESEND_SECONDS).toISOString())
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  if (recent) throw pending(recent.id, admin.mobile, recent.expires_at);

  const id = randomUUID();
  const code = newSmsCode();
  const expiresAt = addSeconds(ctx.now, SMS_CODE_TTL_SECONDS).toISOString();
  await db
    .insertInto('renewal_confirmations')
    .values({
      id,
      enterprise_id: renewal.enterpriseId,
      fingerprint: cert.fingerprint,
      certificate_der: Buffer.from(cert.info.der).toString('base64'),
      ca_profile: cert.profile,
      predecessor_fingerprint: renewal.predecessor.binding.fingerprint,
      account_id: account.id,
      admin_account_id: admin.id,
      code_hash: hashSmsCode(id, code),
      attempts: 0,
      created_at: ctx.now.toISOString(),
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  const enterprise = await db.selectFrom('enterprises').select('name').where('id', '=', renewal.enterpriseId).executeTakeFirstOrThrow();
  await services.sms.send(
    admin.mobile,
    trustCareSms.renewalCode({ enterprise: enterprise.name, notAfter: chinaDate(cert.info.notAfter), code, minutes: SMS_CODE_TTL_SECONDS / 60 }),
  );
  ctx.log.info({ confirmationId: id, fingerprint: cert.fingerprint, enterpriseId: renewal.enterpriseId }, 'renewed CA certificate waits for the administrator');
  throw pending(id, admin.mobile, expiresAt);
}

const pending = (confirmationId: string, mobile: string, expiresAt: string) =>
  new ApiError('RENEWAL_NEEDS_CONFIRMATION', {
    issues: [{ path: 'renewal', code: 'RENEWAL_NEEDS_CONFIRMATION', params: { confirmationId, mobile: maskMobile(mobile), expiresAt } }],
  });

/** The code of confirmation `id`: binds the certificate and answers the account to sign in to. */
export async function confirmRenewal(services: Services, id: string, code: string, ctx: Ctx): Promise<AccountTable> {
  const { db } = services;
  const now = ctx.now.toISOString();
  // Counted before it is compared, in one statement: concurrent guesses each cost a try.
  const row = await db
    .updateTable('renewal_confirmations')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .where('attempts', '<', SMS_CODE_MAX_ATTEMPTS)
    .returningAll()
    .executeTakeFirst();
  if (!row || !smsCodeMatches(row.id, code, row.code_hash)) throw new ApiError('RENEWAL_CODE_INVALID');
  const spent = await db.updateTable('renewal_confirmations').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).returning('id').executeTakeFirst();
  if (!spent) throw new ApiError('RENEWAL_CODE_INVALID');

  // Checked again now: the certificate may have been revoked or expired while the code travelled.
  const der = Buffer.from(row.certificate_der, 'base64');
  const cert = verifyCertificate(der, [], services.trust, ctx.now, 'authenticate');
  await services.trust.revocation?.assertNotRevoked(der, cert.issuerDer, ctx.now);
  const bound = await bindConfirmedRenewal(services, cert, row.predecessor_fingerprint, {
    ...ctx,
    actor: { type: 'account', id: row.admin_account_id },
    enterpriseId: row.enterprise_id,
  });
  const account = bound.find((a) => a.id === row.account_id);
  if (!account) throw new ApiError('CA_CERT_NOT_BOUND');
  return assertActive(account);
}
