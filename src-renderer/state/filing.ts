import { create } from 'zustand';
import type { FilingPrepared } from '@shared/contract/client-api';
import type { FilingView } from '@shared/contract/http/filing';
import type { AppError } from '@shared/contract/result';
import { issuesUnder, type FieldIssue } from '@shared/validation/issues';
import { namedSlot, namesOfSlots, type FileNames } from './file-names';
import { emptyFilingForm, filingFormFromContract, serverDraft, type FilingForm } from './filing-form';
import { call } from '../platform';

/**
 * The construction filing being filled in, signed or corrected. As the subsidy's (subsidy-application.ts), the
 * draft is kept twice: in the local store ~0.5 s after each change (nothing typed is lost, file names kept) and on
 * the server ~3 s after the last (it follows the enterprise); on opening the newer wins. The application PDF and
 * its signature are main's (`filing.prepared`), kept with the filing until the server took them.
 */
export const filingDraftKey = (filingId: string) => `filing:${filingId}`;
/** The filing's file names, kept after submission: a returned filing shows its files as they were filed (file-names.ts). */
export const filingFilesKey = (filingId: string) => `filing-files:${filingId}`;
const namesOf = (form: FilingForm, known?: FileNames) => namesOfSlots([['attachments', form.attachments]], known);
export const FILING_EDITABLE: ReadonlySet<FilingView['status']> = new Set(['draft', 'returned']);

interface FilingState {
  filingId: string | null;
  view: FilingView | null;
  form: FilingForm;
  prepared: FilingPrepared | null;
  restored: boolean;
  loading: boolean;
  error: AppError | null;
  savedAt: string | null;
  /** Bumped by every edit: autosave follows it. */
  revision: number;
  /** The server's (or main's) field issues of the last refused generate or submit, and the form they were about. */
  refusal: { issues: FieldIssue[]; form: FilingForm } | null;
  open(filingId: string): Promise<void>;
  start(): Promise<string | null>;
  edit(recipe: (form: FilingForm) => FilingForm): void;
  setPrepared(prepared: FilingPrepared | null): void;
  submitted(view: FilingView): Promise<void>;
  refused(error: AppError): boolean;
  close(): void;
}

function parseLocal(data: unknown): FilingForm | null {
  const d = data as { form?: FilingForm } | null;
  return d && typeof d === 'object' && d.form && typeof d.form.project === 'object' ? d.form : null;
}

export const useFiling = create<FilingState>((set, get) => ({
  filingId: null,
  view: null,
  form: emptyFilingForm(),
  prepared: null,
  restored: false,
  loading: false,
  error: null,
  savedAt: null,
  revision: 0,
  refusal: null,
  open: async (filingId) => {
    set({ filingId, loading: true, error: null, restored: false, refusal: null, view: get().filingId === filingId ? get().view : null });
    const [remote, local, prepared, files] = await Promise.all([
      call((api) => api.filing.get({ filingId })),
      call((api) => api.drafts.load({ key: filingDraftKey(filingId) })),
      call((api) => api.filing.prepared({ filingId })),
      call((api) => api.drafts.load({ key: filingFilesKey(filingId) })),
    ]);
    if (get().filingId !== filingId) return;
    if (!remote.ok) {
      set({ loading: false, error: remote.error });
      return;
    }
    const view = remote.value;
    const saved = local.ok && local.value ? parseLocal(local.value.data) : null;
    const localNewer = saved && local.ok && local.value && local.value.savedAt > view.updatedAt && FILING_EDITABLE.has(view.status);
    const known = files.ok && files.value ? (files.value.data as FileNames) : {};
    const fromServer = () => {
      const form = filingFormFromContract(view.form);
      return { ...form, attachments: namedSlot('attachments', form.attachments, saved ? namesOf(saved, known) : known) };
    };
    set({
      view,
      form: localNewer && saved ? saved : fromServer(),
      restored: Boolean(localNewer),
      savedAt: localNewer && local.ok ? (local.value?.savedAt ?? null) : null,
      prepared: prepared.ok ? prepared.value : null,
      loading: false,
    });
  },
  start: async () => {
    set({ loading: true, error: null });
    const r = await call((api) => api.filing.create({ form: serverDraft(emptyFilingForm()) }));
    if (!r.ok) {
      set({ loading: false, error: r.error });
      return null;
    }
    set({ filingId: r.value.id, view: r.value, form: filingFormFromContract(r.value.form), prepared: null, restored: false, loading: false, savedAt: null, revision: 0, refusal: null });
    return r.value.id;
  },
  edit: (recipe) => set({ form: recipe(get().form), revision: get().revision + 1, restored: false }),
  setPrepared: (prepared) => set({ prepared }),
  submitted: async (view) => {
    const names = namesOf(get().form);
    set({ view, prepared: null, refusal: null, revision: get().revision + 1 });
    // The draft is done (a save still waiting would bring it back: autosave drops it); the file names stay.
    await call((api) => api.drafts.discard({ key: filingDraftKey(view.id) }));
    await call((api) => api.drafts.save({ key: filingFilesKey(view.id), data: names }));
  },
  refused: (error) => {
    // generate answers `body.payload.…` (main's check, the server's names); the dispatcher's own check `form.…`.
    const issues = [...issuesUnder(error.issues ?? [], 'body.payload'), ...issuesUnder(error.issues ?? [], 'form')];
    set({ refusal: issues.length ? { issues, form: get().form } : null });
    return issues.length > 0;
  },
  close: () => set({ filingId: null, view: null, form: emptyFilingForm(), prepared: null, restored: false, error: null, savedAt: null, refusal: null }),
}));

/** Autosave while the form is open (local after `localMs`, server after `serverMs`); the stop function saves what is pending. */
export function startFilingAutosave(localMs = 500, serverMs = 3000): () => void {
  let localTimer: ReturnType<typeof setTimeout> | null = null;
  let serverTimer: ReturnType<typeof setTimeout> | null = null;
  const editable = () => {
    const { view } = useFiling.getState();
    return view !== null && FILING_EDITABLE.has(view.status);
  };
  const saveLocal = () => {
    localTimer = null;
    const s = useFiling.getState();
    if (!s.filingId || !editable()) return;
    const id = s.filingId;
    void call((api) => api.drafts.save({ key: filingDraftKey(id), data: { form: s.form } })).then((r) => {
      if (r.ok && useFiling.getState().filingId === id) useFiling.setState({ savedAt: r.value.savedAt });
    });
  };
  const saveServer = () => {
    serverTimer = null;
    const s = useFiling.getState();
    if (!s.filingId || !editable()) return;
    const id = s.filingId;
    void call((api) => api.filing.saveDraft({ filingId: id, form: serverDraft(s.form) })).then((r) => {
      const now = useFiling.getState();
      if (r.ok && now.filingId === id && now.view && FILING_EDITABLE.has(now.view.status)) useFiling.setState({ view: r.value });
    });
  };
  const unsubscribe = useFiling.subscribe((state, prev) => {
    if (state.revision === prev.revision || state.loading) return;
    if (localTimer) clearTimeout(localTimer);
    if (serverTimer) clearTimeout(serverTimer);
    localTimer = serverTimer = null;
    // Submitted: the draft is finished; a save still waiting would bring it back.
    if (!editable()) return;
    localTimer = setTimeout(saveLocal, localMs);
    serverTimer = setTimeout(saveServer, serverMs);
  });
  return () => {
    unsubscribe();
    const pendingLocal = localTimer !== null;
    const pendingServer = serverTimer !== null;
    if (localTimer) clearTimeout(localTimer);
    if (serverTimer) clearTimeout(serverTimer);
    if (pendingLocal) saveLocal();
    if (pendingServer) saveServer();
  };
}
