import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionInfo, TongbanClientApi } from '@shared/contract/client-api';
import { useRouter } from './router';
import { useSession } from './session';

const session = (over: Partial<SessionInfo> = {}): SessionInfo => ({
  enterpriseId: 'e1',
  enterpriseName: '苏州测试科技有限公司',
  uscc: '91320594MA1MXB4X4F',
  username: 'admin',
  role: 'admin',
  permissions: [],
  mustChangePassword: false,
  expiresAt: '2026-11-23T00:00:00Z',
  via: 'password',
  ...over,
});

beforeEach(() => {
  useRouter.setState({ route: 'login', previous: null });
  useSession.setState({ session: null, expired: null, restoring: true });
});
afterEach(() => vi.unstubAllGlobals());

describe('session', () => {
  it('sends a first login to the password change, others home', () => {
    useSession.getState().signedIn(session({ mustChangePassword: true }));
    expect(useRouter.getState().route).toBe('change-password');
    useSession.getState().signedIn(session());
    expect(useRouter.getState().route).toBe('home');
  });

  it('restores a live session on start', async () => {
    vi.stubGlobal('window', { tongban: { auth: { session: async () => ({ ok: true, value: session() }) } } as unknown as TongbanClientApi });
    await useSession.getState().restore();
    expect(useSession.getState()).toMatchObject({ restoring: false, session: { username: 'admin' } });
    expect(useRouter.getState().route).toBe('home');
  });

  it('handles main’s session.expired once: login page, who it was kept, back to the same screen after signing in', () => {
    useSession.getState().signedIn(session());
    useRouter.getState().go('subsidy-form');
    useSession.getState().sessionExpired();
    expect(useSession.getState()).toMatchObject({ session: null, expired: { enterprise: '苏州测试科技有限公司', username: 'admin', route: 'subsidy-form' } });
    expect(useRouter.getState().route).toBe('login');
    useRouter.getState().go('registration');
    useSession.getState().sessionExpired(); // a second event changes nothing
    expect(useSession.getState().expired?.route).toBe('subsidy-form');
    useSession.getState().signedIn(session());
    expect(useRouter.getState().route).toBe('subsidy-form');
    expect(useSession.getState().expired).toBeNull();
  });

  it('sends someone else signing in after an expiry to their own landing page', () => {
    useSession.getState().signedIn(session());
    useRouter.getState().go('disbursement-detail');
    useSession.getState().sessionExpired();
    useSession.getState().signedIn(session({ username: 'handler1' }));
    expect(useRouter.getState().route).toBe('home');
  });

  it('signs out locally even when the client service cannot be reached', async () => {
    useSession.getState().signedIn(session());
    const error = await useSession.getState().logout();
    expect(error?.code).toBe('CLIENT_UNAVAILABLE');
    expect(useSession.getState().session).toBeNull();
    expect(useRouter.getState().route).toBe('login');
  });

  it('remembers in the window whether it was signed in, so a fresh start shows the login screen without waiting', async () => {
    const storage = new Map<string, string>();
    vi.stubGlobal('sessionStorage', {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => void storage.set(k, v),
      removeItem: (k: string) => void storage.delete(k),
    });
    useSession.getState().signedIn(session());
    expect([...storage.values()]).toEqual(['1']); // a flag, never the session
    await useSession.getState().logout();
    expect(storage.size).toBe(0);
    useSession.getState().signedIn(session());
    useSession.getState().sessionExpired();
    expect(storage.size).toBe(0);
  });
});
