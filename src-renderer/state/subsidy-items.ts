import { create } from 'zustand';
import type { ServiceItemGuide } from '@shared/contract/http/subsidy';
import type { AppError } from '@shared/contract/result';
import { call } from '../platform';

/** The service items (事项) the signed-in account may use, with their guides; loaded on Home, reused by the guide. */
interface ServiceItemsState {
  items: ServiceItemGuide[] | null;
  error: AppError | null;
  loading: boolean;
  load(force?: boolean): Promise<void>;
  clear(): void;
}

export const useServiceItems = create<ServiceItemsState>((set, get) => ({
  items: null,
  error: null,
  loading: false,
  load: async (force = false) => {
    if (get().loading || (get().items && !force)) return;
    set({ loading: true, error: null });
    const r = await call((api) => api.serviceItems.list({}));
    set(r.ok ? { items: r.value.items, loading: false } : { error: r.error, loading: false });
  },
  clear: () => set({ items: null, error: null }),
}));
