import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, registeredClientWorld, value, type ClientWorld } from '../../tests/fixtures/client-world';
import { STRONG_PASSWORD } from '../../tests/fixtures/server/flows';
import type { ClientServices } from './client-services';
import { createDesktopServices, type DesktopServices } from './compose';
import { createDesktopLog, LOG_FILE_NAME } from './desktop-log';

// The desktop log as the app composes it (compose.ts → ClientServices → electron-log's file transport), driven by
// real calls that carry every kind of secret: what support reads afterwards says what happened and holds none.
let world: ClientWorld;
let desktop: DesktopServices;
let services: ClientServices;
let dir: string;
const SMS_CODE = '482913';

beforeAll(async () => {
  world = await registeredClientWorld({ labels: ['JSCA-RSA-0001'], registerWith: 'JSCA-RSA-0001', adminMobile: '13912340017' });
  dir = mkdtempSync(path.join(os.tmpdir(), 'tongban-log-'));
  desktop = createDesktopServices({
    shell: 'browser',
    storeFile: path.join(dir, 'tongban.db'),
    env: { ...process.env, ...world.keys.env, TONGBAN_PKCS11_MODULES: world.keys.modulePath, TONGBAN_TOKEN_LOG: 'silent', TONGBAN_SERVER_URL: world.portal.url },
    log: () => {},
  });
  services = desktop.services;
}, 120_000);

afterAll(async () => {
  await desktop?.close();
  await world?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the desktop log file', () => {
  it('records each call’s method, outcome and duration, and never a PIN, password, SMS code or session token', async () => {
    const key = world.keys.issued('JSCA-RSA-0001');
    // A wrong PIN first, then the right one: both PINs pass through main.
    const certs = value(await call<Array<{ certSha256: string }>>(services, 'tokens.list'));
    expect(certs.length).toBeGreaterThan(0);
    expect(await call(services, 'auth.loginWithKey', { fingerprint: key.certSha256, pin: '87654321' })).toMatchObject({ ok: false, error: { code: 'PIN_INCORRECT' } });
    value(await call(services, 'auth.loginWithKey', { fingerprint: key.certSha256, pin: key.userPin }));
    value(await call(services, 'auth.logout'));
    // A password login; the session token main now holds is what must never reach the file.
    const c = value(await call<{ captchaId: string }>(services, 'auth.captcha'));
    const answer = await world.portal.captchaAnswer(c.captchaId);
    value(await call(services, 'auth.login', { enterprise: world.enterprise.uscc, username: 'admin', password: STRONG_PASSWORD, captchaId: c.captchaId, captchaAnswer: answer }));
    const sessionToken = (services as unknown as { portal: { token: string | null } }).portal.token;
    expect(sessionToken).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    value(await call(services, 'subsidy.list'));
    // An SMS code the server refuses, and an invalid call that carries the password.
    expect((await call(services, 'registration.confirm', { registrationId: randomUUID(), code: SMS_CODE })).ok).toBe(false);
    expect(await call(services, 'auth.changePassword', { currentPassword: STRONG_PASSWORD, newPassword: 'x'.repeat(300) })).toMatchObject({ ok: false, error: { code: 'INPUT_INVALID' } });

    const file = path.join(dir, 'logs', LOG_FILE_NAME);
    const text = readFileSync(file, 'utf8');
    for (const secret of [key.userPin, '87654321', STRONG_PASSWORD, SMS_CODE, answer, sessionToken!]) expect(text, `the log holds ${secret}`).not.toContain(secret);
    expect(text).toMatch(/"method":"auth\.loginWithKey","outcome":"PIN_INCORRECT","ms":\d+/);
    expect(text).toMatch(/"method":"auth\.login","outcome":"OK"/);
    expect(text).toMatch(/"method":"registration\.confirm","outcome":"[A-Z_]+","ms":\d+,"requestId":"[^"]+"/);
    expect(text).toMatch(/"method":"auth\.changePassword","outcome":"INPUT_INVALID"/);
    // The self-check reads the same file back.
    const tail = value(await call<{ lines: string[] }>(services, 'app.logTail', { lines: 3 }));
    expect(tail.lines).toHaveLength(3);
    expect(text.trimEnd().endsWith(tail.lines.at(-1)!)).toBe(true);
  }, 60_000);

  it('rotates at its size limit, keeping one older file, and reads a tail across both', () => {
    const logDir = mkdtempSync(path.join(os.tmpdir(), 'tongban-rotate-'));
    try {
      const log = createDesktopLog({ dir: logDir, maxBytes: 4_000 });
      for (let i = 0; i < 200; i++) log.write('info', 'call', { method: 'subsidy.list', outcome: 'OK', ms: i, n: `line-${i}` });
      expect(existsSync(path.join(logDir, 'tongban.old.log'))).toBe(true);
      expect(statSync(log.file).size).toBeLessThanOrEqual(4_000 + 200);
      const current = readFileSync(log.file, 'utf8').trimEnd().split('\n').length;
      const tail = log.tail(current + 10);
      expect(tail).toHaveLength(current + 10);
      expect(tail.at(-1)).toContain('line-199');
      expect(tail[0]).toContain(`line-${199 - current - 9}"`);
    } finally {
      rmSync(logDir, { recursive: true, force: true });
    }
  });
});
