/**
 * The certificates an account may log in with (issue 13). A binding is proved: the key signed a fresh CA challenge
 * (ca-login.ts `provenCertificate`) in the session of the account itself or of one who manages it, or the account's
 * password was given at a CA login (ca-landing.ts); registration binds the registering key to `admin`. The
 * certificate must be the enterprise's (its USCC). Every bind and unbind is audited.
 */
import type { Kysely, Transaction } from 'kysely';
import type { BoundCertificate } from '@shared/contract/http/account-roles';
import type { AccountTable, CertificateBindingTable, Database } from '../db/schema';
import { ApiError } from '../http/api-error';
import type { VerifiedCertificate } from '../pki/chain';
import { writeAudit, type Actor } from './audit';

type Db = Kysely<Database> | Transaction<Database>;

/** The accounts (not removed) a certificate is bound to. */
export async function boundAccounts(db: Db, fingerprint: string): Promise<AccountTable[]> {
  return db
    .selectFrom('certificate_bindings')
    .innerJoin('accounts', 'accounts.id', 'certificate_bindings.account_id')
    .selectAll('accounts')
    .where('certificate_bindings.fingerprint', '=', fingerprint)
    .where('accounts.status', '!=', 'removed')
    .orderBy('accounts.username')
    .execute();
}

export const certificateView = (b: Pick<CertificateBindingTable, 'fingerprint' | 'subject' | 'not_after' | 'created_at'>): BoundCertificate => ({
  fingerprint: b.fingerprint,
  subject: b.subject,
  notAfter: b.not_after,
  boundAt: b.created_at,
});

export async function certificatesOf(db: Db, accountId: string): Promise<BoundCertificate[]> {
  const rows = await db.selectFrom('certificate_bindings').selectAll().where('account_id', '=', accountId).orderBy('created_at').execute();
  return rows.map(certificateView);
}

export async function bindCertificate(
  tx: Transaction<Database>,
  account: AccountTable,
  cert: VerifiedCertificate,
  ctx: { actor: Actor; now: Date; requestId: string; how: 'key-signature' | 'ca-login-password' },
): Promise<BoundCertificate> {
  const enterprise = await tx.selectFrom('enterprises').select('uscc').where('id', '=', account.enterprise_id).executeTakeFirstOrThrow();
  if (cert.info.uscc?.value !== enterprise.uscc) throw new ApiError('CERT_NOT_ENTERPRISE');
  const row: CertificateBindingTable = {
    fingerprint: cert.fingerprint,
    enterprise_id: account.enterprise_id,
    account_id: account.id,
    subject: cert.info.subject.text,
    not_after: cert.info.notAfter.toISOString(),
    created_at: ctx.now.toISOString(),
    certificate_der: Buffer.from(cert.info.der).toString('base64'),
    ca_profile: cert.profile,
  };
  const inserted = await tx
    .insertInto('certificate_bindings')
    .values(row)
    .onConflict((oc) => oc.columns(['fingerprint', 'account_id']).doNothing())
    .returning('fingerprint')
    .executeTakeFirst();
  if (!inserted) throw new ApiError('CERT_ALREADY_BOUND');
  await writeAudit(tx, {
    actor: ctx.actor,
    enterpriseId: account.enterprise_id,
    action: 'certificate.bind',
    subjectType: 'certificate',
    subjectId: cert.fingerprint,
    after: { account_id: account.id, subject: row.subject, not_after: row.not_after, how: ctx.how },
    at: ctx.now,
    requestId: ctx.requestId,
  });
  return certificateView(row);
}

export async function unbindCertificate(
  tx: Transaction<Database>,
  account: AccountTable,
  fingerprint: string,
  ctx: { actor: Actor; now: Date; requestId: string },
): Promise<void> {
  const gone = await tx
    .deleteFrom('certificate_bindings')
    .where('account_id', '=', account.id)
    .where('fingerprint', '=', fingerprint)
    .returning(['subject', 'not_after'])
    .executeTakeFirst();
  if (!gone) throw new ApiError('NOT_FOUND');
  await writeAudit(tx, {
    actor: ctx.actor,
    enterpriseId: account.enterprise_id,
    action: 'certificate.unbind',
    subjectType: 'certificate',
    subjectId: fingerprint,
    before: { account_id: account.id, subject: gone.subject, not_after: gone.not_after },
    at: ctx.now,
    requestId: ctx.requestId,
  });
}
