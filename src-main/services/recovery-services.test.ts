import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AccountProfile } from '@shared/contract/http/recovery';
import type { SessionInfo } from '@shared/contract/client-api';
import type { ClientServices } from './client-services';
import { call, registeredClientWorld, value, type ClientWorld } from '../../tests/fixtures/client-world';

// recovery.* and profile.* behind window.tongban against the real portal (SQLite): super binds its mobile, a fresh
// client recovers super's password with the SMS code, and the reset token never leaves main.
const SUPER_MOBILE = '13900001313';
let world: ClientWorld;
let signedIn: ClientServices;

const codeIn = async (mobile: string, pattern: RegExp) =>
  vi.waitFor(async () => {
    const text = await world.portal.lastSms(mobile);
    expect(text).toMatch(pattern);
    return /验证码 (\d{6})/.exec(text)![1]!;
  });

beforeAll(async () => {
  world = await registeredClientWorld({ labels: ['JSCA-RSA-0001'], registerWith: 'JSCA-RSA-0001', adminMobile: '13912341313' });
  await world.scene.signIn(world.enterprise.uscc, 'super', world.enterprise.superPassword);
  signedIn = world.services();
  await world.signIn(signedIn, 'super');
}, 120_000);

afterAll(() => world?.close());

describe('password recovery through the client services', () => {
  it('binds super\u2019s mobile with a code sent to it', async () => {
    expect(value(await call<AccountProfile>(signedIn, 'profile.get'))).toMatchObject({ username: 'super', mobile: null, mayBindMobile: true });
    const sent = value(await call<{ challengeId: string; destination: string }>(signedIn, 'profile.startContactChange', { channel: 'sms', destination: '139 0000 1313' }));
    expect(sent.destination).toBe('139****1313');
    const code = await codeIn(SUPER_MOBILE, /绑定手机号/);
    expect(value(await call<AccountProfile>(signedIn, 'profile.confirmContactChange', { challengeId: sent.challengeId, code }))).toMatchObject({ mobile: '139****1313' });
    expect(await call(world.services(), 'profile.get')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });

  it('recovers super\u2019s password: the renderer never sees the reset token, the new session opens, the old one ends', async () => {
    const fresh = world.services();
    expect(await call(fresh, 'recovery.start', { enterprise: world.enterprise.uscc, username: 'super', channel: 'sms', destination: '123' })).toMatchObject({
      ok: false,
      error: { code: 'INPUT_INVALID' },
    });
    const started = value(await call<{ recoveryId: string; destination: string }>(fresh, 'recovery.start', { enterprise: world.enterprise.uscc, username: 'super', channel: 'sms', destination: SUPER_MOBILE }));
    expect(started.destination).toBe('139****1313');
    const code = await codeIn(SUPER_MOBILE, /找回企业账号密码/);
    const outcome = await call(fresh, 'recovery.verify', { recoveryId: started.recoveryId, code });
    expect(value(outcome)).toMatchObject({ role: 'super', username: 'super' });
    expect(JSON.stringify(outcome)).not.toMatch(/resetToken/);
    expect(await call(fresh, 'recovery.setPassword', { recoveryId: started.recoveryId, newPassword: 'short' })).toMatchObject({ ok: false, error: { code: 'PASSWORD_POLICY' } });
    const session = value(await call<SessionInfo>(fresh, 'recovery.setPassword', { recoveryId: started.recoveryId, newPassword: 'Recovered#Main-2026' }));
    expect(session).toMatchObject({ username: 'super', role: 'super', mustChangePassword: false, uscc: world.enterprise.uscc });
    expect(value(await call<SessionInfo | null>(fresh, 'auth.session'))).toMatchObject({ username: 'super' });
    expect(await call(fresh, 'recovery.setPassword', { recoveryId: started.recoveryId, newPassword: 'Another#Main-2026' })).toMatchObject({ ok: false, error: { code: 'RECOVERY_EXPIRED' } });
    // The client signed in before the recovery lost its session.
    expect(await call(signedIn, 'profile.get')).toMatchObject({ ok: false, error: { code: 'SESSION_EXPIRED' } });
  });
});
