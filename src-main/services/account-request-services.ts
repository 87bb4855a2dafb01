/**
 * `accountRequests.*` of window.tongban: requests to the portal staff. Signed in they are the enterprise's and the
 * session reads them. Without login there is no account to read them with, so main keeps the request's id and
 * access secret in the local store (the renderer never sees the secret), as pre-registration-services.ts does.
 * Each attempt's secret is made before its first send and kept until the server has answered, so a resend after a
 * dropped line is the same request (the server's idempotency key).
 */
import { randomBytes } from 'node:crypto';
import { requestFormOf, type AccountRequestDraftForm } from '@shared/contract/account-request-draft';
import type { AttachmentRef, ClientResults } from '@shared/contract/client-api';
import {
  accountRequestFormSchema,
  getAccountRequestRoute,
  listAccountRequestsRoute,
  resubmitAccountRequestRoute,
  resubmitAnonymousAccountRequestRoute,
  submitAccountRequestRoute,
  submitAnonymousAccountRequestRoute,
  viewAnonymousAccountRequestRoute,
  type AccountRequestRequirement,
  type AccountRequestSubmission,
} from '@shared/contract/http/account-requests';
import { fail, inputInvalid, ok, type Result } from '@shared/contract/result';
import type { LocalStore } from './local-store';
import type { PortalClient } from './portal-client';

/** The request filed without login: `id` is null while its first send has not been answered. */
interface Kept {
  id: string | null;
  secret: string;
}
const KEPT = 'accountRequest';
/** The signed-in attempt's secret, until the server answered it. */
const SENDING = 'accountRequestSending';

export interface AccountRequestContext {
  portal(): PortalClient;
  store(): Pick<LocalStore, 'getSetting' | 'setSetting'>;
  signedIn(): boolean;
  /** The attempt's upload token the scans went under (upload-services.ts), and its end once the request exists. */
  uploadToken(): string | null;
  endUploadAttempt(): void;
}

type R = ClientResults['accountRequests'];
const newSecret = () => randomBytes(32).toString('base64url');
/** The server answered with a refusal (not a dropped line): a later submission is a new one. */
const answered = (r: Result<unknown>) => !r.ok && !r.error.retriable;

export function accountRequestHandlers(ctx: AccountRequestContext) {
  const kept = () => ctx.store().getSetting<Kept | null>(KEPT) ?? null;
  const keep = (k: Kept | null) => ctx.store().setSetting(KEPT, k);

  const signedInSubmit = async (body: Omit<AccountRequestSubmission, 'secret'>, requestId?: string): Promise<Result<R['submit']>> => {
    const secret = ctx.store().getSetting<string | null>(SENDING) ?? newSecret();
    ctx.store().setSetting(SENDING, secret);
    const r = requestId
      ? await ctx.portal().call(resubmitAccountRequestRoute, { params: { requestId }, body: { ...body, secret } })
      : await ctx.portal().call(submitAccountRequestRoute, { body: { ...body, secret } });
    if (r.ok || answered(r)) ctx.store().setSetting(SENDING, null);
    if (r.ok) ctx.endUploadAttempt();
    return r;
  };
  const send = async (body: AccountRequestSubmission) => {
    const current = kept();
    const r = current?.id
      ? await ctx.portal().call(resubmitAnonymousAccountRequestRoute, { anonymous: true, params: { requestId: current.id }, body })
      : await ctx.portal().call(submitAnonymousAccountRequestRoute, { anonymous: true, body });
    if (r.ok) {
      keep({ id: r.value.requestId, secret: body.secret });
      ctx.endUploadAttempt();
    } else if (!current?.id && answered(r)) keep(null);
    return r;
  };

  return {
    'accountRequests.submit': async (i: { form: AccountRequestDraftForm; attachments: AttachmentRef[]; requestId?: string }): Promise<Result<R['submit']>> => {
      const typed = requestFormOf(i.form);
      const form = accountRequestFormSchema.safeParse(typed);
      if (!form.success) return inputInvalid(form.error, typed, ['body', 'form']);
      const attachments = i.attachments.map(({ requirement, sha256, size, mediaType }) => ({ requirement: requirement as AccountRequestRequirement, sha256, size, mediaType }));
      const body = { uploadToken: ctx.uploadToken() ?? '', form: form.data, attachments };
      if (ctx.signedIn()) return signedInSubmit(body, i.requestId);
      const current = kept() ?? { id: null, secret: newSecret() };
      keep(current);
      return send({ ...body, secret: current.secret });
    },

    'accountRequests.status': async (): Promise<Result<R['status']>> => {
      const k = kept();
      if (!k?.id) return ok(null);
      const r = await ctx.portal().call(viewAnonymousAccountRequestRoute, { anonymous: true, params: { requestId: k.id }, body: { secret: k.secret } });
      // Gone from the server (another server configured, the database reset): nothing left to follow.
      if (!r.ok && r.error.code === 'NOT_FOUND') {
        keep(null);
        return ok(null);
      }
      return r;
    },

    'accountRequests.forget': async (): Promise<Result<R['forget']>> => {
      const had = kept() !== null;
      keep(null);
      return ok({ forgotten: had });
    },

    'accountRequests.list': async (): Promise<Result<R['list']>> => (ctx.signedIn() ? ctx.portal().call(listAccountRequestsRoute) : fail('NOT_SIGNED_IN')),
    'accountRequests.get': async (i: { requestId: string }): Promise<Result<R['get']>> =>
      ctx.signedIn() ? ctx.portal().call(getAccountRequestRoute, { params: { requestId: i.requestId } }) : fail('NOT_SIGNED_IN'),
  };
}
