/**
 * Which account a CA login lands on (issue 13). A certificate may be bound to several accounts of its enterprise:
 * the company key to `admin` at registration, and to each handler who proved that account's password once. So:
 * - the clerk named an account the certificate is bound to: that account;
 * - the clerk named another account of the certificate's enterprise: with that account's password (throttled like
 *   a password login) the certificate is bound to it and the login lands there; without one the answer asks for
 *   it (CA_ACCOUNT_PASSWORD_REQUIRED), whether or not the account exists;
 * - nobody named: the one account the certificate is bound to; several: CA_ACCOUNT_CHOICE_REQUIRED; none:
 *   CA_CERT_NOT_BOUND.
 * A certificate bound to nobody is first tried as the renewal of a bound one (certificate-renewal.ts), which binds
 * it to each account its predecessor served.
 * A deactivated account is refused (ACCOUNT_DEACTIVATED); a removed one no longer has bindings.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AccountTable } from '../db/schema';
import { ApiError } from '../http/api-error';
import type { VerifiedCertificate } from '../pki/chain';
import type { Services } from '../services';
import { assertActive } from './account-roles';
import { bindCertificate, boundAccounts } from './certificate-bindings';
import { bindRenewedCertificate } from './certificate-renewal';
import { checkPassword } from './login';
import { accountSubject } from './login-throttle';

export interface LandingContext {
  now: Date;
  requestId: string;
  ip: string;
  log: FastifyBaseLogger;
}

export async function landingAccount(
  services: Services,
  cert: VerifiedCertificate,
  named: { username: string; password?: string | undefined } | undefined,
  ctx: LandingContext,
): Promise<AccountTable> {
  let bound = await boundAccounts(services.db, cert.fingerprint);
  // A renewed certificate takes over its predecessor's accounts first, whichever of them the clerk names.
  if (bound.length === 0) bound = await bindRenewedCertificate(services, cert, ctx);
  if (named) {
    const hit = bound.find((a) => a.username === named.username);
    if (hit) return assertActive(hit);
    return bindByPassword(services, cert, named, ctx);
  }
  if (bound.length === 0) throw new ApiError('CA_CERT_NOT_BOUND');
  if (bound.length > 1) throw new ApiError('CA_ACCOUNT_CHOICE_REQUIRED');
  return assertActive(bound[0]!);
}

async function bindByPassword(
  services: Services,
  cert: VerifiedCertificate,
  named: { username: string; password?: string | undefined },
  ctx: LandingContext,
): Promise<AccountTable> {
  const uscc = cert.info.uscc?.value;
  const enterprise = uscc ? await services.db.selectFrom('enterprises').select('id').where('uscc', '=', uscc).executeTakeFirst() : undefined;
  if (!enterprise) throw new ApiError('CA_CERT_NOT_BOUND');
  if (named.password === undefined) throw new ApiError('CA_ACCOUNT_PASSWORD_REQUIRED');
  const row = await services.db
    .selectFrom('accounts')
    .selectAll()
    .where('enterprise_id', '=', enterprise.id)
    .where('username', '=', named.username)
    .where('status', '!=', 'removed')
    .executeTakeFirst();
  const account = assertActive(await checkPassword(services.db, row, { password: named.password, ip: ctx.ip, now: ctx.now }, accountSubject(enterprise.id, named.username)));
  await services.db.transaction().execute((tx) =>
    bindCertificate(tx, account, cert, { actor: { type: 'account', id: account.id }, now: ctx.now, requestId: ctx.requestId, how: 'ca-login-password' }),
  );
  ctx.log.info({ accountId: account.id, fingerprint: cert.fingerprint }, 'CA certificate bound at login with the account password');
  return account;
}
