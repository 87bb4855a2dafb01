/**
 * `beijing.*` of window.tongban: the Beijing SME platform (issue 16) over src-shared/contract/http/beijing.ts. The
 * platform session's token lives in main like an account's and is never an account session: the server lets it
 * reach only the platform's routes. A passport's scans are uploaded as `registration` uploads (no enterprise
 * account exists), under the attempt's upload token, which main adds to the certification here.
 */
import type { ClientResults } from '@shared/contract/client-api';
import {
  certifyRoute,
  platformCodeRoute,
  platformLoginRoute,
  platformProfileRoute,
  platformRegisterRoute,
  unbindingRequestRoute,
  yztLoginRoute,
  yztPasswordCodeRoute,
  yztPasswordResetRoute,
  type CertificationBody,
  type UnbindingBody,
} from '@shared/contract/http/beijing';
import { logoutRoute } from '@shared/contract/http/auth';
import { ok, type Result } from '@shared/contract/result';
import type { PortalClient } from './portal-client';

export interface BeijingServicesContext {
  portal(): PortalClient;
  /** Replaces whatever session main holds with a platform one (token), or drops it (null). */
  platformSession(token: string | null): void;
  /** The upload token the attempt's scans went under (null: none uploaded). */
  uploadToken(): string | null;
}

type R = ClientResults['beijing'];
type RegisterInput = { mobile: string; codeId: string; code: string; password: string; nickname: string; userType: 'personal' | 'enterprise' };
type Captcha = { captchaId: string; captchaAnswer: string };
const captchaOf = (i: Captcha) => ({ captchaId: i.captchaId, answer: i.captchaAnswer });

export function beijingHandlers(ctx: BeijingServicesContext) {
  const signedIn = (r: Result<{ token: string; expiresAt: string; idleTimeoutSeconds: number; profile: R['profile'] }>): Result<R['profile']> => {
    if (!r.ok) return r;
    ctx.platformSession(r.value.token);
    return ok(r.value.profile);
  };
  return {
    'beijing.sendCode': async (i: { mobile: string } & Captcha): Promise<Result<R['sendCode']>> =>
      ctx.portal().call(platformCodeRoute, { anonymous: true, body: { mobile: i.mobile, captcha: captchaOf(i) } }),
    'beijing.register': async (i: RegisterInput): Promise<Result<R['register']>> =>
      signedIn(await ctx.portal().call(platformRegisterRoute, { anonymous: true, body: i })),
    'beijing.login': async (i: { mobile: string; password: string } & Captcha): Promise<Result<R['login']>> =>
      signedIn(await ctx.portal().call(platformLoginRoute, { anonymous: true, body: { mobile: i.mobile, password: i.password, captcha: captchaOf(i) } })),
    'beijing.profile': async (): Promise<Result<R['profile']>> => ctx.portal().call(platformProfileRoute),
    'beijing.certify': async (i: Omit<CertificationBody, 'uploadToken'>): Promise<Result<R['certify']>> => {
      const token = ctx.uploadToken();
      return ctx.portal().call(certifyRoute, { body: { ...i, ...(i.documents.length && token ? { uploadToken: token } : {}) } });
    },
    'beijing.yztLogin': async (i: { username: string; password: string } & Captcha): Promise<Result<R['yztLogin']>> =>
      ctx.portal().call(yztLoginRoute, { body: { username: i.username, password: i.password, captcha: captchaOf(i) } }),
    'beijing.requestUnbinding': async (i: Omit<UnbindingBody, 'uploadToken'>): Promise<Result<R['requestUnbinding']>> =>
      ctx.portal().call(unbindingRequestRoute, { body: { ...i, uploadToken: ctx.uploadToken() ?? '' } }),
    'beijing.yztPasswordCode': async (): Promise<Result<R['yztPasswordCode']>> => ctx.portal().call(yztPasswordCodeRoute),
    'beijing.yztPasswordReset': async (i: { codeId: string; code: string; password: string }): Promise<Result<R['yztPasswordReset']>> =>
      ctx.portal().call(yztPasswordResetRoute, { body: i }),
    'beijing.logout': async (): Promise<Result<R['logout']>> => {
      await ctx.portal().call(logoutRoute);
      ctx.platformSession(null);
      return ok({ loggedOut: true as const });
    },
  };
}
