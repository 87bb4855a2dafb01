/**
 * Requests to the portal staff, the staff's side (账户申请审核; support and admin staff): the queue, a request with
 * the enterprise as it is today and the registry's advice, its scans, and the decision. Approval applies the change
 * in the same transaction as the status (a new administrator, administrator-change.ts; a new name and address,
 * enterprise-names.ts), audited; the SMS leave after the commit.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import type { AccountRequestForm, AccountRequestKind, AccountRequestStatus, RegistryAdvice, StaffAccountRequest } from '@shared/contract/http/account-requests';
import { normName } from '../verification/identity';
import type { Database } from '../db/schema';
import type { AccountRequestTable } from '../db/schema-requests';
import { ApiError } from '../http/api-error';
import { requestSms } from '../notifications/request-templates';
import type { Services } from '../services';
import { addEvent, auditOf, PENDING, requestView, summaryOf, type Ctx } from './account-requests';
import { replaceAdministrator } from './administrator-change';
import { writeAudit, type Actor } from './audit';
import { renameEnterprise } from './enterprise-names';
import { listedScan } from './request-scans';
import { accountSubject, clearLoginFailures } from './login-throttle';

export async function staffQueue(db: Kysely<Database>, q: { status?: AccountRequestStatus; kind?: AccountRequestKind; q?: string; limit: number; offset: number }) {
  let base = db.selectFrom('account_requests');
  if (q.status) base = base.where('status', '=', q.status);
  if (q.kind) base = base.where('kind', '=', q.kind);
  if (q.q) {
    const text = q.q;
    base = base.where((eb) => eb.or([eb('uscc', '=', text.toUpperCase()), eb('enterprise_name', 'like', `%${text}%`), eb('reference', '=', text.toUpperCase())]));
  }
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base.selectAll().orderBy('updated_at').orderBy('id').limit(q.limit).offset(q.offset).execute();
  return { total: Number(total.n), requests: rows.map(summaryOf) };
}

async function findRequest(db: Kysely<Database>, id: string) {
  const row = await db.selectFrom('account_requests').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND');
  return row;
}

/** The registry's view of a name or address change: advice, shown to the reviewer, never a refusal by itself. */
async function registryAdvice(services: Services, row: AccountRequestTable, form: AccountRequestForm) {
  if (form.kind !== 'enterpriseChange') return null;
  const entry = await services.marketRegulator.entry(row.uscc);
  if (!entry) return { findings: ['notFound'] as RegistryAdvice[], name: null, address: null };
  const findings: RegistryAdvice[] = [];
  if (!entry.active) findings.push('inactive');
  if (normName(entry.name) !== normName(form.newName)) findings.push('nameDiffers');
  if (normName(entry.address) !== normName(form.newAddress)) findings.push('addressDiffers');
  return { findings, name: entry.name, address: entry.address };
}

export async function staffView(services: Services, id: string): Promise<StaffAccountRequest> {
  const { db } = services;
  const row = await findRequest(db, id);
  const form = JSON.parse(row.form_json) as AccountRequestForm;
  const e = await db.selectFrom('enterprises').selectAll().where('uscc', '=', row.uscc).executeTakeFirst();
  const admin = e ? await db.selectFrom('accounts').select('display_name').where('enterprise_id', '=', e.id).where('username', '=', 'admin').executeTakeFirst() : undefined;
  return {
    ...(await requestView(db, row)),
    filerMobile: row.filer_mobile,
    filedBy: row.filed_by_role,
    enterprise: e ? { enterpriseId: e.id, name: e.name, address: e.address, legalRepresentative: e.legal_representative, administratorName: admin?.display_name ?? null } : null,
    registry: await registryAdvice(services, row, form),
    allowedActions: PENDING.includes(row.status) ? ['approve', 'refuse'] : [],
  };
}

/** A scan the request lists now or listed in an earlier revision (staff compare corrections); else NOT_FOUND. */
export async function staffFile(db: Kysely<Database>, id: string, hash: string) {
  await findRequest(db, id);
  const listed = await db.selectFrom('account_request_events').select('id').where('request_id', '=', id).where('attachments_json', 'like', `%"${hash}"%`).executeTakeFirst();
  return listedScan(db, !!listed, hash);
}

export async function refuseAccountRequest(services: Services, id: string, staffId: string, reason: string, ctx: Ctx) {
  const { db } = services;
  const row = await findRequest(db, id);
  await db.transaction().execute(async (tx) => {
    const claimed = await tx
      .updateTable('account_requests')
      .set({ status: 'refused', pending_key: null, refusal_reason: reason, updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .where('status', 'in', PENDING)
      .returning('id')
      .executeTakeFirst();
    if (!claimed) throw new ApiError('ACCOUNT_REQUEST_NOT_PENDING');
    await addEvent(tx, row, { action: 'refuse', actor_type: 'staff', actor_id: staffId, reason }, ctx.now);
    await writeAudit(tx, {
      actor: { type: 'staff', id: staffId },
      enterpriseId: row.enterprise_id,
      action: 'account_request.refuse',
      subjectType: 'account_request',
      subjectId: id,
      before: auditOf(row),
      after: auditOf({ ...row, status: 'refused', refusal_reason: reason }),
      at: ctx.now,
      requestId: ctx.requestId,
    });
  });
  await services.sms.send(row.filer_mobile, requestSms.refused({ enterprise: row.enterprise_name, kind: row.kind, reference: row.reference }));
  return staffView(services, id);
}

export async function approveAccountRequest(services: Services, id: string, staffId: string, ctx: Ctx & { log: FastifyBaseLogger }) {
  const { db } = services;
  const row = await findRequest(db, id);
  if (!PENDING.includes(row.status)) throw new ApiError('ACCOUNT_REQUEST_NOT_PENDING');
  const form = JSON.parse(row.form_json) as AccountRequestForm;
  const actor: Actor = { type: 'staff', id: staffId };
  const applied = await db.transaction().execute(async (tx) => {
    // The enterprise as it is now, read inside the transaction that changes it.
    const enterprise = await tx.selectFrom('enterprises').selectAll().where('uscc', '=', row.uscc).executeTakeFirst();
    if (!enterprise) throw new ApiError('ACCOUNT_REQUEST_NO_ENTERPRISE');
    // Conditional: of two staff approving at once, one proceeds; the other is told it was decided.
    const claimed = await tx
      .updateTable('account_requests')
      .set({ status: 'approved', pending_key: null, enterprise_id: enterprise.id, updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .where('status', 'in', PENDING)
      .returning('id')
      .executeTakeFirst();
    if (!claimed) throw new ApiError('ACCOUNT_REQUEST_NOT_PENDING');
    let administrator: { accountId: string; username: string; password: string; mobile: string } | null = null;
    if (form.kind === 'enterpriseChange') {
      await renameEnterprise(tx, enterprise, { name: form.newName, address: form.newAddress, requestId: id }, ctx.now);
    } else {
      const made = await replaceAdministrator(tx, enterprise.id, form.administrator, { actor, now: ctx.now, requestId: ctx.requestId, accountRequestId: id });
      administrator = { ...made, mobile: form.administrator.mobile };
      if (form.kind === 'accountsUnknown' && form.superMobile) {
        await tx.updateTable('accounts').set({ mobile: form.superMobile, updated_at: ctx.now.toISOString() }).where('enterprise_id', '=', enterprise.id).where('username', '=', 'super').execute();
      }
    }
    await addEvent(tx, row, { action: 'approve', actor_type: 'staff', actor_id: staffId }, ctx.now);
    await writeAudit(tx, {
      actor,
      enterpriseId: enterprise.id,
      action: 'account_request.approve',
      subjectType: 'account_request',
      subjectId: id,
      before: { ...auditOf(row), ...(form.kind === 'enterpriseChange' ? { name: enterprise.name, address: enterprise.address } : {}) },
      after: { ...auditOf({ ...row, status: 'approved' }), ...(form.kind === 'enterpriseChange' ? { name: form.newName, address: form.newAddress } : { administrator: form.administrator.name }) },
      at: ctx.now,
      requestId: ctx.requestId,
    });
    return { administrator, enterpriseId: enterprise.id, enterpriseName: form.kind === 'enterpriseChange' ? form.newName : enterprise.name };
  });
  // The old administrator's cached sessions go now, not at their idle end.
  services.principals.clear();
  const { administrator, enterpriseId, enterpriseName } = applied;
  if (administrator) {
    // The old administrator's failed tries do not keep the new one waiting.
    await clearLoginFailures(db, accountSubject(enterpriseId, administrator.username));
    await services.sms.send(administrator.mobile, requestSms.administratorAppointed({ enterprise: enterpriseName, username: administrator.username, password: administrator.password }));
  }
  if (administrator?.mobile !== row.filer_mobile) {
    await services.sms
      .send(row.filer_mobile, requestSms.approved({ enterprise: enterpriseName, kind: row.kind, reference: row.reference }))
      .catch((err: unknown) => ctx.log.warn({ err: (err as Error)?.message, requestId: id }, 'approval notice not sent'));
  }
  return staffView(services, id);
}
