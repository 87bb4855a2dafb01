import { create } from 'zustand';
import type { SessionInfo } from '@shared/contract/client-api';
import type { AppError } from '@shared/contract/result';
import { call } from '../platform';
import { useRouter } from './router';

interface SessionState {
  session: SessionInfo | null;
  /**
   * True until the first `auth.session` answer, so the shell does not flash the login page for a signed-in clerk;
   * false from the start when this window has not been signed in (a fresh launch), so the login screen does not
   * wait for that answer.
   */
  restoring: boolean;
  restore(): Promise<void>;
  /** Stores a fresh session and opens the next screen: the forced password change, or home. */
  signedIn(session: SessionInfo): void;
  logout(): Promise<AppError | null>;
  /** For an error meaning "no valid session any more": forgets the session and opens the login page. */
  endIfExpired(error: AppError): boolean;
}

/** Codes that mean the session is gone (server side or in the client services). */
const SESSION_GONE = new Set(['SESSION_EXPIRED', 'AUTH_REQUIRED', 'NOT_SIGNED_IN']);

/**
 * Whether this window was signed in before its last reload: a flag (never the session itself) in sessionStorage,
 * which lives as long as the window and goes with it. Without storage, assume it was, and wait for the answer.
 */
const SIGNED_IN_KEY = 'tongban.signedIn';

function wasSignedIn(): boolean {
  try {
    return sessionStorage.getItem(SIGNED_IN_KEY) !== null;
  } catch {
    return true;
  }
}

function rememberSignedIn(session: SessionInfo | null): void {
  try {
    if (session) sessionStorage.setItem(SIGNED_IN_KEY, '1');
    else sessionStorage.removeItem(SIGNED_IN_KEY);
  } catch {
    // no storage: the next start waits for the session answer, as without the flag
  }
}

function landingOf(session: SessionInfo) {
  return session.mustChangePassword ? 'change-password' : 'home';
}

export const useSession = create<SessionState>((set) => ({
  session: null,
  restoring: wasSignedIn(),
  restore: async () => {
    const r = await call((api) => api.auth.session({}));
    const session = r.ok ? r.value : null;
    rememberSignedIn(session);
    set({ session, restoring: false });
    if (session && useRouter.getState().route === 'login') useRouter.getState().go(landingOf(session));
  },
  signedIn: (session) => {
    rememberSignedIn(session);
    set({ session });
    useRouter.getState().go(landingOf(session));
  },
  logout: async () => {
    const r = await call((api) => api.auth.logout({}));
    // Signed out locally even when the server could not be told: the session is the clerk's to end.
    rememberSignedIn(null);
    set({ session: null });
    useRouter.getState().go('login');
    return r.ok ? null : r.error;
  },
  endIfExpired: (error) => {
    if (!SESSION_GONE.has(error.code)) return false;
    rememberSignedIn(null);
    set({ session: null });
    useRouter.getState().go('login');
    return true;
  },
}));
