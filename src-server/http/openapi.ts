/**
 * The OpenAPI 3.1 document, generated from the same contract the routes are registered from, so it cannot drift
 * from what the server accepts. Security is declared per operation: public routes have `security: []`.
 */
import { z } from 'zod';
import { errorBodySchema, type HttpRoute } from '@shared/contract/http/route';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });

function parameters(route: HttpRoute) {
  const out: object[] = [];
  for (const [where, schema] of [
    ['path', route.params],
    ['query', route.query],
  ] as const) {
    if (!schema) continue;
    for (const [name, field] of Object.entries(schema.shape)) {
      out.push({
        name,
        in: where,
        required: where === 'path' || !(field as z.ZodType).safeParse(undefined).success,
        schema: jsonSchema(field as z.ZodType, 'input'),
      });
    }
  }
  return out;
}

function security(route: HttpRoute) {
  switch (route.access.kind) {
    case 'public':
      return [];
    case 'account':
      return [{ accountSession: [] }];
    case 'staff':
      return [{ staffSession: [] }];
    case 'uploader':
      return [{ accountSession: [] }, { registrationUploadToken: [] }];
    case 'legacy':
      return [{ legacySession: [] }];
    case 'platform':
      return [{ platformSession: [] }];
    default:
      return [{ accountSession: [] }, { staffSession: [] }];
  }
}

export function openApiDocument(routes: readonly HttpRoute[], version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorResponse = { description: 'Error', content: { 'application/json': { schema: jsonSchema(errorBodySchema, 'output') } } };
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const op: Record<string, unknown> = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      security: security(route),
      'x-tongban-access': route.access,
      parameters: parameters(route),
      responses: {
        '200': route.response
          ? { description: 'OK', content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } }
          : { description: 'OK', content: { [route.responseMediaType ?? 'application/octet-stream']: {} } },
        '4XX': errorResponse,
        '5XX': errorResponse,
      },
    };
    if (route.body) {
      op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } };
    } else if (route.rawBody) {
      op.requestBody = {
        required: true,
        content: Object.fromEntries(route.rawBody.mediaTypes.map((t) => [t, { schema: { type: 'string', format: 'binary', maxLength: route.rawBody!.maxBytes } }])),
      };
    }
    (paths[path] ??= {})[route.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Tongban platform API', version },
    components: {
      securitySchemes: {
        accountSession: { type: 'http', scheme: 'bearer', description: 'Enterprise account session token' },
        legacySession: { type: 'http', scheme: 'bearer', description: 'Legacy hub account session token (history and upgrade only)' },
        platformSession: { type: 'http', scheme: 'bearer', description: 'Beijing SME platform account session token (that portal\u2019s routes only)' },
        staffSession: { type: 'http', scheme: 'bearer', description: 'Portal staff session token' },
        registrationUploadToken: { type: 'apiKey', in: 'header', name: 'Upload-Token', description: 'A registration attempt\u2019s upload token' },
      },
    },
    paths,
  };
}
