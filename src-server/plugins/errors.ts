/**
 * Every failure leaves as the JSON error body with a stable code. Malformed requests (bad JSON, wrong content
 * type, oversize bodies) are the client's fault and get a 4xx code, never a 500; anything unexpected is logged with
 * its stack and answered with `INTERNAL` and the request id, never the stack.
 */
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import { serverErrors, type ServerErrorCode } from '@shared/errors/server';
import { ApiError, errorBody } from '../http/api-error';
import { globalPlugin } from '../http/global-plugin';
import { conflictOf } from '../http/unique-conflicts';

const FASTIFY_CODES: Record<string, ServerErrorCode> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'MEDIA_TYPE_UNSUPPORTED',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'BODY_MALFORMED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'BODY_MALFORMED',
  FST_ERR_CTP_INVALID_JSON_BODY: 'BODY_MALFORMED',
};

export const errorsPlugin = globalPlugin(async (app) => {
  app.setErrorHandler((err: FastifyError | ApiError, request, reply) => {
    if (err instanceof ApiError) {
      if (err.status >= 500) request.log.error({ err }, 'api error');
      void reply.code(err.status).headers(err.extra.headers ?? {});
      return errorBody(err.code, request.id, err.extra.issues);
    }
    const conflict = conflictOf(err);
    if (conflict) {
      request.log.info({ code: conflict, reason: err.message }, 'concurrent write refused by the database');
      void reply.code(serverErrors[conflict].status);
      return errorBody(conflict, request.id);
    }
    const mapped = FASTIFY_CODES[err.code];
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (mapped || (status >= 400 && status < 500)) {
      const code = mapped ?? 'BODY_MALFORMED';
      request.log.info({ code, reason: err.message }, 'request refused');
      const out = errorBody(code, request.id);
      void reply.code(code === 'BODY_MALFORMED' ? 400 : status);
      return out;
    }
    request.log.error({ err }, 'unhandled error');
    void reply.code(500);
    return errorBody('INTERNAL', request.id);
  });

  app.setNotFoundHandler((request, reply) => {
    void reply.code(404);
    return errorBody('ROUTE_NOT_FOUND', request.id);
  });
}) satisfies FastifyPluginAsync;
