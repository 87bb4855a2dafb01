import { describe, expect, it, vi } from 'vitest';
import type { AppError } from '@shared/contract/result';
import {
  checkBankAccount,
  checkContact,
  countdown,
  emptyBankAccount,
  fieldOfError,
  groupDigits,
  missingItems,
  pollReceiptLink,
  secondsLeft,
  stageOf,
  type LinkState,
} from './disbursement-logic';

const ENTERPRISE = '苏州星河智能科技有限公司';
const talents = [
  { index: 0, name: '陈七', idNumberMasked: '110***002X', position: '算法工程师', employmentCertificate: null },
  { index: 1, name: 'John Smith', idNumberMasked: 'E12***5678', position: '架构师', employmentCertificate: null },
];

describe('what is missing before the receipt', () => {
  it('names the talent whose certificate is missing, then the bank account and contact', () => {
    expect(missingItems({ talents, missing: ['employmentCertificate:1', 'bankAccount', 'contact'] })).toEqual([
      { kind: 'employmentCertificate', index: 1, name: 'John Smith' },
      { kind: 'bankAccount' },
      { kind: 'contact' },
    ]);
    expect(missingItems({ talents, missing: [] })).toEqual([]);
    // An entry this client does not know yet is still shown, not dropped.
    expect(missingItems({ talents, missing: ['somethingNew'] })).toEqual([{ kind: 'other', what: 'somethingNew' }]);
  });

  it('opens the print and upload steps only when nothing is missing and the receipt is still to be given', () => {
    expect(stageOf({ status: 'disbursement_pending', missing: ['contact'] })).toEqual({ editable: true, receiptReady: false, canSubmitReceipt: false, banner: null });
    expect(stageOf({ status: 'disbursement_pending', missing: [] })).toMatchObject({ receiptReady: true, canSubmitReceipt: true });
    expect(stageOf({ status: 'receipt_returned', missing: [] })).toMatchObject({ editable: true, canSubmitReceipt: true, banner: 'returned' });
    expect(stageOf({ status: 'receipt_submitted', missing: [] })).toMatchObject({ editable: false, canSubmitReceipt: false, banner: 'submitted' });
    expect(stageOf({ status: 'paid', missing: [] })).toMatchObject({ editable: false, canSubmitReceipt: false, banner: 'paid' });
  });
});

/** The codes of a check's field issues, by field. */
const codes = (r: { ok: boolean; errors?: Record<string, { code: string } | undefined> }) =>
  r.ok ? r : { ok: false, errors: Object.fromEntries(Object.entries(r.errors ?? {}).map(([f, i]) => [f, i?.code])) };

describe('bank account and contact forms', () => {
  const good = { ...emptyBankAccount(ENTERPRISE), bankName: '中国工商银行苏州分行', accountNumber: '6222-0212 3456 7890' };

  it('prefills the enterprise name and normalises the account number as the server does', () => {
    expect(emptyBankAccount(ENTERPRISE).accountName).toBe(ENTERPRISE);
    expect(checkBankAccount(good, ENTERPRISE)).toEqual({ ok: true, value: { ...good, accountNumber: '6222021234567890' } });
  });

  it('reports each field by its stable code', () => {
    expect(codes(checkBankAccount({ ...good, accountNumber: '1234567' }, ENTERPRISE))).toEqual({ ok: false, errors: { accountNumber: 'BANK_ACCOUNT_NUMBER_INVALID' } });
    expect(codes(checkBankAccount({ ...good, accountNumber: '1'.repeat(33) }, ENTERPRISE))).toEqual({ ok: false, errors: { accountNumber: 'BANK_ACCOUNT_NUMBER_INVALID' } });
    expect(codes(checkBankAccount({ ...good, accountNumber: '1'.repeat(32), cnapsCode: '1234' }, ENTERPRISE))).toEqual({ ok: false, errors: { cnapsCode: 'CNAPS_INVALID' } });
    expect(codes(checkBankAccount({ ...good, bankName: ' ' }, ENTERPRISE))).toEqual({ ok: false, errors: { bankName: 'REQUIRED' } });
    expect(codes(checkBankAccount({ ...good, accountName: '苏州星河智能科技' }, ENTERPRISE))).toEqual({ ok: false, errors: { accountName: 'BANK_ACCOUNT_NAME_MISMATCH' } });
    expect(codes(checkBankAccount({ ...good, accountName: '苏州星河智能科技', cnapsCode: 'x' }, ENTERPRISE))).toEqual({
      ok: false,
      errors: { accountName: 'BANK_ACCOUNT_NAME_MISMATCH', cnapsCode: 'CNAPS_INVALID' },
    });
    // Branch and CNAPS are optional; a 12-digit CNAPS is fine.
    expect(checkBankAccount({ ...good, branchName: '', cnapsCode: '102305000011' }, ENTERPRISE).ok).toBe(true);
  });

  it('checks a contact: name, mobile, optional landline and e-mail', () => {
    expect(checkContact({ name: '李四', mobile: '138 0000 1111', phone: '0512-6666 8888', email: '' })).toEqual({ ok: true, value: { name: '李四', mobile: '13800001111', phone: '0512-6666 8888', email: '' } });
    expect(codes(checkContact({ name: '', mobile: '1380000', phone: '0512-abc', email: 'nope' }))).toEqual({
      ok: false,
      errors: { name: 'REQUIRED', mobile: 'MOBILE_FORMAT', phone: 'PHONE_INVALID', email: 'EMAIL_FORMAT' },
    });
  });

  it('puts a refused save beside its field, whether main or the server refused it', () => {
    const fields = ['bankName', 'accountName', 'accountNumber', 'branchName', 'cnapsCode'];
    expect(fieldOfError({ code: 'BANK_ACCOUNT_NAME_MISMATCH', retriable: false }, fields)).toMatchObject({ field: 'accountName', issue: { code: 'BANK_ACCOUNT_NAME_MISMATCH' } });
    // The server's field issues (AppError.issues, paths under `body.`), with their numbers.
    expect(fieldOfError({ code: 'BODY_INVALID', retriable: false, issues: [{ path: 'body.branchName', code: 'TOO_LONG', params: { max: 100 } }] }, fields)).toEqual({
      field: 'branchName',
      issue: { path: 'branchName', code: 'TOO_LONG', params: { max: 100 } },
    });
    expect(fieldOfError({ code: 'BODY_INVALID', retriable: false, issues: [{ path: 'body.cnapsCode', code: 'CNAPS_INVALID' }] }, fields)).toMatchObject({ field: 'cnapsCode', issue: { code: 'CNAPS_INVALID' } });
    // Main's INPUT_INVALID names the call's own nesting.
    expect(fieldOfError({ code: 'INPUT_INVALID', retriable: false, issues: [{ path: 'account.accountNumber', code: 'BANK_ACCOUNT_NUMBER_INVALID' }] }, fields)).toMatchObject({
      field: 'accountNumber',
      issue: { code: 'BANK_ACCOUNT_NUMBER_INVALID' },
    });
    expect(fieldOfError({ code: 'SERVER_UNREACHABLE', retriable: true }, fields)).toBeNull();
  });

  it('groups account digits by four for reading', () => {
    expect(groupDigits('6222021234567890123')).toBe('6222 0212 3456 7890 123');
  });
});

describe('the phone link', () => {
  it('counts down whole seconds to the expiry and never below zero', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(secondsLeft('2026-11-22T10:10:00Z', now)).toBe(600);
    expect(secondsLeft('2026-11-22T10:00:00.400Z', now)).toBe(1);
    expect(secondsLeft('2026-11-22T09:59:00Z', now)).toBe(0);
    expect(countdown(600)).toBe('10:00');
    expect(countdown(59)).toBe('00:59');
    expect(countdown(0)).toBe('00:00');
  });

  const status = (state: LinkState) => ({ ok: true as const, value: { state } });

  it('polls every 2 s while waiting and stops by itself once the phone has uploaded', async () => {
    vi.useFakeTimers();
    try {
      const answers = [status('waiting'), status('waiting'), status('uploaded')];
      const fetch = vi.fn(async () => answers.shift() ?? status('uploaded'));
      const seen: string[] = [];
      pollReceiptLink({ fetch, onStatus: (s) => seen.push(s.state) });
      await vi.advanceTimersByTimeAsync(1999);
      expect(fetch).toHaveBeenCalledTimes(0);
      await vi.advanceTimersByTimeAsync(1);
      expect(fetch).toHaveBeenCalledTimes(1);
      await vi.advanceTimersByTimeAsync(4000);
      expect(seen).toEqual(['waiting', 'waiting', 'uploaded']);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(fetch).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops when the dialog closes, and drops an answer that arrives after', async () => {
    vi.useFakeTimers();
    try {
      let release: (v: ReturnType<typeof status>) => void = () => undefined;
      const fetch = vi.fn(() => new Promise<ReturnType<typeof status>>((r) => (release = r)));
      const seen: string[] = [];
      const poller = pollReceiptLink({ fetch, onStatus: (s) => seen.push(s.state) });
      await vi.advanceTimersByTimeAsync(2000);
      expect(fetch).toHaveBeenCalledTimes(1);
      poller.stop();
      release(status('uploaded'));
      await vi.advanceTimersByTimeAsync(10_000);
      expect(seen).toEqual([]);
      expect(fetch).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps polling through a dropped network but not after a refusal', async () => {
    vi.useFakeTimers();
    try {
      const errors: AppError[] = [];
      const answers = [
        { ok: false as const, error: { code: 'SERVER_UNREACHABLE', retriable: true } },
        { ok: false as const, error: { code: 'NOT_FOUND', retriable: false } },
      ];
      const fetch = vi.fn(async () => answers.shift() ?? status('waiting'));
      pollReceiptLink({ fetch, onStatus: () => undefined, onError: (e) => errors.push(e) });
      await vi.advanceTimersByTimeAsync(20_000);
      expect(errors.map((e) => e.code)).toEqual(['SERVER_UNREACHABLE', 'NOT_FOUND']);
      expect(fetch).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
