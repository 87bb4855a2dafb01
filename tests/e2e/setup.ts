/**
 * Setting the stage for a flow that is not under test: an enterprise registered through the desktop client's
 * own services (the same calls the registration wizard makes, without clicking through it), and accounts made by
 * its administrator through the portal API. Captchas and SMS codes are read from the portal's store, as a person
 * reads an image or a phone.
 */
import { randomUUID } from 'node:crypto';
import { expect, type Page } from '@playwright/test';
import type { Result } from '@shared/contract/result';
import type { ClientServices } from '../../src-main/services/client-services';
import type { Portal } from '../fixtures/portal';
import type { TokenSandbox } from '../fixtures/tokens';
import { ADDRESS, LEGAL_REPRESENTATIVE } from './fixtures';
import { REQUIREMENTS, scan } from './wizard';

export const STRONG_PASSWORD = 'Tongban#2026-ok';

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`setup step failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function api<T>(portal: Portal, route: string, init: { method?: string; body?: unknown; token?: string } = {}): Promise<T> {
  const res = await fetch(`${portal.url}${route}`, {
    method: init.method ?? 'POST',
    headers: { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`${route} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** Registers the enterprise of a SoftHSM key; returns its id, USCC and the admin's initial password. */
export async function registerWithKey(services: ClientServices, portal: Portal, keys: TokenSandbox, label: string, mobile: string) {
  const key = keys.issued(label);
  const attachments = [];
  for (const requirement of REQUIREMENTS) {
    const file = scan(requirement);
    const ref = value<{ sha256: string; size: number; mediaType: 'application/pdf' }>(
      await services.dispatch('registration.upload', { requirement, fileName: file.name, content: file.buffer.toString('base64'), uploadId: requirement }),
    );
    attachments.push({ ...ref, requirement, fileName: file.name });
  }
  const form = {
    caProfile: key.profile,
    enterprise: { uscc: key.uscc!, name: key.enterpriseName, address: ADDRESS, legalRepresentative: LEGAL_REPRESENTATIVE },
    administrator: { name: '王喆', idNumber: '11010519491231002X', mobile },
  };
  const submitted = value<{ registrationId: string }>(
    await services.dispatch('registration.submit', { fingerprint: key.certSha256, pin: key.userPin, form, attachments, idempotencyKey: randomUUID() }),
  );
  const code = /(\d{6})/.exec(await portal.lastSms(mobile))![1]!;
  const done = value<{ enterpriseId: string }>(await services.dispatch('registration.confirm', { registrationId: submitted.registrationId, code }));
  const adminPassword = /管理员账号\(admin\)，密码\(([^)]+)\)/.exec(await portal.lastSms(mobile))![1]!;
  return { enterpriseId: done.enterpriseId, uscc: key.uscc!, name: key.enterpriseName, adminPassword };
}

/** Signs in through the API (changing an initial password first) and returns the bearer token. */
export async function apiSession(portal: Portal, enterprise: string, username: string, password: string): Promise<string> {
  const { captchaId } = await api<{ captchaId: string }>(portal, '/api/captcha');
  const first = await api<{ token: string; mustChangePassword: boolean }>(portal, '/api/auth/login', {
    body: { enterprise, username, password, captcha: { captchaId, answer: await portal.captchaAnswer(captchaId) } },
  });
  if (!first.mustChangePassword) return first.token;
  const changed = await api<{ token: string }>(portal, '/api/auth/password', { token: first.token, body: { currentPassword: password, newPassword: STRONG_PASSWORD } });
  return changed.token;
}

/** The administrator opens a handler account; returns the handler's initial password (sent by SMS). */
export async function createHandler(portal: Portal, adminToken: string, enterpriseId: string, opts: { username: string; mobile: string; permissions: string[] }) {
  await api(portal, `/api/enterprises/${enterpriseId}/accounts`, {
    token: adminToken,
    body: { username: opts.username, role: 'handler', displayName: '经办人', mobile: opts.mobile, permissions: opts.permissions },
  });
  return /初始密码\(([^)]+)\)/.exec(await portal.lastSms(opts.mobile))![1]!;
}

/**
 * Signs the desktop client's services in (the account's password already changed, STRONG_PASSWORD unless given),
 * as a clerk who signed in earlier: every test starts signed out, with a fresh local store.
 */
export async function signInClient(services: ClientServices, portal: Portal, enterprise: string, username: string, password = STRONG_PASSWORD) {
  const { captchaId } = value<{ captchaId: string }>(await services.dispatch('auth.captcha', {}));
  value(await services.dispatch('auth.login', { enterprise, username, password, captchaId, captchaAnswer: await portal.captchaAnswer(captchaId) }));
}

/** Signs in on the desktop client (browser mode) with a first-login password and changes it to STRONG_PASSWORD. */
export async function signInOnDesktop(page: Page, url: string, uscc: string, username: string, password: string, captchaAnswer: (id: string) => Promise<string>) {
  await page.goto(url);
  await page.getByLabel('企业名称或统一社会信用代码').fill(uscc);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  const captchaId = await page.getByTestId('captcha-image').getAttribute('data-captcha-id');
  await page.getByLabel('验证码', { exact: true }).fill(await captchaAnswer(captchaId!));
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { name: '首次登录请修改密码' })).toBeVisible();
  await page.getByLabel('当前密码').fill(password);
  await page.getByLabel('新密码', { exact: true }).fill(STRONG_PASSWORD);
  await page.getByLabel('确认新密码').fill(STRONG_PASSWORD);
  await page.getByRole('button', { name: '修改密码' }).click();
}

/** Signs a staff member in to the console at /console/ and waits for the first screen. */
export async function signInToConsole(page: Page, portalUrl: string, username: string, password: string, captchaAnswer: (id: string) => Promise<string>) {
  const captcha = page.waitForResponse((r) => r.url().endsWith('/api/captcha'));
  await page.goto(`${portalUrl}/console/`);
  const { captchaId } = (await (await captcha).json()) as { captchaId: string };
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByLabel('验证码', { exact: true }).fill(await captchaAnswer(captchaId));
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
}
