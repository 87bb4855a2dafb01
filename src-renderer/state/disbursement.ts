import { create } from 'zustand';
import type { BankAccount, DisbursementView, FinanceContact } from '@shared/contract/http/disbursement';
import type { AppError, Result } from '@shared/contract/result';
import { call } from '../platform';

/**
 * The disbursement open in the detail view, and the enterprise's saved bank accounts and contacts for the
 * "调整银行账户" / "调整联系人" dialogs.
 *
 * The server sets the bank account and the contact together (`setPayee`). When the clerk has chosen one of them and
 * the disbursement has none of the other yet, the choice waits here until the other is chosen too.
 */
interface DisbursementState {
  applicationId: string | null;
  view: DisbursementView | null;
  loading: boolean;
  error: AppError | null;
  bankAccounts: BankAccount[] | null;
  contacts: FinanceContact[] | null;
  /** A choice waiting for its other half. */
  pending: { bankAccountId?: string; contactId?: string };
  open(applicationId: string): Promise<void>;
  reload(): Promise<void>;
  setView(view: DisbursementView): void;
  loadBankAccounts(): Promise<AppError | null>;
  loadContacts(): Promise<AppError | null>;
  /** Chooses a bank account or a contact; saves both once both are known. Resolves to the save's error, if any. */
  choose(choice: { bankAccountId: string } | { contactId: string }): Promise<AppError | null>;
  close(): void;
}

export const useDisbursement = create<DisbursementState>((set, get) => ({
  applicationId: null,
  view: null,
  loading: false,
  error: null,
  bankAccounts: null,
  contacts: null,
  pending: {},
  open: async (applicationId) => {
    const same = get().applicationId === applicationId;
    set({ applicationId, loading: true, error: null, view: same ? get().view : null, pending: same ? get().pending : {} });
    const r = await call((api) => api.disbursement.get({ applicationId }));
    if (get().applicationId !== applicationId) return;
    set(r.ok ? { view: r.value, loading: false } : { error: r.error, loading: false });
  },
  reload: async () => {
    const id = get().applicationId;
    if (id) await get().open(id);
  },
  setView: (view) => {
    if (view.applicationId === get().applicationId) set({ view, error: null });
  },
  loadBankAccounts: async () => {
    const r = await call((api) => api.disbursement.listBankAccounts({}));
    if (!r.ok) return r.error;
    set({ bankAccounts: r.value.bankAccounts });
    return null;
  },
  loadContacts: async () => {
    const r = await call((api) => api.disbursement.listContacts({}));
    if (!r.ok) return r.error;
    set({ contacts: r.value.contacts });
    return null;
  },
  choose: async (choice) => {
    const { view, pending } = get();
    if (!view) return null;
    const next = { ...pending, ...choice };
    const bankAccountId = next.bankAccountId ?? view.bankAccount?.id;
    const contactId = next.contactId ?? view.contact?.id;
    if (!bankAccountId || !contactId) {
      set({ pending: next });
      return null;
    }
    const r: Result<DisbursementView> = await call((api) => api.disbursement.setPayee({ applicationId: view.applicationId, bankAccountId, contactId }));
    if (!r.ok) return r.error;
    set({ pending: {} });
    get().setView(r.value);
    return null;
  },
  close: () => set({ applicationId: null, view: null, error: null, pending: {} }),
}));
