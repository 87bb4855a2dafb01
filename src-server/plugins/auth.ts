/**
 * Resolves the caller from `Authorization: Bearer <token>` into `request.auth`, and enforces a route's declared
 * access (see `RouteAccess` in the contract): 401 without a valid session, 404 for another enterprise's data (its
 * existence is not confirmed), 403 for a role or item permission the account lacks.
 */
import type { FastifyRequest } from 'fastify';
import type { AccountRole, RouteAccess, ServiceItem, StaffRole } from '@shared/contract/http/route';
import { serviceItemSchema } from '@shared/contract/http/route';
import { ApiError } from '../http/api-error';
import { permissionsOf } from '../domain/accounts';
import { findSession, hashToken } from '../domain/sessions';
import { openedByLicence } from '../elicence/elicence-session';
import { elicenceTermEnd } from '../elicence/identity-mapping';
import type { Services } from '../services';

export interface AccountPrincipal {
  kind: 'account';
  sessionId: string;
  id: string;
  enterpriseId: string;
  username: string;
  role: AccountRole;
  permissions: ServiceItem[];
  mustChangePassword: boolean;
}

export interface StaffPrincipal {
  kind: 'staff';
  sessionId: string;
  id: string;
  username: string;
  role: StaffRole;
  mustChangePassword: boolean;
}

/** A legacy hub account (企服平台账号): may only see its history and upgrade (routes with access `legacy`). */
export interface LegacyPrincipal {
  kind: 'legacy';
  sessionId: string;
  id: string;
  username: string;
}

/** beijing (issue 16): a Beijing SME platform account (routes with access `platform`). */
export interface PlatformPrincipal {
  kind: 'platform';
  sessionId: string;
  id: string;
}

export type Principal = AccountPrincipal | StaffPrincipal | LegacyPrincipal | PlatformPrincipal | { kind: 'anonymous' };

const ALL_ITEMS = serviceItemSchema.options;

async function loadPrincipal(services: Services, request: FastifyRequest): Promise<Principal> {
  const header = request.headers.authorization;
  if (!header) return { kind: 'anonymous' };
  const match = /^Bearer ([A-Za-z0-9_-]{20,128})$/.exec(header);
  if (!match?.[1]) throw new ApiError('AUTH_REQUIRED');
  const now = services.clock.now();
  const tokenHash = hashToken(match[1]);
  const cached = services.principals.get(tokenHash, now.getTime());
  if (cached) return cached;

  const found = await findSession(services.db, match[1], now);
  if (found.status === 'unknown') throw new ApiError('AUTH_REQUIRED');
  if (found.status === 'expired') throw new ApiError('SESSION_EXPIRED');
  const principal = await principalOf(services, found.session);
  services.principals.set(tokenHash, principal, new Date(found.session.expires_at).getTime(), now.getTime());
  return principal;
}

async function principalOf(
  services: Services,
  session: { id: string; subject_type: 'account' | 'staff' | 'legacy' | 'platform'; subject_id: string },
): Promise<AccountPrincipal | StaffPrincipal | LegacyPrincipal | PlatformPrincipal> {
  if (session.subject_type === 'platform') return { kind: 'platform', sessionId: session.id, id: session.subject_id };
  if (session.subject_type === 'legacy') {
    const legacy = await services.db.selectFrom('legacy_accounts').select(['id', 'username']).where('id', '=', session.subject_id).executeTakeFirst();
    if (!legacy) throw new ApiError('AUTH_REQUIRED');
    return { kind: 'legacy', sessionId: session.id, id: legacy.id, username: legacy.username };
  }
  if (session.subject_type === 'staff') {
    const staff = await services.db
      .selectFrom('staff_accounts')
      .select(['id', 'username', 'role', 'must_change_password'])
      .where('id', '=', session.subject_id)
      .executeTakeFirst();
    if (!staff) throw new ApiError('AUTH_REQUIRED');
    return {
      kind: 'staff',
      sessionId: session.id,
      id: staff.id,
      username: staff.username,
      role: staff.role,
      mustChangePassword: staff.must_change_password === 1,
    };
  }
  const account = await services.db
    .selectFrom('accounts')
    .select(['id', 'enterprise_id', 'username', 'role', 'must_change_password', 'status'])
    .where('id', '=', session.subject_id)
    .executeTakeFirst();
  if (!account || account.status === 'removed') throw new ApiError('AUTH_REQUIRED');
  // Deactivation keeps the sessions so that this answer can say why they ended (issue 13).
  if (account.status === 'deactivated') throw new ApiError('ACCOUNT_DEACTIVATED');
  // An e-licence agent's access ends with the authorisation, without a new login (issue 14).
  const termEnd = await elicenceTermEnd(services.db, account.id);
  if (termEnd && termEnd <= services.clock.now()) throw new ApiError('ELICENCE_AUTHORISATION_ENDED');
  return {
    kind: 'account',
    sessionId: session.id,
    id: account.id,
    enterpriseId: account.enterprise_id,
    username: account.username,
    role: account.role,
    permissions: await permissionsOf(services.db, account),
    // A session the e-licence opened is not held to the initial password's change (elicence-session.ts).
    mustChangePassword: account.must_change_password === 1 && !(await openedByLicence(services.db, session.id)),
  };
}

/** Checks `access` for the request and returns the principal; throws the refusal otherwise. */
export async function authorize(services: Services, request: FastifyRequest, access: RouteAccess): Promise<Principal> {
  if (access.kind === 'public') {
    // A public route ignores a stale token instead of failing on it (the login page after a session expired).
    return loadPrincipal(services, request).catch((): Principal => ({ kind: 'anonymous' }));
  }
  if (access.kind === 'uploader') {
    // Without a session, a registration upload token stands in; routes/uploads.ts checks it (uploaderOf).
    if (!request.headers.authorization && request.headers['upload-token']) return { kind: 'anonymous' };
    return authorize(services, request, { kind: 'account' });
  }
  const principal = await loadPrincipal(services, request);
  if (principal.kind === 'anonymous') throw new ApiError('AUTH_REQUIRED');
  // A legacy session reaches its own routes and logout, nothing else (manual 000: history and upgrade only).
  if (principal.kind === 'legacy') {
    if (access.kind !== 'legacy' && access.kind !== 'session') throw new ApiError('LEGACY_SESSION_RESTRICTED');
    return principal;
  }
  if (access.kind === 'legacy') throw new ApiError('FORBIDDEN');
  // beijing: a platform session reaches its own routes and logout; its routes refuse every other session.
  if (principal.kind === 'platform') {
    if (access.kind !== 'platform' && access.kind !== 'session') throw new ApiError('PLATFORM_SESSION_ONLY');
    return principal;
  }
  if (access.kind === 'platform') throw new ApiError('FORBIDDEN');
  const params = (request.params ?? {}) as Record<string, string | undefined>;

  if (access.kind === 'session') return principal;
  if (access.kind === 'enterpriseOrStaff') {
    // On an initial password, staff and accounts alike can do nothing but change it, except that an account reads
    // its own enterprise's record where the route allows it (the forced change's header names the company).
    if (principal.mustChangePassword && (principal.kind === 'staff' || !access.allowPasswordChangePending)) throw new ApiError('PASSWORD_CHANGE_REQUIRED');
    if (principal.kind === 'staff') return principal;
    if (params.enterpriseId !== principal.enterpriseId) throw new ApiError('NOT_FOUND');
    return principal;
  }
  if (access.kind === 'staff') {
    if (principal.kind !== 'staff') throw new ApiError('FORBIDDEN');
    if (principal.mustChangePassword && !access.allowPasswordChangePending) throw new ApiError('PASSWORD_CHANGE_REQUIRED');
    if (access.roles && !access.roles.includes(principal.role)) throw new ApiError('FORBIDDEN');
    return principal;
  }
  if (principal.kind !== 'account') throw new ApiError('FORBIDDEN');
  if (principal.mustChangePassword && !access.allowPasswordChangePending) throw new ApiError('PASSWORD_CHANGE_REQUIRED');
  if ('enterpriseId' in params && params.enterpriseId !== principal.enterpriseId) throw new ApiError('NOT_FOUND');
  if (access.roles && !access.roles.includes(principal.role)) throw new ApiError('FORBIDDEN');
  return principal;
}

/**
 * The item permission of an `item` route, checked against the query its contract validated (`{ item }`): the
 * route declares which item it serves, so a wrong or missing one was already refused as `BODY_INVALID`.
 */
export function authorizeItem(principal: Principal, access: RouteAccess, query: unknown): void {
  if (access.kind !== 'account' || !access.item || principal.kind !== 'account') return;
  const item = (query as { item?: unknown } | undefined)?.item;
  if (!ALL_ITEMS.includes(item as ServiceItem)) throw new Error('an item route must declare `item` in its query schema');
  if (!principal.permissions.includes(item as ServiceItem)) throw new ApiError('PERMISSION_DENIED');
}
