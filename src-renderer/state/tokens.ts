import { create } from 'zustand';
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

interface TokensState extends TokensSnapshot {
  /** Lists the keys and follows `tokens.changed`; returns the unsubscribe function. Idempotent per caller. */
  start(): () => void;
  refresh(): Promise<void>;
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
    refresh,
    start: () => {
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
