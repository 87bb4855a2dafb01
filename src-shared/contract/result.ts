import type { z } from 'zod';
import { fieldIssues, type FieldIssue } from '../validation/issues';

/**
 * Every client-API call resolves to a Result instead of throwing across a process boundary
 * (IPC, WebSocket RPC): errors keep their stable code, and the UI decides what to show.
 */
export interface AppError {
  /** Stable, documented code, e.g. `PIN_INCORRECT`. Never a raw PKCS#11 or HTTP detail. */
  code: string;
  /** Whether trying again may succeed without the user changing anything (key re-inserted, timeout). */
  retriable: boolean;
  /** Machine-readable details a screen may use (tries left, field name); never a secret. */
  details?: Record<string, string | number | boolean>;
  /** The server's request id, when the server answered: what a clerk quotes to support. */
  requestId?: string;
  /** Broken field rules by contract path (a refused body, an invalid call), for the form to show beside each field. */
  issues?: FieldIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: string, retriable = false, details?: AppError['details']): Result<never> => ({
  ok: false,
  error: details ? { code, retriable, details } : { code, retriable },
});

/** INPUT_INVALID with every broken rule of `input` by its contract path (`prefix` first), for a form to show. */
export const inputInvalid = (error: z.ZodError, input: unknown, prefix: readonly PropertyKey[] = []): Result<never> => ({
  ok: false,
  error: { code: 'INPUT_INVALID', retriable: false, issues: fieldIssues(error, input, prefix) },
});
