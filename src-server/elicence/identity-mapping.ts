/**
 * Who an e-licence confirmation signs in as (issue 14, manual 000 §3): the legal representative → the enterprise's
 * `super`; a licence manager (证照管理员) → an `admin` account of their own; an agent (办事人) → a `handler` holding
 * exactly the authorised items until the authorisation's end (plugins/auth.ts ends access then). An enterprise the
 * portal has not seen is created from the licence, with no registration. Every change of an account's items or
 * term is audited.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { elicenceConfirmationSchema, ElicenceRole } from '@shared/contract/http/elicence';
import { serviceItemSchema, type AccountRole, type ServiceItem } from '@shared/contract/http/route';
import type { Database } from '../db/schema';
import type {} from '../db/schema-elicence';
import { insertAccount } from '../domain/accounts';
import { writeAudit } from '../domain/audit';
import { createEnterpriseWithAccounts, type CreatedEnterprise } from '../domain/enterprise-create';
import { generateInitialPassword } from '../domain/passwords';

type Confirmation = z.infer<typeof elicenceConfirmationSchema>;
type Landing = { accountId: string; created: CreatedEnterprise | null } | { refusal: string };

const SYSTEM = { type: 'system' as const, id: null };
const ACCOUNT_ROLE: Record<Exclude<ElicenceRole, 'legal'>, AccountRole> = { manager: 'admin', agent: 'handler' };

export async function landAccount(tx: Transaction<Database>, c: Confirmation, ctx: { now: Date; requestId: string; outboxKey: Buffer }): Promise<Landing> {
  const { now, requestId, outboxKey } = ctx;
  // Manual 002: foreign, Hong Kong, Macao and Taiwan legal representatives cannot use the e-licence at all.
  if (c.licence.legalRepresentative.origin !== 'mainland') return { refusal: 'ELICENCE_REPRESENTATIVE_NOT_ELIGIBLE' };
  if (c.role === 'agent' && (!c.validUntil || new Date(c.validUntil) <= now || !c.items?.length)) {
    return { refusal: 'ELICENCE_AUTHORISATION_ENDED' };
  }

  let created: CreatedEnterprise | null = null;
  let enterprise = await tx.selectFrom('enterprises').select('id').where('uscc', '=', c.licence.uscc).executeTakeFirst();
  if (!enterprise) {
    // Seen for the first time: the licence is the registration. The initial passwords go to whoever confirmed.
    created = await createEnterpriseWithAccounts(
      tx,
      {
        uscc: c.licence.uscc,
        name: c.licence.name,
        address: c.licence.address,
        legalRepresentative: c.licence.legalRepresentative.name,
        administrator: { name: c.personName, mobile: c.mobile },
      },
      { actor: SYSTEM, now, requestId, outboxKey },
    );
    enterprise = { id: created.enterpriseId };
  }
  const enterpriseId = enterprise.id;

  if (c.role === 'legal') {
    const account = await tx
      .selectFrom('accounts')
      .select(['id', 'status'])
      .where('enterprise_id', '=', enterpriseId)
      .where('role', '=', 'super')
      .where('status', '!=', 'removed')
      .executeTakeFirst();
    if (!account) return { refusal: 'LOGIN_FAILED' };
    if (account.status === 'deactivated') return { refusal: 'ACCOUNT_DEACTIVATED' };
    await rememberPerson(tx, { enterpriseId, c, accountId: account.id, now });
    return { accountId: account.id, created };
  }

  const person = await tx
    .selectFrom('elicence_persons')
    .innerJoin('accounts', 'accounts.id', 'elicence_persons.account_id')
    .select(['elicence_persons.account_id', 'accounts.status'])
    .where('elicence_persons.enterprise_id', '=', enterpriseId)
    .where('elicence_persons.person_id', '=', c.personId)
    .where('elicence_persons.role', '=', c.role)
    .executeTakeFirst();
  if (person?.status === 'deactivated') return { refusal: 'ACCOUNT_DEACTIVATED' };
  let accountId = person?.status === 'active' ? person.account_id : null;
  if (!accountId) {
    const tag = createHash('sha256').update(`${enterpriseId}:${c.personId}`).digest('hex').slice(0, 8);
    // No password of its own to hand out: the account is reached through the e-licence (super may reset one).
    const account = await insertAccount(
      tx,
      {
        enterpriseId,
        username: `licence-${c.role}-${tag}`,
        role: ACCOUNT_ROLE[c.role],
        displayName: c.personName,
        mobile: c.mobile,
        password: generateInitialPassword(),
        permissions: [],
      },
      SYSTEM,
      now,
      requestId,
    );
    await tx.updateTable('accounts').set({ must_change_password: 0 }).where('id', '=', account.id).execute();
    accountId = account.id;
  }
  if (c.role === 'agent') await setAgentItems(tx, { enterpriseId, accountId, items: c.items ?? [], validUntil: c.validUntil ?? null, now, requestId });
  await rememberPerson(tx, { enterpriseId, c, accountId, now });
  return { accountId, created };
}

/** The agent's items become exactly those the licence authorises now, audited when they change. */
async function setAgentItems(
  tx: Transaction<Database>,
  a: { enterpriseId: string; accountId: string; items: ServiceItem[]; validUntil: string | null; now: Date; requestId: string },
) {
  const before = (await tx.selectFrom('account_permissions').select('item').where('account_id', '=', a.accountId).execute()).map((r) => r.item).sort();
  const prior = await tx.selectFrom('elicence_persons').select('valid_until').where('account_id', '=', a.accountId).executeTakeFirst();
  const items = serviceItemSchema.options.filter((item) => a.items.includes(item));
  if (before.join() === [...items].sort().join() && prior?.valid_until === a.validUntil) return;
  await tx.deleteFrom('account_permissions').where('account_id', '=', a.accountId).execute();
  if (items.length) await tx.insertInto('account_permissions').values(items.map((item) => ({ account_id: a.accountId, item }))).execute();
  await writeAudit(tx, {
    actor: SYSTEM,
    enterpriseId: a.enterpriseId,
    action: 'elicence.agent_authorisation',
    subjectType: 'account',
    subjectId: a.accountId,
    before: { permissions: before, validUntil: prior?.valid_until ?? null },
    after: { permissions: items, validUntil: a.validUntil },
    at: a.now,
    requestId: a.requestId,
  });
}

async function rememberPerson(tx: Transaction<Database>, p: { enterpriseId: string; c: Confirmation; accountId: string; now: Date }) {
  const values = {
    name: p.c.personName,
    account_id: p.accountId,
    valid_until: p.c.role === 'agent' ? (p.c.validUntil ?? null) : null,
    last_login_at: p.now.toISOString(),
  };
  await tx
    .insertInto('elicence_persons')
    .values({ id: randomUUID(), enterprise_id: p.enterpriseId, person_id: p.c.personId, role: p.c.role, ...values })
    .onConflict((oc) => oc.columns(['enterprise_id', 'person_id', 'role']).doUpdateSet(values))
    .execute();
}

/** When an account's e-licence authorisation ends (agents only); null for every other account. */
export async function elicenceTermEnd(db: Kysely<Database>, accountId: string): Promise<Date | null> {
  const row = await db.selectFrom('elicence_persons').select('valid_until').where('account_id', '=', accountId).where('role', '=', 'agent').executeTakeFirst();
  return row?.valid_until ? new Date(row.valid_until) : null;
}
