import type { FieldIssue } from '@shared/validation/issues';
import { serverErrors, type ServerErrorCode } from '@shared/errors/server';

/** A field issue (src-shared/validation/issues.ts): the path is prefixed with where it was found (`body.`, `query.`). */
export type ApiIssue = FieldIssue;

/**
 * The one error type route handlers and services throw: a stable code from `src-shared/errors/server.ts`. The
 * error handler turns it into the JSON error body; anything else becomes `INTERNAL` and is logged.
 */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly status: number;

  constructor(
    readonly code: ServerErrorCode,
    readonly extra: { issues?: ApiIssue[]; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(code, extra.cause === undefined ? undefined : { cause: extra.cause });
    this.status = serverErrors[code].status;
  }
}

export function errorBody(code: ServerErrorCode, requestId?: string, issues?: ApiIssue[]) {
  const def = serverErrors[code];
  return {
    error: {
      code,
      message: def.message,
      retriable: def.retriable,
      ...('hint' in def ? { hint: def.hint } : {}),
      ...(issues?.length ? { issues } : {}),
      ...(requestId ? { requestId } : {}),
    },
  };
}
