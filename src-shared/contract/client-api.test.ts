import { describe, expect, it } from 'vitest';
import { clientMethods, methodSchema } from './client-api';
import { buildClientApi, CLIENT_METHOD_NAMES } from './client-api-build';
import { validationCodeOf } from '../validation/zod';

describe('client API shape', () => {
  it('names exactly the methods the contract declares', () => {
    const declared = Object.fromEntries(Object.entries(clientMethods).map(([f, m]) => [f, Object.keys(m)]));
    expect(CLIENT_METHOD_NAMES).toEqual(declared);
  });

  it('builds window.tongban that forwards feature.method and input to the transport', async () => {
    const seen: Array<[string, unknown]> = [];
    const api = buildClientApi({
      invoke: async (method, input) => {
        seen.push([method, input]);
        return { ok: true, value: null };
      },
      subscribe: () => () => {},
    });
    await api.auth.login({ enterprise: 'e', username: 'u', password: 'p', captchaId: 'c', captchaAnswer: 'a' });
    await api.app.info();
    expect(seen).toEqual([
      ['auth.login', { enterprise: 'e', username: 'u', password: 'p', captchaId: 'c', captchaAnswer: 'a' }],
      ['app.info', {}],
    ]);
    expect(Object.isFrozen(api) && Object.isFrozen(api.auth)).toBe(true);
  });

  it('knows no method outside the contract, including prototype names', () => {
    expect(methodSchema('auth.login')).toBeDefined();
    expect(methodSchema('auth.toString')).toBeUndefined();
    expect(methodSchema('constructor.name')).toBeUndefined();
    expect(methodSchema('auth')).toBeUndefined();
    expect(methodSchema('auth.login.x')).toBeUndefined();
  });
});

describe('disbursement inputs', () => {
  const codes = (method: string, input: unknown) => {
    const r = methodSchema(method)!.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${validationCodeOf(i) ?? i.code}`);
  };
  const account = { bankName: '中国工商银行', accountName: '苏州星河智能科技有限公司', accountNumber: '6222 0212 3456 7890' };

  it('refuses a bank account with the stable codes a form shows beside its fields', () => {
    expect(codes('disbursement.createBankAccount', account)).toEqual([]);
    expect(codes('disbursement.createBankAccount', { ...account, accountNumber: '1234567' })).toEqual(['accountNumber:BANK_ACCOUNT_NUMBER_INVALID']);
    expect(codes('disbursement.createBankAccount', { ...account, accountNumber: '1'.repeat(33) })).toEqual(['accountNumber:BANK_ACCOUNT_NUMBER_INVALID']);
    expect(codes('disbursement.updateBankAccount', { bankAccountId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f', account: { ...account, cnapsCode: '10230500' } })).toEqual([
      'account.cnapsCode:CNAPS_INVALID',
    ]);
    expect(codes('disbursement.createContact', { name: '李四', mobile: '13800001111', phone: '0512-abc' })).toEqual(['phone:PHONE_INVALID']);
    expect(codes('disbursement.createContact', { name: '李四', mobile: '2380000111' })).toEqual(['mobile:MOBILE_FORMAT']);
  });

  it('takes uploads only for the flows that have them and within the size limit, and only the two receipt sources', () => {
    const upload = { uploadId: '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f', requirement: 'receipt', slot: 'disb-receipt-file', fileName: 'a.pdf', size: 1000 };
    expect(codes('uploads.start', { ...upload, purpose: 'disbursement' })).toEqual([]);
    expect(codes('uploads.start', { ...upload, purpose: 'constructionFiling' })).toEqual([]);
    expect(codes('uploads.start', { ...upload, purpose: 'payroll' })).not.toEqual([]);
    expect(codes('uploads.start', { ...upload, purpose: 'subsidy', size: 25 * 1024 * 1024 + 1 })).not.toEqual([]);
    const sha256 = 'a'.repeat(64);
    const applicationId = '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f';
    expect(codes('disbursement.submitReceipt', { applicationId, sha256, source: 'phone' })).toEqual([]);
    expect(codes('disbursement.submitReceipt', { applicationId, sha256, source: 'fax' })).not.toEqual([]);
  });
});
