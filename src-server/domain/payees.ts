/**
 * The enterprise's saved bank accounts and receipt contacts (manual 001 §2 "调整银行账户 / 调整联系人": choose or
 * maintain). Deleting is soft, so a disbursement that chose a record keeps it; every create, update and delete is
 * written to the audit trail with the record before and after, in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { BankAccount, bankAccountInputSchema, FinanceContact, financeContactInputSchema } from '@shared/contract/http/disbursement';
import type { BankAccountTable, FinanceContactTable } from '../db/schema-disbursement';
import { ApiError } from '../http/api-error';
import type { Services } from '../services';
import { writeAudit } from './audit';
import { bankAccountOf, contactOf } from './disbursement';

type BankAccountInput = z.output<typeof bankAccountInputSchema>;
type ContactInput = z.output<typeof financeContactInputSchema>;

interface Ctx {
  enterpriseId: string;
  accountId: string;
  requestId: string;
}

/**
 * Company names are written with full-width brackets in the registry (苏州某某（中国）有限公司); clerks often type
 * ASCII ones or stray spaces. Those differences are not a different name.
 */
export const normaliseName = (s: string) => s.replace(/\(/g, '（').replace(/\)/g, '）').replace(/\s+/g, '');

async function enterpriseName(services: Services, enterpriseId: string) {
  const e = await services.db.selectFrom('enterprises').select('name').where('id', '=', enterpriseId).executeTakeFirstOrThrow();
  return e.name;
}

/** The account name must be the enterprise's registered name; stored exactly as registered. */
async function checkedAccount(services: Services, enterpriseId: string, input: BankAccountInput) {
  const name = await enterpriseName(services, enterpriseId);
  if (normaliseName(input.accountName) !== normaliseName(name)) {
    throw new ApiError('BANK_ACCOUNT_NAME_MISMATCH', { issues: [{ path: 'body.accountName', code: 'BANK_ACCOUNT_NAME_MISMATCH' }] });
  }
  return {
    bank_name: input.bankName,
    account_name: name,
    account_number: input.accountNumber,
    branch_name: input.branchName,
    cnaps_code: input.cnapsCode,
  };
}

/** The columns both kinds of saved record have. */
interface SavedRow {
  id: string;
  enterprise_id: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}
type SavedTable = 'bank_accounts' | 'finance_contacts';
/** Kysely cannot follow a table name that is a type parameter; the store sees both tables through their shared columns. */
type SavedDb = Kysely<Record<SavedTable, SavedRow>>;

/**
 * List, create, change and (softly) delete one kind of saved record of an enterprise, each change audited with the
 * record before and after in the same transaction. `fields` checks the input and gives the columns to write.
 */
function savedRecords<Row extends SavedRow, Input, View>(spec: {
  table: SavedTable;
  subject: 'bank_account' | 'finance_contact';
  fields(services: Services, enterpriseId: string, input: Input): Promise<Omit<Row, keyof SavedRow>>;
  view(row: Row): View;
}) {
  const dbOf = (services: Services) => services.db as unknown as SavedDb;
  const live = async (services: Services, enterpriseId: string, id: string): Promise<Row> => {
    const row = await dbOf(services)
      .selectFrom(spec.table)
      .selectAll()
      .where('id', '=', id)
      .where('enterprise_id', '=', enterpriseId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw new ApiError('NOT_FOUND');
    return row as Row;
  };
  const audited = (services: Services, write: (tx: SavedDb) => Promise<void>) =>
    services.db.transaction().execute((tx) => write(tx as unknown as SavedDb));
  const audit = (ctx: Ctx, change: 'create' | 'update' | 'delete', subjectId: string, before: unknown, after: unknown, at: string) => ({
    actor: { type: 'account' as const, id: ctx.accountId },
    enterpriseId: ctx.enterpriseId,
    action: `${spec.subject}.${change}`,
    subjectType: spec.subject,
    subjectId,
    before,
    after,
    at: new Date(at),
    requestId: ctx.requestId,
  });
  const auditTx = (tx: SavedDb) => tx as unknown as Parameters<typeof writeAudit>[0];

  return {
    async list(services: Services, enterpriseId: string): Promise<View[]> {
      const rows = await dbOf(services)
        .selectFrom(spec.table)
        .selectAll()
        .where('enterprise_id', '=', enterpriseId)
        .where('deleted_at', 'is', null)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((r) => spec.view(r as Row));
    },
    async create(services: Services, input: Input, ctx: Ctx): Promise<View> {
      const fields = await spec.fields(services, ctx.enterpriseId, input);
      const now = services.clock.now().toISOString();
      const row = { id: randomUUID(), enterprise_id: ctx.enterpriseId, ...fields, created_at: now, updated_at: now, deleted_at: null } as Row;
      await audited(services, async (tx) => {
        await tx.insertInto(spec.table).values(row).execute();
        await writeAudit(auditTx(tx), audit(ctx, 'create', row.id, null, row, now));
      });
      return spec.view(row);
    },
    async update(services: Services, id: string, input: Input, ctx: Ctx): Promise<View> {
      const before = await live(services, ctx.enterpriseId, id);
      const fields = await spec.fields(services, ctx.enterpriseId, input);
      const now = services.clock.now().toISOString();
      const after = { ...before, ...fields, updated_at: now } as Row;
      await audited(services, async (tx) => {
        const done = await tx
          .updateTable(spec.table)
          .set({ ...fields, updated_at: now })
          .where('id', '=', id)
          .where('deleted_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!done) throw new ApiError('NOT_FOUND');
        await writeAudit(auditTx(tx), audit(ctx, 'update', id, before, after, now));
      });
      return spec.view(after);
    },
    async remove(services: Services, id: string, ctx: Ctx): Promise<void> {
      const before = await live(services, ctx.enterpriseId, id);
      const now = services.clock.now().toISOString();
      await audited(services, async (tx) => {
        const done = await tx.updateTable(spec.table).set({ deleted_at: now }).where('id', '=', id).where('deleted_at', 'is', null).returning('id').executeTakeFirst();
        if (!done) throw new ApiError('NOT_FOUND');
        await writeAudit(auditTx(tx), audit(ctx, 'delete', id, before, { ...before, deleted_at: now }, now));
      });
    },
  };
}

const bankAccounts = savedRecords<BankAccountTable, BankAccountInput, BankAccount>({
  table: 'bank_accounts',
  subject: 'bank_account',
  fields: checkedAccount,
  view: bankAccountOf,
});

const contacts = savedRecords<FinanceContactTable, ContactInput, FinanceContact>({
  table: 'finance_contacts',
  subject: 'finance_contact',
  fields: async (_services, _enterpriseId, input) => ({ name: input.name, mobile: input.mobile, phone: input.phone, email: input.email }),
  view: contactOf,
});

export const listBankAccounts = bankAccounts.list;
export const createBankAccount = bankAccounts.create;
export const updateBankAccount = bankAccounts.update;
export const deleteBankAccount = bankAccounts.remove;
export const listContacts = contacts.list;
export const createContact = contacts.create;
export const updateContact = contacts.update;
export const deleteContact = contacts.remove;
