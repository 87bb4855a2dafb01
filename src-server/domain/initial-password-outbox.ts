/**
 * The SMS with an enterprise's initial passwords survives a carrier that fails (issue 17 item 11). The enterprise
 * is created with the row of its SMS in the same transaction, the text sealed with AES-256-GCM under a key kept in
 * the data directory (`<dataDir>/secrets/initial-passwords.key`, created 0600 at first use; back it up with the
 * database or the pending texts cannot be read). After the commit the request tries to send it at once; a failure
 * leaves the row to the sender, which tries again with back-off until the tries run out. A row goes the moment the
 * carrier took its text; a row whose tries ran out keeps no text (the administrator then recovers the password).
 *
 * Exactly one sender sends a row: each claims it by an UPDATE whose WHERE holds only while nobody else has it (two
 * server processes, or the request and the sender). A claim older than {@link CLAIM_TIMEOUT_SECONDS} belongs to a
 * process that died mid-send and may be taken again: that rare case may send twice, never zero times.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';
import type {} from '../db/schema-trust-care';
import type { Services } from '../services';
import { addSeconds } from './clock';

export const MAX_TRIES = 8;
export const CLAIM_TIMEOUT_SECONDS = 5 * 60;
const FIRST_RETRY_SECONDS = 30;
const LONGEST_WAIT_SECONDS = 3600;
const SWEEP_SECONDS = 30;

/** Seconds before try `attempts + 1`: 30 s, 1 min, 2 min … at most an hour. */
export const retryDelaySeconds = (attempts: number) => Math.min(LONGEST_WAIT_SECONDS, FIRST_RETRY_SECONDS * 2 ** Math.max(0, attempts - 1));

const keys = new Map<string, Promise<Buffer>>();

/** The sealing key of this data directory, made on first use (exclusive create: two processes agree on one key). */
export function initialPasswordKey(config: { dataDir: string }): Promise<Buffer> {
  const file = path.join(config.dataDir, 'secrets', 'initial-passwords.key');
  let key = keys.get(file);
  if (!key) {
    key = loadOrCreateKey(file);
    keys.set(file, key);
    key.catch(() => keys.delete(file));
  }
  return key;
}

async function loadOrCreateKey(file: string): Promise<Buffer> {
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  try {
    await writeFile(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const key = Buffer.from((await readFile(file, 'utf8')).trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} does not hold a 32-byte key`);
  return key;
}

export function sealText(key: Buffer, text: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

export function unsealText(key: Buffer, sealed: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed text');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** Writes the sealed SMS in the caller's transaction; answers the row id. */
export async function queueInitialPasswords(
  tx: Transaction<Database>,
  key: Buffer,
  sms: { enterpriseId: string; mobile: string; text: string; now: Date },
): Promise<string> {
  const id = randomUUID();
  await tx
    .insertInto('initial_password_outbox')
    .values({
      id,
      enterprise_id: sms.enterpriseId,
      mobile: sms.mobile,
      sealed_text: sealText(key, sms.text),
      attempts: 0,
      next_attempt_at: sms.now.toISOString(),
      claimed_at: null,
      last_error: null,
      created_at: sms.now.toISOString(),
    })
    .execute();
  return id;
}

type Outcome = 'sent' | 'retry' | 'gave-up' | 'not-claimed';

/** Claims row `id` if it is due and nobody holds it, and tries the carrier once. */
export async function sendInitialPasswords(services: Pick<Services, 'db' | 'sms' | 'config'>, id: string, now: Date, log: FastifyBaseLogger): Promise<Outcome> {
  const { db } = services;
  const iso = now.toISOString();
  const row = await db
    .updateTable('initial_password_outbox')
    .set({ claimed_at: iso })
    .where('id', '=', id)
    .where('sealed_text', 'is not', null)
    .where('next_attempt_at', '<=', iso)
    .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<', addSeconds(now, -CLAIM_TIMEOUT_SECONDS).toISOString())]))
    .returning(['id', 'enterprise_id', 'mobile', 'sealed_text', 'attempts'])
    .executeTakeFirst();
  if (!row?.sealed_text) return 'not-claimed';
  const key = await initialPasswordKey(services.config);
  try {
    await services.sms.send(row.mobile, unsealText(key, row.sealed_text));
  } catch (err) {
    const attempts = row.attempts + 1;
    const giveUp = attempts >= MAX_TRIES;
    await db
      .updateTable('initial_password_outbox')
      .set({
        attempts,
        claimed_at: null,
        last_error: err instanceof Error ? err.message.slice(0, 200) : 'send failed',
        next_attempt_at: addSeconds(now, retryDelaySeconds(attempts)).toISOString(),
        ...(giveUp ? { sealed_text: null } : {}),
      })
      .where('id', '=', row.id)
      .execute();
    if (giveUp) log.error({ err, outboxId: row.id, enterpriseId: row.enterprise_id, attempts }, 'initial passwords not sent after the last try; text wiped (password recovery or a staff reset is the way in)');
    else log.warn({ err, outboxId: row.id, enterpriseId: row.enterprise_id, attempts }, 'initial passwords not sent; will try again');
    return giveUp ? 'gave-up' : 'retry';
  }
  await db.deleteFrom('initial_password_outbox').where('id', '=', row.id).execute();
  log.info({ outboxId: row.id, enterpriseId: row.enterprise_id }, 'initial passwords sent');
  return 'sent';
}

/** One pass over every due row (the sender's tick; tests call it directly). */
export async function sendDueInitialPasswords(services: Pick<Services, 'db' | 'sms' | 'config' | 'clock'>, log: FastifyBaseLogger): Promise<Record<Outcome, number>> {
  const now = services.clock.now();
  const due = await dueRows(services.db, now);
  const counts: Record<Outcome, number> = { sent: 0, retry: 0, 'gave-up': 0, 'not-claimed': 0 };
  for (const { id } of due) counts[await sendInitialPasswords(services, id, now, log)]++;
  return counts;
}

const dueRows = (db: Kysely<Database>, now: Date) =>
  db
    .selectFrom('initial_password_outbox')
    .select('id')
    .where('sealed_text', 'is not', null)
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('next_attempt_at')
    .limit(100)
    .execute();

/** Every {@link SWEEP_SECONDS} once the server is ready; stop() waits for a pass in progress. */
export function initialPasswordSender(services: Services, log: FastifyBaseLogger) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running) return;
    running = sendDueInitialPasswords(services, log)
      .catch((err: unknown) => log.error({ err }, 'initial-password sender pass failed'))
      .finally(() => {
        running = null;
      });
  };
  return {
    start() {
      timer ??= setInterval(tick, SWEEP_SECONDS * 1000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}
