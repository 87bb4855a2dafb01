import { z } from 'zod';
import { create } from 'zustand';
import { attachmentRefSchema, preRegistrationDraftFormSchema, type AttachmentRef, type PreRegistrationDraftForm } from '@shared/contract/client-api';
import {
  legalRepresentativeOriginSchema,
  preRegistrationRequirements,
  type PreRegistrationRequirement,
  type PreRegistrationView,
} from '@shared/contract/http/pre-registration';
import type { AppError } from '@shared/contract/result';
import { issuesUnder, type FieldIssue } from '@shared/validation/issues';
import { call } from '../platform';
import { autosaveDraft } from './autosave';
import { PRE_REGISTRATION_DRAFT_KEY } from './draft-keys';

/**
 * The pre-registration wizard: the draft (what was typed and uploaded, autosaved like registration's, DESIGN.md
 * decision 7) and the request the server holds (main keeps its reference; `status` asks for it on opening, so a
 * clerk who closed Tongban sees the result when they come back).
 */
export const STEPS = ['origin', 'form', 'print', 'upload', 'submit', 'status'] as const;
export type StepId = (typeof STEPS)[number];
export const REQUIREMENTS = preRegistrationRequirements;

const draftSchema = z.object({
  step: z.enum(STEPS),
  origin: legalRepresentativeOriginSchema.nullable(),
  form: preRegistrationDraftFormSchema,
  attachments: z.partialRecord(z.enum(REQUIREMENTS), attachmentRefSchema),
});
export type PreRegistrationDraft = z.infer<typeof draftSchema>;

export function emptyDraft(): PreRegistrationDraft {
  return {
    step: 'origin',
    origin: null,
    form: {
      enterprise: { uscc: '', name: '', address: '' },
      legalRepresentative: { name: '', idNumber: '', mobile: '' },
      administrator: { name: '', idNumber: '', mobile: '', email: '' },
    },
    attachments: {},
  };
}

export function parseDraft(data: unknown): PreRegistrationDraft | null {
  const r = draftSchema.safeParse(data);
  return r.success && r.data.origin !== null && r.data.step !== 'status' ? r.data : null;
}

/** A refused request's form and scans, back in the wizard to correct (the server's own references). */
export function draftFromRefused(view: PreRegistrationView): PreRegistrationDraft {
  const attachments: PreRegistrationDraft['attachments'] = {};
  for (const a of view.attachments) attachments[a.requirement] = { ...a, fileName: a.requirement };
  return {
    step: 'form',
    origin: 'mainland',
    form: { ...view.form, administrator: { ...view.form.administrator, email: view.form.administrator.email ?? '' } },
    attachments,
  };
}

interface State {
  draft: PreRegistrationDraft;
  loaded: boolean;
  restored: boolean;
  /** The request on the server (null: none yet). */
  request: PreRegistrationView | null;
  /** The server's field issues of the last refused submission, beside their fields (paths `enterprise.uscc`…). */
  serverIssues: FieldIssue[];
  load(): Promise<void>;
  refreshStatus(): Promise<AppError | null>;
  update(patch: Partial<PreRegistrationDraft>): void;
  updateForm(form: PreRegistrationDraftForm): void;
  setAttachment(requirement: PreRegistrationRequirement, ref: AttachmentRef | undefined): void;
  goTo(step: StepId): void;
  submitted(view: PreRegistrationView): Promise<void>;
  refused(error: AppError): void;
  correct(): void;
  /** Leaves for good: the kept request and the draft are dropped. */
  forget(): Promise<void>;
}

export const usePreRegistration = create<State>((set, get) => ({
  draft: emptyDraft(),
  loaded: false,
  restored: false,
  request: null,
  serverIssues: [],
  load: async () => {
    if (get().loaded) return;
    const [saved, status] = await Promise.all([
      call((api) => api.drafts.load({ key: PRE_REGISTRATION_DRAFT_KEY })),
      call((api) => api.preRegistration.status()),
    ]);
    const draft = saved.ok && saved.value ? parseDraft(saved.value.data) : null;
    const request = status.ok ? status.value : null;
    // A request under review or decided is what the clerk came back for, unless they are correcting it.
    const showStatus = request !== null && !(request.status === 'refused' && draft !== null);
    const base = draft ?? emptyDraft();
    set({ loaded: true, request, restored: draft !== null && !showStatus, draft: showStatus ? { ...base, step: 'status' } : base });
  },
  refreshStatus: async () => {
    const r = await call((api) => api.preRegistration.status());
    if (!r.ok) return r.error;
    set({ request: r.value });
    return null;
  },
  update: (patch) => set({ draft: { ...get().draft, ...patch } }),
  updateForm: (form) => set({ draft: { ...get().draft, form } }),
  setAttachment: (requirement, ref) => {
    const attachments = { ...get().draft.attachments };
    if (ref) attachments[requirement] = ref;
    else delete attachments[requirement];
    set({ draft: { ...get().draft, attachments } });
  },
  goTo: (step) => set({ draft: { ...get().draft, step }, restored: false }),
  submitted: async (view) => {
    set({ request: view, serverIssues: [], draft: { ...get().draft, step: 'status' } });
    await call((api) => api.drafts.discard({ key: PRE_REGISTRATION_DRAFT_KEY }));
  },
  refused: (error) => {
    const serverIssues = issuesUnder(error.issues ?? [], 'body.form');
    set({ serverIssues });
    if (serverIssues.length) get().goTo('form');
  },
  correct: () => {
    const { request } = get();
    if (request) set({ draft: draftFromRefused(request), restored: false });
  },
  forget: async () => {
    set({ draft: emptyDraft(), request: null, restored: false, serverIssues: [] });
    await call((api) => api.preRegistration.forget());
    await call((api) => api.drafts.discard({ key: PRE_REGISTRATION_DRAFT_KEY }));
  },
}));

/** Saves the draft ~500 ms after the last change (state/autosave.ts); not once submitted or started over. */
export function startAutosave(delayMs = 500): () => void {
  return autosaveDraft(usePreRegistration, { key: PRE_REGISTRATION_DRAFT_KEY, draftOf: (s) => s.draft, skip: (d) => d.step === 'status' || d.origin === null, delayMs });
}
