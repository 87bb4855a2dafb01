/**
 * How an HTTP route is declared once for both sides (DESIGN.md decision 1): method, path, who may call it, and
 * zod schemas of its parameters, body and answer. The server validates with these schemas and generates its
 * OpenAPI document from them; the client types its calls by them.
 */
import { z } from 'zod';

export const accountRoleSchema = z.enum(['super', 'admin', 'handler']);
export type AccountRole = z.infer<typeof accountRoleSchema>;

/** Portal staff roles; what each may do is `staffDuties` (staff-duties.ts), the one table every route reads. */
export const staffRoleSchema = z.enum(['reviewer', 'finance', 'counter', 'support', 'admin']);
export type StaffRole = z.infer<typeof staffRoleSchema>;

/** Service items (事项) a handler may be granted; `super` and `admin` hold them all. */
export const serviceItemSchema = z.enum(['subsidy', 'disbursement', 'constructionFiling']);
export type ServiceItem = z.infer<typeof serviceItemSchema>;

/**
 * Who may call a route.
 * - `public`: anyone (rate-limited where it matters).
 * - `account`: an enterprise account's session. When the path has `:enterpriseId` the session's enterprise must be
 *   that one; `roles` narrows further; `item` means a handler needs the permission named by the `item` query
 *   parameter. `allowPasswordChangePending` lets a session that still has to change its initial password through.
 * - `staff`: a portal staff session, optionally only some staff roles.
 * - `enterpriseOrStaff`: an account of the enterprise in the path, or any staff member (`allowPasswordChangePending`
 *   as for `account`).
 * - `session`: any signed-in session, account or staff (logout).
 * - `uploader`: an enterprise account's session, or without one a registration upload token (the `Upload-Token`
 *   header); the upload routes check the token and the service item in the upload's metadata themselves.
 * - `legacy`: a legacy hub account's session (企服平台账号, legacy.ts). Such a session reaches only these routes
 *   and logout; everything else refuses it with `LEGACY_SESSION_RESTRICTED`.
 * - `platform`: a Beijing SME platform account's session (beijing.ts); such a session reaches only these routes and
 *   logout, and these routes refuse every other session.
 */
export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'account'; roles?: readonly AccountRole[]; item?: boolean; allowPasswordChangePending?: boolean }
  | { kind: 'staff'; roles?: readonly StaffRole[]; allowPasswordChangePending?: boolean }
  | { kind: 'enterpriseOrStaff'; allowPasswordChangePending?: boolean }
  | { kind: 'session' }
  | { kind: 'uploader' }
  | { kind: 'legacy' }
  // beijing (issue 16): a Beijing SME platform account's session; it reaches only these routes and logout.
  | { kind: 'platform' };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'HEAD' | 'PATCH';

export interface HttpRoute {
  method: HttpMethod;
  /** Fastify-style path, e.g. `/api/enterprises/:enterpriseId`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  access: RouteAccess;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** JSON body; absent for routes without one. */
  body?: z.ZodType;
  /** The body is a raw byte stream (file upload) rather than JSON. */
  rawBody?: { mediaTypes: readonly string[]; maxBytes: number };
  /** JSON answer; absent when the answer is a byte stream (file download, image). */
  response?: z.ZodType;
  /** Media type of a non-JSON answer. */
  responseMediaType?: string;
}

/** Keeps the literal types of a route declaration while checking it against {@link HttpRoute}. */
export const defineRoute = <const R extends HttpRoute>(route: R): R => route;

const localizedTextSchema = z.object({ 'zh-CN': z.string(), en: z.string() });

/** The body of every error answer. `code` is one of `src-shared/errors/server.ts`. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: localizedTextSchema,
    hint: localizedTextSchema.optional(),
    /** Whether trying again unchanged may succeed (rate limit, lockout, a fresh CA challenge, a server fault). */
    retriable: z.boolean(),
    /** Field-level problems for `BODY_INVALID`: path and the validator's stable code. */
    issues: z.array(z.object({ path: z.string(), code: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])).optional() })).optional(),
    requestId: z.string().optional(),
  }),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

export const uuidSchema = z.uuid();
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);
export const enterpriseParamsSchema = z.object({ enterpriseId: uuidSchema });
