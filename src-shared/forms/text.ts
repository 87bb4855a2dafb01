/**
 * A field issue as the clerk reads it, in zh-CN or English, from `validation.<CODE>` with the issue's numbers.
 * Every desk renders issues with this, so one code has one text everywhere.
 */
import { validationEn, validationZhCN } from '../i18n/validation-messages';
import type { FieldIssue } from '../validation/issues';

export type FormLocale = 'zh-CN' | 'en';

const catalogs: Record<FormLocale, Readonly<Record<string, string>>> = { 'zh-CN': validationZhCN, en: validationEn };

/** The text of `issue`; a code this build does not know reads as a format problem rather than a raw code. */
export function issueText(locale: FormLocale, issue: Pick<FieldIssue, 'code' | 'params'>, vars: Readonly<Record<string, string | number>> = {}): string {
  const catalog = catalogs[locale];
  const text = catalog[`validation.${issue.code}`] ?? catalog['validation.FORMAT']!;
  const values = { ...vars, ...issue.params };
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}
