/**
 * Signing in on the desks, as a clerk or staff member does it (test data itself comes from the scenario builder,
 * tests/fixtures/scenario). Captchas are read from the portal's store, as a person reads an image.
 */
import { expect, type Page } from '@playwright/test';
import type { Result } from '@shared/contract/result';
import type { ClientServices } from '../../src-main/services/client-services';
import type { Portal } from '../fixtures/portal';
import { STRONG_PASSWORD } from '../fixtures/scenario';

export { STRONG_PASSWORD };

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`setup step failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
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
