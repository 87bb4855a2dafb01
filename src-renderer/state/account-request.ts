import { create } from 'zustand';
import { emptyAccountRequestDraft, type AccountRequestDraftForm } from '@shared/contract/account-request-draft';
import type { AttachmentRef } from '@shared/contract/client-api';
import type { AccountRequestKind, AccountRequestRequirement, AccountRequestView } from '@shared/contract/http/account-requests';
import type { AppError } from '@shared/contract/result';
import { issuesUnder, type FieldIssue } from '@shared/validation/issues';
import { call } from '../platform';
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

interface State {
  draft: RequestDraft | null;
  request: AccountRequestView | null;
  serverIssues: FieldIssue[];
  start(kind: AccountRequestKind, enterprise?: { uscc: string; name: string }): void;
  show(view: AccountRequestView): void;
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
  for (const a of view.attachments) attachments[a.requirement] = { ...a, fileName: a.requirement };
  return { form, attachments, requestId: view.requestId };
}

export const useAccountRequest = create<State>((set, get) => ({
  draft: null,
  request: null,
  serverIssues: [],
  start: (kind, enterprise) => set({ draft: { form: emptyAccountRequestDraft(kind, enterprise), attachments: {}, requestId: null }, request: null, serverIssues: [] }),
  show: (view) => set({ draft: null, request: view, serverIssues: [] }),
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
  submitted: (view) => set({ draft: null, request: view, serverIssues: [] }),
  refused: (error) => set({ serverIssues: issuesUnder(error.issues ?? [], 'body.form') }),
  correct: () => {
    const { request } = get();
    if (request) set({ draft: draftFromRefused(request), serverIssues: [] });
  },
}));
