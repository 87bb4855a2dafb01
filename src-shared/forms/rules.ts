/**
 * For form libraries that validate through rule objects (antd's `Form.Item rules`, on the desktop and the console):
 * a rule that asks the contract about the whole form and reports the issue at one field. The library then does the
 * showing (after the field changed, all on submit); cross-field rules (an end date before its start) land on the
 * field the contract names. Typed structurally, so this module needs no UI library.
 */
import type { FieldIssue } from '../validation/issues';
import { issueAt } from './check';
import { issueText, type FormLocale } from './text';

export interface ValuesSource {
  getFieldsValue(all: true): unknown;
}

export type ContractRule = (form: ValuesSource) => { validator(rule: unknown, value: unknown): Promise<void> };

/** A rule for the field at `path`: `issuesOf` checks the form's values (with the contract schema) and gives its issues. */
export function contractRule(issuesOf: (values: never) => readonly FieldIssue[], path: string, locale: FormLocale, vars?: Readonly<Record<string, string | number>>): ContractRule {
  return (form) => ({
    validator: async () => {
      const issue = issueAt(issuesOf(form.getFieldsValue(true) as never), path);
      if (issue) throw new Error(issueText(locale, issue, vars));
    },
  });
}

/** `talents[1].invoiceNumber` → `['talents', 1, 'invoiceNumber']`: a contract path as a form library's name path. */
export function namePath(path: string): (string | number)[] {
  return path === '' ? [] : path.split(/\.|(?=\[)/).map((part) => (part.startsWith('[') ? Number(part.slice(1, -1)) : part));
}

/** The server's issues as a form library's field errors (`form.setFields(...)`). */
export function fieldErrors(issues: readonly FieldIssue[], locale: FormLocale): { name: (string | number)[]; errors: string[] }[] {
  return issues.map((i) => ({ name: namePath(i.path), errors: [issueText(locale, i)] }));
}
