/**
 * Disbursement of an approved talent subsidy (manual 001 §2). The status lives on the application and changes only
 * through `transition()` (domain/subsidy.ts), so the timeline, the audit trail and the contact's SMS and e-mail stay
 * one mechanism; the `disbursements` row keyed by the application id holds what the disbursement adds: the receipt
 * number, the chosen bank account and contact (snapshots), the stamped receipt, finance's return reason, paid_at.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type {
  BankAccount,
  DisbursementStatus,
  DisbursementSummary,
  DisbursementView,
  FinanceContact,
  ReceiptContent,
} from '@shared/contract/http/disbursement';
import { publicityOver } from '@shared/contract/http/disbursement';
import type { SubsidyStatus } from '@shared/contract/http/subsidy';
import { fenToCapitals } from '@shared/money/capital';
import { chinaDate, chinaYear } from '@shared/time/china';
import type { DisbursementTable } from '../db/schema-disbursement';
import type { Database } from '../db/schema';
import type { SubsidyApplicationTable } from '../db/schema-subsidy';
import { ApiError } from '../http/api-error';
import type { Services } from '../services';
import { writeAudit, type Actor } from './audit';
import { filedUnder, findApplication, timelineOf, transition, type SubsidyActor } from './subsidy';

type Db = Kysely<Database> | Transaction<Database>;

export const SUBSIDY_ITEM_NAME = '高层次和紧缺人才招聘补贴';
/** Who pays (付款单位), printed on the receipt; `TONGBAN_DISBURSEMENT_PAYER` overrides it. */
export const DEFAULT_PAYER = '苏州工业园区劳动和社会保障局';

export const DISBURSEMENT_STATUSES: readonly DisbursementStatus[] = ['disbursement_pending', 'receipt_submitted', 'receipt_returned', 'paid'];
/** The enterprise may still change certificates, payee and receipt in these. */
export const EDITABLE: readonly SubsidyStatus[] = ['disbursement_pending', 'receipt_returned'];


/** `TB<year><6 digits>`: the n-th receipt of a China calendar year. */
export const receiptNumberOf = (year: number, n: number) => `TB${year}${String(n).padStart(6, '0')}`;

/**
 * The next receipt number of `year`, inside the caller's transaction. The counter row is created once per year
 * and then incremented by one UPDATE: PostgreSQL serialises concurrent openings on the row lock, SQLite on its
 * single writer, so no two disbursements get the same number (the unique column is the backstop).
 */
export async function nextReceiptNumber(tx: Db, year: number): Promise<string> {
  await tx.insertInto('receipt_counters').values({ year, last: 0 }).onConflict((oc) => oc.column('year').doNothing()).execute();
  const row = await tx
    .updateTable('receipt_counters')
    .set((eb) => ({ last: eb('last', '+', 1) }))
    .where('year', '=', year)
    .returning('last')
    .executeTakeFirstOrThrow();
  return receiptNumberOf(year, Number(row.last));
}

export async function findDisbursement(db: Db, applicationId: string, enterpriseId?: string) {
  let q = db.selectFrom('disbursements').selectAll().where('application_id', '=', applicationId);
  if (enterpriseId) q = q.where('enterprise_id', '=', enterpriseId);
  const row = await q.executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND');
  return row;
}

const json = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

/** `320***********1234`: the first 3 and the last 4 characters. */
export const maskIdNumber = (id: string) => (id.length <= 7 ? id.replace(/./g, '*') : `${id.slice(0, 3)}${'*'.repeat(id.length - 7)}${id.slice(-4)}`);

interface SignedTalent {
  name: string;
  idNumber: string;
  position: string;
}

/** The talents as last signed (the latest version's payload). */
async function signedTalents(db: Db, applicationId: string): Promise<SignedTalent[]> {
  const v = await db
    .selectFrom('subsidy_versions')
    .select('payload_json')
    .where('application_id', '=', applicationId)
    .orderBy('version', 'desc')
    .executeTakeFirst();
  const payload = json<{ talents?: SignedTalent[] }>(v?.payload_json ?? null);
  return payload?.talents ?? [];
}

async function fileOf(db: Db, sha256: string) {
  const f = await db.selectFrom('files').select(['sha256', 'size', 'media_type']).where('sha256', '=', sha256).executeTakeFirst();
  if (!f) return null;
  return { sha256: f.sha256, size: Number(f.size), mediaType: f.media_type as 'application/pdf' | 'image/jpeg' | 'image/png' };
}

/** Latest certificate per talent index. */
async function latestCertificates(db: Db, applicationId: string) {
  const rows = await db
    .selectFrom('employment_certificates')
    .innerJoin('files', 'files.sha256', 'employment_certificates.sha256')
    .select(['talent_index', 'seq', 'files.sha256', 'files.size', 'files.media_type', 'uploaded_at'])
    .where('application_id', '=', applicationId)
    .orderBy('talent_index')
    .orderBy('seq')
    .execute();
  const out = new Map<number, { sha256: string; size: number; mediaType: 'application/pdf' | 'image/jpeg' | 'image/png'; uploadedAt: string }>();
  for (const r of rows) {
    out.set(Number(r.talent_index), { sha256: r.sha256, size: Number(r.size), mediaType: r.media_type as 'application/pdf', uploadedAt: r.uploaded_at });
  }
  return out;
}

/** What is still missing before the receipt can be generated (see `disbursementViewSchema.missing`). */
export function missingOf(talentCount: number, certificates: ReadonlyMap<number, unknown>, d: Pick<DisbursementTable, 'bank_account_json' | 'contact_json'>): string[] {
  const missing: string[] = [];
  for (let i = 0; i < talentCount; i++) if (!certificates.has(i)) missing.push(`employmentCertificate:${i}`);
  if (!d.bank_account_json) missing.push('bankAccount');
  if (!d.contact_json) missing.push('contact');
  return missing;
}

const amountOf = (app: Pick<SubsidyApplicationTable, 'amount_approved_fen'>) => Number(app.amount_approved_fen ?? 0);
const yearOf = (app: Pick<SubsidyApplicationTable, 'year'>, d: Pick<DisbursementTable, 'opened_at'>) => (app.year === null ? chinaYear(new Date(d.opened_at)) : Number(app.year));

export async function disbursementView(db: Db, applicationId: string, opts: { forEnterprise: boolean }): Promise<DisbursementView> {
  const app = await findApplication(db, applicationId);
  const d = await findDisbursement(db, applicationId);
  const e = await db.selectFrom('enterprises').select(['id', 'name', 'uscc']).where('id', '=', app.enterprise_id).executeTakeFirstOrThrow();
  // The receipt and the phone page name the payee as the application was filed (a later rename does not rewrite it).
  const name = await filedUnder(db, e, app);
  const talents = await signedTalents(db, applicationId);
  const certificates = await latestCertificates(db, applicationId);
  const stamped = d.stamped_sha256 ? await fileOf(db, d.stamped_sha256) : null;
  return {
    applicationId: app.id,
    enterpriseId: app.enterprise_id,
    enterprise: { name, uscc: e.uscc },
    status: app.status,
    itemName: SUBSIDY_ITEM_NAME,
    year: yearOf(app, d),
    amountFen: amountOf(app),
    receiptNumber: d.receipt_number,
    openedAt: d.opened_at,
    talents: talents.map((t, index) => ({
      index,
      name: t.name,
      idNumberMasked: maskIdNumber(t.idNumber ?? ''),
      position: t.position ?? '',
      employmentCertificate: certificates.get(index) ?? null,
    })),
    bankAccount: json<BankAccount>(d.bank_account_json),
    contact: json<FinanceContact>(d.contact_json),
    missing: missingOf(talents.length, certificates, d),
    stampedReceipt:
      stamped && d.stamped_source && d.stamped_submitted_at
        ? { ...stamped, uploadedAt: d.stamped_submitted_at, source: d.stamped_source, submittedAt: d.stamped_submitted_at }
        : null,
    returnReason: app.status === 'receipt_returned' ? d.return_reason : null,
    paidAt: d.paid_at,
    timeline: await timelineOf(db, applicationId, opts.forEnterprise),
  };
}

/** The columns of a disbursements ⋈ subsidy_applications row that {@link summaryOf} reads (enterprise queue and staff queue). */
export const SUMMARY_COLUMNS = [
  'subsidy_applications.id',
  'subsidy_applications.enterprise_id',
  'subsidy_applications.status',
  'subsidy_applications.year',
  'subsidy_applications.amount_approved_fen',
  'subsidy_applications.updated_at as app_updated_at',
  'disbursements.receipt_number',
  'disbursements.opened_at',
  'disbursements.updated_at',
] as const;

export function summaryOf(
  app: Pick<SubsidyApplicationTable, 'id' | 'enterprise_id' | 'status' | 'year' | 'amount_approved_fen' | 'updated_at'>,
  d: Pick<DisbursementTable, 'receipt_number' | 'opened_at' | 'updated_at'>,
  e: { name: string; uscc: string },
): DisbursementSummary {
  return {
    applicationId: app.id,
    enterpriseId: app.enterprise_id,
    enterpriseName: e.name,
    enterpriseUscc: e.uscc,
    status: app.status,
    itemName: SUBSIDY_ITEM_NAME,
    year: yearOf(app, d),
    amountFen: amountOf(app),
    receiptNumber: d.receipt_number,
    openedAt: d.opened_at,
    updatedAt: app.updated_at > d.updated_at ? app.updated_at : d.updated_at,
  };
}

interface Ctx {
  requestId: string;
  log: FastifyBaseLogger;
}

/**
 * Finance opens the disbursement once the publicity period is over (its end date has passed in China time):
 * publicity → disbursement_pending, and the receipt number is assigned in the same transaction.
 */
export async function openDisbursement(services: Services, applicationId: string, actor: SubsidyActor, comment: string | null, ctx: Ctx) {
  const row = await findApplication(services.db, applicationId);
  if (row.status === 'draft') throw new ApiError('NOT_FOUND');
  if (row.status !== 'publicity') throw new ApiError('SUBSIDY_STATE_CONFLICT');
  const now = services.clock.now();
  if (!publicityOver(row.publicity_end, chinaDate(now))) throw new ApiError('PUBLICITY_NOT_OVER');
  await transition(services, row, {
    action: 'openDisbursement',
    actor,
    comment,
    details: { publicityEnd: row.publicity_end },
    requestId: ctx.requestId,
    log: ctx.log,
    also: async (tx) => {
      const receiptNumber = await nextReceiptNumber(tx, chinaYear(now));
      await tx
        .insertInto('disbursements')
        .values({
          application_id: row.id,
          enterprise_id: row.enterprise_id,
          receipt_number: receiptNumber,
          opened_at: now.toISOString(),
          opened_by: actor.id,
          bank_account_id: null,
          bank_account_json: null,
          contact_id: null,
          contact_json: null,
          receipt_content_json: null,
          stamped_sha256: null,
          stamped_source: null,
          stamped_submitted_at: null,
          return_reason: null,
          paid_at: null,
          updated_at: now.toISOString(),
        })
        .execute();
    },
  });
}

/** The application and its disbursement for a change by the enterprise, which must still be open for changes. */
async function editable(db: Db, enterpriseId: string, applicationId: string) {
  const d = await findDisbursement(db, applicationId, enterpriseId);
  const app = await findApplication(db, applicationId, enterpriseId);
  if (!EDITABLE.includes(app.status)) throw new ApiError('SUBSIDY_STATE_CONFLICT');
  return { app, d };
}

/** Whether the enterprise owns a stored file (uploaded under any of its items, or its phone photo). */
export async function ownsFile(db: Db, enterpriseId: string, sha256: string): Promise<boolean> {
  const row = await db.selectFrom('file_owners').select('sha256').where('sha256', '=', sha256).where('enterprise_id', '=', enterpriseId).executeTakeFirst();
  return Boolean(row);
}

const accountActor = (id: string): Actor => ({ type: 'account', id });

export async function setEmploymentCertificate(
  services: Services,
  input: { enterpriseId: string; applicationId: string; talentIndex: number; sha256: string; accountId: string },
  ctx: Ctx,
) {
  const { db, clock } = services;
  const { app } = await editable(db, input.enterpriseId, input.applicationId);
  const talents = await signedTalents(db, app.id);
  if (input.talentIndex >= talents.length) {
    throw new ApiError('BODY_INVALID', { issues: [{ path: 'params.talentIndex', code: 'TALENT_NOT_FOUND' }] });
  }
  if (!(await ownsFile(db, input.enterpriseId, input.sha256))) {
    throw new ApiError('BODY_INVALID', { issues: [{ path: 'body.sha256', code: 'not_uploaded' }] });
  }
  const now = clock.now();
  // Two uploads for the same talent at once may pick the same next seq; the unique key refuses one, which then
  // simply takes the next number.
  for (let attempt = 1; ; attempt++) {
    try {
      await recordCertificate(services, app.id, input, now, ctx);
      return;
    } catch (err) {
      if (attempt >= 3 || !isUniqueViolation(err)) throw err;
    }
  }
}

const isUniqueViolation = (err: unknown) => {
  const e = err as { code?: string; message?: string };
  return e.code === '23505' || e.code === 'SQLITE_CONSTRAINT_UNIQUE' || /UNIQUE constraint failed/.test(e.message ?? '');
};

async function recordCertificate(
  services: Services,
  applicationId: string,
  input: { enterpriseId: string; talentIndex: number; sha256: string; accountId: string },
  now: Date,
  ctx: Ctx,
) {
  const app = { id: applicationId };
  await services.db.transaction().execute(async (tx) => {
    const last = await tx
      .selectFrom('employment_certificates')
      .select('seq')
      .where('application_id', '=', app.id)
      .where('talent_index', '=', input.talentIndex)
      .orderBy('seq', 'desc')
      .executeTakeFirst();
    const row = {
      id: randomUUID(),
      application_id: app.id,
      talent_index: input.talentIndex,
      seq: Number(last?.seq ?? 0) + 1,
      sha256: input.sha256,
      uploaded_by: input.accountId,
      uploaded_at: now.toISOString(),
    };
    await tx.insertInto('employment_certificates').values(row).execute();
    await tx.updateTable('disbursements').set({ updated_at: now.toISOString() }).where('application_id', '=', app.id).execute();
    await writeAudit(tx, {
      actor: accountActor(input.accountId),
      enterpriseId: input.enterpriseId,
      action: 'disbursement.employment_certificate',
      subjectType: 'subsidy_application',
      subjectId: app.id,
      after: { talent_index: row.talent_index, seq: row.seq, sha256: row.sha256 },
      at: now,
      requestId: ctx.requestId,
    });
  });
}

export const bankAccountOf = (r: {
  id: string;
  bank_name: string;
  account_name: string;
  account_number: string;
  branch_name: string;
  cnaps_code: string;
  created_at: string;
  updated_at: string;
}): BankAccount => ({
  id: r.id,
  bankName: r.bank_name,
  accountName: r.account_name,
  accountNumber: r.account_number,
  branchName: r.branch_name,
  cnapsCode: r.cnaps_code,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export const contactOf = (r: { id: string; name: string; mobile: string; phone: string; email: string; created_at: string; updated_at: string }): FinanceContact => ({
  id: r.id,
  name: r.name,
  mobile: r.mobile,
  phone: r.phone,
  email: r.email,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** Chooses the bank account and the contact the receipt names: the enterprise's own saved, not deleted, records. */
export async function setPayee(
  services: Services,
  input: { enterpriseId: string; applicationId: string; bankAccountId: string; contactId: string; accountId: string },
  ctx: Ctx,
) {
  const { db, clock } = services;
  const { d } = await editable(db, input.enterpriseId, input.applicationId);
  const account = await db
    .selectFrom('bank_accounts')
    .selectAll()
    .where('id', '=', input.bankAccountId)
    .where('enterprise_id', '=', input.enterpriseId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  const contact = await db
    .selectFrom('finance_contacts')
    .selectAll()
    .where('id', '=', input.contactId)
    .where('enterprise_id', '=', input.enterpriseId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  const issues = [
    ...(account ? [] : [{ path: 'body.bankAccountId', code: 'not_found' }]),
    ...(contact ? [] : [{ path: 'body.contactId', code: 'not_found' }]),
  ];
  if (!account || !contact) throw new ApiError('BODY_INVALID', { issues });
  const now = clock.now();
  const patch = {
    bank_account_id: account.id,
    bank_account_json: JSON.stringify(bankAccountOf(account)),
    contact_id: contact.id,
    contact_json: JSON.stringify(contactOf(contact)),
    updated_at: now.toISOString(),
  };
  await db.transaction().execute(async (tx) => {
    await tx.updateTable('disbursements').set(patch).where('application_id', '=', d.application_id).execute();
    await writeAudit(tx, {
      actor: accountActor(input.accountId),
      enterpriseId: input.enterpriseId,
      action: 'disbursement.payee',
      subjectType: 'subsidy_application',
      subjectId: d.application_id,
      before: { bank_account: json(d.bank_account_json), contact: json(d.contact_json) },
      after: { bank_account: json(patch.bank_account_json), contact: json(patch.contact_json) },
      at: now,
      requestId: ctx.requestId,
    });
  });
}

/** What the receipt says now, from the disbursement's current state; null while something is missing. */
export async function currentReceiptContent(db: Db, applicationId: string, payer: string, now: Date): Promise<ReceiptContent | null> {
  const view = await disbursementView(db, applicationId, { forEnterprise: true });
  if (view.missing.length > 0 || !view.bankAccount || !view.contact) return null;
  const { bankName, accountName, accountNumber, branchName, cnapsCode } = view.bankAccount;
  return {
    receiptNumber: view.receiptNumber,
    payer,
    payee: { name: view.enterprise.name, uscc: view.enterprise.uscc },
    itemName: view.itemName,
    year: view.year,
    amountFen: view.amountFen,
    amountInCapitals: fenToCapitals(view.amountFen),
    bankAccount: { bankName, accountName, accountNumber, branchName, cnapsCode },
    contact: { name: view.contact.name, mobile: view.contact.mobile, phone: view.contact.phone },
    date: chinaDate(now),
  };
}

/**
 * The receipt the enterprise prints: generated from the current state while it may still change it (and stored,
 * so finance later sees what was printed), or the stored one once submitted.
 */
export async function receiptContentFor(services: Services, applicationId: string, opts: { regenerate: boolean }): Promise<ReceiptContent> {
  const { db, clock } = services;
  const app = await findApplication(db, applicationId);
  const d = await findDisbursement(db, applicationId);
  const stored = json<ReceiptContent>(d.receipt_content_json);
  if (stored && !(opts.regenerate && EDITABLE.includes(app.status))) return stored;
  const content = await currentReceiptContent(db, applicationId, services.config.disbursementPayer, clock.now());
  if (!content) throw new ApiError('DISBURSEMENT_INCOMPLETE');
  if (EDITABLE.includes(app.status)) {
    await db.updateTable('disbursements').set({ receipt_content_json: JSON.stringify(content) }).where('application_id', '=', applicationId).execute();
  }
  return content;
}

/** The enterprise submits the stamped receipt (a PDF or image it uploaded, or the phone's photo). */
export async function submitReceipt(
  services: Services,
  input: { enterpriseId: string; applicationId: string; sha256: string; source: 'pc' | 'phone'; accountId: string },
  ctx: Ctx,
) {
  const { db, clock } = services;
  const { app, d } = await editable(db, input.enterpriseId, input.applicationId);
  if (!(await ownsFile(db, input.enterpriseId, input.sha256))) {
    throw new ApiError('BODY_INVALID', { issues: [{ path: 'body.sha256', code: 'not_uploaded' }] });
  }
  if (input.source === 'phone') {
    const photo = await db
      .selectFrom('receipt_links')
      .select('id')
      .where('application_id', '=', app.id)
      .where('photo_sha256', '=', input.sha256)
      .executeTakeFirst();
    if (!photo) throw new ApiError('BODY_INVALID', { issues: [{ path: 'body.source', code: 'NOT_A_PHONE_PHOTO' }] });
  }
  const current = await currentReceiptContent(db, app.id, services.config.disbursementPayer, clock.now());
  if (!current) throw new ApiError('DISBURSEMENT_INCOMPLETE');
  // What was printed: the last generated receipt, else what it would say now.
  const content = d.receipt_content_json ?? JSON.stringify(current);
  const now = clock.now();
  await transition(services, app, {
    action: 'submitReceipt',
    actor: { type: 'account', id: input.accountId },
    details: { sha256: input.sha256, source: input.source },
    requestId: ctx.requestId,
    log: ctx.log,
    also: async (tx) => {
      await tx
        .updateTable('disbursements')
        .set({
          stamped_sha256: input.sha256,
          stamped_source: input.source,
          stamped_submitted_at: now.toISOString(),
          receipt_content_json: content,
          updated_at: now.toISOString(),
        })
        .where('application_id', '=', app.id)
        .execute();
      // A link still waiting is of no use any more.
      await tx
        .updateTable('receipt_links')
        .set({ superseded_at: now.toISOString() })
        .where('application_id', '=', app.id)
        .where('used_at', 'is', null)
        .where('superseded_at', 'is', null)
        .execute();
    },
  });
}

/** Finance accepts the stamped receipt (paid) or returns it with a reason (the enterprise uploads again). */
export async function decideReceipt(
  services: Services,
  input: { applicationId: string; decision: 'accept' | 'return'; reason?: string; comment?: string | null; actor: SubsidyActor },
  ctx: Ctx,
) {
  const { db, clock } = services;
  const app = await findApplication(db, input.applicationId);
  await findDisbursement(db, app.id);
  const now = clock.now();
  if (input.decision === 'accept') {
    // Four-eyes: the money goes out only when someone other than its approver confirms it (a staff admin holds both
    // duties, so the duty table alone would let one person approve and pay).
    const approvedBy = await db
      .selectFrom('subsidy_events')
      .select('id')
      .where('application_id', '=', app.id)
      .where('action', '=', 'approve')
      .where('actor_type', '=', input.actor.type)
      .where('actor_id', '=', input.actor.id)
      .executeTakeFirst();
    if (approvedBy) throw new ApiError('FOUR_EYES_REQUIRED');
    await transition(services, app, {
      action: 'acceptReceipt',
      actor: input.actor,
      comment: input.comment ?? null,
      details: { amountFen: amountOf(app) },
      requestId: ctx.requestId,
      log: ctx.log,
      also: async (tx) => {
        await tx.updateTable('disbursements').set({ paid_at: now.toISOString(), updated_at: now.toISOString() }).where('application_id', '=', app.id).execute();
      },
    });
  } else {
    await transition(services, app, {
      action: 'returnReceipt',
      actor: input.actor,
      comment: input.reason ?? null,
      requestId: ctx.requestId,
      log: ctx.log,
      also: async (tx) => {
        await tx
          .updateTable('disbursements')
          .set({ return_reason: input.reason ?? null, updated_at: now.toISOString() })
          .where('application_id', '=', app.id)
          .execute();
      },
    });
  }
}
