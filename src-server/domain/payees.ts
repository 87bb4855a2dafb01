/**
 * The enterprise's saved bank accounts and receipt contacts (manual 001 §2 "调整银行账户 / 调整联系人": choose or
 * maintain). Deleting is soft, so a disbursement that chose a record keeps it; every create, update and delete is
 * written to the audit trail with the record before and after, in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { bankAccountInputSchema, financeContactInputSchema } from '@shared/contract/http/disbursement';
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

export async function listBankAccounts(services: Services, enterpriseId: string) {
  const rows = await services.db
    .selectFrom('bank_accounts')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(bankAccountOf);
}

async function liveBankAccount(services: Services, enterpriseId: string, id: string) {
  const row = await services.db
    .selectFrom('bank_accounts')
    .selectAll()
    .where('id', '=', id)
    .where('enterprise_id', '=', enterpriseId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND');
  return row;
}

export async function createBankAccount(services: Services, input: BankAccountInput, ctx: Ctx) {
  const fields = await checkedAccount(services, ctx.enterpriseId, input);
  const now = services.clock.now().toISOString();
  const row = { id: randomUUID(), enterprise_id: ctx.enterpriseId, ...fields, created_at: now, updated_at: now, deleted_at: null };
  await services.db.transaction().execute(async (tx) => {
    await tx.insertInto('bank_accounts').values(row).execute();
    await writeAudit(tx, audit(ctx, 'bank_account.create', 'bank_account', row.id, null, row, now));
  });
  return bankAccountOf(row);
}

export async function updateBankAccount(services: Services, id: string, input: BankAccountInput, ctx: Ctx) {
  const before = await liveBankAccount(services, ctx.enterpriseId, id);
  const fields = await checkedAccount(services, ctx.enterpriseId, input);
  const now = services.clock.now().toISOString();
  const after = { ...before, ...fields, updated_at: now };
  await services.db.transaction().execute(async (tx) => {
    const done = await tx.updateTable('bank_accounts').set({ ...fields, updated_at: now }).where('id', '=', id).where('deleted_at', 'is', null).returning('id').executeTakeFirst();
    if (!done) throw new ApiError('NOT_FOUND');
    await writeAudit(tx, audit(ctx, 'bank_account.update', 'bank_account', id, before, after, now));
  });
  return bankAccountOf(after);
}

export async function deleteBankAccount(services: Services, id: string, ctx: Ctx) {
  const before = await liveBankAccount(services, ctx.enterpriseId, id);
  const now = services.clock.now().toISOString();
  await services.db.transaction().execute(async (tx) => {
    const done = await tx.updateTable('bank_accounts').set({ deleted_at: now }).where('id', '=', id).where('deleted_at', 'is', null).returning('id').executeTakeFirst();
    if (!done) throw new ApiError('NOT_FOUND');
    await writeAudit(tx, audit(ctx, 'bank_account.delete', 'bank_account', id, before, { ...before, deleted_at: now }, now));
  });
}

export async function listContacts(services: Services, enterpriseId: string) {
  const rows = await services.db
    .selectFrom('finance_contacts')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(contactOf);
}

async function liveContact(services: Services, enterpriseId: string, id: string) {
  const row = await services.db
    .selectFrom('finance_contacts')
    .selectAll()
    .where('id', '=', id)
    .where('enterprise_id', '=', enterpriseId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND');
  return row;
}

const contactFields = (input: ContactInput) => ({ name: input.name, mobile: input.mobile, phone: input.phone, email: input.email });

export async function createContact(services: Services, input: ContactInput, ctx: Ctx) {
  const now = services.clock.now().toISOString();
  const row = { id: randomUUID(), enterprise_id: ctx.enterpriseId, ...contactFields(input), created_at: now, updated_at: now, deleted_at: null };
  await services.db.transaction().execute(async (tx) => {
    await tx.insertInto('finance_contacts').values(row).execute();
    await writeAudit(tx, audit(ctx, 'finance_contact.create', 'finance_contact', row.id, null, row, now));
  });
  return contactOf(row);
}

export async function updateContact(services: Services, id: string, input: ContactInput, ctx: Ctx) {
  const before = await liveContact(services, ctx.enterpriseId, id);
  const now = services.clock.now().toISOString();
  const after = { ...before, ...contactFields(input), updated_at: now };
  await services.db.transaction().execute(async (tx) => {
    const done = await tx
      .updateTable('finance_contacts')
      .set({ ...contactFields(input), updated_at: now })
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    if (!done) throw new ApiError('NOT_FOUND');
    await writeAudit(tx, audit(ctx, 'finance_contact.update', 'finance_contact', id, before, after, now));
  });
  return contactOf(after);
}

export async function deleteContact(services: Services, id: string, ctx: Ctx) {
  const before = await liveContact(services, ctx.enterpriseId, id);
  const now = services.clock.now().toISOString();
  await services.db.transaction().execute(async (tx) => {
    const done = await tx.updateTable('finance_contacts').set({ deleted_at: now }).where('id', '=', id).where('deleted_at', 'is', null).returning('id').executeTakeFirst();
    if (!done) throw new ApiError('NOT_FOUND');
    await writeAudit(tx, audit(ctx, 'finance_contact.delete', 'finance_contact', id, before, { ...before, deleted_at: now }, now));
  });
}

function audit(ctx: Ctx, action: string, subjectType: string, subjectId: string, before: unknown, after: unknown, at: string) {
  return { actor: { type: 'account' as const, id: ctx.accountId }, enterpriseId: ctx.enterpriseId, action, subjectType, subjectId, before, after, at: new Date(at), requestId: ctx.requestId };
}
