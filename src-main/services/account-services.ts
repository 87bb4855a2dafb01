/**
 * `accounts.*` of window.tongban (issue 6: admins grant and revoke per-item permissions): the enterprise's account
 * routes of src-shared/contract/http/enterprise.ts with the session held in main. The server decides who may do
 * what (super and admin list and create accounts, only super creates admins, permissions are a handler's); main
 * only adds the signed-in enterprise.
 */
import { elicencePersonsRoute } from '@shared/contract/http/elicence';
import type { ClientResults } from '@shared/contract/client-api';
import {
  accountHistoryRoute,
  bindAccountCertificateRoute,
  listAccountCertificatesRoute,
  removeAccountRoute,
  setAccountStatusRoute,
  unbindAccountCertificateRoute,
} from '@shared/contract/http/account-roles';
import { caChallengeRoute } from '@shared/contract/http/auth';
import { createAccountRoute, listAccountsRoute, resetAccountPasswordRoute, setPermissionsRoute } from '@shared/contract/http/enterprise';
import type { ServiceItem } from '@shared/contract/http/route';
import { fail, type Result } from '@shared/contract/result';
import type { TokenClient } from '../token/token-client';
import type { PortalClient } from './portal-client';

export interface AccountServicesContext {
  portal(): PortalClient;
  /** The signed-in enterprise, or null. */
  enterpriseId(): string | null;
  /** For binding a key: the token service signs a CA challenge for this client's own server origin. */
  tokens(): TokenClient;
  origin(): string;
}

type R = ClientResults['accounts'];

export function accountHandlers(ctx: AccountServicesContext) {
  const signedIn = <T>(run: (enterpriseId: string) => Promise<Result<T>>): Promise<Result<T>> => {
    const id = ctx.enterpriseId();
    return id ? run(id) : Promise.resolve(fail('NOT_SIGNED_IN'));
  };
  return {
    'accounts.elicencePersons': async () => signedIn<R['elicencePersons']>((enterpriseId) => ctx.portal().call(elicencePersonsRoute, { params: { enterpriseId } })),
    'accounts.list': async () => signedIn<R['list']>((enterpriseId) => ctx.portal().call(listAccountsRoute, { params: { enterpriseId } })),
    'accounts.create': async (i: { username: string; role: 'admin' | 'handler'; displayName: string; mobile: string; permissions: ServiceItem[] }) =>
      signedIn<R['create']>((enterpriseId) =>
        ctx.portal().call(createAccountRoute, {
          params: { enterpriseId },
          body: { username: i.username, role: i.role, displayName: i.displayName, mobile: i.mobile, permissions: i.permissions },
        }),
      ),
    'accounts.setPermissions': async (i: { accountId: string; permissions: ServiceItem[] }) =>
      signedIn<R['setPermissions']>((enterpriseId) =>
        ctx.portal().call(setPermissionsRoute, { params: { enterpriseId, accountId: i.accountId }, body: { permissions: i.permissions } }),
      ),
    'accounts.setStatus': async (i: { accountId: string; status: 'active' | 'deactivated' }) =>
      signedIn<R['setStatus']>((enterpriseId) => ctx.portal().call(setAccountStatusRoute, { params: { enterpriseId, accountId: i.accountId }, body: { status: i.status } })),
    'accounts.resetPassword': async (i: { accountId: string }) =>
      signedIn<R['resetPassword']>((enterpriseId) => ctx.portal().call(resetAccountPasswordRoute, { params: { enterpriseId, accountId: i.accountId } })),
    'accounts.remove': async (i: { accountId: string }) =>
      signedIn<R['remove']>((enterpriseId) => ctx.portal().call(removeAccountRoute, { params: { enterpriseId, accountId: i.accountId } })),
    'accounts.history': async (i: { page?: number; pageSize?: number }) =>
      signedIn<R['history']>((enterpriseId) => ctx.portal().call(accountHistoryRoute, { params: { enterpriseId }, query: { page: i.page ?? 1, pageSize: i.pageSize ?? 20 } })),
    'accounts.certificates': async (i: { accountId: string }) =>
      signedIn<R['certificates']>((enterpriseId) => ctx.portal().call(listAccountCertificatesRoute, { params: { enterpriseId, accountId: i.accountId } })),
    'accounts.bindCertificate': async (i: { accountId: string; fingerprint: string; pin?: string }) =>
      signedIn<R['bindCertificate']>(async (enterpriseId) => {
        // The same proof as a CA login: the key signs a fresh challenge for this client's configured origin.
        const challenge = await ctx.portal().call(caChallengeRoute, { anonymous: true });
        if (!challenge.ok) return challenge;
        const token = await ctx.tokens().call('authenticate', { cert: i.fingerprint, origin: ctx.origin(), nonce: challenge.value.nonce, ...(i.pin !== undefined ? { pin: i.pin } : {}) });
        if (!token.ok) return token;
        return ctx.portal().call(bindAccountCertificateRoute, { params: { enterpriseId, accountId: i.accountId }, body: { nonce: challenge.value.nonce, token: token.value } });
      }),
    'accounts.unbindCertificate': async (i: { accountId: string; certificate: string }) =>
      signedIn<R['unbindCertificate']>((enterpriseId) =>
        ctx.portal().call(unbindAccountCertificateRoute, { params: { enterpriseId, accountId: i.accountId, fingerprint: i.certificate } }),
      ),
  };
}
