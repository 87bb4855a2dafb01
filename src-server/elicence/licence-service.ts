/**
 * The national e-business licence service behind an interface (DESIGN.md decision 13): its protocol is not public
 * and it cannot be reached from here, so the only implementation talks to SimulatedLicenceService
 * (`tools/simulated-licence-service.mjs`). Both directions are signed with the shared secret: HMAC-SHA256 over
 * `<timestamp>.<nonce>.<payload>`, the timestamp in seconds; the receiver refuses a stale timestamp and a nonce
 * it has seen (elicence-login.ts keeps them).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface LicenceService {
  readonly name: string;
  /** The secret the service signs its callbacks with. */
  readonly callbackSecret: string;
  /** Registers a one-time login; the answer is what the QR code holds (the mini-program's link). */
  createLogin(input: { loginId: string; callbackUrl: string; expiresAt: string }): Promise<{ qrUrl: string }>;
  /** The licence behind a card e-licence's USCC, for an enterprise the portal sees first; null if unknown. */
  licence(uscc: string): Promise<LicenceRecord | null>;
}

export interface LicenceRecord {
  uscc: string;
  name: string;
  address: string;
  legalRepresentative: { name: string; mobile: string; origin: 'mainland' | 'foreign' | 'hongkong' | 'macao' | 'taiwan' };
}

/** How far a signed message's timestamp may be from our clock. */
export const SIGNATURE_WINDOW_SECONDS = 300;

export function signPayload(secret: string, payload: string, timestamp: number, nonce: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${nonce}.${payload}`).digest('hex');
}

export function signatureMatches(secret: string, m: { payload: string; timestamp: number; nonce: string; signature: string }): boolean {
  const expected = Buffer.from(signPayload(secret, m.payload, m.timestamp, m.nonce), 'hex');
  const given = Buffer.from(m.signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A signed message in the shape both sides send: the payload as the exact text that was signed. */
export function signedMessage(secret: string, body: unknown, now: Date) {
  const payload = JSON.stringify(body);
  const timestamp = Math.floor(now.getTime() / 1000);
  const nonce = randomBytes(18).toString('base64url');
  return { payload, timestamp, nonce, signature: signPayload(secret, payload, timestamp, nonce) };
}

/** The client of the simulated national service (HTTP, signed requests). */
export class SimulatedLicenceServiceClient implements LicenceService {
  readonly name = 'SimulatedLicenceService';

  constructor(
    private readonly url: string,
    readonly callbackSecret: string,
    private readonly now: () => Date,
  ) {}

  async createLogin(input: { loginId: string; callbackUrl: string; expiresAt: string }): Promise<{ qrUrl: string }> {
    const res = await fetch(new URL('/api/logins', this.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(signedMessage(this.callbackSecret, input, this.now())),
      signal: AbortSignal.timeout(5000),
    });
    if (!res.ok) throw new Error(`SimulatedLicenceService answered ${res.status}`);
    const answer = (await res.json()) as { qrUrl?: unknown };
    if (typeof answer.qrUrl !== 'string') throw new Error('SimulatedLicenceService answered without qrUrl');
    return { qrUrl: answer.qrUrl };
  }

  async licence(uscc: string): Promise<LicenceRecord | null> {
    const res = await fetch(new URL('/api/licences/lookup', this.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(signedMessage(this.callbackSecret, { uscc }, this.now())),
      signal: AbortSignal.timeout(5000),
    });
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`SimulatedLicenceService answered ${res.status}`);
    const answer = (await res.json()) as { licence?: LicenceRecord };
    if (answer.licence?.uscc !== uscc) throw new Error('SimulatedLicenceService answered for another licence');
    return answer.licence;
  }
}
