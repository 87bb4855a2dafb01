/**
 * The SMS gateway. Production posts to an operator's HTTP gateway; development and tests use the development
 * outbox, which stores messages in the database where a developer (and tests) read them instead of a phone. The
 * outbox holds initial passwords and codes in clear, so it runs only on a loopback origin (config.ts
 * assertSmsModeAllowed) and is emptied when the server starts with a real gateway.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface SmsGateway {
  readonly kind: 'development-outbox' | 'http';
  send(mobile: string, text: string): Promise<void>;
}

/** Every text leaves with the portal's signature in front (config `smsSign`); templates carry none. */
export function signedSmsGateway(gateway: SmsGateway, sign: string): SmsGateway {
  return { kind: gateway.kind, send: (mobile, text) => gateway.send(mobile, `${sign}${text}`) };
}

export function outboxSmsGateway(db: Kysely<Database>, clock: { now(): Date }): SmsGateway {
  return {
    kind: 'development-outbox',
    async send(mobile, text) {
      await db
        .insertInto('sms_outbox')
        .values({ id: randomUUID(), mobile, text, created_at: clock.now().toISOString() })
        .execute();
    },
  };
}

/**
 * At start: with the development outbox, says so loudly; with a real gateway, deletes whatever an earlier
 * development run (or a deployment from before the outbox was development-only) left there — texts nobody
 * should read any more.
 */
export async function settleSmsOutbox(
  db: Kysely<Database>,
  provider: SmsGateway['kind'],
  log: { warn(obj: object, msg: string): void; info(obj: object, msg: string): void },
): Promise<void> {
  if (provider === 'development-outbox') {
    log.warn({ sms: 'development-outbox' }, 'SMS: development outbox — texts are stored in sms_outbox, never sent (development only)');
    return;
  }
  const purged = await db.deleteFrom('sms_outbox').executeTakeFirst();
  const count = Number(purged.numDeletedRows);
  if (count > 0) log.info({ purged: count }, 'SMS: gateway configured; development outbox emptied');
}

/** What the console may show of an outbox text: initial passwords and codes masked (staff never see them). */
export function maskSmsSecrets(text: string): string {
  return text.replace(/(密码\()[^)]*(\))/g, '$1******$2').replace(/(验证码\D{0,6})\d{4,8}/g, '$1******');
}

/**
 * Posts `{ mobile, text }` as JSON with an optional bearer token. Operators' APIs differ; an adapter in front of
 * the real one translates, which keeps this side to one shape we can test.
 */
export function httpSmsGateway(opts: { url: string; token: string | null; timeoutMs?: number }): SmsGateway {
  return {
    kind: 'http',
    async send(mobile, text) {
      const res = await fetch(opts.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        },
        body: JSON.stringify({ mobile, text }),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
      if (!res.ok) throw new Error(`SMS gateway answered ${res.status}`);
    },
  };
}
