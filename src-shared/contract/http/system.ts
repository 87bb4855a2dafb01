import { z } from 'zod';
import { defineRoute } from './route';

export const healthRoute = defineRoute({
  method: 'GET',
  path: '/api/health',
  operationId: 'health',
  summary: 'Liveness and database check, and whether SMS go to the development outbox (the console then shows a banner)',
  tag: 'system',
  access: { kind: 'public' },
  // The version lets the desktop's self-check say which server it reached; `sms` is the console's development banner.
  response: z.object({
    status: z.literal('ok'),
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
