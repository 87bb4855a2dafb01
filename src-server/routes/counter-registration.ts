/** Counter registration (线下注册) for staff `support` and `admin`: check against the registry, then create. */
import type { FastifyPluginAsync } from 'fastify';
import { counterRegistrationCheckRoute, counterRegistrationCreateRoute } from '@shared/contract/http/counter-registration';
import { assertNotRegistered, createCounterRegistration, registryFindings } from '../domain/counter-registration';
import { ApiError } from '../http/api-error';
import { registerRoute } from '../http/register-route';

export const counterRegistrationRoutes: FastifyPluginAsync = async (app) => {
  const services = app.services;

  registerRoute(app, counterRegistrationCheckRoute, async ({ body }) => {
    await assertNotRegistered(services.db, body.enterprise.uscc);
    return registryFindings(services.db, body);
  });

  registerRoute(app, counterRegistrationCreateRoute, async ({ body, principal, request }) => {
    if (principal.kind !== 'staff') throw new ApiError('FORBIDDEN');
    return createCounterRegistration(services, body, { staffId: principal.id, requestId: request.id, log: request.log });
  });
};
