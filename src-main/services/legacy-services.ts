/**
 * `legacy.*` of window.tongban: legacy hub accounts (企服平台账号, manual 000) over the routes of
 * src-shared/contract/http/legacy.ts. The legacy session's token lives in main like an account's and is never an
 * account session: the server lets it reach only its view and the upgrade, and the upgrade ends it.
 */
import type { ClientResults } from '@shared/contract/client-api';
import { legacyHistoryRoute, legacyLoginRoute, legacyMeRoute, legacyUpgradeRoute } from '@shared/contract/http/legacy';
import { fail, type Result } from '@shared/contract/result';
import type { PortalClient } from './portal-client';

export interface LegacyServicesContext {
  portal(): PortalClient;
  /** Replaces whatever session main holds with a legacy one (token), or drops it (null). */
  legacySession(token: string | null): void;
  /** The signed-in account's enterprise (for the carried history), or null. */
  enterpriseId(): string | null;
}

type R = ClientResults['legacy'];

export function legacyHandlers(ctx: LegacyServicesContext) {
  return {
    'legacy.login': async (i: { username: string; password: string; captchaId: string; captchaAnswer: string }): Promise<Result<R['login']>> => {
      const r = await ctx.portal().call(legacyLoginRoute, {
        anonymous: true,
        body: { username: i.username, password: i.password, captcha: { captchaId: i.captchaId, answer: i.captchaAnswer } },
      });
      if (!r.ok) return r;
      const { token, expiresAt: _expiresAt, idleTimeoutSeconds: _idle, ...view } = r.value;
      ctx.legacySession(token);
      return { ok: true, value: view };
    },
    'legacy.me': async (): Promise<Result<R['me']>> => ctx.portal().call(legacyMeRoute),
    'legacy.upgrade': async (i: { username: string; password: string }): Promise<Result<R['upgrade']>> => {
      const r = await ctx.portal().call(legacyUpgradeRoute, { body: i });
      // The server ended the legacy session: the clerk signs in again with the one-stop account.
      if (r.ok) ctx.legacySession(null);
      return r;
    },
    'legacy.history': async (): Promise<Result<R['history']>> => {
      const enterpriseId = ctx.enterpriseId();
      return enterpriseId ? ctx.portal().call(legacyHistoryRoute, { params: { enterpriseId } }) : fail('NOT_SIGNED_IN');
    },
  };
}
