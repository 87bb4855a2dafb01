import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { accountCreateBodySchema } from '../contract/http/enterprise';
import { registrationFormPartSchema } from '../contract/http/registration';
import { subsidyContactSchema, subsidyFormSchema } from '../contract/http/subsidy';
import { VALIDATION_CODES, validationEn, validationZhCN } from '../i18n/validation-messages';
import { checkForm, contractRule, issueText, namePath, shownIssues, withoutPath } from './index';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the validation catalog', () => {
  it('has a zh-CN and an English text for every code a schema, validator, rule or desk can report', () => {
    for (const code of VALIDATION_CODES) {
      const key = `validation.${code}` as keyof typeof validationZhCN;
      expect(validationZhCN[key], code).toMatch(/\S/);
      expect(validationEn[key], code).toMatch(/\S/);
      expect(placeholders(validationEn[key]), code).toEqual(placeholders(validationZhCN[key]));
      expect(validationEn[key], code).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('knows every code the contract schemas report for bad input', () => {
    const bad = [undefined, null, '', ' ', 'x', 'x'.repeat(300), -1, 1e15, 1.5, true, [], {}, { name: 'x' }];
    const schemas: z.ZodType[] = [subsidyFormSchema, registrationFormPartSchema, subsidyContactSchema, accountCreateBodySchema];
    const known = new Set<string>(VALIDATION_CODES);
    for (const schema of schemas) {
      for (const value of bad) {
        for (const issue of checkForm(schema, { contact: value, talents: [value], attachments: value, enterprise: value, administrator: value, name: value, mobile: value, email: value }).issues) {
          expect(known.has(issue.code), `${issue.path}: ${issue.code}`).toBe(true);
        }
      }
    }
  });

  it('gives a refused username its own code, for the desk, main and the server alike', () => {
    expect(checkForm(accountCreateBodySchema, { username: 'a b', role: 'handler', displayName: '王五', mobile: '13800001111' }).issues).toEqual([{ path: 'username', code: 'USERNAME_FORMAT' }]);
  });

  it('fills the numbers an issue carries', () => {
    expect(issueText('zh-CN', { code: 'TOO_SHORT', params: { min: 2 } })).toBe('至少 2 个字');
    expect(issueText('en', { code: 'TOO_LONG', params: { max: 50 } })).toBe('At most 50 characters');
    expect(issueText('en', { code: 'BANK_ACCOUNT_NAME_MISMATCH', params: { name: 'ACME' } })).toBe('The account name must be the enterprise name: ACME');
    expect(issueText('en', { code: 'NO_SUCH_CODE' })).toBe('The format is not valid');
  });
});

describe('showing issues', () => {
  const issues = [
    { path: 'contact.name', code: 'REQUIRED' },
    { path: 'talents[0].headhunter.uscc', code: 'USCC_LENGTH' },
  ];

  it('shows touched fields as the clerk types, all on submit, and the server’s always', () => {
    expect(shownIssues(issues, { touched: new Set(), submitted: false })).toEqual([]);
    expect(shownIssues(issues, { touched: new Set(['talents[0].headhunter']), submitted: false })).toEqual([issues[1]]);
    expect(shownIssues(issues, { touched: new Set(), submitted: true })).toEqual(issues);
    const server = [{ path: 'contact.name', code: 'TOO_SHORT', params: { min: 2 } }];
    expect(shownIssues(issues, { touched: new Set(), submitted: true, server })).toEqual([server[0], issues[1]]);
    expect(withoutPath(server, 'contact.name')).toEqual([]);
  });

  it('gives form libraries a rule per field and name paths for the server’s issues', async () => {
    const schema = z.object({ start: z.iso.date(), end: z.iso.date() }).refine((v) => v.end >= v.start, { path: ['end'], params: { code: 'DATE_ORDER' } });
    const values = { start: '2026-05-02', end: '2026-05-01' };
    const rule = contractRule((v: unknown) => checkForm(schema, v).issues, 'end', 'en')({ getFieldsValue: () => values });
    await expect(rule.validator(null, values.end)).rejects.toThrow('The end date cannot be before the start date');
    await expect(contractRule((v: unknown) => checkForm(schema, v).issues, 'start', 'en')({ getFieldsValue: () => values }).validator(null, '')).resolves.toBeUndefined();
    expect(namePath('talents[1].invoiceNumber')).toEqual(['talents', 1, 'invoiceNumber']);
  });
});
