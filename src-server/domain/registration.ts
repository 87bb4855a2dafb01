/**
 * CA registration (DESIGN.md "Flows and states"): submit → SMS code to the administrator → confirm → enterprise
 * with `admin` and `super`, initial passwords by SMS, a forced change at first login, and the certificate bound to
 * `admin` for CA login. A retried submit with the same idempotency key and payload answers the same registration.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { parseCertificate } from '@shared/certificate/parse';
import type { RegistrationEnvelope } from '@shared/contract/http/registration';
import { canonicalBytes } from '@shared/validation/canonical-json';
import { maskMobile } from '@shared/validation/mobile';
import type { RegistrationTable } from '../db/schema';
import { ApiError } from '../http/api-error';
import { smsTemplates } from '../notifications/templates';
import type { Services } from '../services';
import { writeAudit } from './audit';
import { announceNewEnterprise, createEnterpriseWithAccounts } from './enterprise-create';
import { initialPasswordKey } from './initial-password-outbox';
import { addSeconds } from './clock';
import { assertScansUploadedUnder } from './uploads';
import {
  assertAttachmentsUploaded,
  assertCertificateUscc,
  assertNotRegistered,
  assertRegistryMatch,
  verifySignedPayload,
} from './registration-checks';
import {
  hashSmsCode,
  newSmsCode,
  SMS_CODE_MAX_ATTEMPTS,
  SMS_CODE_RESEND_SECONDS,
  SMS_CODE_TTL_SECONDS,
  smsCodeMatches,
} from './sms-code';

const anonymous = { type: 'anonymous' as const, id: null };

export async function submitRegistration(
  services: Services,
  envelope: RegistrationEnvelope & { uploadToken: string },
  rawPayload: unknown,
  now: Date,
  requestId: string,
) {
  const { db } = services;
  const { payload } = envelope;
  const payloadSha256 = createHash('sha256').update(canonicalBytes(rawPayload)).digest('hex');

  const previous = await db.selectFrom('registrations').selectAll().where('idempotency_key', '=', payload.idempotencyKey).executeTakeFirst();
  if (previous) {
    if (previous.payload_sha256 !== payloadSha256) throw new ApiError('IDEMPOTENCY_CONFLICT');
    if (previous.status !== 'sms_pending') throw new ApiError('ENTERPRISE_ALREADY_REGISTERED');
    return { registrationId: previous.id, mobile: maskMobile(previous.mobile), codeExpiresAt: previous.sms_code_expires_at };
  }

  const cert = await verifySignedPayload(rawPayload, envelope.cms, services.trust, now);
  assertCertificateUscc(cert, payload.enterprise.uscc);
  await assertNotRegistered(db, payload.enterprise.uscc);
  await assertRegistryMatch(db, payload.enterprise);
  await assertAttachmentsUploaded(db, payload.attachments);
  await assertScansUploadedUnder(services, envelope.uploadToken, payload.attachments.map((a) => a.sha256), now);

  const id = randomUUID();
  const code = newSmsCode();
  const row: RegistrationTable = {
    id,
    idempotency_key: payload.idempotencyKey,
    payload_sha256: payloadSha256,
    uscc: payload.enterprise.uscc,
    status: 'sms_pending',
    payload_json: JSON.stringify({ payload: rawPayload, cms: envelope.cms }),
    certificate_der: Buffer.from(cert.info.der).toString('base64'),
    certificate_fingerprint: cert.fingerprint,
    mobile: payload.administrator.mobile,
    sms_code_hash: hashSmsCode(id, code),
    sms_code_expires_at: addSeconds(now, SMS_CODE_TTL_SECONDS).toISOString(),
    sms_code_sent_at: now.toISOString(),
    sms_attempts: 0,
    enterprise_id: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
    ca_profile: cert.profile,
  };
  await db.transaction().execute(async (tx) => {
    // Renews the scans' touched_at in this transaction: housekeeping deletes an unowned file only while that is
    // old and nothing lists it, so a scan it removed after the check above is missed here (row gone: refused),
    // and one this registration lists is never removed while the registration stays.
    const hashes = [...new Set(payload.attachments.map((a) => a.sha256))];
    const touched = await tx.updateTable('files').set({ touched_at: now.toISOString() }).where('sha256', 'in', hashes).executeTakeFirst();
    if (Number(touched.numUpdatedRows) !== hashes.length) {
      throw new ApiError('ATTACHMENT_MISSING', { issues: [{ path: 'payload.attachments', code: 'not_uploaded' }] });
    }
    await tx.insertInto('registrations').values(row).execute();
    await writeAudit(tx, {
      actor: anonymous,
      enterpriseId: null,
      action: 'registration.submit',
      subjectType: 'registration',
      subjectId: id,
      after: { ...row, mobile: maskMobile(row.mobile), caProfile: cert.profile },
      at: now,
      requestId,
    });
  });
  await services.sms.send(row.mobile, smsTemplates.registrationCode(code));
  return { registrationId: id, mobile: maskMobile(row.mobile), codeExpiresAt: row.sms_code_expires_at };
}

async function pendingRegistration(services: Services, registrationId: string) {
  const row = await services.db.selectFrom('registrations').selectAll().where('id', '=', registrationId).executeTakeFirst();
  if (!row) throw new ApiError('NOT_FOUND');
  if (row.status !== 'sms_pending') throw new ApiError('REGISTRATION_NOT_PENDING');
  return row;
}

export async function resendRegistrationCode(services: Services, registrationId: string, now: Date, requestId: string) {
  const row = await pendingRegistration(services, registrationId);
  if (addSeconds(new Date(row.sms_code_sent_at), SMS_CODE_RESEND_SECONDS) > now) throw new ApiError('RATE_LIMITED');
  const code = newSmsCode();
  const expiresAt = addSeconds(now, SMS_CODE_TTL_SECONDS).toISOString();
  await services.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('registrations')
      .set({ sms_code_hash: hashSmsCode(row.id, code), sms_code_expires_at: expiresAt, sms_code_sent_at: now.toISOString(), sms_attempts: 0, updated_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
    await writeAudit(tx, {
      actor: anonymous,
      enterpriseId: null,
      action: 'registration.resend_code',
      subjectType: 'registration',
      subjectId: row.id,
      before: { sms_code_sent_at: row.sms_code_sent_at, sms_attempts: row.sms_attempts },
      after: { sms_code_sent_at: now.toISOString(), sms_attempts: 0 },
      at: now,
      requestId,
    });
  });
  await services.sms.send(row.mobile, smsTemplates.registrationCode(code));
  return { mobile: maskMobile(row.mobile), codeExpiresAt: expiresAt };
}

export async function confirmRegistration(
  services: Services,
  input: { registrationId: string; code: string },
  ctx: { now: Date; requestId: string; log: FastifyBaseLogger },
) {
  const { registrationId, code } = input;
  const { now, requestId } = ctx;
  const { db } = services;
  const row = await pendingRegistration(services, registrationId);
  // The try is counted before the code is compared, in one conditional UPDATE, so concurrent guesses are each
  // counted and only the allowed number is compared (issue 17).
  const tried = await db
    .updateTable('registrations')
    .set((eb) => ({ sms_attempts: eb('sms_attempts', '+', 1) }))
    .where('id', '=', row.id)
    .where('sms_attempts', '<', SMS_CODE_MAX_ATTEMPTS)
    .where('sms_code_expires_at', '>', now.toISOString())
    .returning(['sms_code_hash'])
    .executeTakeFirst();
  if (!tried || !smsCodeMatches(row.id, code, tried.sms_code_hash)) throw new ApiError('SMS_CODE_INVALID');
  const { payload } = JSON.parse(row.payload_json) as { payload: RegistrationEnvelope['payload'] };
  const enterpriseId = randomUUID();

  const created = await db.transaction().execute(async (tx) => {
    // Conditional update: of two concurrent confirmations only one proceeds.
    const claimed = await tx
      .updateTable('registrations')
      .set({ status: 'completed', enterprise_id: enterpriseId, updated_at: now.toISOString() })
      .where('id', '=', row.id)
      .where('status', '=', 'sms_pending')
      .returning('id')
      .executeTakeFirst();
    if (!claimed) throw new ApiError('REGISTRATION_NOT_PENDING');
    const made = await createEnterpriseWithAccounts(
      tx,
      {
        uscc: row.uscc,
        name: payload.enterprise.name,
        address: payload.enterprise.address,
        legalRepresentative: payload.enterprise.legalRepresentative,
        administrator: { name: payload.administrator.name, mobile: row.mobile, email: payload.administrator.email ?? null },
      },
      { actor: anonymous, now, requestId, enterpriseId, outboxKey: await initialPasswordKey(services.config) },
    );
    const certInfo = parseCertificate(Buffer.from(row.certificate_der, 'base64'));
    await tx
      .insertInto('certificate_bindings')
      .values({
        fingerprint: row.certificate_fingerprint,
        enterprise_id: enterpriseId,
        account_id: made.adminAccountId,
        subject: certInfo.subject.text,
        not_after: certInfo.notAfter.toISOString(),
        created_at: now.toISOString(),
        // Kept so that a renewed certificate can be compared with it (domain/certificate-renewal.ts).
        certificate_der: row.certificate_der,
        ca_profile: row.ca_profile,
      })
      .execute();
    await writeAudit(tx, { actor: anonymous, enterpriseId, action: 'certificate.bind', subjectType: 'certificate', subjectId: row.certificate_fingerprint, after: { account_id: made.adminAccountId, subject: certInfo.subject.text }, at: now, requestId });
    for (const a of payload.attachments) {
      await tx
        .insertInto('file_owners')
        .values({ sha256: a.sha256, enterprise_id: enterpriseId, item: 'registration', created_at: now.toISOString() })
        .onConflict((oc) => oc.columns(['sha256', 'enterprise_id']).doNothing())
        .execute();
    }
    await writeAudit(tx, { actor: anonymous, enterpriseId, action: 'registration.complete', subjectType: 'registration', subjectId: row.id, before: { status: 'sms_pending' }, after: { status: 'completed', enterprise_id: enterpriseId }, at: now, requestId });
    return made;
  });

  await announceNewEnterprise(services, created, ctx.log);
  const name = created.enterprise.name;
  return { enterpriseId, uscc: row.uscc, name, usernames: ['admin', 'super'] };
}
