import { describe, expect, it } from 'vitest';
import { maskIdNumber, missingOf, receiptNumberOf } from './disbursement';
import { normaliseName } from './payees';

describe('disbursement rules', () => {
  it('numbers receipts per China calendar year (src-shared/time/china.ts)', () => {
    expect(receiptNumberOf(2026, 1)).toBe('TB2026000001');
    expect(receiptNumberOf(2027, 123456)).toBe('TB2027123456');
  });

  it('masks ID numbers to their first 3 and last 4 characters', () => {
    expect(maskIdNumber('32050119920501123X')).toBe('320***********123X');
    expect(maskIdNumber('E12345678')).toBe('E12**5678');
    expect(maskIdNumber('ABC123')).toBe('******');
  });

  it('lists what is missing in the order the enterprise does it', () => {
    expect(missingOf(3, new Map([[1, {}]]), { bank_account_json: null, contact_json: null })).toEqual(['employmentCertificate:0', 'employmentCertificate:2', 'bankAccount', 'contact']);
    expect(missingOf(1, new Map([[0, {}]]), { bank_account_json: '{}', contact_json: '{}' })).toEqual([]);
  });

  it('takes ASCII brackets and spaces in an account name as the registered name', () => {
    expect(normaliseName('苏州某某(中国)有限公司 ')).toBe(normaliseName('苏州某某（中国）有限公司'));
    expect(normaliseName('苏州某某有限公司')).not.toBe(normaliseName('苏州某某科技有限公司'));
  });
});
