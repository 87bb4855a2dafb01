/**
 * The one-time token travels in the link's fragment (`/m/receipt#<token>`), so it never reaches a server log or a
 * Referer. The page takes it once, keeps it in memory, and removes it from the address bar (and so from the
 * history) before anything else runs.
 */

/** receiptLinkTokenSchema of the contract: 32 random bytes, base64url. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function takeToken(location: Pick<Location, 'hash' | 'pathname' | 'search'>, history: Pick<History, 'replaceState' | 'state'>): string | null {
  const raw = location.hash.replace(/^#/, '');
  if (raw) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  return TOKEN_PATTERN.test(raw) ? raw : null;
}
