import { create } from 'zustand';
import type { KnownPortal } from '@shared/contract/client-api';
import type { AppError } from '@shared/contract/result';
import type { PortalId } from '@shared/portals/catalogue';
import { call } from '../platform';
import { useRouter } from './router';
import { useSession } from './session';

interface PortalState {
  /** The portal this PC works with; null until chosen (the first start's screen), undefined until loaded. */
  current: PortalId | null | undefined;
  known: KnownPortal[];
  load(): Promise<void>;
  /** Checks the server is that portal's, then switches: signed out, that portal's login and drafts. */
  choose(portal: PortalId, serverUrl: string): Promise<AppError | null>;
}

export const usePortal = create<PortalState>((set, get) => ({
  current: undefined,
  known: [],
  load: async () => {
    const r = await call((api) => api.portals.known({}));
    if (!r.ok) return set({ current: null });
    set({ current: r.value.current, known: r.value.portals });
    if (r.value.current === null) useRouter.getState().go('portal-choice');
  },
  choose: async (portal, serverUrl) => {
    const before = get().current;
    const r = await call((api) => api.portals.choose({ portal, serverUrl }));
    if (!r.ok) return r.error;
    // Main ended the session; the desk forgets it too, without the expired-session notice.
    useSession.setState({ session: null, expired: null });
    await get().load();
    if (before !== portal || useRouter.getState().route === 'portal-choice') useRouter.getState().go('login');
    return null;
  },
}));
