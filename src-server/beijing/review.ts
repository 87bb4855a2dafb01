/**
 * The staff side of the Beijing platform (staff duty `beijingReview`): certifications with a foreign document,
 * due within one working day, and unbinding requests. Each decision is one conditional update (of two staff
 * deciding at once one wins, the other hears BEIJING_ALREADY_DECIDED), recorded as an event; the texts go out
 * after the commit.
 */
import type { Kysely } from 'kysely';
import { maskMobile } from '@shared/validation/mobile';
import type { StaffCertification, StaffUnbinding } from '@shared/contract/http/beijing';
import type {} from '../db/schema-beijing';
import type { Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import { beijingSms } from '../notifications/beijing-templates';
import type { Services } from '../services';
import { writeEvent } from './events';

type Decision = { decision: 'approve' } | { decision: 'reject'; reason: string };

export async function reviewQueue(db: Kysely<Database>, now: Date): Promise<{ certifications: StaffCertification[]; unbindings: StaffUnbinding[] }> {
  const certs = await db
    .selectFrom('beijing_certifications')
    .innerJoin('platform_accounts', 'platform_accounts.id', 'beijing_certifications.platform_account_id')
    .selectAll('beijing_certifications')
    .select('platform_accounts.mobile')
    .where('status', '=', 'pending')
    .orderBy('review_deadline')
    .orderBy('submitted_at')
    .execute();
  const unbindings = await db
    .selectFrom('beijing_unbinding_requests as u')
    .innerJoin('platform_accounts as requester', 'requester.id', 'u.requester_id')
    .innerJoin('beijing_bindings as b', 'b.id', 'u.binding_id')
    .innerJoin('platform_accounts as holder', 'holder.id', 'b.platform_account_id')
    .selectAll('u')
    .select(['requester.mobile as requester_mobile', 'holder.mobile as holder_mobile', 'b.enterprise_name'])
    .where('u.status', '=', 'pending')
    .orderBy('u.submitted_at')
    .execute();
  return {
    certifications: certs.map((c) => ({
      id: c.id,
      enterpriseName: c.enterprise_name,
      code: c.code,
      legalRepresentative: { name: c.legal_name, idType: c.id_type, idNumber: c.id_number },
      documents: JSON.parse(c.documents_json) as StaffCertification['documents'],
      accountMobile: maskMobile(c.mobile),
      submittedAt: c.submitted_at,
      reviewDeadline: c.review_deadline!,
      overdue: new Date(c.review_deadline!) <= now,
    })),
    unbindings: unbindings.map((u) => ({
      id: u.id,
      code: u.code,
      enterpriseName: u.enterprise_name,
      reason: u.reason,
      // Staff call the contact back: the contact's number is what the requester gave for that, shown whole.
      contact: { name: u.contact_name, mobile: u.contact_mobile },
      documents: JSON.parse(u.documents_json) as StaffUnbinding['documents'],
      requesterMobile: maskMobile(u.requester_mobile),
      boundMobile: maskMobile(u.holder_mobile),
      submittedAt: u.submitted_at,
    })),
  };
}

export async function decideCertification(services: Services, staffId: string, id: string, d: Decision, now: Date): Promise<void> {
  const { db } = services;
  const row = await db
    .selectFrom('beijing_certifications')
    .innerJoin('platform_accounts', 'platform_accounts.id', 'beijing_certifications.platform_account_id')
    .select(['beijing_certifications.status', 'enterprise_name', 'yzt_username', 'platform_accounts.mobile'])
    .where('beijing_certifications.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND');
  await db.transaction().execute(async (tx) => {
    const done = await tx
      .updateTable('beijing_certifications')
      .set({
        status: d.decision === 'approve' ? 'verified' : 'rejected',
        reason: d.decision === 'reject' ? d.reason : null,
        // A rejected certification frees the account for a new one.
        ...(d.decision === 'reject' ? { active_account: null, active_yzt_username: null } : {}),
        reviewed_by: staffId,
        decided_at: now.toISOString(),
      })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new ApiError('BEIJING_ALREADY_DECIDED');
    await writeEvent(tx, { subject: ['certification', id], action: d.decision === 'approve' ? 'approved' : 'rejected', actor: ['staff', staffId], ...(d.decision === 'reject' ? { details: { reason: d.reason } } : {}), at: now });
  });
  await services.sms.send(
    row.mobile,
    d.decision === 'approve' ? beijingSms.certificationApproved({ enterprise: row.enterprise_name, username: row.yzt_username }) : beijingSms.certificationRejected({ enterprise: row.enterprise_name, reason: d.reason }),
  );
}

/** Approval ends the old binding (its account is told) and frees the enterprise for the requester to certify. */
export async function decideUnbinding(services: Services, staffId: string, id: string, d: Decision, now: Date): Promise<void> {
  const { db } = services;
  const row = await db
    .selectFrom('beijing_unbinding_requests as u')
    .innerJoin('platform_accounts as requester', 'requester.id', 'u.requester_id')
    .innerJoin('beijing_bindings as b', 'b.id', 'u.binding_id')
    .innerJoin('platform_accounts as holder', 'holder.id', 'b.platform_account_id')
    .select(['u.binding_id', 'b.enterprise_name', 'requester.mobile as requester_mobile', 'holder.mobile as holder_mobile', 'b.ended_at'])
    .where('u.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND');
  let ended = false;
  await db.transaction().execute(async (tx) => {
    const done = await tx
      .updateTable('beijing_unbinding_requests')
      .set({ status: d.decision === 'approve' ? 'approved' : 'rejected', pending_key: null, decision_reason: d.decision === 'reject' ? d.reason : null, reviewed_by: staffId, decided_at: now.toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new ApiError('BEIJING_ALREADY_DECIDED');
    await writeEvent(tx, { subject: ['unbinding', id], action: d.decision === 'approve' ? 'approved' : 'rejected', actor: ['staff', staffId], ...(d.decision === 'reject' ? { details: { reason: d.reason } } : {}), at: now });
    if (d.decision !== 'approve') return;
    const end = await tx
      .updateTable('beijing_bindings')
      .set({ active_code: null, active_account: null, ended_at: now.toISOString() })
      .where('id', '=', row.binding_id)
      .where('ended_at', 'is', null)
      .executeTakeFirst();
    ended = Number(end.numUpdatedRows) === 1;
    if (ended) await writeEvent(tx, { subject: ['binding', row.binding_id], action: 'ended', actor: ['staff', staffId], details: { unbindingRequestId: id }, at: now });
  });
  if (d.decision === 'reject') {
    await services.sms.send(row.requester_mobile, beijingSms.unbindingRejected({ enterprise: row.enterprise_name, reason: d.reason }));
    return;
  }
  if (ended) await services.sms.send(row.holder_mobile, beijingSms.bindingEnded({ enterprise: row.enterprise_name }));
  await services.sms.send(row.requester_mobile, beijingSms.unbindingApproved({ enterprise: row.enterprise_name }));
}

/** A scan some certification or unbinding request lists; NOT_FOUND for any other hash. */
export async function listedDocument(db: Kysely<Database>, sha256: string): Promise<boolean> {
  const like = `%${sha256}%`;
  const cert = await db.selectFrom('beijing_certifications').select('id').where('documents_json', 'like', like).executeTakeFirst();
  if (cert) return true;
  return Boolean(await db.selectFrom('beijing_unbinding_requests').select('id').where('documents_json', 'like', like).executeTakeFirst());
}
