/**
 * The Beijing SME platform's routes (issue 16), registered by app.ts only when `config.portal` is `beijing-sme`:
 * platform account, enterprise certification through the (simulated) unified identity platform, 一证通 口令登录,
 * unbinding requests, 一证通 password recovery, and the staff queue.
 */
import type { FastifyPluginAsync } from 'fastify';
import {
  beijingDocumentRoute,
  beijingQueueRoute,
  certificationDecisionRoute,
  certifyRoute,
  platformCodeRoute,
  platformLoginRoute,
  platformProfileRoute,
  platformRegisterRoute,
  unbindingDecisionRoute,
  unbindingRequestRoute,
  yztLoginRoute,
  yztPasswordCodeRoute,
  yztPasswordResetRoute,
} from '@shared/contract/http/beijing';
import { maskMobile } from '@shared/validation/mobile';
import { consumeCaptcha } from '../../captcha/store';
import { certify, platformProfile, requestUnbinding, yztLogin } from '../../beijing/certification';
import { platformLogin, provePlatformCode, registerPlatformAccount, sendPlatformCode } from '../../beijing/platform-accounts';
import { decideCertification, decideUnbinding, listedDocument, reviewQueue } from '../../beijing/review';
import { writeEvent } from '../../beijing/events';
import { hashPassword } from '../../domain/passwords';
import { clearLoginFailures } from '../../domain/login-throttle';
import { createSession } from '../../domain/sessions';
import { ApiError } from '../../http/api-error';
import { registerRoute } from '../../http/register-route';
import type { Principal } from '../../plugins/auth';
import { listedScan } from '../../domain/request-scans';
import { sendScan } from '../anonymous-requests';

const platformId = (p: Principal) => {
  if (p.kind !== 'platform') throw new ApiError('FORBIDDEN');
  return p.id;
};
const staffId = (p: Principal) => {
  if (p.kind !== 'staff') throw new ApiError('FORBIDDEN');
  return p.id;
};

export const beijingRoutes: FastifyPluginAsync = async (app) => {
  const services = app.services;
  const { db, clock } = services;

  const sessionFor = async (accountId: string, now: Date) => ({
    ...(await createSession(db, { type: 'platform', id: accountId }, now)),
    profile: await platformProfile(db, accountId),
  });

  registerRoute(app, platformCodeRoute, async ({ body }) => {
    const now = clock.now();
    await consumeCaptcha(db, body.captcha, now);
    return sendPlatformCode(services, body.mobile, 'register', now);
  });

  registerRoute(app, platformRegisterRoute, async ({ body, request }) => {
    const now = clock.now();
    const id = await registerPlatformAccount(services, body, now);
    request.log.info({ platformAccountId: id }, 'beijing platform account registered');
    return sessionFor(id, now);
  });

  registerRoute(app, platformLoginRoute, async ({ body, request }) => {
    const now = clock.now();
    await consumeCaptcha(db, body.captcha, now);
    const id = await platformLogin(db, body.mobile, { password: body.password, ip: request.ip, now });
    request.log.info({ platformAccountId: id }, 'beijing platform login');
    return sessionFor(id, now);
  });

  registerRoute(app, platformProfileRoute, async ({ principal }) => platformProfile(db, platformId(principal)));

  registerRoute(app, certifyRoute, async ({ body, principal }) => {
    const id = platformId(principal);
    const now = clock.now();
    await consumeCaptcha(db, body.captcha, now);
    await certify(services, id, body, now);
    return platformProfile(db, id);
  });

  registerRoute(app, yztLoginRoute, async ({ body, principal, request }) => {
    const id = platformId(principal);
    const now = clock.now();
    await consumeCaptcha(db, body.captcha, now);
    await yztLogin(services, id, { username: body.username, password: body.password, ip: request.ip }, now);
    return platformProfile(db, id);
  });

  registerRoute(app, unbindingRequestRoute, async ({ body, principal }) => {
    const id = platformId(principal);
    await requestUnbinding(services, id, body, clock.now());
    return platformProfile(db, id);
  });

  registerRoute(app, yztPasswordCodeRoute, async ({ principal }) => {
    const id = platformId(principal);
    const account = await db.selectFrom('platform_accounts').select('mobile').where('id', '=', id).executeTakeFirstOrThrow();
    const cert = await db.selectFrom('beijing_certifications').select('id').where('active_account', '=', id).executeTakeFirst();
    if (!cert) throw new ApiError('YZT_NOT_REGISTERED');
    return { ...(await sendPlatformCode(services, account.mobile, 'yztPassword', clock.now())), mobile: maskMobile(account.mobile) };
  });

  registerRoute(app, yztPasswordResetRoute, async ({ body, principal }) => {
    const id = platformId(principal);
    const now = clock.now();
    const account = await db.selectFrom('platform_accounts').select('mobile').where('id', '=', id).executeTakeFirstOrThrow();
    await provePlatformCode(db, { codeId: body.codeId, code: body.code, mobile: account.mobile, purpose: 'yztPassword' }, now);
    const cert = await db.selectFrom('beijing_certifications').select(['id', 'yzt_username']).where('active_account', '=', id).executeTakeFirst();
    if (!cert) throw new ApiError('YZT_NOT_REGISTERED');
    await db.updateTable('beijing_certifications').set({ yzt_password_hash: await hashPassword(body.password) }).where('id', '=', cert.id).execute();
    await clearLoginFailures(db, `yzt:${cert.yzt_username}`);
    await writeEvent(db, { subject: ['certification', cert.id], action: 'yztPasswordReset', actor: ['platform', id], at: now });
    return { ok: true as const };
  });

  registerRoute(app, beijingQueueRoute, async () => reviewQueue(db, clock.now()));

  registerRoute(app, certificationDecisionRoute, async ({ params, body, principal }) => {
    await decideCertification(services, staffId(principal), params.certificationId, body, clock.now());
    return { ok: true as const };
  });

  registerRoute(app, unbindingDecisionRoute, async ({ params, body, principal }) => {
    await decideUnbinding(services, staffId(principal), params.requestId, body, clock.now());
    return { ok: true as const };
  });

  registerRoute(app, beijingDocumentRoute, async ({ params, reply }) => sendScan(services, reply, await listedScan(db, await listedDocument(db, params.sha256), params.sha256)));
};
