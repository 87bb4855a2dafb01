import { create } from 'zustand';
import type { SessionInfo } from '@shared/contract/client-api';
import type { AppError } from '@shared/contract/result';
import { call } from '../platform';
import { useRouter, type Route } from './router';

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
  /**
   * Set when the session ended by itself: who was signed in (the login form fills them in) and the screen to
   * return to after signing in again. Cleared by the next sign-in.
   */
  expired: ExpiredSession | null;
  /** Main's `session.expired`: forget the session, open the login page, remember where the clerk was. Once. */
  sessionExpired(code?: string): void;
}

export interface ExpiredSession {
  enterprise: string;
  username: string;
  route: Route;
  /** Why it ended, for the login page to say (SESSION_EXPIRED, or ACCOUNT_DEACTIVATED: 账号已停用). */
  code?: string;
}

/** Screens not to return to after an expired session (the login itself, the forced password change). */
const NO_RETURN: readonly Route[] = ['login', 'change-password'];

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

export const useSession = create<SessionState>((set, get) => ({
  session: null,
  expired: null,
  restoring: wasSignedIn(),
  restore: async () => {
    const r = await call((api) => api.auth.session({}));
    const session = r.ok ? r.value : null;
    rememberSignedIn(session);
    set({ session, restoring: false });
    if (session && useRouter.getState().route === 'login') useRouter.getState().go(landingOf(session));
  },
  signedIn: (session) => {
    const expired = get().expired;
    rememberSignedIn(session);
    set({ session, expired: null });
    // The same clerk back after an expiry continues where they were (the draft is in the local store).
    const same = expired && expired.username === session.username && [session.enterpriseName, session.uscc].includes(expired.enterprise);
    useRouter.getState().go(same && !session.mustChangePassword ? expired.route : landingOf(session));
  },
  logout: async () => {
    const r = await call((api) => api.auth.logout({}));
    // Signed out locally even when the server could not be told: the session is the clerk's to end.
    rememberSignedIn(null);
    set({ session: null, expired: null });
    useRouter.getState().go('login');
    return r.ok ? null : r.error;
  },
  sessionExpired: (code) => {
    const session = get().session;
    if (!session) return;
    const route = useRouter.getState().route;
    rememberSignedIn(null);
    set({
      session: null,
      expired: { enterprise: session.enterpriseName || session.uscc, username: session.username, route: NO_RETURN.includes(route) ? 'home' : route, ...(code ? { code } : {}) },
    });
    useRouter.getState().go('login');
  },
}));
