import type { FastifyInstance } from 'fastify';

/**
 * HTTP Strict Transport Security on every answer: once a browser or the console has reached the portal over https,
 * it never tries plain http again for a year, so a network attacker cannot strip TLS from a later visit. Sent
 * always: browsers ignore it on plain-http answers (RFC 6797 §8.1), and behind a TLS-terminating proxy the server
 * itself only ever sees http.
 */
export const HSTS_HEADER = 'max-age=31536000; includeSubDomains';

export function strictTransportSecurity(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply) => {
    void reply.header('strict-transport-security', HSTS_HEADER);
  });
}
