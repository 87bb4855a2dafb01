/**
 * Field issues: the one shape in which a broken rule travels, whoever found it — a form checking what the clerk
 * types, main checking a client-API call, the server checking a body. Each is the contract path of the field
 * (`enterprise.name`, `talents[1].invoiceNumber`: the same paths reviewers comment on), a stable code, and the
 * numbers the message needs. The message catalogs turn `validation.<CODE>` into zh-CN and English text, so no
 * human text is produced here and no rule is restated anywhere: the codes come from the contract's zod schemas.
 */
import type { z } from 'zod';
import { validationCodeOf } from './zod';

export interface FieldIssue {
  /** The field's contract path: dots between names, `[i]` for array elements; `` for the whole value. */
  path: string;
  /** A stable code: `REQUIRED`, `TOO_LONG`, a validator's (`USCC_CHECK_DIGIT`), a rule's (`DATE_ORDER`)… */
  code: string;
  /** What the message needs: `max`, `min`. */
  params?: Record<string, string | number>;
}

/** The generic codes zod's own checks map to (validators and rules bring their own). */
export const GENERIC_ISSUE_CODES = ['REQUIRED', 'TOO_SHORT', 'TOO_LONG', 'TOO_SMALL', 'TOO_LARGE', 'TOO_FEW', 'TOO_MANY', 'EMAIL_FORMAT', 'DATE_FORMAT', 'MONTH_FORMAT', 'FORMAT', 'CHOICE_INVALID', 'TYPE_INVALID', 'NOT_ALLOWED'] as const;

/**
 * Codes the server's own checks (not a schema) put on a field: a disbursement's talent index, a photo that did not
 * come from the phone link, a scan not uploaded under the registration's token, a signed payload that names another
 * application, enterprise or amount, an approved amount above the requested one, a malformed tus request.
 */
export const SERVER_CHECK_CODES = ['TALENT_NOT_FOUND', 'NOT_A_PHONE_PHOTO', 'NOT_UPLOADED_UNDER_TOKEN', 'APPLICATION_MISMATCH', 'ENTERPRISE_MISMATCH', 'AMOUNT_MISMATCH', 'AMOUNT_ABOVE_REQUESTED', 'TUS_PROTOCOL', 'RENEWAL_NEEDS_CONFIRMATION'] as const;

/** `['talents', 1, 'invoiceNumber']` → `talents[1].invoiceNumber`. */
export function pathString(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** The value at a zod issue's path (zod leaves `input` off its issues unless asked). */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const part of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[part];
  }
  return v;
}

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * One zod issue as a stable code with its numbers. `value` is what was at the issue's path (an empty or missing
 * value is `REQUIRED`, whatever check it failed).
 */
export function issueCode(issue: z.core.$ZodIssue, value: unknown = issue.input): { code: string; params?: Record<string, string | number> } {
  const own = validationCodeOf(issue);
  if (own) return { code: own };
  const empty = blank(value);
  if (empty && issue.code !== 'too_big' && issue.code !== 'custom' && issue.code !== 'unrecognized_keys' && !(issue.code === 'too_small' && issue.origin !== 'string' && issue.origin !== 'array')) return { code: 'REQUIRED' };
  switch (issue.code) {
    case 'invalid_type':
      return { code: 'TYPE_INVALID' };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? { code: 'REQUIRED' } : { code: 'TOO_SHORT', params: { min } };
      if (issue.origin === 'array' || issue.origin === 'set') return min <= 1 ? { code: 'REQUIRED' } : { code: 'TOO_FEW', params: { min } };
      return { code: 'TOO_SMALL', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'TOO_LONG', params: { max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'TOO_MANY', params: { max } };
      return { code: 'TOO_LARGE', params: { max } };
    }
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'EMAIL_FORMAT' };
      if (issue.format === 'date' || issue.format === 'datetime') return { code: 'DATE_FORMAT' };
      return { code: 'FORMAT' };
    case 'invalid_value':
      return { code: 'CHOICE_INVALID' };
    case 'invalid_union': {
      // `'' or an e-mail`: say what the non-empty branch wanted (EMAIL_FORMAT) rather than a bare FORMAT.
      const wanted = issue.errors.flat().find((i) => i.code === 'invalid_format');
      return wanted ? issueCode(wanted, value) : { code: 'FORMAT' };
    }
    case 'unrecognized_keys':
      return { code: 'NOT_ALLOWED' };
    case 'custom':
      return { code: issue.message && /^[A-Z][A-Z0-9_]+$/.test(issue.message) ? issue.message : 'FORMAT' };
    default:
      return { code: 'FORMAT' };
  }
}

/**
 * Every issue of a failed parse of `input`, at most one per path (the first, as zod reports them in field order),
 * each path under `prefix`.
 */
export function fieldIssues(error: z.ZodError, input: unknown, prefix: readonly PropertyKey[] = []): FieldIssue[] {
  const seen = new Set<string>();
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    const path = pathString([...prefix, ...issue.path]);
    if (seen.has(path)) continue;
    seen.add(path);
    const { code, params } = issueCode(issue, issue.input ?? valueAt(input, issue.path));
    out.push(params ? { path, code, params } : { path, code });
  }
  return out;
}

/** The issues under `prefix` (e.g. `body.payload`), with the prefix cut off: server issues onto a form's paths. */
export function issuesUnder(issues: readonly FieldIssue[], prefix: string): FieldIssue[] {
  if (!prefix) return [...issues];
  return issues.flatMap((i) => (i.path === prefix ? [{ ...i, path: '' }] : i.path.startsWith(`${prefix}.`) || i.path.startsWith(`${prefix}[`) ? [{ ...i, path: i.path.slice(prefix.length).replace(/^\./, '') }] : []));
}
