/**
 * The staff session: the bearer token in memory, mirrored to sessionStorage so a reload of the tab keeps it (and
 * closing the tab forgets it). Any 401 from the API clears it and the console shows the login again.
 */
import { create } from 'zustand';
import type { z } from 'zod';
import { staffSessionSchema } from '@shared/contract/http/auth';

const STORAGE_KEY = 'tongban.console.session';

export type StaffSession = z.infer<typeof staffSessionSchema>;

interface SessionState {
  session: StaffSession | null;
  /** Why the last session ended, shown on the login screen (expired). */
  endedBecauseExpired: boolean;
  signIn(session: StaffSession): void;
  signOut(expired?: boolean): void;
}

function restore(): StaffSession | null {
  try {
    const parsed = staffSessionSchema.safeParse(JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export const useSession = create<SessionState>((set) => ({
  session: restore(),
  endedBecauseExpired: false,
  signIn(session) {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
    set({ session, endedBecauseExpired: false });
  },
  signOut(expired = false) {
    sessionStorage.removeItem(STORAGE_KEY);
    set({ session: null, endedBecauseExpired: expired });
  },
}));
