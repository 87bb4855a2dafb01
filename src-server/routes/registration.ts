/** CA registration: signed submit, SMS code resend and confirmation (the scans: routes/tus-uploads.ts). */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import {
  registrationConfirmRoute,
  registrationKeyCheckRoute,
  registrationResendRoute,
  registrationSubmitRoute,
} from '@shared/contract/http/registration';
import { confirmRegistration, resendRegistrationCode, submitRegistration } from '../domain/registration';
import { checkRegistrationKey } from '../domain/registration-key-check';
import { ApiError } from '../http/api-error';
import { FixedWindowLimiter, limitByAddress, SharedWindowLimiter } from '../http/rate-limit';
import { registerRoute } from '../http/register-route';

/** A clerk checks a key a few times at most (again after a restart, another CA); more is someone probing. */
export const KEY_CHECKS_PER_KEY_HOUR = 10;

export const registrationRoutes: FastifyPluginAsync = async (app) => {
  const services = app.services;
  const hour = 3600_000;
  const submits = new FixedWindowLimiter(services.config.anonymousLimits.submitsPerHour, hour);
  const limit = (limiter: FixedWindowLimiter, request: FastifyRequest) => {
    const wait = limiter.hit(request.ip, services.clock.now().getTime());
    if (wait > 0) throw new ApiError('RATE_LIMITED', { headers: { 'retry-after': String(wait) } });
  };

  // Scans come over tus (routes/tus-uploads.ts) under the attempt's upload token, which the submit presents.
  registerRoute(app, registrationSubmitRoute, async ({ body, request }) => {
    limit(submits, request);
    const raw = (request.body as { payload?: unknown }).payload;
    return submitRegistration(services, body, raw, services.clock.now(), request.id);
  });

  // Step 2's "already registered?" (issue 21 item 1): per address like a submit, and per key, so one key cannot
  // be used to spin the check (each try also spends a CA nonce).
  // Counted across every server process (issue 20): a probe would otherwise get N times the tries behind N servers.
  const keyChecks = new SharedWindowLimiter(services.db, 'key-check', services.config.anonymousLimits.submitsPerHour, hour);
  const keyChecksPerKey = new SharedWindowLimiter(services.db, 'key-check.key', KEY_CHECKS_PER_KEY_HOUR, hour);
  registerRoute(app, registrationKeyCheckRoute, async ({ body, request }) => {
    await limitByAddress(keyChecks, request, services.clock.now());
    const wait = await keyChecksPerKey.hit(createHash('sha256').update(body.token.unverifiedCertificate).digest('hex'), services.clock.now().getTime());
    if (wait > 0) throw new ApiError('RATE_LIMITED', { headers: { 'retry-after': String(wait) } });
    return checkRegistrationKey(services, body, services.clock.now());
  });

  registerRoute(app, registrationResendRoute, async ({ params, request }) =>
    resendRegistrationCode(services, params.registrationId, services.clock.now(), request.id),
  );

  registerRoute(app, registrationConfirmRoute, async ({ params, body, request }) =>
    confirmRegistration(
      services,
      { registrationId: params.registrationId, code: body.code },
      { now: services.clock.now(), requestId: request.id, log: request.log },
    ),
  );
};
