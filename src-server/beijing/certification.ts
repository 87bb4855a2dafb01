/**
 * Enterprise certification (企业认证, manual 004 steps 2–4): 法人身份鉴证 + 创建账号 at the unified identity
 * platform, then its 口令登录, which binds the enterprise to the platform account (已认证).
 *
 * States (DESIGN.md): a certification with a 中国居民身份证 is checked at once by the unified identity platform and
 * is `verified` or refused; one with 护照或其它有效身份证件 is `pending` until staff approve (`verified`) or reject
 * (`rejected`) it, within one working day. Only a verified certification's 一证通 account signs in. A binding lasts
 * until an approved unbinding request ends it. One enterprise has at most one bound platform account: the unique
 * `active_code` decides between two that bind at once, and the loser hears 该企业已被其他用户绑定 with the holder's
 * mobile masked (138****5678), so colleagues can find the account.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { certificationBodySchema, PlatformProfile, unbindingBodySchema } from '@shared/contract/http/beijing';
import { maskMobile } from '@shared/validation/mobile';
import { workingDaysDeadline } from '@shared/time/working-days';
import type { Kysely } from 'kysely';
import type {} from '../db/schema-beijing';
import type { Database } from '../db/schema';
import { assertScans } from '../domain/request-scans';
import { checkPassword } from '../domain/login';
import { hashPassword } from '../domain/passwords';
import { ApiError } from '../http/api-error';
import { conflictOf } from '../http/unique-conflicts';
import type { Services } from '../services';
import { writeEvent } from './events';

/** "系统需要一个工作日进行身份证件的审核" (manual 004 step 3). */
export const REVIEW_WORKING_DAYS = 1;

const boundElsewhere = (mobile: string) =>
  new ApiError('ENTERPRISE_BOUND', { issues: [{ path: 'body.code', code: 'ENTERPRISE_BOUND', params: { boundTo: maskMobile(mobile) } }] });

/** The active binding of `code`, with the holder's mobile. */
export async function activeBinding(db: Kysely<Database>, code: string) {
  return db
    .selectFrom('beijing_bindings')
    .innerJoin('platform_accounts', 'platform_accounts.id', 'beijing_bindings.platform_account_id')
    .select(['beijing_bindings.id', 'beijing_bindings.platform_account_id', 'beijing_bindings.enterprise_name', 'platform_accounts.mobile'])
    .where('beijing_bindings.active_code', '=', code)
    .executeTakeFirst();
}

export async function platformProfile(db: Kysely<Database>, accountId: string): Promise<PlatformProfile> {
  const account = await db.selectFrom('platform_accounts').selectAll().where('id', '=', accountId).executeTakeFirst();
  if (!account) throw new ApiError('AUTH_REQUIRED');
  const certification = await db
    .selectFrom('beijing_certifications')
    .selectAll()
    .where('platform_account_id', '=', accountId)
    .orderBy('submitted_at', 'desc')
    .executeTakeFirst();
  const binding = await db.selectFrom('beijing_bindings').selectAll().where('active_account', '=', accountId).executeTakeFirst();
  const unbindings = await db.selectFrom('beijing_unbinding_requests').selectAll().where('requester_id', '=', accountId).orderBy('submitted_at', 'desc').execute();
  return {
    account: { id: account.id, mobile: maskMobile(account.mobile), nickname: account.nickname, userType: account.user_type },
    certification: certification
      ? {
          id: certification.id,
          status: certification.status,
          enterpriseName: certification.enterprise_name,
          code: certification.code,
          idType: certification.id_type,
          yztUsername: certification.yzt_username,
          submittedAt: certification.submitted_at,
          reviewDeadline: certification.status === 'pending' ? certification.review_deadline : null,
          reason: certification.reason,
        }
      : null,
    binding: binding ? { enterpriseName: binding.enterprise_name, code: binding.code, boundAt: binding.bound_at } : null,
    unbindingRequests: unbindings.map((u) => ({ id: u.id, code: u.code, status: u.status, submittedAt: u.submitted_at, reason: u.decision_reason })),
  };
}

export async function certify(services: Services, accountId: string, body: z.output<typeof certificationBodySchema>, now: Date): Promise<void> {
  const { db } = services;
  const existing = await db.selectFrom('beijing_certifications').select('id').where('active_account', '=', accountId).executeTakeFirst();
  if (existing) throw new ApiError('ALREADY_CERTIFIED');
  // Refused before anything is created: the account could not bind the enterprise anyway (manual Q&A 1).
  const holder = await activeBinding(db, body.code);
  if (holder && holder.platform_account_id !== accountId) throw boundElsewhere(holder.mobile);
  const rep = body.legalRepresentative;
  let status: 'verified' | 'pending';
  if (rep.idType === 'residentId') {
    const answer = await services.unifiedIdentity.checkLegalRepresentative({ code: body.code, enterpriseName: body.enterpriseName, name: rep.name, idNumber: rep.idNumber });
    if (answer !== 'matches') {
      throw new ApiError('LEGAL_REPRESENTATIVE_MISMATCH', { issues: [{ path: 'body.legalRepresentative.idNumber', code: 'LEGAL_REPRESENTATIVE_MISMATCH' }] });
    }
    status = 'verified';
  } else {
    if (body.documents.length === 0 || !body.uploadToken) {
      throw new ApiError('CERTIFICATION_DOCUMENT_REQUIRED', { issues: [{ path: 'body.documents', code: 'REQUIRED' }] });
    }
    await assertScans(services, { uploadToken: body.uploadToken, attachments: body.documents.map((d) => ({ ...d, requirement: 'identityDocument' })) }, [], [], now);
    status = 'pending';
  }
  const id = randomUUID();
  const yztHash = await hashPassword(body.yzt.password);
  try {
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('beijing_certifications')
        .values({
          id,
          platform_account_id: accountId,
          active_account: accountId,
          enterprise_name: body.enterpriseName,
          code: body.code,
          legal_name: rep.name,
          id_type: rep.idType,
          id_number: rep.idNumber,
          documents_json: JSON.stringify(body.documents),
          yzt_username: body.yzt.username,
          active_yzt_username: body.yzt.username,
          yzt_password_hash: yztHash,
          status,
          review_deadline: status === 'pending' ? workingDaysDeadline(now, REVIEW_WORKING_DAYS).toISOString() : null,
          reason: null,
          reviewed_by: null,
          submitted_at: now.toISOString(),
          decided_at: status === 'verified' ? now.toISOString() : null,
        })
        .execute();
      await writeEvent(tx, { subject: ['certification', id], action: status === 'verified' ? 'verified' : 'submitted', actor: ['platform', accountId], details: { code: body.code, idType: rep.idType }, at: now });
    });
  } catch (err) {
    const taken = await db.selectFrom('beijing_certifications').select('id').where('active_yzt_username', '=', body.yzt.username).executeTakeFirst();
    if (conflictOf(err) && taken) throw new ApiError('YZT_USERNAME_TAKEN', { issues: [{ path: 'body.yzt.username', code: 'YZT_USERNAME_TAKEN' }] });
    if (conflictOf(err)) throw new ApiError('ALREADY_CERTIFIED');
    throw err;
  }
}

/**
 * 口令登录 with the 一证通 account: the certification must be verified; then its enterprise is bound to the signed-in
 * platform account. Throttled per 一证通 username and address like every password login.
 */
export async function yztLogin(services: Services, accountId: string, input: { username: string; password: string; ip: string }, now: Date): Promise<void> {
  const { db } = services;
  const row = await db
    .selectFrom('beijing_certifications')
    .selectAll()
    .where('yzt_username', '=', input.username)
    // A rejected attempt frees its username: the latest certification under it is the one that counts.
    .orderBy('submitted_at', 'desc')
    .executeTakeFirst();
  const cert = await checkPassword(db, row ? { ...row, password_hash: row.yzt_password_hash } : undefined, { password: input.password, ip: input.ip, now }, `yzt:${input.username}`).catch(
    (err: unknown) => {
      throw err instanceof ApiError && err.code === 'LOGIN_FAILED' ? new ApiError('YZT_LOGIN_FAILED') : err;
    },
  );
  if (cert.status === 'pending') throw new ApiError('CERTIFICATION_PENDING');
  if (cert.status === 'rejected') throw new ApiError('CERTIFICATION_REJECTED');
  const holder = await activeBinding(db, cert.code);
  if (holder?.platform_account_id === accountId) return;
  if (holder) throw boundElsewhere(holder.mobile);
  const id = randomUUID();
  try {
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('beijing_bindings')
        .values({
          id,
          platform_account_id: accountId,
          certification_id: cert.id,
          code: cert.code,
          enterprise_name: cert.enterprise_name,
          active_code: cert.code,
          active_account: accountId,
          bound_at: now.toISOString(),
          ended_at: null,
        })
        .execute();
      await writeEvent(tx, { subject: ['binding', id], action: 'bound', actor: ['platform', accountId], details: { code: cert.code, certificationId: cert.id }, at: now });
    });
  } catch (err) {
    if (!conflictOf(err)) throw err;
    // Another account bound the enterprise a moment earlier (or this account holds another one).
    const winner = await activeBinding(db, cert.code);
    if (winner && winner.platform_account_id !== accountId) throw boundElsewhere(winner.mobile);
    throw new ApiError('ALREADY_CERTIFIED');
  }
}

export async function requestUnbinding(services: Services, accountId: string, body: z.output<typeof unbindingBodySchema>, now: Date): Promise<void> {
  const { db } = services;
  const holder = await activeBinding(db, body.code);
  if (!holder || holder.platform_account_id === accountId) throw new ApiError('ENTERPRISE_NOT_BOUND');
  await assertScans(services, { uploadToken: body.uploadToken, attachments: body.documents.map((d) => ({ ...d, requirement: 'unbinding' })) }, [], [], now);
  const id = randomUUID();
  try {
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('beijing_unbinding_requests')
        .values({
          id,
          requester_id: accountId,
          binding_id: holder.id,
          code: body.code,
          pending_key: `${accountId}:${body.code}`,
          reason: body.reason,
          contact_name: body.contact.name,
          contact_mobile: body.contact.mobile,
          documents_json: JSON.stringify(body.documents),
          status: 'pending',
          decision_reason: null,
          reviewed_by: null,
          submitted_at: now.toISOString(),
          decided_at: null,
        })
        .execute();
      await writeEvent(tx, { subject: ['unbinding', id], action: 'submitted', actor: ['platform', accountId], details: { code: body.code, bindingId: holder.id }, at: now });
    });
  } catch (err) {
    if (conflictOf(err)) throw new ApiError('UNBINDING_PENDING');
    throw err;
  }
}
