import { z } from 'zod';
import { defineRoute } from './route';

export const healthRoute = defineRoute({
  method: 'GET',
  path: '/api/health',
  operationId: 'health',
  summary:
    'Whether the database and the file store answer (503 and status `unavailable` when one does not: a balancer takes this server out), and whether SMS go to the development outbox (the console then shows a banner)',
  tag: 'system',
  access: { kind: 'public' },
  // The version lets the desktop's self-check say which server it reached; `sms` is the console's development banner.
  // Nothing else: no engine version, paths or error texts (what failed goes to the server's log).
  response: z.object({
    status: z.enum(['ok', 'unavailable']),
    checks: z.object({ database: z.enum(['ok', 'failing']), files: z.enum(['ok', 'failing']) }).optional(),
    database: z.enum(['sqlite', 'postgres']),
    version: z.string().max(64).optional(),
    sms: z.enum(['development-outbox', 'http']).optional(),
    /** beijing: which portal this server is (the console shows that portal's desks). */
    portal: z.enum(['sip', 'beijing-sme']).optional(),
  }),
});

export const openApiRoute = defineRoute({
  method: 'GET',
  path: '/api/openapi.json',
  operationId: 'openApi',
  summary: 'This OpenAPI 3.1 document',
  tag: 'system',
  access: { kind: 'public' },
  response: z.record(z.string(), z.unknown()),
});
