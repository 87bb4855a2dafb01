/** Legacy hub accounts (企服平台账号): staff import, sign-in until the cut-off, the legacy view, upgrade, carried history. */
import type { FastifyPluginAsync } from 'fastify';
import { importLegacyAccountsRoute, legacyHistoryRoute, legacyLoginRoute, legacyMeRoute, legacyUpgradeRoute } from '@shared/contract/http/legacy';
import { consumeCaptcha } from '../captcha/store';
import { assertLegacySignInOpen, legacyView, upgradeLegacyAccount, verifyLegacyPassword } from '../domain/legacy-accounts';
import { importLegacyAccounts } from '../domain/legacy-import';
import { checkPassword } from '../domain/login';
import { legacySubject } from '../domain/login-throttle';
import { createSession } from '../domain/sessions';
import { ApiError } from '../http/api-error';
import { registerRoute } from '../http/register-route';

export const legacyRoutes: FastifyPluginAsync = async (app) => {
  const services = app.services;
  const { db, clock, config } = services;

  registerRoute(app, importLegacyAccountsRoute, async ({ body, principal, request }) =>
    importLegacyAccounts(db, body, { actor: { type: 'staff', id: principal.kind === 'staff' ? principal.id : null }, now: clock.now(), requestId: request.id }),
  );

  registerRoute(app, legacyLoginRoute, async ({ body, request }) => {
    const now = clock.now();
    await consumeCaptcha(db, body.captcha, now);
    const row = await db.selectFrom('legacy_accounts').selectAll().where('username', '=', body.username).executeTakeFirst();
    // The password first: whether an account was upgraded, and to which username, is told only to its owner.
    const legacy = await checkPassword(db, row, { password: body.password, ip: request.ip, now }, legacySubject(body.username), verifyLegacyPassword);
    await assertLegacySignInOpen(db, legacy, config.legacyCutoff, now);
    request.log.info({ legacyId: legacy.id }, 'legacy account login');
    const session = await createSession(db, { type: 'legacy', id: legacy.id }, now);
    return { ...session, ...(await legacyView(db, legacy, config.legacyCutoff, now)) };
  });

  const signedIn = async (id: string, now: Date) => {
    const legacy = await db.selectFrom('legacy_accounts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!legacy) throw new ApiError('AUTH_REQUIRED');
    // A session opened before the cut-off ends with it.
    await assertLegacySignInOpen(db, legacy, config.legacyCutoff, now);
    return legacy;
  };

  registerRoute(app, legacyMeRoute, async ({ principal }) => {
    if (principal.kind !== 'legacy') throw new ApiError('FORBIDDEN');
    const now = clock.now();
    return legacyView(db, await signedIn(principal.id, now), config.legacyCutoff, now);
  });

  registerRoute(app, legacyUpgradeRoute, async ({ body, principal, request }) => {
    if (principal.kind !== 'legacy') throw new ApiError('FORBIDDEN');
    return upgradeLegacyAccount(services, principal.id, body, { ip: request.ip, now: clock.now(), requestId: request.id, log: request.log });
  });

  registerRoute(app, legacyHistoryRoute, async ({ params }) => {
    const rows = await db
      .selectFrom('legacy_history')
      .innerJoin('legacy_accounts', 'legacy_accounts.id', 'legacy_history.legacy_account_id')
      .select(['legacy_history.item', 'legacy_history.title', 'legacy_history.date', 'legacy_history.status', 'legacy_accounts.username as legacyUsername'])
      .where('legacy_history.enterprise_id', '=', params.enterpriseId)
      .orderBy('legacy_history.date', 'desc')
      .orderBy('legacy_history.id')
      .execute();
    return { rows };
  });
};
