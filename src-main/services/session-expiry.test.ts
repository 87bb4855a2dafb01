import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_GONE_CODES } from '@shared/errors/server';
import { call, registeredClientWorld, value, type ClientWorld } from '../../tests/fixtures/client-world';

// A session the server no longer honours, met by whatever call comes next: main forgets it (no stale token sent
// again) and tells the renderer exactly once.
let world: ClientWorld;

beforeAll(async () => {
  world = await registeredClientWorld({ labels: ['JSCA-RSA-0001'], registerWith: 'JSCA-RSA-0001', adminMobile: '13912340009' });
}, 120_000);

afterAll(() => world?.close());

describe('session expiry in main', () => {
  it('clears main’s session and emits session.expired once when the server says the session is gone', async () => {
    const clerk = world.services();
    const events: Array<{ event: string; payload: unknown }> = [];
    clerk.subscribe((event, payload) => events.push({ event, payload }));
    await world.signIn(clerk, 'admin');
    value(await call(clerk, 'subsidy.list'));
    expect(value(await call(clerk, 'auth.session'))).toMatchObject({ username: 'admin' });

    world.portal.advanceClock(13 * 60 * 60); // past the absolute lifetime
    const gone = await call(clerk, 'serviceItems.list');
    expect(gone.ok).toBe(false);
    const code = !gone.ok ? gone.error.code : '';
    expect(SESSION_GONE_CODES).toContain(code);
    expect(!gone.ok && gone.error.requestId).toBeTruthy();

    expect(value(await call(clerk, 'auth.session'))).toBeNull();
    expect(await call(clerk, 'subsidy.list')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect(await call(clerk, 'disbursement.list')).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
    expect(events.filter((e) => e.event === 'session.expired')).toEqual([{ event: 'session.expired', payload: { code } }]);

    // Signing in again works and a later expiry is told again.
    await world.signIn(clerk, 'admin');
    value(await call(clerk, 'subsidy.list'));
    expect(events.filter((e) => e.event === 'session.expired')).toHaveLength(1);
  });

  it('does not treat a wrong password at login as an expired session', async () => {
    const s = world.services();
    const events: string[] = [];
    s.subscribe((event) => events.push(event));
    const c = value(await call<{ captchaId: string }>(s, 'auth.captcha'));
    const r = await call(s, 'auth.login', { enterprise: world.enterprise.uscc, username: 'admin', password: 'wrong-Password#1', captchaId: c.captchaId, captchaAnswer: await world.portal.captchaAnswer(c.captchaId) });
    expect(r).toMatchObject({ ok: false, error: { code: 'LOGIN_FAILED' } });
    expect(events).not.toContain('session.expired');
  });
});
