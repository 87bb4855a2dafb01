/**
 * What the help desk sees to stop a lost key (issue 17 item 3): one enterprise, found by its USCC, with its accounts
 * and the certificates bound to each. Mobiles masked; every read audited with the staff member, so who looked at
 * which enterprise's accounts is on record like every change they make.
 */
import type { StaffKeyAccount } from '@shared/contract/http/staff-keys';
import { maskMobile } from '@shared/validation/mobile';
import { ApiError } from '../http/api-error';
import type { Services } from '../services';
import { writeAudit, type Actor } from './audit';
import { certificatesOf } from './certificate-bindings';

export async function staffKeyAccounts(services: Services, uscc: string, ctx: { actor: Actor; now: Date; requestId: string }) {
  const { db } = services;
  const enterprise = await db.selectFrom('enterprises').select(['id', 'uscc', 'name']).where('uscc', '=', uscc).executeTakeFirst();
  if (!enterprise) throw new ApiError('NOT_FOUND');
  const rows = await db.selectFrom('accounts').selectAll().where('enterprise_id', '=', enterprise.id).orderBy('created_at').orderBy('username').execute();
  const accounts: StaffKeyAccount[] = [];
  for (const a of rows) {
    accounts.push({
      id: a.id,
      username: a.username,
      displayName: a.display_name,
      role: a.role,
      status: a.status,
      mobile: a.mobile ? maskMobile(a.mobile) : null,
      certificates: await certificatesOf(db, a.id),
    });
  }
  await writeAudit(db, {
    actor: ctx.actor,
    enterpriseId: enterprise.id,
    action: 'staff.key_accounts_read',
    subjectType: 'enterprise',
    subjectId: enterprise.id,
    after: { accounts: accounts.length },
    at: ctx.now,
    requestId: ctx.requestId,
  });
  return { enterprise, accounts };
}
