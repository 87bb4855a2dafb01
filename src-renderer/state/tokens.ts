import { create } from 'zustand';
import type { AppError, Result } from '@shared/contract/result';
import type { TokenCertificate } from '@shared/contract/token';
import { call, subscribe } from '../platform';

/**
 * The CA keys plugged in now, kept live from `tokens.changed`. Every screen that shows or uses a key reads it
 * from here, so the header, the CA login tab and the registration wizard never disagree.
 */
export interface TokensSnapshot {
  status: 'loading' | 'ready' | 'unavailable';
  certificates: TokenCertificate[];
  /** A certificate that was listed has gone (its key pulled out); cleared when a key is plugged in again. */
  removed: boolean;
}

/** The snapshot after the token service reports `certificates` (pure, so it is tested without a DOM). */
export function applyCertificates(prev: TokensSnapshot, certificates: TokenCertificate[]): TokensSnapshot {
  const now = new Set(certificates.map((c) => c.fingerprint));
  const before = new Set(prev.certificates.map((c) => c.fingerprint));
  const lost = [...before].some((f) => !now.has(f));
  const added = [...now].some((f) => !before.has(f));
  return { status: 'ready', certificates, removed: added ? false : lost || prev.removed };
}

/**
 * Answers that say a key itself cannot be used, whoever tries it (issue 21 item 5): the server's verdict on its
 * certificate (revoked, untrusted, expired by the server's clock) or its driver failing. Shown next to the key until
 * it is used successfully; a wrong PIN is not about the key and is not kept.
 */
export const KEY_REFUSAL_CODES: readonly string[] = [
  'CERT_REVOKED',
  'CERT_UNTRUSTED',
  'CERT_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_NO_USCC',
  'PIN_LOCKED',
  'UNSUPPORTED_KEY',
  'MODULE_LOAD_FAILED',
  'TOKEN_ERROR',
];

/** `refusals` after an attempt with `fingerprint` (pure, tested alone). */
export function afterAttempt(refusals: Record<string, AppError>, fingerprint: string, result: Result<unknown>): Record<string, AppError> {
  const { [fingerprint]: _previous, ...others } = refusals;
  if (!result.ok && KEY_REFUSAL_CODES.includes(result.error.code)) return { ...others, [fingerprint]: { code: result.error.code, retriable: false } };
  return result.ok ? others : refusals;
}

interface TokensState extends TokensSnapshot {
  /** The key last used on this PC (main's local store), preselected when it is plugged in. */
  lastUsed: string | null;
  /** Why a key could not be used at its last attempt, by fingerprint (see KEY_REFUSAL_CODES). */
  refusals: Record<string, AppError>;
  /** Lists the keys and follows `tokens.changed`; returns the unsubscribe function. Idempotent per caller. */
  start(): () => void;
  refresh(): Promise<void>;
  /** An attempt with a key ended: a success makes it the last used key, a refusal of the key is kept beside it. */
  attempted(fingerprint: string, result: Result<unknown>): void;
}

/** How long to wait before asking again when the token service could not answer (it restarts itself). */
export const TOKENS_RETRY_MS = 3000;

export const useTokens = create<TokensState>((set, get) => {
  let eventsSeen = 0;
  let retry: ReturnType<typeof setTimeout> | null = null;
  const refresh = async () => {
    if (retry) clearTimeout(retry);
    retry = null;
    const seen = eventsSeen;
    const r = await call((api) => api.tokens.list({}));
    // An event that arrived meanwhile is newer than this answer.
    if (seen !== eventsSeen) return;
    if (r.ok) {
      set(applyCertificates(get(), r.value));
    } else {
      set({ status: 'unavailable' });
      retry = setTimeout(() => void refresh(), TOKENS_RETRY_MS);
    }
  };
  return {
    status: 'loading',
    certificates: [],
    removed: false,
    lastUsed: null,
    refusals: {},
    refresh,
    attempted: (fingerprint, result) => {
      set({ refusals: afterAttempt(get().refusals, fingerprint, result), ...(result.ok ? { lastUsed: fingerprint } : {}) });
    },
    start: () => {
      void call((api) => api.tokens.lastUsed({})).then((r) => {
        if (r.ok && get().lastUsed === null) set({ lastUsed: r.value.fingerprint });
      });
      const off = subscribe('tokens.changed', (certificates) => {
        eventsSeen++;
        if (retry) clearTimeout(retry);
        retry = null;
        set(applyCertificates(get(), certificates));
      });
      void refresh();
      return () => {
        off();
        if (retry) clearTimeout(retry);
        retry = null;
      };
    },
  };
});

/** The certificate with `fingerprint` if its key is plugged in now. */
export function findCertificate(certificates: TokenCertificate[], fingerprint: string | null): TokenCertificate | undefined {
  return fingerprint ? certificates.find((c) => c.fingerprint === fingerprint) : undefined;
}
