/** Staff console: login, password, registry import, staff accounts, the development SMS outbox. */
import type { FastifyPluginAsync } from 'fastify';
import { staffChangePasswordRoute, staffLoginRoute } from '@shared/contract/http/auth';
import { createStaffRoute, importRegistryRoute, smsOutboxRoute, staffResetAdminRoute } from '@shared/contract/http/staff';
import { consumeCaptcha } from '../captcha/store';
import { checkPassword } from '../domain/login';
import { staffSubject } from '../domain/login-throttle';
import { changePassword } from '../domain/password-change';
import { passwordMeetsPolicy } from '../domain/password-policy';
import { findEnterpriseAccount, resetPassword } from '../domain/password-reset';
import { importRegistry } from '../domain/registry';
import { createSession } from '../domain/sessions';
import { createStaffAccount } from '../domain/staff';
import { ApiError } from '../http/api-error';
import { maskSmsSecrets } from '../notifications/sms';
import { registerRoute } from '../http/register-route';

export const staffRoutes: FastifyPluginAsync = async (app) => {
  const { db, clock, sms, principals } = app.services;

  registerRoute(app, staffLoginRoute, async ({ body, request }) => {
    const now = clock.now();
    await consumeCaptcha(db, body.captcha, now);
    const row = await db.selectFrom('staff_accounts').selectAll().where('username', '=', body.username).executeTakeFirst();
    const staff = await checkPassword(db, row, { password: body.password, ip: request.ip, now }, staffSubject(body.username));
    request.log.info({ staffId: staff.id }, 'staff login');
    const session = await createSession(db, { type: 'staff', id: staff.id }, now);
    return {
      ...session,
      mustChangePassword: staff.must_change_password === 1,
      staff: { id: staff.id, username: staff.username, role: staff.role },
    };
  });

  registerRoute(app, staffChangePasswordRoute, async ({ body, principal, request }) => {
    if (principal.kind !== 'staff') throw new ApiError('FORBIDDEN');
    const session = await changePassword(
      db,
      { type: 'staff', id: principal.id, username: principal.username, enterpriseId: null },
      body,
      clock.now(),
      request.id,
    );
    principals.clear();
    return { ...session, mustChangePassword: false, staff: { id: principal.id, username: principal.username, role: principal.role } };
  });

  registerRoute(app, importRegistryRoute, async ({ body, principal, request }) =>
    importRegistry(db, body.csv, { type: 'staff', id: principal.kind === 'staff' ? principal.id : null }, clock.now(), request.id),
  );

  registerRoute(app, createStaffRoute, async ({ body, principal, request }) => {
    if (!passwordMeetsPolicy(body.initialPassword, body.username)) throw new ApiError('PASSWORD_POLICY');
    const row = await createStaffAccount(
      db,
      { username: body.username, role: body.role, password: body.initialPassword },
      { type: 'staff', id: principal.kind === 'staff' ? principal.id : null },
      clock.now(),
      request.id,
    );
    return { id: row.id, username: row.username, role: row.role };
  });

  registerRoute(app, smsOutboxRoute, async ({ query }) => {
    if (sms.kind !== 'development-outbox') throw new ApiError('OUTBOX_DISABLED');
    let q = db.selectFrom('sms_outbox').selectAll().orderBy('created_at', 'desc').limit(query.limit);
    if (query.mobile) q = q.where('mobile', '=', query.mobile);
    const rows = await q.execute();
    return { messages: rows.map((r) => ({ id: r.id, mobile: r.mobile, text: maskSmsSecrets(r.text), createdAt: r.created_at })) };
  });

  registerRoute(app, staffResetAdminRoute, async ({ params, principal, request }) => {
    const admin = await findEnterpriseAccount(db, params.enterpriseId, { username: 'admin' });
    return resetPassword(app.services, admin, admin.mobile, {
      actor: { type: 'staff', id: principal.kind === 'staff' ? principal.id : null },
      now: clock.now(),
      requestId: request.id,
    });
  });
};
