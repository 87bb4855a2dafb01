import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldIssues, issuesUnder, pathString } from './issues';
import { mobileSchema, usccSchema } from './zod';

describe('field issues from the contract schemas', () => {
  const schema = z.object({
    name: z.string().trim().min(2).max(5),
    short: z.string().trim().min(1),
    email: z.email(),
    uscc: usccSchema,
    people: z.array(z.object({ mobile: mobileSchema, date: z.iso.date(), kind: z.enum(['a', 'b']) })).min(1),
  });

  it('gives each broken field a stable code and the numbers its message needs', () => {
    const input = { name: 'x', short: '  ', email: 'no', uscc: '91320594MA1234567X', people: [{ mobile: '123', date: '', kind: '' }] };
    const r = schema.safeParse(input);
    expect(r.success).toBe(false);
    const issues = fieldIssues(r.error!, input);
    expect(issues).toEqual([
      { path: 'name', code: 'TOO_SHORT', params: { min: 2 } },
      { path: 'short', code: 'REQUIRED' },
      { path: 'email', code: 'EMAIL_FORMAT' },
      { path: 'uscc', code: expect.stringMatching(/^USCC_/) },
      { path: 'people[0].mobile', code: 'MOBILE_FORMAT' },
      { path: 'people[0].date', code: 'REQUIRED' },
      { path: 'people[0].kind', code: 'REQUIRED' },
    ]);
  });

  it('says too long with the maximum, missing fields as required, and an empty list as required', () => {
    const input = { name: 'abcdefg', email: 'a@b.cn', uscc: '', people: [], extra: 1 };
    const r = schema.strict().safeParse(input);
    const issues = fieldIssues(r.error!, input);
    expect(issues).toContainEqual({ path: '', code: 'NOT_ALLOWED' });
    expect(issues).toContainEqual({ path: 'uscc', code: expect.stringMatching(/^USCC_/) });
    expect(issues).toContainEqual({ path: 'name', code: 'TOO_LONG', params: { max: 5 } });
    expect(issues).toContainEqual({ path: 'short', code: 'REQUIRED' });
    expect(issues).toContainEqual({ path: 'people', code: 'REQUIRED' });
  });

  it('tells a wrong value from a missing one', () => {
    const s = z.object({ when: z.iso.date(), kind: z.enum(['a', 'b']), n: z.number().int().max(3) });
    const input = { when: '2026-13-45', kind: 'c', n: '1' };
    expect(fieldIssues(s.safeParse(input).error!, input)).toEqual([
      { path: 'when', code: 'DATE_FORMAT' },
      { path: 'kind', code: 'CHOICE_INVALID' },
      { path: 'n', code: 'TYPE_INVALID' },
    ]);
  });

  it('writes paths as reviewers and forms name them, and maps server paths onto a form', () => {
    expect(pathString(['talents', 1, 'headhunter', 'uscc'])).toBe('talents[1].headhunter.uscc');
    const server = [
      { path: 'body.payload.enterprise.name', code: 'TOO_SHORT', params: { min: 2 } },
      { path: 'body.payload', code: 'X' },
      { path: 'body.payloadx', code: 'Y' },
      { path: 'query.item', code: 'CHOICE_INVALID' },
    ];
    expect(issuesUnder(server, 'body.payload')).toEqual([
      { path: 'enterprise.name', code: 'TOO_SHORT', params: { min: 2 } },
      { path: '', code: 'X' },
    ]);
  });
});
