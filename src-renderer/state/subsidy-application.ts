import { create } from 'zustand';
import type { SubsidyApplicationView } from '@shared/contract/http/subsidy';
import type { AppError } from '@shared/contract/result';
import { canonicalize } from '@shared/validation/canonical-json';
import { issuesUnder, type FieldIssue } from '@shared/validation/issues';
import { namedSlot, namesOfSlots, type FileNames, type SlotFiles } from './file-names';
import { emptyForm, formFromContract, localForm, serverDraft, type SubsidyForm } from './subsidy-form';
import { call } from '../platform';

/**
 * The subsidy application being filled in or corrected.
 *
 * Drafts are kept in two places, on purpose:
 * - the local store (`drafts.save`, ~0.5 s after each change): synchronous SQLite on this PC, so nothing typed is lost
 *   to a crash, a closed window or a dropped network (DESIGN.md decision 7), and it keeps the file names;
 * - the server draft (`subsidy.saveDraft`, ~3 s after the last change and when leaving): so the draft follows the
 *   enterprise to another desk or colleague, and a returned application's corrections are on the server.
 * On opening, the newer of the two wins (the local one when it was saved after the server's last update).
 */
export const subsidyDraftKey = (applicationId: string) => `subsidy:${applicationId}`;
/** The application's file names, kept after submission (file-names.ts). */
export const subsidyFilesKey = (applicationId: string) => `subsidy-files:${applicationId}`;
export type { FileNames };

const slotsOf = (form: SubsidyForm): [string, SlotFiles][] => [['attachments', form.attachments], ...form.talents.map((t, i): [string, SlotFiles] => [`talents[${i}].attachments`, t.attachments])];

/** The names the form's files carry, over `known` ones. */
export const fileNames = (form: SubsidyForm, known: FileNames = {}): FileNames => namesOfSlots(slotsOf(form), known);

/** The form's files named as the clerk named them in that slot; else as the same file was named in another slot. */
export function withFileNames(form: SubsidyForm, names: FileNames): SubsidyForm {
  return { ...form, attachments: namedSlot('attachments', form.attachments, names), talents: form.talents.map((t, i) => ({ ...t, attachments: namedSlot(`talents[${i}].attachments`, t.attachments, names) })) };
}

export const EDITABLE: ReadonlySet<SubsidyApplicationView['status']> = new Set(['draft', 'returned']);

interface LocalDraft {
  form: SubsidyForm;
  idempotencyKey: string;
  idempotencyFor: string | null;
}

interface SubsidyApplicationState {
  /** The application open in the form or the detail view. */
  applicationId: string | null;
  app: SubsidyApplicationView | null;
  form: SubsidyForm;
  /** Sent with the submission; the same for a retry of the same content, new for new content. */
  idempotencyKey: string;
  idempotencyFor: string | null;
  /** The local draft was newer than the server's and was restored. */
  restored: boolean;
  loading: boolean;
  error: AppError | null;
  /** Local draft saved at, for "已自动保存". */
  savedAt: string | null;
  /** Bumped by every edit: autosave follows it. */
  revision: number;
  open(applicationId: string): Promise<void>;
  /** Creates a server draft and opens it. */
  start(): Promise<string | null>;
  edit(recipe: (form: SubsidyForm) => SubsidyForm): void;
  /** The key for the current content (fixed before signing, so a crash then keeps it). */
  keyFor(content: string): string;
  submitted(app: SubsidyApplicationView): Promise<void>;
  setApp(app: SubsidyApplicationView): void;
  close(): void;
  /** The server's field issues of the last refused submission, and the form they were about; never saved. */
  refusal: { issues: FieldIssue[]; form: SubsidyForm } | null;
  /** A refused submission: its field issues (`body.payload.…`) go beside the form's fields. True if there were any. */
  refused(error: AppError): boolean;
}

function parseLocal(data: unknown): LocalDraft | null {
  const d = data as Partial<LocalDraft> | null;
  if (!d || typeof d !== 'object' || !d.form || typeof d.idempotencyKey !== 'string' || !Array.isArray(d.form.talents)) return null;
  return { form: localForm(d.form), idempotencyKey: d.idempotencyKey, idempotencyFor: d.idempotencyFor ?? null };
}

export const useSubsidyApplication = create<SubsidyApplicationState>((set, get) => ({
  applicationId: null,
  app: null,
  form: emptyForm(),
  idempotencyKey: crypto.randomUUID(),
  idempotencyFor: null,
  restored: false,
  loading: false,
  error: null,
  savedAt: null,
  revision: 0,
  open: async (applicationId) => {
    set({ applicationId, loading: true, error: null, restored: false, app: get().applicationId === applicationId ? get().app : null });
    const [remote, local, files] = await Promise.all([
      call((api) => api.subsidy.get({ applicationId })),
      call((api) => api.drafts.load({ key: subsidyDraftKey(applicationId) })),
      call((api) => api.drafts.load({ key: subsidyFilesKey(applicationId) })),
    ]);
    if (get().applicationId !== applicationId) return;
    if (!remote.ok) {
      set({ loading: false, error: remote.error });
      return;
    }
    const app = remote.value;
    const saved = local.ok && local.value ? parseLocal(local.value.data) : null;
    const localNewer = saved && local.ok && local.value && local.value.savedAt > app.updatedAt && EDITABLE.has(app.status);
    if (saved && localNewer) {
      set({ app, form: saved.form, idempotencyKey: saved.idempotencyKey, idempotencyFor: saved.idempotencyFor, restored: true, loading: false, savedAt: local.ok ? (local.value?.savedAt ?? null) : null });
    } else {
      const known = files.ok && files.value ? (files.value.data as FileNames) : {};
      const form = withFileNames(formFromContract(app.form), saved ? fileNames(saved.form, known) : known);
      set({ app, form, idempotencyKey: saved?.idempotencyKey ?? crypto.randomUUID(), idempotencyFor: saved?.idempotencyFor ?? null, loading: false, savedAt: null });
    }
  },
  start: async () => {
    set({ loading: true, error: null });
    const r = await call((api) => api.subsidy.create({ form: serverDraft(emptyForm()) }));
    if (!r.ok) {
      set({ loading: false, error: r.error });
      return null;
    }
    // The server may have prefilled the contact from the last application (issue 21 item 15).
    set({ applicationId: r.value.id, app: r.value, form: formFromContract(r.value.form), idempotencyKey: crypto.randomUUID(), idempotencyFor: null, restored: false, loading: false, savedAt: null, revision: 0 });
    return r.value.id;
  },
  edit: (recipe) => set({ form: recipe(get().form), revision: get().revision + 1, restored: false }),
  keyFor: (content) => {
    const { idempotencyKey, idempotencyFor } = get();
    if (idempotencyFor === content) return idempotencyKey;
    const key = idempotencyFor === null ? idempotencyKey : crypto.randomUUID();
    set({ idempotencyKey: key, idempotencyFor: content, revision: get().revision + 1 });
    return key;
  },
  submitted: async (app) => {
    const names = fileNames(get().form);
    set({ app, revision: get().revision + 1, idempotencyKey: crypto.randomUUID(), idempotencyFor: null });
    // The draft is done (a save still waiting would bring it back: autosave drops it); the file names stay.
    await call((api) => api.drafts.discard({ key: subsidyDraftKey(app.id) }));
    await call((api) => api.drafts.save({ key: subsidyFilesKey(app.id), data: names }));
  },
  setApp: (app) => set({ app }),
  close: () => set({ applicationId: null, app: null, form: emptyForm(), restored: false, error: null, savedAt: null, refusal: null }),
  refusal: null,
  refused: (error) => {
    const issues = issuesUnder(error.issues ?? [], 'body.payload');
    set({ refusal: issues.length ? { issues, form: get().form } : null });
    return issues.length > 0;
  },
}));

/** What a submission's signature covers, for telling a retry from new content. */
export function submissionContent(fingerprint: string, body: unknown): string {
  return canonicalize({ fingerprint, body });
}

/**
 * Autosave while the form is open: local ~`localMs` after each change, server ~`serverMs` after the last. The stop
 * function writes what is pending at once. A submitted application's pending saves are dropped (its draft is done).
 */
export function startSubsidyAutosave(localMs = 500, serverMs = 3000): () => void {
  let localTimer: ReturnType<typeof setTimeout> | null = null;
  let serverTimer: ReturnType<typeof setTimeout> | null = null;
  let pendingLocal = false;
  let pendingServer = false;
  const editable = () => {
    const { app } = useSubsidyApplication.getState();
    return app !== null && EDITABLE.has(app.status);
  };
  const saveLocal = () => {
    if (localTimer) clearTimeout(localTimer);
    localTimer = null;
    if (!pendingLocal) return;
    pendingLocal = false;
    const s = useSubsidyApplication.getState();
    if (!s.applicationId || !editable()) return;
    const data: LocalDraft = { form: s.form, idempotencyKey: s.idempotencyKey, idempotencyFor: s.idempotencyFor };
    const id = s.applicationId;
    void call((api) => api.drafts.save({ key: subsidyDraftKey(id), data })).then((r) => {
      if (r.ok && useSubsidyApplication.getState().applicationId === id) useSubsidyApplication.setState({ savedAt: r.value.savedAt });
    });
  };
  const saveServer = () => {
    if (serverTimer) clearTimeout(serverTimer);
    serverTimer = null;
    if (!pendingServer) return;
    pendingServer = false;
    const s = useSubsidyApplication.getState();
    if (!s.applicationId || !editable()) return;
    const id = s.applicationId;
    void call((api) => api.subsidy.saveDraft({ applicationId: id, form: serverDraft(s.form) })).then((r) => {
      const now = useSubsidyApplication.getState();
      if (r.ok && now.applicationId === id && now.app && EDITABLE.has(now.app.status)) useSubsidyApplication.setState({ app: r.value });
    });
  };
  const unsubscribe = useSubsidyApplication.subscribe((state, prev) => {
    if (state.revision === prev.revision || state.loading) return;
    if (!editable()) {
      // Submitted: the draft is finished; a save still waiting would bring it back.
      pendingLocal = pendingServer = false;
      if (localTimer) clearTimeout(localTimer);
      if (serverTimer) clearTimeout(serverTimer);
      localTimer = serverTimer = null;
      return;
    }
    pendingLocal = pendingServer = true;
    if (localTimer) clearTimeout(localTimer);
    localTimer = setTimeout(saveLocal, localMs);
    if (serverTimer) clearTimeout(serverTimer);
    serverTimer = setTimeout(saveServer, serverMs);
  });
  return () => {
    unsubscribe();
    saveLocal();
    saveServer();
  };
}
