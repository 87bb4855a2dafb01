/**
 * Issue 21 items 1 and 5 in main: the key last used on this PC (preselected next time) and registration step 2's
 * "is this enterprise registered already?", which only the key's holder may ask (the key signs a CA challenge).
 */
import type { ClientResults } from '@shared/contract/client-api';
import { caChallengeRoute } from '@shared/contract/http/auth';
import { registrationKeyCheckRoute } from '@shared/contract/http/registration';
import { ok, type Result } from '@shared/contract/result';
import type { TokenClient } from '../token/token-client';
import type { LocalStore } from './local-store';
import type { PortalClient } from './portal-client';

/** The local-store setting holding the certificate fingerprint of the key last used: never a PIN, nothing else. */
export const LAST_KEY_SETTING = 'lastKey';
const FINGERPRINT = /^[0-9a-f]{64}$/;

/**
 * After a call succeeded with a key (a CA login, a signature, a binding, a key check), remember that key. Called by
 * the dispatcher for every call, so a new flow that signs is remembered without doing anything.
 */
export function rememberKeyUsed(store: LocalStore, input: unknown): void {
  const fingerprint = (input as { fingerprint?: unknown } | null)?.fingerprint;
  if (typeof fingerprint === 'string' && FINGERPRINT.test(fingerprint)) store.setSetting(LAST_KEY_SETTING, fingerprint);
}

export interface KeyServicesContext {
  portal(): PortalClient;
  tokens(): TokenClient;
  store(): LocalStore;
  /** The origin this client is configured for (a relaying server cannot get a token for the real portal). */
  origin(): string;
}

export function keyHandlers(ctx: KeyServicesContext) {
  return {
    'tokens.lastUsed': async (): Promise<Result<ClientResults['tokens']['lastUsed']>> => {
      const fingerprint = ctx.store().getSetting<string>(LAST_KEY_SETTING);
      return ok({ fingerprint: typeof fingerprint === 'string' && FINGERPRINT.test(fingerprint) ? fingerprint : null });
    },
    'registration.checkKey': async (i: { fingerprint: string; pin?: string }): Promise<Result<ClientResults['registration']['checkKey']>> => {
      const challenge = await ctx.portal().call(caChallengeRoute, { anonymous: true });
      if (!challenge.ok) return challenge;
      const nonce = challenge.value.nonce;
      const token = await ctx.tokens().call('authenticate', { cert: i.fingerprint, origin: ctx.origin(), nonce, ...(i.pin !== undefined ? { pin: i.pin } : {}) });
      if (!token.ok) return token;
      return ctx.portal().call(registrationKeyCheckRoute, { anonymous: true, body: { nonce, token: token.value } });
    },
  };
}
