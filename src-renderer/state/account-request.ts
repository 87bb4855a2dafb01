import { z } from 'zod';
import { create } from 'zustand';
import { accountRequestDraftFormSchema, emptyAccountRequestDraft, type AccountRequestDraftForm } from '@shared/contract/account-request-draft';
import { attachmentRefSchema, type AttachmentRef } from '@shared/contract/client-api';
import type { AccountRequestKind, AccountRequestRequirement, AccountRequestView } from '@shared/contract/http/account-requests';
import type { AppError } from '@shared/contract/result';
import { issuesUnder, type FieldIssue } from '@shared/validation/issues';
import { call } from '../platform';
import { autosaveDraft } from './autosave';
import { useSession } from './session';

/**
 * A request to the portal staff on the desk: the one being typed (a new one, or a refused one being corrected) or
 * the one being followed. Signed in, the enterprise's requests are read by id; without login main keeps the one
 * request and `openKept` reads it back, also after a restart.
 */
export interface RequestDraft {
  form: AccountRequestDraftForm;
  attachments: Partial<Record<AccountRequestRequirement, AttachmentRef>>;
  /** Set when correcting a refused request (the same request is sent again). */
  requestId: string | null;
}

/**
 * The local-store key of a request being typed (autosaved like the other drafts, DESIGN.md decision 7): a
 * correction by its request, a new request by its kind (one of each kind at a time on this PC).
 */
export const accountRequestDraftKey = (d: Pick<RequestDraft, 'requestId' | 'form'>) => `accountRequest:${d.requestId ?? d.form.kind}`;
/** The names the scans were sent with (the server keeps hashes): a refused request's correction shows them. */
export const accountRequestFilesKey = (requestId: string) => `accountRequest-files:${requestId}`;

const savedDraftSchema = z.object({
  form: accountRequestDraftFormSchema,
  attachments: z.record(z.string(), attachmentRefSchema),
  requestId: z.uuid().nullable(),
});

interface State {
  draft: RequestDraft | null;
  /** The draft's saved copy was looked for (until then the form waits, and nothing is saved over it). */
  loaded: boolean;
  /** The draft came back from the local store. */
  restored: boolean;
  request: AccountRequestView | null;
  serverIssues: FieldIssue[];
  start(kind: AccountRequestKind, enterprise?: { uscc: string; name: string }): void;
  show(view: AccountRequestView): void;
  /** Puts back what was saved of `fresh` on this PC (typed fields, scans and their names), then `loaded`. */
  restore(fresh: RequestDraft): Promise<void>;
  /** Without login: the request main keeps is shown, unless it was approved and a new one is being typed (true when shown). */
  openKept(): Promise<boolean>;
  refresh(): Promise<AppError | null>;
  updateForm(form: AccountRequestDraftForm): void;
  setAttachment(requirement: AccountRequestRequirement, ref: AttachmentRef | undefined): void;
  submitted(view: AccountRequestView): void;
  refused(error: AppError): void;
  correct(): void;
}

/** A refused request's form and scans, back on the form to correct (the server's own references). */
export function draftFromRefused(view: AccountRequestView): RequestDraft {
  const form = emptyAccountRequestDraft(view.kind, view.form.enterprise);
  const f = view.form;
  form.filer = f.filer;
  if (f.kind === 'enterpriseChange') Object.assign(form, { newName: f.newName, newAddress: f.newAddress });
  else {
    form.administrator = { ...f.administrator, email: f.administrator.email ?? '' };
    if (f.kind === 'accountsUnknown') Object.assign(form, { legalRepresentative: f.legalRepresentative, superMobile: f.superMobile ?? '' });
  }
  const attachments: RequestDraft['attachments'] = {};
  // Named by requirement until the names it was sent with are read back (`restore`).
  for (const a of view.attachments) attachments[a.requirement] = { ...a, fileName: a.requirement };
  return { form, attachments, requestId: view.requestId };
}

export const useAccountRequest = create<State>((set, get) => ({
  draft: null,
  loaded: false,
  restored: false,
  request: null,
  serverIssues: [],
  start: (kind, enterprise) => {
    const fresh: RequestDraft = { form: emptyAccountRequestDraft(kind, enterprise), attachments: {}, requestId: null };
    set({ draft: fresh, loaded: false, restored: false, request: null, serverIssues: [] });
    void get().restore(fresh);
  },
  show: (view) => set({ draft: null, request: view, serverIssues: [] }),
  restore: async (fresh) => {
    const [local, names] = await Promise.all([
      call((api) => api.drafts.load({ key: accountRequestDraftKey(fresh) })),
      fresh.requestId ? call((api) => api.drafts.load({ key: accountRequestFilesKey(fresh.requestId!) })) : null,
    ]);
    if (get().draft !== fresh) return;
    const parsed = local.ok && local.value ? savedDraftSchema.safeParse(local.value.data) : null;
    const saved = parsed?.success ? parsed.data : null;
    // Another enterprise's request (a different sign-in on this PC) is not this one's draft.
    const fixed = fresh.form.enterprise.uscc !== '';
    if (saved && saved.requestId === fresh.requestId && saved.form.kind === fresh.form.kind && (!fixed || saved.form.enterprise.uscc === fresh.form.enterprise.uscc)) {
      const form = fixed ? { ...saved.form, enterprise: fresh.form.enterprise } : saved.form;
      set({ draft: { ...fresh, form, attachments: saved.attachments as RequestDraft['attachments'] }, loaded: true, restored: true });
      return;
    }
    const known = names?.ok && names.value ? (names.value.data as Record<string, string>) : {};
    const attachments = Object.fromEntries(Object.entries(fresh.attachments).map(([r, a]) => [r, { ...a, fileName: known[`${r}#${a.sha256}`] ?? a.fileName }]));
    set({ draft: { ...fresh, attachments }, loaded: true });
  },
  openKept: async () => {
    const r = await call((api) => api.accountRequests.status());
    if (!r.ok || !r.value) return false;
    // Decided and seen: main forgets it, and a new request starts afresh.
    if (r.value.status === 'approved' && get().draft) {
      await call((api) => api.accountRequests.forget());
      return false;
    }
    get().show(r.value);
    return true;
  },
  refresh: async () => {
    const current = get().request;
    if (!current) return null;
    const r = useSession.getState().session
      ? await call((api) => api.accountRequests.get({ requestId: current.requestId }))
      : await call((api) => api.accountRequests.status());
    if (!r.ok) return r.error;
    if (r.value) set({ request: r.value });
    return null;
  },
  updateForm: (form) => {
    const d = get().draft;
    if (d) set({ draft: { ...d, form } });
  },
  setAttachment: (requirement, ref) => {
    const d = get().draft;
    if (!d) return;
    const attachments = { ...d.attachments };
    if (ref) attachments[requirement] = ref;
    else delete attachments[requirement];
    set({ draft: { ...d, attachments } });
  },
  submitted: (view) => {
    const sent = get().draft;
    // Set first: the autosave drops a save still waiting for a draft that is done.
    set({ draft: null, request: view, serverIssues: [], restored: false });
    if (!sent) return;
    void call((api) => api.drafts.discard({ key: accountRequestDraftKey(sent) }));
    const names = Object.fromEntries(Object.entries(sent.attachments).map(([r, a]) => [`${r}#${a.sha256}`, a.fileName]));
    void call((api) => api.drafts.save({ key: accountRequestFilesKey(view.requestId), data: names }));
  },
  refused: (error) => set({ serverIssues: issuesUnder(error.issues ?? [], 'body.form') }),
  correct: () => {
    const { request } = get();
    if (!request) return;
    const fresh = draftFromRefused(request);
    set({ draft: fresh, loaded: false, restored: false, serverIssues: [] });
    void get().restore(fresh);
  },
}));

/** Autosave of the request being typed, while its form is open; the stop function writes what is pending. */
export function startAccountRequestAutosave(delayMs = 500): () => void {
  const open = useAccountRequest.getState().draft;
  if (!open) return () => {};
  const key = accountRequestDraftKey(open);
  return autosaveDraft(useAccountRequest, { key, draftOf: (s) => s.draft, skip: (d) => d === null || accountRequestDraftKey(d) !== key, delayMs });
}
