/**
 * Online pre-registration (contract: src-shared/contract/http/pre-registration.ts). The clerk submits; the
 * identity service and the market regulator are asked at once (verification/), so a request staff see has
 * passed both; staff approve (the enterprise and its accounts, domain/enterprise-create.ts) or refuse with a
 * reason; a refused request is corrected and resubmitted as the same request, each revision kept as an event.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import {
  missingPreRegistrationScans,
  type PreRegistrationForm,
  type PreRegistrationStatus,
  type PreRegistrationView,
  type StaffPreRegistration,
} from '@shared/contract/http/pre-registration';
import { canonicalBytes } from '@shared/validation/canonical-json';
import { maskMobile } from '@shared/validation/mobile';
import type { Database } from '../db/schema';
import type { PreRegistrationEventTable, PreRegistrationTable } from '../db/schema-pre-registration';
import { ApiError } from '../http/api-error';
import { smsTemplates } from '../notifications/templates';
import type { Services } from '../services';
import { writeAudit, type Actor } from './audit';
import { announceNewEnterprise, createEnterpriseWithAccounts } from './enterprise-create';
import { initialPasswordKey } from './initial-password-outbox';
import { assertNotRegistered } from './registration-checks';
import { assertScans as assertListedScans, listedScan, touchScans } from './request-scans';

export interface Attachment {
  requirement: string;
  sha256: string;
  size: number;
  mediaType: 'application/pdf' | 'image/jpeg' | 'image/png';
}
export interface Submission {
  secret: string;
  uploadToken: string;
  form: PreRegistrationForm;
  attachments: Attachment[];
}
interface Ctx {
  now: Date;
  requestId: string;
}

const anonymous: Actor = { type: 'anonymous', id: null };
const PENDING: readonly PreRegistrationStatus[] = ['submitted', 'resubmitted'];
const sha256 = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');
const payloadHash = (s: Submission) => sha256(canonicalBytes({ form: s.form, attachments: s.attachments }));

/** YZ + 10 characters without look-alikes (0/O, 1/I): read out on the phone to support. */
function newReference(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  return 'YZ' + [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** The manual's three failures (002 Q&A 三), each its own code; the identity first, as the manual lists them. */
async function assertChecksPass(services: Services, form: PreRegistrationForm): Promise<void> {
  const rep = form.legalRepresentative;
  const identity = await services.identity.verify({ name: rep.name, idNumber: rep.idNumber, mobile: rep.mobile });
  if (identity === 'carrierUnknown') {
    throw new ApiError('PRE_REGISTRATION_CARRIER_UNKNOWN');
  }
  if (identity !== 'verified') throw new ApiError('PRE_REGISTRATION_IDENTITY_MISMATCH');
  const registered = await services.marketRegulator.matches({ uscc: form.enterprise.uscc, legalRepresentativeName: rep.name, legalRepresentativeIdNumber: rep.idNumber });
  if (!registered) throw new ApiError('PRE_REGISTRATION_REGISTRY_MISMATCH');
}

const assertScans = (services: Services, s: Submission, kept: readonly Attachment[], now: Date) =>
  assertListedScans(services, s, missingPreRegistrationScans(s.attachments), kept, now);

async function addEvent(
  db: Kysely<Database>,
  row: Pick<PreRegistrationTable, 'id' | 'revision'>,
  e: Pick<PreRegistrationEventTable, 'action' | 'actor_type' | 'actor_id'> & { reason?: string; submission?: Submission },
  at: Date,
) {
  await db
    .insertInto('pre_registration_events')
    .values({
      id: randomUUID(),
      pre_registration_id: row.id,
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

/** What the audit trail keeps of a request: never the ID numbers or the form, the mobile masked. */
const auditOf = (r: Pick<PreRegistrationTable, 'reference' | 'uscc' | 'status' | 'revision' | 'administrator_mobile'> & { refusal_reason?: string | null }) => ({
  reference: r.reference,
  uscc: r.uscc,
  status: r.status,
  revision: r.revision,
  administratorMobile: maskMobile(r.administrator_mobile),
  ...(r.refusal_reason ? { refusalReason: r.refusal_reason } : {}),
});

async function assertNonePending(db: Kysely<Database>, uscc: string, except?: string) {
  let q = db.selectFrom('pre_registrations').select('id').where('pending_uscc', '=', uscc);
  if (except) q = q.where('id', '<>', except);
  if (await q.executeTakeFirst()) throw new ApiError('PRE_REGISTRATION_PENDING');
}

export async function submitPreRegistration(services: Services, s: Submission, ctx: Ctx): Promise<PreRegistrationView> {
  const { db } = services;
  const hash = payloadHash(s);
  const previous = await db.selectFrom('pre_registrations').selectAll().where('secret_hash', '=', sha256(s.secret)).executeTakeFirst();
  if (previous) {
    // The same secret is the same request: a resend after a dropped line answers it; anything else is a conflict.
    if (previous.payload_sha256 !== hash || previous.revision !== 1) throw new ApiError('IDEMPOTENCY_CONFLICT');
    return clerkView(db, previous);
  }
  const uscc = s.form.enterprise.uscc;
  await assertNotRegistered(db, uscc);
  await assertNonePending(db, uscc);
  await assertChecksPass(services, s.form);
  await assertScans(services, s, [], ctx.now);

  const at = ctx.now.toISOString();
  const row: PreRegistrationTable = {
    id: randomUUID(),
    reference: newReference(),
    secret_hash: sha256(s.secret),
    payload_sha256: hash,
    uscc,
    pending_uscc: uscc,
    enterprise_name: s.form.enterprise.name,
    status: 'submitted',
    form_json: JSON.stringify(s.form),
    attachments_json: JSON.stringify(s.attachments),
    administrator_mobile: s.form.administrator.mobile,
    refusal_reason: null,
    revision: 1,
    enterprise_id: null,
    submitted_at: at,
    updated_at: at,
  };
  await db.transaction().execute(async (tx) => {
    await touchScans(tx, s.attachments, ctx.now);
    await tx.insertInto('pre_registrations').values(row).execute();
    await addEvent(tx, row, { action: 'submit', actor_type: 'anonymous', actor_id: null, submission: s }, ctx.now);
    await writeAudit(tx, { actor: anonymous, enterpriseId: null, action: 'pre_registration.submit', subjectType: 'pre_registration', subjectId: row.id, after: auditOf(row), at: ctx.now, requestId: ctx.requestId });
  });
  return clerkView(db, row);
}

/** The request if the secret is its own; NOT_FOUND otherwise (an unknown id and a wrong secret look the same). */
async function ownRequest(db: Kysely<Database>, id: string, secret: string): Promise<PreRegistrationTable> {
  const row = await db.selectFrom('pre_registrations').selectAll().where('id', '=', id).where('secret_hash', '=', sha256(secret)).executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND');
  return row;
}

export async function viewPreRegistration(services: Services, id: string, secret: string): Promise<PreRegistrationView> {
  return clerkView(services.db, await ownRequest(services.db, id, secret));
}

export async function resubmitPreRegistration(services: Services, id: string, s: Submission, ctx: Ctx): Promise<PreRegistrationView> {
  const { db } = services;
  const row = await ownRequest(db, id, s.secret);
  const hash = payloadHash(s);
  if (row.status === 'resubmitted' && row.payload_sha256 === hash) return clerkView(db, row);
  if (row.status !== 'refused') throw new ApiError('PRE_REGISTRATION_NOT_REFUSED');
  // The enterprise is the request's: a correction fixes the details, it does not turn into another enterprise's.
  if (s.form.enterprise.uscc !== row.uscc) throw new ApiError('BODY_INVALID', { issues: [{ path: 'body.form.enterprise.uscc', code: 'NOT_ALLOWED' }] });
  await assertNotRegistered(db, row.uscc);
  await assertNonePending(db, row.uscc, row.id);
  await assertChecksPass(services, s.form);
  await assertScans(services, s, JSON.parse(row.attachments_json) as Attachment[], ctx.now);

  const at = ctx.now.toISOString();
  const next = {
    payload_sha256: hash,
    pending_uscc: row.uscc,
    enterprise_name: s.form.enterprise.name,
    status: 'resubmitted' as const,
    form_json: JSON.stringify(s.form),
    attachments_json: JSON.stringify(s.attachments),
    administrator_mobile: s.form.administrator.mobile,
    refusal_reason: null,
    revision: row.revision + 1,
    updated_at: at,
  };
  await db.transaction().execute(async (tx) => {
    await touchScans(tx, s.attachments, ctx.now);
    const claimed = await tx.updateTable('pre_registrations').set(next).where('id', '=', row.id).where('status', '=', 'refused').returning('id').executeTakeFirst();
    if (!claimed) throw new ApiError('PRE_REGISTRATION_NOT_REFUSED');
    await addEvent(tx, { id: row.id, revision: next.revision }, { action: 'resubmit', actor_type: 'anonymous', actor_id: null, submission: s }, ctx.now);
    await writeAudit(tx, {
      actor: anonymous,
      enterpriseId: null,
      action: 'pre_registration.resubmit',
      subjectType: 'pre_registration',
      subjectId: row.id,
      before: auditOf(row),
      after: auditOf({ ...row, ...next }),
      at: ctx.now,
      requestId: ctx.requestId,
    });
  });
  return clerkView(db, { ...row, ...next });
}

async function history(db: Kysely<Database>, id: string) {
  const events = await db.selectFrom('pre_registration_events').selectAll().where('pre_registration_id', '=', id).orderBy('at').orderBy('revision').execute();
  return events.map((e) => ({ action: e.action, at: e.at, reason: e.reason }));
}

async function clerkView(db: Kysely<Database>, row: PreRegistrationTable): Promise<PreRegistrationView> {
  return {
    preRegistrationId: row.id,
    reference: row.reference,
    status: row.status,
    form: JSON.parse(row.form_json) as PreRegistrationForm,
    attachments: JSON.parse(row.attachments_json) as PreRegistrationView['attachments'],
    refusalReason: row.refusal_reason,
    administratorMobile: maskMobile(row.administrator_mobile),
    submittedAt: row.submitted_at,
    updatedAt: row.updated_at,
    history: await history(db, row.id),
  };
}

// ── Staff ─────────────────────────────────────────────────────────────────────────────────────────────────

export async function staffQueue(db: Kysely<Database>, q: { status?: PreRegistrationStatus; q?: string; limit: number; offset: number }) {
  let base = db.selectFrom('pre_registrations');
  if (q.status) base = base.where('status', '=', q.status);
  if (q.q) {
    const text = q.q;
    base = base.where((eb) => eb.or([eb('uscc', '=', text.toUpperCase()), eb('enterprise_name', 'like', `%${text}%`), eb('reference', '=', text.toUpperCase())]));
  }
  const total = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await base.selectAll().orderBy('updated_at').orderBy('id').limit(q.limit).offset(q.offset).execute();
  return {
    total: Number(total.n),
    requests: rows.map((r) => ({
      preRegistrationId: r.id,
      reference: r.reference,
      status: r.status,
      uscc: r.uscc,
      enterpriseName: r.enterprise_name,
      submittedAt: r.submitted_at,
      updatedAt: r.updated_at,
    })),
  };
}

async function findRequest(db: Kysely<Database>, id: string) {
  const row = await db.selectFrom('pre_registrations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND');
  return row;
}

export async function staffView(db: Kysely<Database>, id: string): Promise<StaffPreRegistration> {
  const row = await findRequest(db, id);
  return {
    ...(await clerkView(db, row)),
    administratorMobile: row.administrator_mobile,
    enterpriseId: row.enterprise_id,
    allowedActions: PENDING.includes(row.status) ? ['approve', 'refuse'] : [],
  };
}

/** A scan the request lists now or listed in an earlier revision (staff compare corrections); else NOT_FOUND. */
export async function staffFile(db: Kysely<Database>, id: string, hash: string) {
  await findRequest(db, id);
  const listed = await db
    .selectFrom('pre_registration_events')
    .select('id')
    .where('pre_registration_id', '=', id)
    .where('attachments_json', 'like', `%"${hash}"%`)
    .executeTakeFirst();
  return listedScan(db, !!listed, hash);
}

export async function refusePreRegistration(services: Services, id: string, staffId: string, reason: string, ctx: Ctx) {
  const { db } = services;
  const row = await findRequest(db, id);
  const at = ctx.now.toISOString();
  await db.transaction().execute(async (tx) => {
    const claimed = await tx
      .updateTable('pre_registrations')
      .set({ status: 'refused', pending_uscc: null, refusal_reason: reason, updated_at: at })
      .where('id', '=', id)
      .where('status', 'in', PENDING)
      .returning('id')
      .executeTakeFirst();
    if (!claimed) throw new ApiError('PRE_REGISTRATION_NOT_PENDING');
    await addEvent(tx, row, { action: 'refuse', actor_type: 'staff', actor_id: staffId, reason }, ctx.now);
    await writeAudit(tx, {
      actor: { type: 'staff', id: staffId },
      enterpriseId: null,
      action: 'pre_registration.refuse',
      subjectType: 'pre_registration',
      subjectId: id,
      before: auditOf(row),
      after: auditOf({ ...row, status: 'refused', refusal_reason: reason }),
      at: ctx.now,
      requestId: ctx.requestId,
    });
  });
  await services.sms.send(row.administrator_mobile, smsTemplates.preRegistrationRefused({ enterprise: row.enterprise_name, reference: row.reference }));
  return staffView(db, id);
}

export async function approvePreRegistration(services: Services, id: string, staffId: string, ctx: Ctx & { log: FastifyBaseLogger }) {
  const { db } = services;
  const row = await findRequest(db, id);
  const form = JSON.parse(row.form_json) as PreRegistrationForm;
  const attachments = JSON.parse(row.attachments_json) as Attachment[];
  const actor: Actor = { type: 'staff', id: staffId };
  const enterpriseId = randomUUID();
  const created = await db.transaction().execute(async (tx) => {
    // Conditional: of two staff approving at once, one proceeds; the other is told it was decided.
    const claimed = await tx
      .updateTable('pre_registrations')
      .set({ status: 'approved', pending_uscc: null, updated_at: ctx.now.toISOString() })
      .where('id', '=', id)
      .where('status', 'in', PENDING)
      .returning('id')
      .executeTakeFirst();
    if (!claimed) throw new ApiError('PRE_REGISTRATION_NOT_PENDING');
    const made = await createEnterpriseWithAccounts(
      tx,
      {
        uscc: row.uscc,
        name: form.enterprise.name,
        address: form.enterprise.address,
        legalRepresentative: form.legalRepresentative.name,
        administrator: { name: form.administrator.name, mobile: form.administrator.mobile, email: form.administrator.email ?? null },
      },
      { actor, now: ctx.now, requestId: ctx.requestId, enterpriseId, outboxKey: await initialPasswordKey(services.config) },
    );
    // Only now: the column references the enterprise, which did not exist when the request was claimed.
    await tx.updateTable('pre_registrations').set({ enterprise_id: enterpriseId }).where('id', '=', id).execute();
    for (const a of attachments) {
      await tx
        .insertInto('file_owners')
        .values({ sha256: a.sha256, enterprise_id: enterpriseId, item: 'preRegistration', created_at: ctx.now.toISOString() })
        .onConflict((oc) => oc.columns(['sha256', 'enterprise_id']).doNothing())
        .execute();
    }
    await addEvent(tx, row, { action: 'approve', actor_type: 'staff', actor_id: staffId }, ctx.now);
    await writeAudit(tx, {
      actor,
      enterpriseId,
      action: 'pre_registration.approve',
      subjectType: 'pre_registration',
      subjectId: id,
      before: auditOf(row),
      after: { ...auditOf({ ...row, status: 'approved' }), enterpriseId },
      at: ctx.now,
      requestId: ctx.requestId,
    });
    return made;
  });
  await announceNewEnterprise(services, created, ctx.log);
  return staffView(db, id);
}
