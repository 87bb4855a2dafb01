/**
 * Structured logs (pino through Fastify) with a request id on every line. Secrets never reach a log line: the
 * paths below are censored wherever they appear, and request bodies are not logged at all.
 */
import type { FastifyServerOptions } from 'fastify';

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.initialPassword',
  '*.code',
  '*.answer',
  '*.captcha',
  '*.token',
  '*.pin',
  '*.nonce',
  '*.cms',
  '*.signature',
];

export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    ...(stream ? { stream } : {}),
  };
}
