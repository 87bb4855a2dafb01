/**
 * Which account a CA login lands on (issue 13). A certificate may be bound to several accounts of its enterprise:
 * the company key to `admin` at registration, and to each handler who proved that account's password once. So:
 * - the clerk named an account the certificate is bound to: that account;
 * - the clerk named another account of the certificate's enterprise: with that account's password (throttled like
 *   a password login) the certificate is bound to it and the login lands there; without one the answer asks for
 *   it (CA_ACCOUNT_PASSWORD_REQUIRED), whether or not the account exists;
 * - nobody named: the one account the certificate is bound to; several: CA_ACCOUNT_CHOICE_REQUIRED; none:
 *   CA_CERT_NOT_BOUND.
 * A certificate bound to nobody is first tried as the renewal of a bound one (certificate-renewal.ts): the accounts
 * its predecessor serves are chosen from by the same rules, and the login answers RENEWAL_NEEDS_CONFIRMATION until
 * the administrator's SMS code confirms it (renewal-confirmation.ts).
 * A deactivated account is refused (ACCOUNT_DEACTIVATED); a removed one no longer has bindings.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { AccountTable } from '../db/schema';
import { ApiError } from '../http/api-error';
import type { VerifiedCertificate } from '../pki/chain';
import type { Services } from '../services';
import { assertActive } from './account-roles';
import { bindCertificate, boundAccounts } from './certificate-bindings';
import { findRenewedBinding } from './certificate-renewal';
import { requireRenewalConfirmation } from './renewal-confirmation';
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
  const bound = await boundAccounts(services.db, cert.fingerprint);
  // A renewed certificate lands on its predecessor's accounts, whichever of them the clerk names, once confirmed.
  if (bound.length === 0) await confirmRenewalFirst(services, cert, named, ctx);
  if (named) {
    const hit = bound.find((a) => a.username === named.username);
    if (hit) return assertActive(hit);
    return bindByPassword(services, cert, named, ctx);
  }
  if (bound.length === 0) throw new ApiError('CA_CERT_NOT_BOUND');
  if (bound.length > 1) throw new ApiError('CA_ACCOUNT_CHOICE_REQUIRED');
  return assertActive(bound[0]!);
}

/** Throws RENEWAL_NEEDS_CONFIRMATION (or the account choice) for a renewal; returns for anything else. */
async function confirmRenewalFirst(services: Services, cert: VerifiedCertificate, named: { username: string } | undefined, ctx: LandingContext): Promise<void> {
  const renewal = await findRenewedBinding(services, cert);
  if (renewal.kind === 'refused') {
    ctx.log.info({ fingerprint: cert.fingerprint, reason: renewal.reason }, 'CA certificate not bound and not a renewal');
    return;
  }
  const accounts = await boundAccounts(services.db, renewal.predecessor.binding.fingerprint);
  const target = named ? accounts.find((a) => a.username === named.username) : accounts.length === 1 ? accounts[0] : undefined;
  // Naming an account the old key does not serve: the password way below, as for any unbound key.
  if (named && !target) return;
  if (!target) throw new ApiError(accounts.length > 1 ? 'CA_ACCOUNT_CHOICE_REQUIRED' : 'CA_CERT_NOT_BOUND');
  await requireRenewalConfirmation(services, cert, renewal, assertActive(target), ctx);
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
