/** Captcha, password login, CA login, logout and password change for enterprise accounts. */
import type { FastifyPluginAsync } from 'fastify';
import {
  caChallengeRoute,
  caLoginRoute,
  captchaRoute,
  changePasswordRoute,
  loginRoute,
  logoutRoute,
  whoAmIRoute,
} from '@shared/contract/http/auth';
import { consumeCaptcha, issueCaptcha } from '../captcha/store';
import { assertActive } from '../domain/account-roles';
import { accountView } from '../domain/accounts';
import { issueCaNonce, loginWithCertificate } from '../domain/ca-login';
import { checkPassword, enterpriseKeyOf, findEnterpriseId } from '../domain/login';
import { accountSubject } from '../domain/login-throttle';
import { changePassword } from '../domain/password-change';
import { createSession, revokeSession } from '../domain/sessions';
import type { AccountTable } from '../db/schema';
import { ApiError } from '../http/api-error';
import { limitByAddress, SharedWindowLimiter } from '../http/rate-limit';
import { registerRoute } from '../http/register-route';
import type { Services } from '../services';
import { markLicenceSession } from '../elicence/elicence-session';

/**
 * The session answer for an account, as login, CA login and password change return it. `viaLicence`: opened by the
 * e-licence, which no pending initial-password change gates (elicence/elicence-session.ts).
 */
export async function accountSessionAnswer(services: Services, account: AccountTable, now: Date, viaLicence?: 'qr' | 'card') {
  const session = await createSession(services.db, { type: 'account', id: account.id }, now);
  if (viaLicence) await markLicenceSession(services.db, session.token, viaLicence);
  const view = await accountView(services.db, account);
  return {
    ...session,
    mustChangePassword: account.must_change_password === 1 && !viaLicence,
    account: {
      id: account.id,
      enterpriseId: account.enterprise_id,
      username: account.username,
      role: account.role,
      permissions: view.permissions,
    },
  };
}

export const authRoutes: FastifyPluginAsync = async (app) => {
  const services = app.services;

  // Each captcha and each CA challenge is a row until spent or expired: per address and minute (issue 17), across
  // every server process (issue 20).
  const captchas = new SharedWindowLimiter(services.db, 'captcha', services.config.challengesPerMinute, 60_000);
  const challenges = new SharedWindowLimiter(services.db, 'ca-challenge', services.config.challengesPerMinute, 60_000);

  registerRoute(app, captchaRoute, async ({ request }) => {
    await limitByAddress(captchas, request, services.clock.now());
    return issueCaptcha(services.db, services.clock.now());
  });

  registerRoute(app, loginRoute, async ({ body, request }) => {
    const now = services.clock.now();
    await consumeCaptcha(services.db, body.captcha, now);
    const enterpriseId = await findEnterpriseId(services.db, body.enterprise);
    const row = enterpriseId
      ? await services.db
          .selectFrom('accounts')
          .selectAll()
          .where('enterprise_id', '=', enterpriseId)
          .where('username', '=', body.username)
          .where('status', '!=', 'removed')
          .executeTakeFirst()
      : undefined;
    const account = assertActive(await checkPassword(services.db, row, { password: body.password, ip: request.ip, now }, accountSubject(enterpriseId ?? enterpriseKeyOf(body.enterprise), body.username)));
    request.log.info({ accountId: account.id }, 'account login');
    return accountSessionAnswer(services, account, now);
  });

  registerRoute(app, caChallengeRoute, async ({ request }) => {
    await limitByAddress(challenges, request, services.clock.now());
    return { ...(await issueCaNonce(services.db, services.clock.now())), origin: services.config.publicOrigin };
  });

  registerRoute(app, caLoginRoute, async ({ body, request }) => {
    const now = services.clock.now();
    const { account, cardLicence } = await loginWithCertificate(services, body, { now, requestId: request.id, ip: request.ip, log: request.log });
    request.log.info({ accountId: account.id, cardLicence }, 'account CA login');
    return accountSessionAnswer(services, account, now, cardLicence ? 'card' : undefined);
  });

  registerRoute(app, logoutRoute, async ({ principal }) => {
    if (principal.kind === 'anonymous') throw new ApiError('AUTH_REQUIRED');
    await revokeSession(services.db, principal.sessionId, services.clock.now());
    services.principals.clear();
    return { ok: true as const };
  });

  registerRoute(app, changePasswordRoute, async ({ body, principal, request }) => {
    if (principal.kind !== 'account') throw new ApiError('FORBIDDEN');
    const now = services.clock.now();
    const session = await changePassword(
      services.db,
      { type: 'account', id: principal.id, username: principal.username, enterpriseId: principal.enterpriseId },
      body,
      now,
      request.id,
    );
    services.principals.clear();
    const account = await services.db.selectFrom('accounts').selectAll().where('id', '=', principal.id).executeTakeFirstOrThrow();
    const view = await accountView(services.db, account);
    return {
      ...session,
      mustChangePassword: false,
      account: { id: account.id, enterpriseId: account.enterprise_id, username: account.username, role: account.role, permissions: view.permissions },
    };
  });


  registerRoute(app, whoAmIRoute, async ({ principal }) => {
    if (principal.kind === 'staff') {
      return { kind: 'staff' as const, mustChangePassword: principal.mustChangePassword, staff: { id: principal.id, username: principal.username, role: principal.role } };
    }
    if (principal.kind === 'legacy') throw new ApiError('LEGACY_SESSION_RESTRICTED');
    if (principal.kind === 'platform') throw new ApiError('PLATFORM_SESSION_ONLY');
    if (principal.kind !== 'account') throw new ApiError('AUTH_REQUIRED');
    return {
      kind: 'account' as const,
      mustChangePassword: principal.mustChangePassword,
      account: { id: principal.id, enterpriseId: principal.enterpriseId, username: principal.username, role: principal.role, permissions: principal.permissions },
    };
  });
};
