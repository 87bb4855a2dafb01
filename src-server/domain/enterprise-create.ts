/**
 * An enterprise comes into being here, whichever way it came in (CA registration, online pre-registration
 * approved by staff, counter registration, a legacy account's upgrade): the enterprise row, its `admin` (the
 * administrator, with the mobile the initial passwords go to) and `super` (the legal representative's account),
 * each with an initial password that must be changed at first login, all audited in the caller's transaction.
 * The passwords leave only in the SMS to the administrator, written sealed into the initial-password outbox in the
 * same transaction (initial-password-outbox.ts) and sent by {@link announceNewEnterprise} after the commit, or by
 * the outbox's sender later when the carrier fails.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Transaction } from 'kysely';
import type { Database, EnterpriseTable } from '../db/schema';
import { ApiError } from '../http/api-error';
import { mailTemplates, smsTemplates } from '../notifications/templates';
import type { Services } from '../services';
import { insertAccount } from './accounts';
import { writeAudit, type Actor } from './audit';
import { queueInitialPasswords, sendInitialPasswords } from './initial-password-outbox';
import { generateInitialPassword } from './passwords';

export interface NewEnterprise {
  uscc: string;
  name: string;
  address: string;
  legalRepresentative: string;
  administrator: { name: string; mobile: string; email?: string | null };
}

export interface CreatedEnterprise {
  enterpriseId: string;
  adminAccountId: string;
  superAccountId: string;
  /** The outbox row of the SMS with the initial passwords (sealed; the passwords are not kept anywhere else). */
  initialPasswordsSms: string;
  enterprise: { uscc: string; name: string; administratorMobile: string; administratorEmail: string | null };
}

export async function createEnterpriseWithAccounts(
  tx: Transaction<Database>,
  input: NewEnterprise,
  ctx: { actor: Actor; now: Date; requestId: string; enterpriseId?: string; outboxKey: Buffer },
): Promise<CreatedEnterprise> {
  const { actor, now, requestId } = ctx;
  if (await tx.selectFrom('enterprises').select('id').where('uscc', '=', input.uscc).executeTakeFirst()) {
    throw new ApiError('ENTERPRISE_ALREADY_REGISTERED');
  }
  const enterpriseId = ctx.enterpriseId ?? randomUUID();
  const enterprise: EnterpriseTable = {
    id: enterpriseId,
    uscc: input.uscc,
    name: input.name.trim(),
    address: input.address.trim(),
    legal_representative: input.legalRepresentative.trim(),
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await tx.insertInto('enterprises').values(enterprise).execute();
  await writeAudit(tx, { actor, enterpriseId, action: 'enterprise.create', subjectType: 'enterprise', subjectId: enterpriseId, after: enterprise, at: now, requestId });
  const passwords = { admin: generateInitialPassword(), super: generateInitialPassword() };
  const admin = await insertAccount(
    tx,
    {
      enterpriseId,
      username: 'admin',
      role: 'admin',
      displayName: input.administrator.name.trim(),
      mobile: input.administrator.mobile,
      email: input.administrator.email ?? null,
      password: passwords.admin,
      permissions: [],
    },
    actor,
    now,
    requestId,
  );
  const superAccount = await insertAccount(
    tx,
    { enterpriseId, username: 'super', role: 'super', displayName: enterprise.legal_representative, mobile: null, password: passwords.super, permissions: [] },
    actor,
    now,
    requestId,
  );
  const initialPasswordsSms = await queueInitialPasswords(tx, ctx.outboxKey, {
    enterpriseId,
    mobile: input.administrator.mobile,
    text: smsTemplates.registrationDone({ enterprise: enterprise.name, adminPassword: passwords.admin, superPassword: passwords.super }),
    now,
  });
  return {
    enterpriseId,
    adminAccountId: admin.id,
    superAccountId: superAccount.id,
    initialPasswordsSms,
    enterprise: {
      uscc: input.uscc,
      name: enterprise.name,
      administratorMobile: input.administrator.mobile,
      administratorEmail: input.administrator.email ?? null,
    },
  };
}

/**
 * The initial passwords by SMS to the administrator's mobile (the manual: "审核通过后发送账号密码"), and a note
 * without passwords by e-mail. Neither failure undoes an enterprise that exists: a failed SMS stays in the outbox
 * for the sender's next try, a failed e-mail is logged.
 */
export async function announceNewEnterprise(services: Services, created: CreatedEnterprise, log: FastifyBaseLogger) {
  const { enterprise } = created;
  await sendInitialPasswords(services, created.initialPasswordsSms, services.clock.now(), log);
  if (enterprise.administratorEmail) {
    await services.mailer
      .send({ to: enterprise.administratorEmail, ...mailTemplates.registrationDone({ enterprise: enterprise.name, uscc: enterprise.uscc }) })
      .catch((err: unknown) => log.warn({ err, enterpriseId: created.enterpriseId }, 'registration e-mail not sent'));
  }
}
