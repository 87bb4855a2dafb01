/**
 * Requests to the portal staff, the filer's side (contract: src-shared/contract/http/account-requests.ts): filing,
 * reading and correcting, with or without login. Pre-registration's pattern: the client's access secret (hashed)
 * holds a request filed without login and is every first submission's idempotency key; each revision is an event;
 * scans newly listed must have been uploaded under the attempt's upload token. Review is account-request-review.ts.
 *
 * No oracle: without login, a request names a USCC and is accepted whether or not an enterprise has it (staff
 * refuse one that names nobody), so the answer says no more than registration's ENTERPRISE_ALREADY_REGISTERED.
 * Only ACCOUNT_REQUEST_PENDING says something of an enterprise: that a request for it already waits, which is
 * what pre-registration's PRE_REGISTRATION_PENDING says too.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import {
  ANONYMOUS_REQUEST_KINDS,
  missingAccountRequestScans,
  requestSlotOf,
  type AccountRequestForm,
  type AccountRequestStatus,
  type AccountRequestSubmission,
  type AccountRequestView,
} from '@shared/contract/http/account-requests';
import { canonicalBytes } from '@shared/validation/canonical-json';
import { maskMobile } from '@shared/validation/mobile';
import type { Database, EnterpriseTable } from '../db/schema';
import type { AccountRequestEventTable, AccountRequestTable } from '../db/schema-requests';
import { ApiError } from '../http/api-error';
import type { AccountPrincipal } from '../plugins/auth';
import type { Services } from '../services';
import { writeAudit, type Actor } from './audit';
import { assertScans as assertListedScans, touchScans } from './request-scans';

type Attachment = AccountRequestSubmission['attachments'][number];
export interface Ctx {
  now: Date;
  requestId: string;
}
/** Who files: nobody signed in (the secret holds the request), or an account of the enterprise. */
export type Filer = { kind: 'anonymous' } | { kind: 'account'; principal: AccountPrincipal };

export const PENDING: readonly AccountRequestStatus[] = ['submitted', 'resubmitted'];
export const sha256 = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');
const payloadHash = (s: AccountRequestSubmission) => sha256(canonicalBytes({ form: s.form, attachments: s.attachments }));
const pendingKey = (form: AccountRequestForm) => `${requestSlotOf(form.kind)}:${form.enterprise.uscc}`;
const actorOf = (filer: Filer): Actor => (filer.kind === 'account' ? { type: 'account', id: filer.principal.id } : { type: 'anonymous', id: null });

/** ZH + 10 characters without look-alikes (0/O, 1/I): read out on the phone to support. */
function newReference(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  return 'ZH' + [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** Who may file what: without login only the administrator kinds; super changes the administrator; super or admin the name. */
function assertMayFile(filer: Filer, form: AccountRequestForm, enterprise: EnterpriseTable | undefined) {
  if (filer.kind === 'anonymous') {
    if (!ANONYMOUS_REQUEST_KINDS.includes(form.kind)) throw new ApiError('ACCOUNT_REQUEST_NOT_ALLOWED');
    return;
  }
  const role = filer.principal.role;
  // Whoever is signed in knows an account: "nobody knows the accounts" is not theirs to file.
  const allowed = form.kind === 'administratorChange' ? role === 'super' : form.kind === 'enterpriseChange' && (role === 'super' || role === 'admin');
  if (!allowed) throw new ApiError('ACCOUNT_REQUEST_NOT_ALLOWED');
  if (!enterprise || enterprise.id !== filer.principal.enterpriseId) {
    throw new ApiError('BODY_INVALID', { issues: [{ path: 'body.form.enterprise.uscc', code: 'NOT_ALLOWED' }] });
  }
}

function assertChanges(form: AccountRequestForm, enterprise: EnterpriseTable | undefined) {
  if (form.kind !== 'enterpriseChange' || !enterprise) return;
  if (form.newName === enterprise.name && form.newAddress === enterprise.address) throw new ApiError('ACCOUNT_REQUEST_NO_CHANGE');
}

const assertScans = (services: Services, s: AccountRequestSubmission, kept: readonly Attachment[], now: Date) =>
  assertListedScans(services, s, missingAccountRequestScans(s.form.kind, s.attachments), kept, now);

async function assertNonePending(db: Kysely<Database>, key: string, except?: string) {
  let q = db.selectFrom('account_requests').select('id').where('pending_key', '=', key);
  if (except) q = q.where('id', '<>', except);
  if (await q.executeTakeFirst()) throw new ApiError('ACCOUNT_REQUEST_PENDING');
}

export async function addEvent(
  db: Kysely<Database>,
  row: Pick<AccountRequestTable, 'id' | 'revision'>,
  e: Pick<AccountRequestEventTable, 'action' | 'actor_type' | 'actor_id'> & { reason?: string; submission?: AccountRequestSubmission },
  at: Date,
) {
  await db
    .insertInto('account_request_events')
    .values({
      id: randomUUID(),
      request_id: row.id,
      revision: row.revision,
      action: e.action,
      actor_type: e.actor_type,
      actor_id: e.actor_id,
      reason: e.reason ?? null,
      form_json: e.submission ? JSON.stringify(e.submission.form) : null,
      attachments_json: e.submission ? JSON.stringify(e.submission.attachments) : null,
      at: at.toISOString(),
    })
    .execute();
}

/** What the audit trail keeps of a request: never the ID numbers or the form; the mobile masked. */
export const auditOf = (r: Pick<AccountRequestTable, 'reference' | 'kind' | 'uscc' | 'status' | 'revision' | 'filer_mobile'> & { refusal_reason?: string | null }) => ({
  reference: r.reference,
  kind: r.kind,
  uscc: r.uscc,
  status: r.status,
  revision: r.revision,
  filerMobile: maskMobile(r.filer_mobile),
  ...(r.refusal_reason ? { refusalReason: r.refusal_reason } : {}),
});

const enterpriseByUscc = (db: Kysely<Database>, uscc: string) => db.selectFrom('enterprises').selectAll().where('uscc', '=', uscc).executeTakeFirst();

export async function fileAccountRequest(services: Services, filer: Filer, s: AccountRequestSubmission, ctx: Ctx): Promise<AccountRequestView> {
  const { db } = services;
  const hash = payloadHash(s);
  const filedBy = filer.kind === 'account' ? filer.principal.id : null;
  const previous = await db.selectFrom('account_requests').selectAll().where('secret_hash', '=', sha256(s.secret)).executeTakeFirst();
  if (previous) {
    // The same secret is the same request: a resend after a dropped line answers it; anything else is a conflict.
    if (previous.payload_sha256 !== hash || previous.revision !== 1 || previous.filed_by_account_id !== filedBy) throw new ApiError('IDEMPOTENCY_CONFLICT');
    return requestView(db, previous);
  }
  const enterprise = await enterpriseByUscc(db, s.form.enterprise.uscc);
  assertMayFile(filer, s.form, enterprise);
  assertChanges(s.form, enterprise);
  const key = pendingKey(s.form);
  await assertNonePending(db, key);
  await assertScans(services, s, [], ctx.now);

  const at = ctx.now.toISOString();
  const row: AccountRequestTable = {
    id: randomUUID(),
    reference: newReference(),
    kind: s.form.kind,
    secret_hash: sha256(s.secret),
    payload_sha256: hash,
    uscc: s.form.enterprise.uscc,
    pending_key: key,
    enterprise_id: enterprise?.id ?? null,
    enterprise_name: enterprise?.name ?? s.form.enterprise.name,
    filed_by_account_id: filedBy,
    filed_by_role: filer.kind === 'account' ? (filer.principal.role as 'super' | 'admin') : 'anonymous',
    status: 'submitted',
    form_json: JSON.stringify(s.form),
    attachments_json: JSON.stringify(s.attachments),
    filer_mobile: s.form.filer.mobile,
    refusal_reason: null,
    revision: 1,
    submitted_at: at,
    updated_at: at,
  };
  const actor = actorOf(filer);
  await db.transaction().execute(async (tx) => {
    await touchScans(tx, s.attachments, ctx.now);
    await tx.insertInto('account_requests').values(row).execute();
    await addEvent(tx, row, { action: 'submit', actor_type: actor.type as 'account' | 'anonymous', actor_id: actor.id, submission: s }, ctx.now);
    await writeAudit(tx, { actor, enterpriseId: row.enterprise_id, action: 'account_request.submit', subjectType: 'account_request', subjectId: row.id, after: auditOf(row), at: ctx.now, requestId: ctx.requestId });
  });
  return requestView(db, row);
}

/** Without login: the request if the secret is its own; NOT_FOUND otherwise (an unknown id and a wrong secret look alike). */
export async function requestBySecret(db: Kysely<Database>, id: string, secret: string): Promise<AccountRequestTable> {
  const row = await db.selectFrom('account_requests').selectAll().where('id', '=', id).where('secret_hash', '=', sha256(secret)).executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND');
  return row;
}

/** Signed in: a request of the caller's own enterprise; another enterprise's id is simply not found. */
export async function enterpriseRequest(db: Kysely<Database>, principal: AccountPrincipal, id: string): Promise<AccountRequestTable> {
  const row = await db.selectFrom('account_requests').selectAll().where('id', '=', id).where('enterprise_id', '=', principal.enterpriseId).executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND');
  return row;
}

export async function listEnterpriseRequests(db: Kysely<Database>, principal: AccountPrincipal) {
  const rows = await db.selectFrom('account_requests').selectAll().where('enterprise_id', '=', principal.enterpriseId).orderBy('submitted_at', 'desc').orderBy('id').execute();
  return { requests: rows.map(summaryOf) };
}

export const summaryOf = (r: AccountRequestTable) => ({
  requestId: r.id,
  reference: r.reference,
  kind: r.kind,
  status: r.status,
  uscc: r.uscc,
  enterpriseName: r.enterprise_name,
  submittedAt: r.submitted_at,
  updatedAt: r.updated_at,
});

/** Corrects a refused request: same kind, same enterprise; the previous revision's scans may be kept. */
export async function resubmitAccountRequest(services: Services, filer: Filer, row: AccountRequestTable, s: AccountRequestSubmission, ctx: Ctx): Promise<AccountRequestView> {
  const { db } = services;
  const hash = payloadHash(s);
  if (row.status === 'resubmitted' && row.payload_sha256 === hash) return requestView(db, row);
  if (row.status !== 'refused') throw new ApiError('ACCOUNT_REQUEST_NOT_REFUSED');
  if (s.form.kind !== row.kind || s.form.enterprise.uscc !== row.uscc) {
    throw new ApiError('BODY_INVALID', { issues: [{ path: 'body.form.enterprise.uscc', code: 'NOT_ALLOWED' }] });
  }
  const enterprise = await enterpriseByUscc(db, row.uscc);
  if (filer.kind === 'account') assertMayFile(filer, s.form, enterprise);
  assertChanges(s.form, enterprise);
  const key = pendingKey(s.form);
  await assertNonePending(db, key, row.id);
  await assertScans(services, s, JSON.parse(row.attachments_json) as Attachment[], ctx.now);

  const next = {
    payload_sha256: hash,
    pending_key: key,
    status: 'resubmitted' as const,
    form_json: JSON.stringify(s.form),
    attachments_json: JSON.stringify(s.attachments),
    filer_mobile: s.form.filer.mobile,
    refusal_reason: null,
    revision: row.revision + 1,
    updated_at: ctx.now.toISOString(),
  };
  const actor = actorOf(filer);
  await db.transaction().execute(async (tx) => {
    await touchScans(tx, s.attachments, ctx.now);
    const claimed = await tx.updateTable('account_requests').set(next).where('id', '=', row.id).where('status', '=', 'refused').returning('id').executeTakeFirst();
    if (!claimed) throw new ApiError('ACCOUNT_REQUEST_NOT_REFUSED');
    await addEvent(tx, { id: row.id, revision: next.revision }, { action: 'resubmit', actor_type: actor.type as 'account' | 'anonymous', actor_id: actor.id, submission: s }, ctx.now);
    await writeAudit(tx, {
      actor,
      enterpriseId: row.enterprise_id,
      action: 'account_request.resubmit',
      subjectType: 'account_request',
      subjectId: row.id,
      before: auditOf(row),
      after: auditOf({ ...row, ...next }),
      at: ctx.now,
      requestId: ctx.requestId,
    });
  });
  return requestView(db, { ...row, ...next });
}

async function history(db: Kysely<Database>, id: string) {
  const events = await db.selectFrom('account_request_events').selectAll().where('request_id', '=', id).orderBy('at').orderBy('revision').execute();
  return events.map((e) => ({ action: e.action, at: e.at, reason: e.reason }));
}

export async function requestView(db: Kysely<Database>, row: AccountRequestTable): Promise<AccountRequestView> {
  return {
    requestId: row.id,
    reference: row.reference,
    kind: row.kind,
    status: row.status,
    form: JSON.parse(row.form_json) as AccountRequestForm,
    attachments: JSON.parse(row.attachments_json) as Attachment[],
    refusalReason: row.refusal_reason,
    enterpriseName: row.enterprise_name,
    filerMobile: maskMobile(row.filer_mobile),
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
    history: await history(db, row.id),
  };
}
