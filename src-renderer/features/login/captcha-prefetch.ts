/**
 * The first captcha, asked for at start-up together with the session instead of after the login screen mounts:
 * the login button waits for it, so it is on the way to an interactive login screen. Taken once; a later
 * refresh asks the server again.
 */
import type { TongbanClientApi } from '@shared/contract/client-api';
import type { Result } from '@shared/contract/result';
import { call } from '../../platform';

type Captcha = Awaited<ReturnType<TongbanClientApi['auth']['captcha']>> extends Result<infer T> ? T : never;

let prefetched: Promise<Result<Captcha>> | null = null;

export function prefetchCaptcha(): void {
  prefetched = call((api) => api.auth.captcha({}));
}

/** The prefetched captcha if there is one still valid for a while, else a new one. */
export async function firstCaptcha(): Promise<Result<Captcha>> {
  const early = prefetched;
  prefetched = null;
  if (early) {
    const r = await early;
    if (r.ok && Date.parse(r.value.expiresAt) - Date.now() > 30_000) return r;
  }
  return call((api) => api.auth.captcha({}));
}
