/**
 * Who a session token belongs to, remembered for a few seconds so an authenticated read costs one query (its own)
 * instead of three. This process clears it on every change that could alter an answer (logout, password change,
 * permission change), so here revocation is immediate; other server instances sharing the database see it
 * within TTL_MS. A session's expiry is still checked on every hit, and entries never outlive the interval after
 * which the session's last-seen time must be written again.
 */
export const PRINCIPAL_CACHE_TTL_MS = 5_000;
const MAX_ENTRIES = 10_000;

export interface CachedPrincipal<P> {
  principal: P;
  expiresAt: number;
  cachedAt: number;
}

export class PrincipalCache<P> {
  private readonly entries = new Map<string, CachedPrincipal<P>>();

  get(tokenHash: string, now: number): P | null {
    const hit = this.entries.get(tokenHash);
    if (!hit) return null;
    if (now - hit.cachedAt >= PRINCIPAL_CACHE_TTL_MS || now >= hit.expiresAt || now < hit.cachedAt) {
      this.entries.delete(tokenHash);
      return null;
    }
    return hit.principal;
  }

  set(tokenHash: string, principal: P, expiresAt: number, now: number): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(tokenHash, { principal, expiresAt, cachedAt: now });
  }

  clear(): void {
    this.entries.clear();
  }
}
