/**
 * The SMS gateway. Production posts to an operator's HTTP gateway; development and tests use the outbox, which
 * stores messages in the database where staff (and tests) read them instead of a phone.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface SmsGateway {
  readonly kind: 'outbox' | 'http';
  send(mobile: string, text: string): Promise<void>;
}

/** Every text leaves with the portal's signature in front (config `smsSign`); templates carry none. */
export function signedSmsGateway(gateway: SmsGateway, sign: string): SmsGateway {
  return { kind: gateway.kind, send: (mobile, text) => gateway.send(mobile, `${sign}${text}`) };
}

export function outboxSmsGateway(db: Kysely<Database>, clock: { now(): Date }): SmsGateway {
  return {
    kind: 'outbox',
    async send(mobile, text) {
      await db
        .insertInto('sms_outbox')
        .values({ id: randomUUID(), mobile, text, created_at: clock.now().toISOString() })
        .execute();
    },
  };
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
