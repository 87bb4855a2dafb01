/**
 * `recovery.*` and `profile.*` of window.tongban (issue 13): 忘记密码 and 安全设置 over the routes of
 * src-shared/contract/http/recovery.ts. The reset token a proven code earns stays here in main, like the session
 * token: the renderer names the recovery, main adds the token.
 */
import type { ClientResults, SessionInfo } from '@shared/contract/client-api';
import type { accountSessionSchema } from '@shared/contract/http/auth';
import {
  confirmContactChangeRoute,
  getProfileRoute,
  recoveryPasswordRoute,
  recoveryStartRoute,
  recoveryVerifyRoute,
  startContactChangeRoute,
  type contactChangeBodySchema,
  type recoveryStartBodySchema,
} from '@shared/contract/http/recovery';
import { fail, type Result } from '@shared/contract/result';
import type { z } from 'zod';
import type { PortalClient } from './portal-client';

type AccountSession = z.infer<typeof accountSessionSchema>;

export interface RecoveryServicesContext {
  portal(): PortalClient;
  signedIn(): boolean;
  /** Opens the session a finished recovery returned, as a password login would. */
  startSession(answer: AccountSession): Promise<Result<SessionInfo>>;
}

type R = ClientResults['recovery'];
type P = ClientResults['profile'];

export function recoveryHandlers(ctx: RecoveryServicesContext) {
  /** recoveryId → reset token, for the one recovery under way (a new verify replaces it). */
  const resetTokens = new Map<string, string>();
  const signedIn = <T>(run: () => Promise<Result<T>>): Promise<Result<T>> => (ctx.signedIn() ? run() : Promise.resolve(fail('NOT_SIGNED_IN')));
  return {
    'recovery.start': async (i: z.output<typeof recoveryStartBodySchema>): Promise<Result<R['start']>> =>
      ctx.portal().call(recoveryStartRoute, { anonymous: true, body: i }),
    'recovery.verify': async (i: { recoveryId: string; code: string }): Promise<Result<R['verify']>> => {
      const r = await ctx.portal().call(recoveryVerifyRoute, { anonymous: true, params: { recoveryId: i.recoveryId }, body: { code: i.code } });
      if (!r.ok) return r;
      if (r.value.role !== 'super') return r;
      resetTokens.clear();
      resetTokens.set(i.recoveryId, r.value.resetToken);
      return { ok: true, value: { role: 'super', username: r.value.username, resetExpiresAt: r.value.resetExpiresAt } };
    },
    'recovery.setPassword': async (i: { recoveryId: string; newPassword: string }): Promise<Result<R['setPassword']>> => {
      const resetToken = resetTokens.get(i.recoveryId);
      if (!resetToken) return fail('RECOVERY_EXPIRED');
      const r = await ctx.portal().call(recoveryPasswordRoute, { anonymous: true, params: { recoveryId: i.recoveryId }, body: { resetToken, newPassword: i.newPassword } });
      if (!r.ok) {
        if (r.error.code === 'RECOVERY_EXPIRED') resetTokens.delete(i.recoveryId);
        return r;
      }
      resetTokens.delete(i.recoveryId);
      return ctx.startSession(r.value);
    },
    'profile.get': async () => signedIn<P['get']>(() => ctx.portal().call(getProfileRoute)),
    'profile.startContactChange': async (i: z.output<typeof contactChangeBodySchema>) =>
      signedIn<P['startContactChange']>(() => ctx.portal().call(startContactChangeRoute, { body: i })),
    'profile.confirmContactChange': async (i: { challengeId: string; code: string }) =>
      signedIn<P['confirmContactChange']>(() => ctx.portal().call(confirmContactChangeRoute, { params: { challengeId: i.challengeId }, body: { code: i.code } })),
  };
}
