/**
 * Structured logs (pino through Fastify) with a request id on every line. Secrets never reach a log line: the
 * paths below are censored wherever they appear, request bodies are not logged at all, and one-time tokens in URLs
 * are cut out.
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

/**
 * The phone page's one-time token is a credential in the API paths it calls (`/api/phone/receipt-links/<token>`);
 * the page's own URL keeps it in the fragment, and the logs keep it out too.
 */
export const redactUrl = (url: string) => url.replace(/(\/api\/phone\/receipt-links\/)[^/?#]+/, '$1[redacted]');

interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}

export function loggerOptions(level: string, stream?: NodeJS.WritableStream): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Fastify's request serializer, with the URL's credentials removed.
    serializers: {
      req: (req: LoggedRequest) => ({ method: req.method, url: redactUrl(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort }),
    },
    ...(stream ? { stream } : {}),
  };
}
