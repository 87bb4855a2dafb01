/**
 * `accounts.*` of window.tongban (issue 6: admins grant and revoke per-item permissions): the enterprise's account
 * routes of src-shared/contract/http/enterprise.ts with the session held in main. The server decides who may do
 * what (super and admin list and create accounts, only super creates admins, permissions are a handler's); main
 * only adds the signed-in enterprise.
 */
import type { ClientResults } from '@shared/contract/client-api';
import { createAccountRoute, listAccountsRoute, setPermissionsRoute } from '@shared/contract/http/enterprise';
import type { ServiceItem } from '@shared/contract/http/route';
import { fail, type Result } from '@shared/contract/result';
import type { PortalClient } from './portal-client';

export interface AccountServicesContext {
  portal(): PortalClient;
  /** The signed-in enterprise, or null. */
  enterpriseId(): string | null;
}

type R = ClientResults['accounts'];

export function accountHandlers(ctx: AccountServicesContext) {
  const signedIn = <T>(run: (enterpriseId: string) => Promise<Result<T>>): Promise<Result<T>> => {
    const id = ctx.enterpriseId();
    return id ? run(id) : Promise.resolve(fail('NOT_SIGNED_IN'));
  };
  return {
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
  };
}
