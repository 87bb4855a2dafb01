/**
 * `filing.*` of window.tongban: 小型建设工程开工备案 (issue 15) on the desktop. The routes of
 * src-shared/contract/http/filing.ts with the session held in main, plus what only main may do: generate the
 * application PDF (the shared generator with the same font file as the server, so the server's copy is byte for
 * byte the one signed), sign it with the key (`signPdf`, PAdES), upload the signed PDF (tus) and submit.
 *
 * The generated and the signed PDF are kept with the filing in the local store until the server took them: a
 * restart, a dropped line or a refused submit loses neither the PDF nor the signature (DESIGN.md decision 7).
 * The payload's idempotency key is fixed when the PDF is generated (the PDF's /ID carries it), so submitting the
 * same signed PDF again is a retry to the server, never a second version.
 */
import { randomUUID } from 'node:crypto';
import type { ClientResults, FilingPrepared } from '@shared/contract/client-api';
import {
  createFilingDraftRoute,
  FILING_PAYLOAD_TYPE,
  filingPayloadSchema,
  filingTimelineRoute,
  getFilingRoute,
  listFilingsRoute,
  pdfSigningDefaultsRoute,
  submitFilingRoute,
  updateFilingDraftRoute,
  type FilingDraftForm,
  type FilingFormValue,
  type FilingPayload,
} from '@shared/contract/http/filing';
import { fail, inputInvalid, ok, type Result } from '@shared/contract/result';
import { FILING_SIGNATURE_PLACEMENT, filingApplicationPdf } from '@shared/filing/application-pdf';
import { effectiveTsaUrl } from '@shared/contract/tsa-url';
import { chinaDate } from '@shared/time/china';
import type { TokenClient } from '../token/token-client';
import type { LocalStore } from './local-store';
import type { Outbox, SubmissionKind } from './outbox';
import type { PortalClient } from './portal-client';
import type { UploadQueue } from './upload-services';

export interface FilingServicesContext {
  portal(): PortalClient;
  outbox(): Outbox;
  /** The signed-in enterprise, or null. */
  enterpriseId(): string | null;
  tokens(): TokenClient;
  store(): LocalStore;
  uploads(): UploadQueue;
  /** The CJK font of printable PDFs (form-font.ts): the server generates with the same file. */
  font(): Promise<Uint8Array>;
  /** The TSA chosen on this PC (Settings, IT's seed or policy); '' = the portal's, if it announces one. */
  tsaUrl(): string;
  now?(): Date;
}

/** The service item of every route here, as the routes' `query` schemas declare it (the handler's permission). */
const ITEM = { item: 'constructionFiling' } as const;
/** What is signed on the form: the seal's box, as `signPdf` takes it. */
const { page: SEAL_PAGE, rect: SEAL } = FILING_SIGNATURE_PLACEMENT;
export const FILING_SIGNATURE_RECT: [number, number, number, number] = [SEAL.x, SEAL.y, SEAL.width, SEAL.height];

/** What main keeps per filing (local store, not the renderer's drafts: the renderer never writes it). */
interface Kept {
  form: FilingFormValue;
  payload: FilingPayload;
  generated: string;
  signed: { pdf: string; level: FilingPrepared['level']; signedAt: string } | null;
  /** The signed PDF as the server stored it, once uploaded. */
  uploaded: { sha256: string; size: number } | null;
}
const keptKey = (filingId: string) => `filingPdf:${filingId}`;

type R = ClientResults['filing'];

interface FilingEnvelope {
  filingId: string;
  body: { payload: FilingPayload; signedPdf: { sha256: string; size: number } };
}

/** The signed filing as the outbox keeps and sends it (the session's enterprise is the signer's). */
export const filingSubmission: SubmissionKind<FilingEnvelope> = {
  kind: 'constructionFiling',
  flow: 'constructionFiling',
  needsSession: true,
  send: (portal, e, enterpriseId) => portal.call(submitFilingRoute, { query: ITEM, params: { enterpriseId: enterpriseId ?? '', filingId: e.filingId }, body: e.body }),
};

export function filingHandlers(ctx: FilingServicesContext) {
  const signedIn = <T>(run: (enterpriseId: string) => Promise<Result<T>>): Promise<Result<T>> => {
    const id = ctx.enterpriseId();
    return id ? run(id) : Promise.resolve(fail('NOT_SIGNED_IN'));
  };
  const params = (enterpriseId: string, filingId?: string): Record<string, string> => (filingId ? { enterpriseId, filingId } : { enterpriseId });
  // Kept per enterprise too: another enterprise signed in on this PC never sees or submits this one's PDFs.
  const load = (enterpriseId: string, filingId: string): Kept | null => {
    const kept = ctx.store().getSetting<(Kept & { enterpriseId: string }) | null>(keptKey(filingId));
    return kept && kept.enterpriseId === enterpriseId ? kept : null;
  };
  const keep = (enterpriseId: string, filingId: string, kept: Kept | null) => ctx.store().setSetting(keptKey(filingId), kept ? { ...kept, enterpriseId } : null);
  const fileName = (k: Kept) => `小型建设工程开工备案申请表-${k.payload.project.name.slice(0, 30)}${k.signed ? '-已签章' : ''}.pdf`;
  const view = (k: Kept): FilingPrepared => ({
    stage: k.signed ? 'signed' : 'generated',
    form: k.form,
    preparedOn: k.payload.preparedOn,
    pdf: k.signed?.pdf ?? k.generated,
    fileName: fileName(k),
    level: k.signed?.level ?? null,
    signedAt: k.signed?.signedAt ?? null,
  });

  /**
   * B-T when a TSA is known: this PC's choice, else the portal's announcement. Asked at each signature (one small
   * GET), so a portal that starts announcing one is followed at once; unanswered, the signature is what the token
   * service's own configuration gives (B-B without one) and the desk shows the level it got.
   */
  const timeStampAuthority = async (): Promise<string | null> => {
    const chosen = effectiveTsaUrl(ctx.tsaUrl(), null);
    if (chosen) return chosen;
    const announced = await ctx.portal().call(pdfSigningDefaultsRoute, { anonymous: true });
    return effectiveTsaUrl(undefined, announced.ok ? announced.value.tsaUrl : null);
  };

  const generate = (i: { filingId: string; form: FilingFormValue }) =>
    signedIn<R['generate']>(async (enterpriseId) => {
      const current = await ctx.portal().call(getFilingRoute, { query: ITEM, params: params(enterpriseId, i.filingId) });
      if (!current.ok) return current;
      const draft = {
        type: FILING_PAYLOAD_TYPE,
        filingId: i.filingId,
        idempotencyKey: randomUUID(),
        preparedOn: chinaDate(ctx.now?.() ?? new Date()),
        // The applicant as the server records it: the server compares the payload's enterprise with its own.
        enterprise: { uscc: current.value.enterprise.uscc, name: current.value.enterprise.name },
        contact: i.form.contact,
        project: i.form.project,
        attachments: i.form.attachments,
      };
      const parsed = filingPayloadSchema.safeParse(draft);
      // Paths as the server names them (`body.payload.project.name`), so the form puts them beside its fields.
      if (!parsed.success) return inputInvalid(parsed.error, draft, ['body', 'payload']);
      const pdf = await filingApplicationPdf(await ctx.font(), parsed.data);
      const kept: Kept = { form: i.form, payload: parsed.data, generated: Buffer.from(pdf).toString('base64'), signed: null, uploaded: null };
      keep(enterpriseId, i.filingId, kept);
      return ok(view(kept));
    });

  const sign = (i: { filingId: string; fingerprint: string; pin?: string }) =>
    signedIn<R['sign']>(async (enterpriseId) => {
      const kept = load(enterpriseId, i.filingId);
      if (!kept) return fail('FILING_NOT_GENERATED');
      const tsaUrl = await timeStampAuthority();
      // Always the generated bytes: signing again after a failed submit replaces the signature, never stacks one.
      const signed = await ctx.tokens().call('signPdf', {
        cert: i.fingerprint,
        pdf: kept.generated,
        signerName: kept.payload.enterprise.name,
        reason: '小型建设工程开工备案',
        placement: { page: SEAL_PAGE, rect: FILING_SIGNATURE_RECT },
        ...(tsaUrl ? { tsaUrl } : {}),
        ...(i.pin !== undefined ? { pin: i.pin } : {}),
      });
      if (!signed.ok) return signed;
      const next: Kept = { ...kept, signed: { pdf: signed.value.pdf, level: signed.value.level, signedAt: signed.value.signedAt }, uploaded: null };
      keep(enterpriseId, i.filingId, next);
      return ok(view(next));
    });

  /** The signed PDF onto the server (tus, item constructionFiling), once per signature. */
  const upload = async (enterpriseId: string, filingId: string, kept: Kept, signed: NonNullable<Kept['signed']>): Promise<Result<{ sha256: string; size: number }>> => {
    if (kept.uploaded) return ok(kept.uploaded);
    const bytes = Buffer.from(signed.pdf, 'base64');
    const uploads = ctx.uploads();
    const uploadId = randomUUID();
    const started = await uploads.start({ uploadId, purpose: 'constructionFiling', requirement: 'applicationForm', slot: `filing:${filingId}`, fileName: fileName(kept), size: bytes.length });
    if (!started.ok) return started;
    const appended = await uploads.append({ uploadId, offset: 0, content: signed.pdf });
    const sent = appended.ok ? await uploads.send({ uploadId }) : appended;
    // The journal entry has done its work either way: the stored digest below is what a retry needs.
    await uploads.discard({ uploadId });
    if (!sent.ok) return sent;
    const stored = { sha256: sent.value.sha256, size: sent.value.size };
    keep(enterpriseId, filingId, { ...kept, uploaded: stored });
    return ok(stored);
  };

  const submit = (i: { filingId: string }) =>
    signedIn<R['submit']>(async (enterpriseId) => {
      const kept = load(enterpriseId, i.filingId);
      if (!kept) return fail('FILING_NOT_GENERATED');
      const signed = kept.signed;
      if (!signed) return fail('FILING_NOT_SIGNED');
      // Through the outbox as every signed submission: once its envelope is stored, it is sent until the server
      // answers, and a retry of the same signed PDF is the same submission (the payload's idempotency key).
      const r = await ctx.outbox().submit<R['submit'], FilingEnvelope>(filingSubmission, {
        idempotencyKey: kept.payload.idempotencyKey,
        content: kept.payload,
        enterpriseId,
        sign: async () => {
          const stored = await upload(enterpriseId, i.filingId, kept, signed);
          if (!stored.ok) return stored;
          return ok({ envelope: { filingId: i.filingId, body: { payload: kept.payload, signedPdf: stored.value } }, label: kept.payload.project.name });
        },
      });
      if (r.ok) keep(enterpriseId, i.filingId, null);
      return r;
    });

  return {
    'filing.list': async () => signedIn((enterpriseId) => ctx.portal().call(listFilingsRoute, { query: ITEM, params: params(enterpriseId) })),
    'filing.get': async (i: { filingId: string }) => signedIn((enterpriseId) => ctx.portal().call(getFilingRoute, { query: ITEM, params: params(enterpriseId, i.filingId) })),
    'filing.create': async (i: { form: FilingDraftForm }) =>
      signedIn((enterpriseId) => ctx.portal().call(createFilingDraftRoute, { query: ITEM, params: params(enterpriseId), body: { form: i.form } })),
    'filing.saveDraft': async (i: { filingId: string; form: FilingDraftForm }) =>
      signedIn((enterpriseId) => ctx.portal().call(updateFilingDraftRoute, { query: ITEM, params: params(enterpriseId, i.filingId), body: { form: i.form } })),
    'filing.timeline': async (i: { filingId: string }) =>
      signedIn((enterpriseId) => ctx.portal().call(filingTimelineRoute, { query: ITEM, params: params(enterpriseId, i.filingId) })),
    'filing.generate': generate,
    'filing.sign': sign,
    'filing.prepared': async (i: { filingId: string }) =>
      signedIn<R['prepared']>(async (enterpriseId) => {
        const kept = load(enterpriseId, i.filingId);
        return ok(kept ? view(kept) : null);
      }),
    'filing.submit': submit,
  };
}
