/**
 * A renewed CA certificate takes over its predecessor's binding once the enterprise's administrator confirmed it
 * with an SMS code (renewal-confirmation.ts; src-server/README.md, "CA login and renewed certificates"). CAs renew an enterprise's key every year or two with a new key pair and
 * the same subject; a binding keyed on the old fingerprint alone would lock the clerk out at every renewal.
 *
 * The new certificate has already passed the login's checks (chain to a trust root, validity, key usage, the
 * signature over this server's challenge). It is bound to the account of an existing binding when:
 * - its USCC is a registered enterprise's, and that enterprise has bindings whose certificates
 * - chained to the same trust profile, name the same issuer and the same subject (attribute by attribute, in
 *   order: the decoded values, not the string encoding) and carry the same USCC;
 * - those certificates are all bound to the same accounts (one account, or since migration 0011 the same several:
 *   the company key of the admin and the handlers who bound it; certificates of the same subject bound to
 *   different accounts: we cannot tell whose renewal it is);
 * - it was issued after and expires after the newest of them (a renewal, not an older or parallel certificate).
 * Anything else answers CA_CERT_NOT_BOUND as before. Once confirmed, the new certificate is bound to each of those
 * accounts with its `certificate.renewed_binding` audit row (actor: the administrator who confirmed); the old
 * binding stays, so the old key works until it expires. The account's mobile is told by SMS.
 */
import { createHash } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { parseCertificate, type CertificateInfo, type DistinguishedName } from '@shared/certificate/parse';
import type { AccountTable, CertificateBindingTable } from '../db/schema';
import { smsTemplates } from '../notifications/templates';
import type { VerifiedCertificate } from '../pki/chain';
import type { Services } from '../services';
import { writeAudit, type Actor } from './audit';
import { chinaDate } from '@shared/time/china';

export const RENEWED_BINDING_ACTION = 'certificate.renewed_binding';

/** Same attributes in the same order with the same decoded values (PrintableString vs UTF8String does not count). */
export function sameName(a: DistinguishedName, b: DistinguishedName): boolean {
  return (
    a.attributes.length === b.attributes.length &&
    a.attributes.every((attr, i) => attr.oid === b.attributes[i]!.oid && attr.value === b.attributes[i]!.value)
  );
}

interface BoundCertificate {
  binding: CertificateBindingTable;
  info: CertificateInfo;
}

function boundCertificate(binding: CertificateBindingTable): BoundCertificate | null {
  if (!binding.certificate_der) return null;
  const der = Buffer.from(binding.certificate_der, 'base64');
  // The stored certificate must be the one the binding names.
  if (createHash('sha256').update(der).digest('hex') !== binding.fingerprint) return null;
  try {
    return { binding, info: parseCertificate(der) };
  } catch {
    return null;
  }
}

export type RenewalDecision =
  | { kind: 'renewal'; predecessor: BoundCertificate; enterpriseId: string }
  | { kind: 'refused'; reason: string };

/** Whether `cert` renews a bound certificate, and which (the newest one of the same lineage). */
export async function findRenewedBinding(services: Services, cert: VerifiedCertificate): Promise<RenewalDecision> {
  const uscc = cert.info.uscc?.value;
  if (!uscc) return { kind: 'refused', reason: 'no USCC in the certificate' };
  const enterprise = await services.db.selectFrom('enterprises').select('id').where('uscc', '=', uscc).executeTakeFirst();
  if (!enterprise) return { kind: 'refused', reason: 'no enterprise with this USCC' };

  const bindings = await services.db
    .selectFrom('certificate_bindings')
    .selectAll()
    .where('enterprise_id', '=', enterprise.id)
    .where('ca_profile', '=', cert.profile)
    .execute();
  const lineage = bindings
    .map(boundCertificate)
    .filter((b): b is BoundCertificate => b !== null)
    .filter(
      (b) =>
        b.info.uscc?.value === uscc && sameName(b.info.subject, cert.info.subject) && sameName(b.info.issuer, cert.info.issuer),
    );
  if (lineage.length === 0) return { kind: 'refused', reason: 'no bound certificate with this subject, issuer and CA profile' };
  // A certificate bound to several accounts has one binding row per account (migration 0011).
  const accountsOf = new Map<string, string[]>();
  for (const b of lineage) accountsOf.set(b.binding.fingerprint, [...(accountsOf.get(b.binding.fingerprint) ?? []), b.binding.account_id]);
  if (new Set([...accountsOf.values()].map((ids) => ids.sort().join(' '))).size > 1) {
    return { kind: 'refused', reason: 'same-subject certificates are bound to different accounts' };
  }
  const newest = lineage.reduce((a, b) => (b.info.notAfter > a.info.notAfter ? b : a));
  if (!(cert.info.notAfter > newest.info.notAfter)) return { kind: 'refused', reason: 'does not expire after the bound certificate' };
  if (!(cert.info.notBefore > newest.info.notBefore)) return { kind: 'refused', reason: 'not issued after the bound certificate' };
  return { kind: 'renewal', predecessor: newest, enterpriseId: enterprise.id };
}

/**
 * Binds `cert`, once the administrator confirmed it (renewal-confirmation.ts), as the renewal of `predecessor` to
 * each account that certificate serves, and answers them. Nothing when the predecessor is bound to nobody any more
 * (unbound meanwhile: a lost key's lineage does not renew itself).
 */
export async function bindConfirmedRenewal(
  services: Services,
  cert: VerifiedCertificate,
  predecessorFingerprint: string,
  ctx: { now: Date; requestId: string; log: FastifyBaseLogger; actor: Actor; enterpriseId: string },
): Promise<AccountTable[]> {
  const predecessors = await services.db
    .selectFrom('certificate_bindings')
    .selectAll()
    .where('fingerprint', '=', predecessorFingerprint)
    .where('enterprise_id', '=', ctx.enterpriseId)
    .orderBy('account_id')
    .execute();
  const bound: AccountTable[] = [];
  for (const old of predecessors) {
    const account = await bindRenewal(services, cert, old, ctx.enterpriseId, ctx);
    if (account) bound.push(account);
  }
  return bound;
}

async function bindRenewal(
  services: Services,
  cert: VerifiedCertificate,
  old: CertificateBindingTable,
  enterpriseId: string,
  ctx: { now: Date; requestId: string; log: FastifyBaseLogger; actor: Actor },
): Promise<AccountTable | null> {
  const { now } = ctx;
  const inserted = await services.db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('certificate_bindings')
      .values({
        fingerprint: cert.fingerprint,
        enterprise_id: enterpriseId,
        account_id: old.account_id,
        subject: cert.info.subject.text,
        not_after: cert.info.notAfter.toISOString(),
        created_at: now.toISOString(),
        certificate_der: Buffer.from(cert.info.der).toString('base64'),
        ca_profile: cert.profile,
      })
      // Two first logins with the same new key at once: one binds and audits, both sign in.
      .onConflict((oc) => oc.columns(['fingerprint', 'account_id']).doNothing())
      .returning('fingerprint')
      .executeTakeFirst();
    if (!row) return false;
    await writeAudit(tx, {
      actor: ctx.actor,
      enterpriseId,
      action: RENEWED_BINDING_ACTION,
      subjectType: 'certificate',
      subjectId: cert.fingerprint,
      before: { fingerprint: old.fingerprint, account_id: old.account_id, subject: old.subject, not_after: old.not_after },
      after: {
        fingerprint: cert.fingerprint,
        renewed_from: old.fingerprint,
        account_id: old.account_id,
        subject: cert.info.subject.text,
        issuer: cert.info.issuer.text,
        serial_number: cert.info.serialNumberHex,
        ca_profile: cert.profile,
        not_before: cert.info.notBefore.toISOString(),
        not_after: cert.info.notAfter.toISOString(),
      },
      at: now,
      requestId: ctx.requestId,
    });
    return true;
  });

  const bound = await services.db
    .selectFrom('certificate_bindings')
    .innerJoin('accounts', 'accounts.id', 'certificate_bindings.account_id')
    .innerJoin('enterprises', 'enterprises.id', 'accounts.enterprise_id')
    .selectAll('accounts')
    .select('enterprises.name as enterprise_name')
    .where('certificate_bindings.fingerprint', '=', cert.fingerprint)
    .where('certificate_bindings.account_id', '=', old.account_id)
    .executeTakeFirst();
  if (!bound) return null;
  const { enterprise_name: enterpriseName, ...account } = bound;
  if (inserted) {
    ctx.log.info({ fingerprint: cert.fingerprint, renewedFrom: old.fingerprint, accountId: account.id }, 'renewed CA certificate bound');
    if (account.mobile) {
      const text = smsTemplates.certificateRenewed({
        enterprise: enterpriseName,
        username: account.username,
        notAfter: chinaDate(cert.info.notAfter),
        oldNotAfter: chinaDate(new Date(old.not_after)),
      });
      // The binding stands either way; a lost SMS is logged, not allowed to refuse a valid login.
      await services.sms.send(account.mobile, text).catch((err: unknown) => ctx.log.warn({ err, accountId: account.id }, 'renewal SMS not sent'));
    }
  }
  return account;
}
