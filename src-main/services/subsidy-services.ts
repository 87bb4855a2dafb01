/**
 * `serviceItems.*` and `subsidy.*` of window.tongban (the talent recruitment subsidy, manual 001 §1): the routes of
 * src-shared/contract/http/subsidy.ts with the session held in main, and the signed submission. The renderer sends
 * what the clerk typed; main adds what must be the server's (the enterprise as recorded, the amount by the server's
 * rule and the enterprise's yearly quota), signs the canonical JSON with the key and submits it.
 *
 * Idempotency: the server treats a submit with a known idempotency key as a retry only when the payload is
 * byte-for-byte the one it recorded. So the submission goes through the outbox (outbox.ts): signed once, the
 * envelope kept in main's store and sent until the server answers; a retry with the same key and the same input
 * resends those bytes without the PIN (a crash or a lost answer never creates a second version).
 */
import type { ClientEvents, ClientResults, SubsidySubmitInput } from '@shared/contract/client-api';
import {
  createSubsidyDraftRoute,
  getSubsidyRoute,
  listServiceItemsRoute,
  listSubsidiesRoute,
  SUBSIDY_PAYLOAD_TYPE,
  subsidyPayloadSchema,
  subsidyTimelineRoute,
  updateSubsidyDraftRoute,
  submitSubsidyRoute,
  withdrawSubsidyRoute,
  type SubsidyDraftForm,
  type SubsidyPayload,
} from '@shared/contract/http/subsidy';
import { fail, inputInvalid, ok, type Result } from '@shared/contract/result';
import { subsidyAmount } from '@shared/subsidy/amount';
import { canonicalBytes } from '@shared/validation/canonical-json';
import type { TokenClient } from '../token/token-client';
import { loadFormFont } from './form-font';
import type { Outbox, SubmissionKind } from './outbox';
import { applicationNumber, renderSubsidyApplicationForm, renderSubsidyFiledCopy } from './subsidy-forms';
import type { PortalClient } from './portal-client';

export interface SubsidyServicesContext {
  portal(): PortalClient;
  /** The signed-in enterprise, or null. */
  enterpriseId(): string | null;
  tokens(): TokenClient;
  outbox(): Outbox;
  emit<E extends keyof ClientEvents>(event: E, payload: ClientEvents[E]): void;
}

/** The service item of every route here, as the routes' `query` schemas declare it (the handler's permission). */
const ITEM = { item: 'subsidy' } as const;

/** The signed application as the outbox keeps and sends it (the session's enterprise is the signer's). */
export const subsidySubmission: SubmissionKind<{ applicationId: string; body: { payload: SubsidyPayload; cms: string } }> = {
  kind: 'subsidy',
  flow: 'subsidy',
  needsSession: true,
  send: (portal, e, enterpriseId) =>
    portal.call(submitSubsidyRoute, { query: ITEM, params: { enterpriseId: enterpriseId ?? '', applicationId: e.applicationId }, body: e.body }),
};

type R = ClientResults;

export function subsidyHandlers(ctx: SubsidyServicesContext) {
  const signedIn = <T>(run: (enterpriseId: string) => Promise<Result<T>>): Promise<Result<T>> => {
    const id = ctx.enterpriseId();
    return id ? run(id) : Promise.resolve(fail('NOT_SIGNED_IN'));
  };
  const params = (enterpriseId: string, applicationId?: string): Record<string, string> => (applicationId ? { enterpriseId, applicationId } : { enterpriseId });

  const submit = (i: SubsidySubmitInput) =>
    signedIn<R['subsidy']['submit']>(async (enterpriseId) => {
      // What the clerk approved, without the PIN and the key: a retry must bring the same (server-derived parts such
      // as the amount are not compared: they may have moved once the server recorded this very submission).
      const { pin, idempotencyKey, ...approved } = i;
      return ctx.outbox().submit<R['subsidy']['submit'], Parameters<typeof subsidySubmission.send>[1]>(subsidySubmission, {
        idempotencyKey,
        content: approved,
        enterpriseId,
        sign: async () => {
          const current = await ctx.portal().call(getSubsidyRoute, { query: ITEM, params: params(enterpriseId, i.applicationId) });
          if (!current.ok) return current;
          const app = current.value;
          const amount = subsidyAmount(i.talents, app.quota.rule, app.quota.usedThisYearFen);
          const draft = {
            type: SUBSIDY_PAYLOAD_TYPE,
            idempotencyKey,
            applicationId: i.applicationId,
            declarationAccepted: true as const,
            enterprise: { uscc: app.enterprise.uscc, name: app.enterprise.name },
            contact: i.contact,
            talents: i.talents,
            attachments: i.attachments,
            amountRequestedFen: amount.totalFen,
            signedAt: new Date().toISOString(),
          };
          const parsed = subsidyPayloadSchema.safeParse(draft);
          // Paths as the server would name them (`body.payload.talents[0].name`), so the form puts them beside its fields.
          if (!parsed.success) return inputInvalid(parsed.error, draft, ['body', 'payload']);
          // Sign exactly the bytes the server will canonicalise from what we send.
          const bytes = Buffer.from(canonicalBytes(parsed.data)).toString('base64');
          const signed = await ctx.tokens().call('signCms', { cert: i.fingerprint, content: bytes, requireUscc: true, ...(pin !== undefined ? { pin } : {}) });
          if (!signed.ok) return signed;
          const envelope = { applicationId: i.applicationId, body: { payload: parsed.data, cms: signed.value.cms } };
          return ok({ envelope, label: i.talents.map((t) => t.name).join(', ') });
        },
      });
    });

  return {
    'serviceItems.list': async () => signedIn((enterpriseId) => ctx.portal().call(listServiceItemsRoute, { params: params(enterpriseId) })),

    'subsidy.list': async () => signedIn((enterpriseId) => ctx.portal().call(listSubsidiesRoute, { query: ITEM, params: params(enterpriseId) })),
    'subsidy.get': async (i: { applicationId: string }) =>
      signedIn((enterpriseId) => ctx.portal().call(getSubsidyRoute, { query: ITEM, params: params(enterpriseId, i.applicationId) })),
    'subsidy.create': async (i: { form: SubsidyDraftForm }) =>
      signedIn((enterpriseId) => ctx.portal().call(createSubsidyDraftRoute, { query: ITEM, params: params(enterpriseId), body: { form: i.form } })),
    'subsidy.saveDraft': async (i: { applicationId: string; form: SubsidyDraftForm }) =>
      signedIn((enterpriseId) => ctx.portal().call(updateSubsidyDraftRoute, { query: ITEM, params: params(enterpriseId, i.applicationId), body: { form: i.form } })),
    'subsidy.submit': submit,
    'subsidy.withdraw': async (i: { applicationId: string; reason?: string }) =>
      signedIn((enterpriseId) =>
        ctx.portal().call(withdrawSubsidyRoute, { query: ITEM, params: params(enterpriseId, i.applicationId), body: i.reason ? { reason: i.reason } : {} }),
      ),
    'subsidy.timeline': async (i: { applicationId: string }) =>
      signedIn((enterpriseId) => ctx.portal().call(subsidyTimelineRoute, { query: ITEM, params: params(enterpriseId, i.applicationId) })),

    // The printouts read the application through the same route and authorisation as `subsidy.get`.
    'subsidy.printForm': async (i: { applicationId: string; form: SubsidyDraftForm }) =>
      signedIn<R['subsidy']['printForm']>(async (enterpriseId) => {
        const app = await ctx.portal().call(getSubsidyRoute, { query: ITEM, params: params(enterpriseId, i.applicationId) });
        if (!app.ok) return app;
        const pdf = await renderSubsidyApplicationForm(app.value, i.form, await loadFormFont());
        return ok({ pdf: Buffer.from(pdf).toString('base64'), fileName: `补贴申请表-${app.value.enterprise.uscc}-${applicationNumber(app.value.id)}.pdf` });
      }),
    'subsidy.printCopy': async (i: { applicationId: string }) =>
      signedIn<R['subsidy']['printCopy']>(async (enterpriseId) => {
        const app = await ctx.portal().call(getSubsidyRoute, { query: ITEM, params: params(enterpriseId, i.applicationId) });
        if (!app.ok) return app;
        if (!app.value.submittedAt || app.value.version === 0) return fail('SUBSIDY_NOT_FILED');
        const pdf = await renderSubsidyFiledCopy(app.value, await loadFormFont());
        return ok({ pdf: Buffer.from(pdf).toString('base64'), fileName: `补贴申请提交副本-${applicationNumber(app.value.id)}-第${app.value.version}版.pdf` });
      }),
  };
}
