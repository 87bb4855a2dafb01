/**
 * CA-key login (Web eID 1.0): the server hands out a random nonce (one use, 2 minutes), the token service signs
 * SHA-256(origin) ‖ SHA-256(nonce) with the key, and the server checks the nonce, the certificate chain and key
 * usage, and the signature against this server's origin, then opens a session for the account the certificate
 * lands on (ca-landing.ts: the one it is bound to, the one the clerk named, or a renewed certificate's).
 */
import { randomBytes, X509Certificate } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { WebEidAuthToken } from '@shared/contract/signing';
import type { AccountTable, Database } from '../db/schema';
import { isCardLicence, landCardLicence } from '../elicence/card-login';
import { ApiError } from '../http/api-error';
import { verifyCertificate, type VerifiedCertificate } from '../pki/chain';
import { checkWebEidSignature } from '../pki/web-eid';
import type { Services } from '../services';
import { landingAccount, type LandingContext } from './ca-landing';
import { addSeconds } from './clock';

export const CA_NONCE_TTL_SECONDS = 120;

export async function issueCaNonce(db: Kysely<Database>, now: Date) {
  const nonce = randomBytes(32).toString('base64');
  const expiresAt = addSeconds(now, CA_NONCE_TTL_SECONDS).toISOString();
  await db.insertInto('ca_nonces').values({ nonce, expires_at: expiresAt, used_at: null }).execute();
  await db.deleteFrom('ca_nonces').where('expires_at', '<', addSeconds(now, -3600).toISOString()).execute();
  return { nonce, expiresAt };
}

export async function loginWithCertificate(
  services: Services,
  input: { nonce: string; token: WebEidAuthToken; account?: { username: string; password?: string | undefined } | undefined },
  ctx: LandingContext,
): Promise<{ account: AccountTable; cardLicence: boolean }> {
  const verified = await provenCertificate(services, input, ctx.now);
  // A card e-licence lands on its enterprise's super unless the clerk named another account (then as any key).
  if (isCardLicence(verified) && !input.account) return { account: await landCardLicence(services, verified, ctx), cardLicence: true };
  return { account: await landingAccount(services, verified, input.account, ctx), cardLicence: false };
}

/**
 * The certificate of a Web eID token over one of our nonces, after the nonce, the chain, key usage and the
 * signature over this server's origin were checked: proof that the key is at hand (CA login, binding a key).
 */
export async function provenCertificate(services: Services, input: { nonce: string; token: WebEidAuthToken }, now: Date): Promise<VerifiedCertificate> {
  // Consume first: a nonce is spent by any attempt, so a failed token cannot be retried against it.
  const consumed = await services.db
    .updateTable('ca_nonces')
    .set({ used_at: now.toISOString() })
    .where('nonce', '=', input.nonce)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now.toISOString())
    .returning('nonce')
    .executeTakeFirst();
  if (!consumed) throw new ApiError('CA_NONCE_INVALID');

  const der = Buffer.from(input.token.unverifiedCertificate, 'base64');
  const verified = verifyCertificate(der, [], services.trust, now, 'authenticate');
  checkWebEidSignature(input.token, new X509Certificate(der).publicKey, services.config.publicOrigin, input.nonce);
  // After the signature: only a key proven at hand costs a question to the CA's responder.
  await services.trust.revocation?.assertNotRevoked(der, verified.issuerDer, now);
  return verified;
}
