import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TongbanClientApi } from '@shared/contract/client-api';
import type { DisbursementView } from '@shared/contract/http/disbursement';
import { useDisbursement } from './disbursement';

const ID = '6f258176-0000-4000-8000-000000000007';
const BANK = '6f258176-0000-4000-8000-0000000000b1';
const BANK2 = '6f258176-0000-4000-8000-0000000000b2';
const CONTACT = '6f258176-0000-4000-8000-0000000000c1';

const view = (over: Partial<DisbursementView> = {}) =>
  ({ applicationId: ID, status: 'disbursement_pending', bankAccount: null, contact: null, missing: ['bankAccount', 'contact'], talents: [], timeline: [], ...over }) as unknown as DisbursementView;

function fakeApi(initial: DisbursementView) {
  const setPayee = vi.fn(async (i: { bankAccountId: string; contactId: string }) => ({
    ok: true,
    value: view({ bankAccount: { id: i.bankAccountId } as DisbursementView['bankAccount'], contact: { id: i.contactId } as DisbursementView['contact'], missing: [] }),
  }));
  const api = { disbursement: { get: vi.fn(async () => ({ ok: true, value: initial })), setPayee } };
  vi.stubGlobal('window', { tongban: api as unknown as TongbanClientApi });
  return { setPayee, api };
}

afterEach(() => {
  useDisbursement.getState().close();
  vi.unstubAllGlobals();
});

describe('choosing the payee', () => {
  it('keeps a bank account chosen before any contact until the contact is chosen, then saves both at once', async () => {
    const { setPayee } = fakeApi(view());
    await useDisbursement.getState().open(ID);
    expect(await useDisbursement.getState().choose({ bankAccountId: BANK })).toBeNull();
    expect(setPayee).not.toHaveBeenCalled();
    expect(useDisbursement.getState().pending).toEqual({ bankAccountId: BANK });
    await useDisbursement.getState().choose({ contactId: CONTACT });
    expect(setPayee).toHaveBeenCalledWith({ applicationId: ID, bankAccountId: BANK, contactId: CONTACT });
    expect(useDisbursement.getState().pending).toEqual({});
    expect(useDisbursement.getState().view?.missing).toEqual([]);
  });

  it('changes one half at once when the disbursement already names the other', async () => {
    const { setPayee } = fakeApi(view({ bankAccount: { id: BANK } as DisbursementView['bankAccount'], contact: { id: CONTACT } as DisbursementView['contact'], missing: [] }));
    await useDisbursement.getState().open(ID);
    await useDisbursement.getState().choose({ bankAccountId: BANK2 });
    expect(setPayee).toHaveBeenCalledWith({ applicationId: ID, bankAccountId: BANK2, contactId: CONTACT });
  });

  it('reports a refused save and keeps the waiting choice', async () => {
    const { api } = fakeApi(view());
    (api.disbursement as { setPayee: unknown }).setPayee = vi.fn(async () => ({ ok: false, error: { code: 'SUBSIDY_STATE_CONFLICT', retriable: false } }));
    await useDisbursement.getState().open(ID);
    await useDisbursement.getState().choose({ contactId: CONTACT });
    expect(await useDisbursement.getState().choose({ bankAccountId: BANK })).toEqual({ code: 'SUBSIDY_STATE_CONFLICT', retriable: false });
    expect(useDisbursement.getState().pending).toEqual({ contactId: CONTACT });
  });
});
