import type { StoreApi } from 'zustand';
import { call } from '../platform';

/**
 * A wizard's draft saved ~`delayMs` after the last change (`drafts.save`), once the saved one was loaded (before,
 * a save would overwrite it). A draft `skip` says is finished or empty is being discarded: a save still waiting
 * would bring it back, so it is dropped. The returned stop function writes a pending change at once, so leaving
 * the wizard loses nothing.
 */
export function autosaveDraft<S extends { loaded: boolean }, D>(
  store: Pick<StoreApi<S>, 'subscribe'>,
  opts: { key: string; draftOf(state: S): D; skip(draft: D): boolean; delayMs: number },
): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending: D | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const data = pending;
    pending = null;
    if (data !== null) void call((api) => api.drafts.save({ key: opts.key, data }));
  };
  const unsubscribe = store.subscribe((state, prev) => {
    const d = opts.draftOf(state);
    if (!state.loaded || d === opts.draftOf(prev)) return;
    if (opts.skip(d)) {
      pending = null;
      if (timer) clearTimeout(timer);
      timer = null;
      return;
    }
    pending = d;
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, opts.delayMs);
  });
  return () => {
    unsubscribe();
    flush();
  };
}
