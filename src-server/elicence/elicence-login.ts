/**
 * The e-licence QR login's state machine (issue 14): created → scanned → confirmed → consumed, or expired (two
 * minutes) or refused. Each transition is one conditional UPDATE on the state it leaves, so it happens once even
 * when two callbacks or two polls race, and each is audited. The desktop polls by id + secret (the secret only
 * hashed here); the licence service's callbacks are HMAC-signed with a timestamp and a nonce used once.
 */
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely } from 'kysely';
import { elicenceEventSchema, type ElicenceEvent, type ElicenceLoginState } from '@shared/contract/http/elicence';
import type { Database } from '../db/schema';
import type { ElicenceLoginTable } from '../db/schema-elicence';
import { writeAudit } from '../domain/audit';
import { addSeconds } from '../domain/clock';
import { announceNewEnterprise, type CreatedEnterprise } from '../domain/enterprise-create';
import { initialPasswordKey } from '../domain/initial-password-outbox';
import { ApiError } from '../http/api-error';
import type { Services } from '../services';
import { landAccount } from './identity-mapping';
import { SIGNATURE_WINDOW_SECONDS, signatureMatches } from './licence-service';

export const ELICENCE_LOGIN_TTL_SECONDS = 120;
const SYSTEM = { type: 'system' as const, id: null };
const OPEN_STATES: ElicenceLoginState[] = ['created', 'scanned'];
/** A confirmed login not collected by the desktop within the two minutes expires too. */
const EXPIRING_STATES: ElicenceLoginState[] = [...OPEN_STATES, 'confirmed'];

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest();

async function audit(db: Kysely<Database>, loginId: string, from: ElicenceLoginState, to: ElicenceLoginState, now: Date, requestId: string, extra?: object) {
  await writeAudit(db, {
    actor: SYSTEM,
    enterpriseId: null,
    action: `elicence.${to}`,
    subjectType: 'elicence_login',
    subjectId: loginId,
    before: { state: from },
    after: { state: to, ...extra },
    at: now,
    requestId,
  });
}

export async function startElicenceLogin(services: Services, now: Date, requestId: string, log: FastifyBaseLogger) {
  const licence = services.licence;
  if (!licence) throw new ApiError('ELICENCE_NOT_CONFIGURED');
  const loginId = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  const expiresAt = addSeconds(now, ELICENCE_LOGIN_TTL_SECONDS).toISOString();
  await services.db
    .insertInto('elicence_logins')
    .values({
      id: loginId,
      secret_hash: hashSecret(secret).toString('hex'),
      state: 'created',
      created_at: now.toISOString(),
      expires_at: expiresAt,
      scanned_name: null,
      scanned_role: null,
      account_id: null,
      refusal_code: null,
      updated_at: now.toISOString(),
    })
    .execute();
  await writeAudit(services.db, { actor: { type: 'anonymous', id: null }, enterpriseId: null, action: 'elicence.created', subjectType: 'elicence_login', subjectId: loginId, after: { state: 'created', expiresAt }, at: now, requestId });
  const callbackUrl = new URL('/api/auth/elicence/callback', services.config.elicence.callbackOrigin ?? services.config.publicOrigin).toString();
  try {
    const { qrUrl } = await licence.createLogin({ loginId, callbackUrl, expiresAt });
    return { loginId, secret, qrUrl, expiresAt };
  } catch (err) {
    log.warn({ err, service: licence.name }, 'e-licence login not registered with the licence service');
    throw new ApiError('ELICENCE_SERVICE_UNAVAILABLE');
  }
}

/** Moves an open login past its two minutes to `expired` (once) and returns the row as it now stands. */
async function current(db: Kysely<Database>, loginId: string, now: Date, requestId: string): Promise<ElicenceLoginTable | undefined> {
  const row = await db.selectFrom('elicence_logins').selectAll().where('id', '=', loginId).executeTakeFirst();
  if (!row || !EXPIRING_STATES.includes(row.state) || new Date(row.expires_at) > now) return row;
  const moved = await db
    .updateTable('elicence_logins')
    .set({ state: 'expired', updated_at: now.toISOString() })
    .where('id', '=', loginId)
    .where('state', '=', row.state)
    .executeTakeFirst();
  if (moved.numUpdatedRows > 0n) await audit(db, loginId, row.state, 'expired', now, requestId);
  return db.selectFrom('elicence_logins').selectAll().where('id', '=', loginId).executeTakeFirst();
}

/** One conditional transition; false when the login was no longer in `from` (another request got there first). */
async function transition(
  db: Kysely<Database>,
  loginId: string,
  from: ElicenceLoginState,
  to: ElicenceLoginState,
  set: Partial<ElicenceLoginTable>,
  now: Date,
  requestId: string,
) {
  const moved = await db
    .updateTable('elicence_logins')
    .set({ ...set, state: to, updated_at: now.toISOString() })
    .where('id', '=', loginId)
    .where('state', '=', from)
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (moved.numUpdatedRows === 0n) return false;
  await audit(db, loginId, from, to, now, requestId, { scannedName: set.scanned_name, accountId: set.account_id, refusalCode: set.refusal_code });
  return true;
}

/** A signed callback of the licence service: checked, its nonce spent, then one transition. */
export async function receiveCallback(
  services: Services,
  message: { payload: string; timestamp: number; nonce: string; signature: string },
  ctx: { now: Date; requestId: string; log: FastifyBaseLogger },
): Promise<ElicenceLoginState> {
  const { now, requestId } = ctx;
  const licence = services.licence;
  if (!licence) throw new ApiError('ELICENCE_NOT_CONFIGURED');
  if (!signatureMatches(licence.callbackSecret, message)) throw new ApiError('ELICENCE_CALLBACK_INVALID');
  if (Math.abs(now.getTime() / 1000 - message.timestamp) > SIGNATURE_WINDOW_SECONDS) throw new ApiError('ELICENCE_CALLBACK_INVALID');
  const spent = await services.db
    .insertInto('elicence_callback_nonces')
    .values({ nonce: message.nonce, received_at: now.toISOString() })
    .onConflict((oc) => oc.column('nonce').doNothing())
    .executeTakeFirst();
  if (!spent.numInsertedOrUpdatedRows) throw new ApiError('ELICENCE_CALLBACK_REPLAYED');
  // Nonces older than the window can no longer pass the timestamp check: forget them.
  await services.db.deleteFrom('elicence_callback_nonces').where('received_at', '<', addSeconds(now, -2 * SIGNATURE_WINDOW_SECONDS).toISOString()).execute();

  let event: ElicenceEvent;
  try {
    event = elicenceEventSchema.parse(JSON.parse(message.payload));
  } catch {
    throw new ApiError('ELICENCE_CALLBACK_INVALID');
  }
  const row = await current(services.db, event.loginId, now, requestId);
  if (!row) throw new ApiError('ELICENCE_LOGIN_UNKNOWN');
  const id = row.id;

  if (event.event === 'scanned') {
    if (!(await transition(services.db, id, 'created', 'scanned', { scanned_name: event.personName, scanned_role: event.role }, now, requestId))) {
      throw new ApiError('ELICENCE_LOGIN_CLOSED');
    }
    return 'scanned';
  }
  if (event.event === 'refused') {
    for (const from of OPEN_STATES) if (await transition(services.db, id, from, 'refused', {}, now, requestId)) return 'refused';
    throw new ApiError('ELICENCE_LOGIN_CLOSED');
  }
  // Confirmed: the account is found or created and the login moves on in one transaction, or neither happens.
  if (row.state !== 'scanned') throw new ApiError('ELICENCE_LOGIN_CLOSED');
  let created: CreatedEnterprise | null = null;
  const outboxKey = await initialPasswordKey(services.config);
  const state = await services.db.transaction().execute(async (tx) => {
    const landed = await landAccount(tx, event.confirmation, { now, requestId, outboxKey });
    if ('refusal' in landed) {
      if (!(await transition(tx, id, 'scanned', 'refused', { refusal_code: landed.refusal }, now, requestId))) throw new ApiError('ELICENCE_LOGIN_CLOSED');
      return 'refused' as const;
    }
    if (!(await transition(tx, id, 'scanned', 'confirmed', { account_id: landed.accountId }, now, requestId))) throw new ApiError('ELICENCE_LOGIN_CLOSED');
    created = landed.created;
    return 'confirmed' as const;
  });
  if (created) await announceNewEnterprise(services, created, ctx.log);
  return state;
}

/** The desktop's poll. A confirmed login is consumed by the one poll that moves it, which gets the account. */
export async function pollElicenceLogin(services: Services, loginId: string, secret: string, now: Date, requestId: string) {
  const row = await current(services.db, loginId, now, requestId);
  if (!row || !timingSafeEqual(Buffer.from(row.secret_hash, 'hex'), hashSecret(secret))) throw new ApiError('ELICENCE_LOGIN_UNKNOWN');
  const answer = {
    state: row.state,
    expiresAt: row.expires_at,
    scannedBy: row.scanned_name && row.scanned_role ? { name: row.scanned_name, role: row.scanned_role } : null,
    refusalCode: row.refusal_code,
    accountId: null as string | null,
  };
  if (row.state !== 'confirmed' || !row.account_id) return answer;
  const moved = await services.db
    .updateTable('elicence_logins')
    .set({ state: 'consumed', updated_at: now.toISOString() })
    .where('id', '=', loginId)
    .where('state', '=', 'confirmed')
    .where('expires_at', '>', now.toISOString())
    .executeTakeFirst();
  if (moved.numUpdatedRows === 0n) throw new ApiError('ELICENCE_LOGIN_CLOSED');
  await audit(services.db, loginId, 'confirmed', 'consumed', now, requestId, { accountId: row.account_id });
  return { ...answer, state: 'consumed' as const, accountId: row.account_id };
}
