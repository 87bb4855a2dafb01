import { z } from 'zod';
import { create } from 'zustand';
import {
  attachmentRefSchema,
  registrationFormSchema,
  type AttachmentRef,
  type ClientResults,
  type RegistrationForm,
} from '@shared/contract/client-api';
import { registrationRequirements, type RegistrationRequirement } from '@shared/contract/http/registration';
import type { AppError } from '@shared/contract/result';
import type { TokenCertificate } from '@shared/contract/token';
import { issuesUnder, type FieldIssue } from '@shared/validation/issues';
import { canonicalize } from '@shared/validation/canonical-json';
import { call } from '../platform';
import { autosaveDraft } from './autosave';
import { REGISTRATION_DRAFT_KEY } from './draft-keys';

/**
 * The registration wizard's draft: everything typed and chosen, except the PIN and file contents (uploaded files
 * are kept as the server's references). It autosaves to the local store and comes back after a crash or restart
 * (DESIGN.md decision 7), and is discarded once the enterprise is registered.
 */
export const DRAFT_KEY = REGISTRATION_DRAFT_KEY;

export const STEPS = ['ca', 'readKey', 'form', 'print', 'upload', 'sign', 'sms', 'done'] as const;
export type StepId = (typeof STEPS)[number];

/** The stamped scans the manual lists (001, 注册 2.2), in its order: the contract's list. */
export const REQUIREMENTS = registrationRequirements;
export type Requirement = RegistrationRequirement;

const submissionSchema = z.object({
  registrationId: z.string(),
  mobile: z.string(),
  codeExpiresAt: z.string(),
  /** When the last SMS code was sent (ms since epoch), for the 60-second resend countdown. */
  codeSentAt: z.number(),
});
export type Submission = z.infer<typeof submissionSchema>;

const draftSchema = z.object({
  step: z.enum(STEPS),
  caProfile: z.enum(['jiangsu-ca', 'suzhou-ca']).nullable(),
  fingerprint: z.string().nullable(),
  keyLabel: z.string().nullable(),
  /** The key whose enterprise the server said is not registered yet (step 2's check, issue 21 item 1). */
  keyCheckedFor: z.string().nullable().optional(),
  /** The enterprise name came from the certificate, so the form shows it read-only. */
  nameFromCertificate: z.boolean(),
  form: registrationFormSchema,
  attachments: z.partialRecord(z.enum(REQUIREMENTS), attachmentRefSchema),
  /** Sent with the submission; a retry of the same content reuses it, so the server never registers twice. */
  idempotencyKey: z.uuid(),
  /** The content `idempotencyKey` was issued for (canonical JSON); different content gets a new key. */
  idempotencyFor: z.string().nullable(),
  submission: submissionSchema.nullable(),
});
export type RegistrationDraft = z.infer<typeof draftSchema>;

export function emptyDraft(): RegistrationDraft {
  return {
    step: 'ca',
    caProfile: null,
    fingerprint: null,
    keyLabel: null,
    nameFromCertificate: false,
    form: {
      caProfile: 'unknown',
      enterprise: { uscc: '', name: '', address: '', legalRepresentative: '' },
      administrator: { name: '', idNumber: '', mobile: '', email: '' },
    },
    attachments: {},
    idempotencyKey: crypto.randomUUID(),
    idempotencyFor: null,
    submission: null,
  };
}

/** A saved draft if it still has the shape this version expects; an old or damaged one is dropped. */
export function parseDraft(data: unknown): RegistrationDraft | null {
  const r = draftSchema.safeParse(data);
  // A draft that got as far as "done" has nothing left to do; one where nothing was chosen, nothing to restore.
  return r.success && r.data.step !== 'done' && r.data.caProfile !== null ? r.data : null;
}

/** What the signature covers, for deciding whether a submission is a retry of the last one. */
export function submissionContent(d: RegistrationDraft): string {
  const attachments = REQUIREMENTS.map((r) => d.attachments[r]).filter((a): a is AttachmentRef => a !== undefined);
  return canonicalize({ fingerprint: d.fingerprint, form: d.form, attachments });
}

/** The draft with an idempotency key for its current content: the same key for a retry, a new one for new content. */
export function withIdempotencyKey(d: RegistrationDraft): RegistrationDraft {
  const content = submissionContent(d);
  if (d.idempotencyFor === content) return d;
  return { ...d, idempotencyKey: d.idempotencyFor === null ? d.idempotencyKey : crypto.randomUUID(), idempotencyFor: content };
}

interface RegistrationState {
  draft: RegistrationDraft;
  /** The saved draft was restored on opening (the wizard says so). */
  restored: boolean;
  /** `drafts.load` has answered: only then may autosave write, or it would overwrite the saved draft. */
  loaded: boolean;
  /** The confirmed registration, shown on the done step; never saved. */
  result: ClientResults['registration']['confirm'] | null;
  load(): Promise<void>;
  update(patch: Partial<RegistrationDraft>): void;
  updateForm(form: RegistrationForm): void;
  chooseKey(cert: TokenCertificate): void;
  setAttachment(requirement: Requirement, ref: AttachmentRef | undefined): void;
  goTo(step: StepId): void;
  /** Submitted: the SMS code is on its way; the resend countdown starts now. */
  submitted(result: ClientResults['registration']['submit']): void;
  /** A new code was sent. */
  codeResent(result: ClientResults['registration']['resendCode']): void;
  /** Registered: the draft is discarded and the result kept for the done step. */
  finish(result: ClientResults['registration']['confirm']): Promise<void>;
  /** Starts a new registration (discarding the saved draft). */
  startOver(): Promise<void>;
  dismissRestored(): void;
  /** The server's field issues on the enterprise and administrator form, shown beside the fields; never saved. */
  serverIssues: FieldIssue[];
  /** A refused submission: its field issues go back to the form step, beside their fields. True if there were any. */
  refused(error: AppError): boolean;
}

export const useRegistration = create<RegistrationState>((set, get) => ({
  draft: emptyDraft(),
  restored: false,
  loaded: false,
  result: null,
  serverIssues: [],
  refused: (error) => {
    const serverIssues = issuesUnder(error.issues ?? [], 'body.payload').filter((i) => /^(enterprise|administrator)\./.test(i.path));
    set({ serverIssues });
    if (serverIssues.length) get().goTo('form');
    return serverIssues.length > 0;
  },
  load: async () => {
    if (get().loaded) return;
    const r = await call((api) => api.drafts.load({ key: DRAFT_KEY }));
    const draft = r.ok && r.value ? parseDraft(r.value.data) : null;
    set(draft ? { draft, restored: true, loaded: true } : { loaded: true });
  },
  update: (patch) => set({ draft: { ...get().draft, ...patch } }),
  updateForm: (form) => set({ draft: { ...get().draft, form } }),
  chooseKey: (cert) => {
    const { draft } = get();
    set({
      draft: {
        ...draft,
        fingerprint: cert.fingerprint,
        keyLabel: cert.tokenLabel,
        nameFromCertificate: cert.enterpriseName !== null,
        form: {
          ...draft.form,
          caProfile: cert.profile,
          enterprise: { ...draft.form.enterprise, uscc: cert.uscc ?? '', name: cert.enterpriseName ?? draft.form.enterprise.name },
        },
      },
    });
  },
  setAttachment: (requirement, ref) => {
    const attachments = { ...get().draft.attachments };
    if (ref) attachments[requirement] = ref;
    else delete attachments[requirement];
    set({ draft: { ...get().draft, attachments } });
  },
  // Moving on makes the "restored" notice old news.
  goTo: (step) => set({ draft: { ...get().draft, step }, restored: false }),
  submitted: (result) => set({ draft: { ...get().draft, step: 'sms', submission: { ...result, codeSentAt: Date.now() } } }),
  codeResent: (result) => {
    const { draft } = get();
    if (draft.submission) set({ draft: { ...draft, submission: { ...draft.submission, ...result, codeSentAt: Date.now() } } });
  },
  finish: async (result) => {
    set({ result, draft: { ...get().draft, step: 'done' }, restored: false });
    await call((api) => api.drafts.discard({ key: DRAFT_KEY }));
  },
  startOver: async () => {
    set({ draft: emptyDraft(), restored: false, result: null });
    await call((api) => api.drafts.discard({ key: DRAFT_KEY }));
  },
  dismissRestored: () => set({ restored: false }),
}));

/**
 * Saves the draft ~500 ms after the last change (`drafts.save`). Returns a stop function that writes a pending
 * change at once, so leaving the wizard loses nothing. Not saved: a draft with nothing chosen yet, and the done
 * step (that draft is finished and discarded).
 */
export function startAutosave(delayMs = 500): () => void {
  // Finished (done) or started over (nothing chosen): the draft is being discarded.
  return autosaveDraft(useRegistration, { key: DRAFT_KEY, draftOf: (s) => s.draft, skip: (d) => d.step === 'done' || d.caProfile === null, delayMs });
}
