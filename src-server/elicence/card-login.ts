/**
 * The card e-licence (卡式电子营业执照, issue 14 item 3): a USB card with its own PKCS#11 driver whose certificate,
 * issued by the e-licence CA, carries the enterprise's USCC. It logs in like a CA key (the same Web eID challenge,
 * ca-login.ts); what differs is where it lands. The card is the licence itself, held by the enterprise and issued
 * to its legal representative, who sets its PIN: presenting it is the legal representative's act, as confirming a QR
 * login as 法定代表人 is, so it lands on the enterprise's `super` — the same account the QR licence's legal
 * representative reaches (identity-mapping.ts). It names no person, so it cannot be a licence manager or an agent.
 * An enterprise seen first is created from the licence the national service holds for that USCC, as from a QR
 * confirmation: no registration, the initial passwords to the legal representative's mobile.
 */
import type { AccountTable } from '../db/schema';
import { assertActive } from '../domain/account-roles';
import type { LandingContext } from '../domain/ca-landing';
import { announceNewEnterprise, createEnterpriseWithAccounts, type CreatedEnterprise } from '../domain/enterprise-create';
import { initialPasswordKey } from '../domain/initial-password-outbox';
import { ApiError } from '../http/api-error';
import type { VerifiedCertificate } from '../pki/chain';
import type { Services } from '../services';
import type { LicenceRecord } from './licence-service';

/** The trust directory's folder of the e-licence CA (`<TONGBAN_TRUST_DIR>/elicence-card/*.pem`). */
export const ELICENCE_CARD_PROFILE = 'elicence-card';

export const isCardLicence = (cert: VerifiedCertificate) => cert.profile === ELICENCE_CARD_PROFILE;

const SYSTEM = { type: 'system' as const, id: null };

export async function landCardLicence(services: Services, cert: VerifiedCertificate, ctx: LandingContext): Promise<AccountTable> {
  const uscc = cert.info.uscc?.value;
  if (!uscc) throw new ApiError('ELICENCE_CARD_UNKNOWN');
  let created: CreatedEnterprise | null = null;
  if (!(await enterpriseOf(services, uscc))) {
    const licence = await lookUp(services, uscc, ctx);
    const outboxKey = await initialPasswordKey(services.config);
    created = await services.db.transaction().execute((tx) =>
      createEnterpriseWithAccounts(
        tx,
        {
          uscc,
          name: licence.name,
          address: licence.address,
          legalRepresentative: licence.legalRepresentative.name,
          administrator: { name: licence.legalRepresentative.name, mobile: licence.legalRepresentative.mobile },
        },
        { actor: SYSTEM, now: ctx.now, requestId: ctx.requestId, outboxKey },
      ),
    );
    ctx.log.info({ enterpriseId: created.enterpriseId }, 'enterprise created from a card e-licence');
  }
  const enterpriseId = created?.enterpriseId ?? (await enterpriseOf(services, uscc))!;
  const account = await services.db
    .selectFrom('accounts')
    .selectAll()
    .where('enterprise_id', '=', enterpriseId)
    .where('role', '=', 'super')
    .where('status', '!=', 'removed')
    .executeTakeFirst();
  if (!account) throw new ApiError('LOGIN_FAILED');
  assertActive(account);
  if (created) await announceNewEnterprise(services, created, ctx.log);
  return account;
}

async function enterpriseOf(services: Services, uscc: string): Promise<string | undefined> {
  return (await services.db.selectFrom('enterprises').select('id').where('uscc', '=', uscc).executeTakeFirst())?.id;
}

async function lookUp(services: Services, uscc: string, ctx: LandingContext): Promise<LicenceRecord> {
  const service = services.licence;
  if (!service) throw new ApiError('ELICENCE_NOT_CONFIGURED');
  let licence: LicenceRecord | null;
  try {
    licence = await service.licence(uscc);
  } catch (err) {
    ctx.log.warn({ err, service: service.name }, 'card e-licence not looked up');
    throw new ApiError('ELICENCE_SERVICE_UNAVAILABLE');
  }
  if (!licence) throw new ApiError('ELICENCE_CARD_UNKNOWN');
  return licence;
}
