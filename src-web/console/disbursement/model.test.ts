import { describe, expect, it } from 'vitest';
import { format, type MessageKey } from '../messages';
import { missingLabel } from './model';

const zh = (key: MessageKey, vars?: Record<string, string | number>) => format('zh-CN', key, vars);
const en = (key: MessageKey, vars?: Record<string, string | number>) => format('en', key, vars);

describe('missingLabel', () => {
  it('names what the server says is missing, talents counted from 1', () => {
    expect(missingLabel('employmentCertificate:1', zh)).toBe('人才2的在职证明');
    expect(missingLabel('bankAccount', zh)).toBe('收款账户');
    expect(missingLabel('contact', en)).toBe('contact');
    expect(missingLabel('employmentCertificate:0', en)).toBe('employment certificate of talent 1');
    expect(missingLabel('somethingNew', zh)).toBe('somethingNew');
  });
});
