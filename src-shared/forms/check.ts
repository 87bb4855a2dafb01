/**
 * The form layer every desk uses (desktop, console, phone): a form value is checked with the contract's own zod
 * schema, so a form says "ok" exactly when the server would accept the same value, and each broken rule comes back
 * as a {@link FieldIssue} at the field's contract path. Desks only decide which issues to show (touched fields as
 * the clerk types, all on submit, the server's always) and render them with `issueText`.
 */
import type { z } from 'zod';
import { fieldIssues, type FieldIssue } from '../validation/issues';

export type FormCheck<T> = { ok: true; value: T; issues: readonly [] } | { ok: false; issues: FieldIssue[] };

/** `value` checked by `schema`: the schema's output (trimmed, normalised) or its issues under `prefix`. */
export function checkForm<S extends z.ZodType>(schema: S, value: unknown, prefix: readonly PropertyKey[] = []): FormCheck<z.output<S>> {
  const parsed = schema.safeParse(value);
  return parsed.success ? { ok: true, value: parsed.data, issues: [] } : { ok: false, issues: fieldIssues(parsed.error, value, prefix) };
}

/**
 * One issue per path, the earlier list winning: what the desk found parsing the typed text (an amount that is not a
 * number) says more than the schema's complaint about the placeholder put there instead.
 */
export function firstPerPath(...lists: readonly (readonly FieldIssue[])[]): FieldIssue[] {
  const seen = new Set<string>();
  return lists.flat().filter((i) => !seen.has(i.path) && (seen.add(i.path), true));
}

export type IssuesByPath = Readonly<Record<string, FieldIssue>>;

export function byPath(issues: readonly FieldIssue[]): IssuesByPath {
  const out: Record<string, FieldIssue> = {};
  for (const issue of firstPerPath(issues)) out[issue.path] = issue;
  return out;
}

/** `talents[0].headhunter.name` is under `talents[0].headhunter` and under itself. */
export function isUnder(path: string, parent: string): boolean {
  return path === parent || path.startsWith(`${parent}.`) || path.startsWith(`${parent}[`);
}

/** The issue at `path`, or the first one under it (a group of fields shown as one). */
export function issueAt(issues: readonly FieldIssue[], path: string): FieldIssue | undefined {
  return issues.find((i) => i.path === path) ?? issues.find((i) => isUnder(i.path, path));
}

/**
 * What the clerk sees: the issues of the fields touched so far (all once a submit was tried), and the server's
 * refusals, which stay beside their fields until the clerk changes them.
 */
export function shownIssues(local: readonly FieldIssue[], seen: { touched: ReadonlySet<string>; submitted: boolean; server?: readonly FieldIssue[] }): FieldIssue[] {
  const mine = seen.submitted ? local : local.filter((i) => [...seen.touched].some((t) => isUnder(i.path, t)));
  return firstPerPath(seen.server ?? [], mine);
}

/** The server's issues once the clerk changed the field at `path` (the refusal no longer speaks for the value). */
export function withoutPath(issues: readonly FieldIssue[], path: string): FieldIssue[] {
  return issues.filter((i) => !isUnder(i.path, path) && !isUnder(path, i.path));
}
