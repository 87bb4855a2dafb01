/**
 * Legacy hub accounts (企服平台账号, manual 000) after import: their password check (the old platform's hash), the
 * cut-off of their sign-in, what a legacy session sees, and the upgrade that binds one to the one-stop account of
 * the same enterprise — once, audited, its history carried along.
 *
 * Who may prove what (manual 000 §2: the one-stop portal is managed top-down):
 * - 法定代表人 → the enterprise's `super`: proved by signing in as `super` (the legal representative holds it);
 * - 管理员 → its `admin`: proved by signing in as `admin`;
 * - 经办人 → a **new** `handler` account under the old username with the items the old account held, opened with the
 *   consent of the enterprise's administrator, who signs in (`admin` or `super`) on the spot. Not bound to an
 *   existing handler: a handler account is one person's, and on the one-stop portal only an administrator adds
 *   handlers; its initial password goes by SMS to the legacy account's mobile, changed at first sign-in.
 */
import { pbkdf2, timingSafeEqual } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { LEGACY_HASH_PATTERN, LEGACY_ROLE_TARGET, type LegacyView } from '@shared/contract/http/legacy';
import type { AccountRole, ServiceItem } from '@shared/contract/http/route';
import { chinaDate } from '@shared/time/china';
import type { AccountTable, Database } from '../db/schema';
import type { LegacyAccountTable } from '../db/schema-legacy';
import { ApiError } from '../http/api-error';
import { smsTemplates } from '../notifications/templates';
import type { Services } from '../services';
import { insertAccount } from './accounts';
import { writeAudit } from './audit';
import { checkPassword } from './login';
import { accountSubject } from './login-throttle';
import { generateInitialPassword } from './passwords';
import { revokeAllSessions } from './sessions';

/** Checks a password against `pbkdf2_sha256$<iterations>$<salt>$<base64 key>` (the old platform's export). */
export function verifyLegacyPassword(password: string, stored: string): Promise<boolean> {
  const m = LEGACY_HASH_PATTERN.exec(stored);
  if (!m) return Promise.resolve(false);
  const expected = Buffer.from(m[3]!, 'base64');
  return new Promise((resolve, reject) =>
    pbkdf2(password, m[2]!, Number(m[1]), expected.length, 'sha256', (err, key) => (err ? reject(err) : resolve(timingSafeEqual(key, expected)))),
  );
}

const DAY_MS = 86_400_000;

/** Whole days from today (China calendar) to the cut-off day; negative once it has passed. */
export function legacyDaysLeft(cutoff: string, now: Date): number {
  return Math.round((Date.parse(`${cutoff}T00:00:00Z`) - Date.parse(`${chinaDate(now)}T00:00:00Z`)) / DAY_MS);
}

/** Refuses an account already upgraded (naming its one-stop username) and, after the cut-off, every other one. */
export async function assertLegacySignInOpen(db: Kysely<Database>, legacy: LegacyAccountTable, cutoff: string, now: Date) {
  if (legacy.upgraded_account_id) {
    const target = await db.selectFrom('accounts').select('username').where('id', '=', legacy.upgraded_account_id).executeTakeFirst();
    throw new ApiError('LEGACY_ALREADY_UPGRADED', { issues: [{ path: 'username', code: 'upgraded_to', params: { username: target?.username ?? '' } }] });
  }
  if (legacyDaysLeft(cutoff, now) < 0) throw new ApiError('LEGACY_LOGIN_CLOSED');
}

export async function legacyView(db: Kysely<Database>, legacy: LegacyAccountTable, cutoff: string, now: Date): Promise<LegacyView> {
  const [enterprise, history] = await Promise.all([
    db.selectFrom('enterprises').select('id').where('uscc', '=', legacy.uscc).executeTakeFirst(),
    db.selectFrom('legacy_history').select(['item', 'title', 'date', 'status']).where('legacy_account_id', '=', legacy.id).orderBy('date', 'desc').orderBy('id').execute(),
  ]);
  return {
    cutoff,
    daysLeft: legacyDaysLeft(cutoff, now),
    account: {
      id: legacy.id,
      username: legacy.username,
      displayName: legacy.display_name,
      role: legacy.legacy_role,
      targetRole: LEGACY_ROLE_TARGET[legacy.legacy_role],
      uscc: legacy.uscc,
      enterpriseName: legacy.enterprise_name,
    },
    enterpriseRegistered: !!enterprise,
    history,
  };
}

/** The one-stop roles whose sign-in proves (or, for a handler, consents to) each old role's upgrade. */
const PROVERS: Record<LegacyAccountTable['legacy_role'], readonly AccountRole[]> = {
  legalRepresentative: ['super'],
  administrator: ['admin'],
  handler: ['admin', 'super'],
};

export async function upgradeLegacyAccount(
  services: Services,
  legacyId: string,
  proof: { username: string; password: string },
  ctx: { ip: string; now: Date; requestId: string; log: FastifyBaseLogger },
) {
  const { db } = services;
  const { now, requestId } = ctx;
  const legacy = await db.selectFrom('legacy_accounts').selectAll().where('id', '=', legacyId).executeTakeFirstOrThrow();
  await assertLegacySignInOpen(db, legacy, services.config.legacyCutoff, now);
  const enterprise = await db.selectFrom('enterprises').select(['id', 'name']).where('uscc', '=', legacy.uscc).executeTakeFirst();
  if (!enterprise) throw new ApiError('LEGACY_ENTERPRISE_NOT_REGISTERED');
  const row = await db.selectFrom('accounts').selectAll().where('enterprise_id', '=', enterprise.id).where('username', '=', proof.username).executeTakeFirst();
  const prover = await checkPassword(db, row, { password: proof.password, ip: ctx.ip, now }, accountSubject(enterprise.id, proof.username));
  if (!PROVERS[legacy.legacy_role].includes(prover.role)) throw new ApiError('LEGACY_PROOF_ROLE');

  const initialPassword = legacy.legacy_role === 'handler' ? generateInitialPassword() : null;
  const result = await db.transaction().execute(async (tx) => {
    // The claim first: of two upgrades at once, one finds the row already taken and is refused.
    const claimed = await tx
      .updateTable('legacy_accounts')
      .set({ upgraded_at: now.toISOString() })
      .where('id', '=', legacy.id)
      .where('upgraded_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new ApiError('LEGACY_ALREADY_UPGRADED');
    const actor = { type: 'legacy' as const, id: legacy.id };
    const account: AccountTable = initialPassword
      ? await insertAccount(
          tx,
          {
            enterpriseId: enterprise.id,
            username: legacy.username,
            role: 'handler',
            displayName: legacy.display_name,
            mobile: legacy.mobile,
            password: initialPassword,
            permissions: JSON.parse(legacy.items_json) as ServiceItem[],
          },
          actor,
          now,
          requestId,
        )
      : prover;
    await tx.updateTable('legacy_accounts').set({ upgraded_account_id: account.id, upgraded_enterprise_id: enterprise.id }).where('id', '=', legacy.id).execute();
    const carried = await tx.updateTable('legacy_history').set({ enterprise_id: enterprise.id }).where('legacy_account_id', '=', legacy.id).executeTakeFirst();
    const historyRows = Number(carried.numUpdatedRows);
    await writeAudit(tx, {
      actor,
      enterpriseId: enterprise.id,
      action: 'legacy_account.upgrade',
      subjectType: 'legacy_account',
      subjectId: legacy.id,
      before: legacy,
      after: { accountId: account.id, username: account.username, role: account.role, created: !!initialPassword, provedBy: prover.id, historyRows },
      at: now,
      requestId,
    });
    await revokeAllSessions(tx, { type: 'legacy', id: legacy.id }, now);
    return { enterpriseId: enterprise.id, username: account.username, role: account.role, created: !!initialPassword, historyRows };
  });
  services.principals.clear();
  if (initialPassword) {
    await services.sms.send(legacy.mobile, smsTemplates.accountCreated({ enterprise: enterprise.name, username: legacy.username, password: initialPassword }));
  }
  ctx.log.info({ legacyId: legacy.id, enterpriseId: enterprise.id, role: result.role }, 'legacy account upgraded');
  return result;
}
