import { expect, saveScreen, test } from './fixtures';
import type { ScenarioEnterprise } from '../fixtures/scenario';
import { signInOnDesktop } from './setup';

// 忘记密码 for super by SMS (issue 13): super binds its mobile in 安全设置 (a code to the new number), later forgets
// the password, proves the mobile with a code read from the dev SMS outbox, sets a new one and is signed in.
test.describe.configure({ mode: 'serial' });
test.use({ world: 'account-recovery' });

const KEY = 'JSCA-RSA-0001';
const ADMIN_MOBILE = '13700000131';
const SUPER_MOBILE = '13900000132';
const NEW_PASSWORD = 'Found#Again-2026';
let enterprise: ScenarioEnterprise;

/** The newest SMS to `mobile` that matches `pattern`, waited for (codes leave after the answer). */
async function codeFrom(lastSms: (mobile: string) => Promise<string>, mobile: string, pattern: RegExp): Promise<string> {
  let text = '';
  await expect.poll(async () => (text = await lastSms(mobile).catch(() => '')), { timeout: 10_000 }).toMatch(pattern);
  return /验证码 (\d{6})/.exec(text)![1]!;
}

test('setup: a registered enterprise', async ({ scene, caKey }) => {
  enterprise = await scene.enterprise(caKey(KEY), { adminMobile: ADMIN_MOBILE });
});

test('super binds its mobile in 安全设置 with a code sent to it', async ({ page, client, portal }) => {
  await signInOnDesktop(page, client.url, enterprise.uscc, 'super', enterprise.superPassword, portal.captchaAnswer);
  await expect(page.getByRole('heading', { name: `欢迎，${enterprise.name}` })).toBeVisible();
  await page.getByRole('button', { name: '安全设置' }).click();
  await expect(page.getByTestId('security-unbound')).toBeVisible();
  await saveScreen(page, 'security-unbound');
  await page.getByTestId('contact-sms-edit').click();
  await page.getByLabel('新手机号').fill(SUPER_MOBILE);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByText('验证码已发送至 139****0132')).toBeVisible();
  const code = await codeFrom(portal.lastSms, SUPER_MOBILE, /绑定手机号/);
  await page.getByLabel('验证码').fill(code);
  await saveScreen(page, 'security-bind-code');
  await page.getByRole('button', { name: '确认绑定' }).click();
  await expect(page.getByTestId('contact-sms')).toHaveText('139****0132');
  await expect(page.getByTestId('security-unbound')).toHaveCount(0);
  await saveScreen(page, 'security-bound');
  await page.getByRole('button', { name: '退出登录' }).click();
});

test('super forgets the password, proves the mobile by SMS code, sets a new one and is signed in', async ({ page, client, portal }) => {
  await page.goto(client.url);
  await page.getByRole('button', { name: '忘记密码？' }).click();
  await expect(page.getByRole('heading', { name: '找回密码' })).toBeVisible();
  await page.getByLabel('企业名称或统一社会信用代码').fill(enterprise.uscc);
  await page.getByLabel('用户名').fill('super');
  await page.getByLabel('绑定的手机号', { exact: true }).fill(SUPER_MOBILE);
  await saveScreen(page, 'recovery-1-account');
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByTestId('recovery-sent')).toContainText('如果该账号存在且绑定了 139****0132，验证码已发送至 139****0132');
  const code = await codeFrom(portal.lastSms, SUPER_MOBILE, /找回企业账号密码/);
  await page.getByLabel('验证码').fill(code);
  await saveScreen(page, 'recovery-2-code');
  await page.getByRole('button', { name: '下一步' }).click();

  await expect(page.getByText('为 super 设置新密码')).toBeVisible();
  await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('确认新密码').fill(NEW_PASSWORD);
  await saveScreen(page, 'recovery-3-new-password');
  await page.getByRole('button', { name: '设置新密码并登录' }).click();
  await expect(page.getByRole('heading', { name: `欢迎，${enterprise.name}` })).toBeVisible();
  await expect(page.getByTestId('session-user')).toContainText('super');
  await saveScreen(page, 'recovery-4-signed-in');
  await page.getByRole('button', { name: '退出登录' }).click();

  // The new password is the password now: no forced change, straight home.
  await page.getByLabel('企业名称或统一社会信用代码').fill(enterprise.uscc);
  await page.getByLabel('用户名').fill('super');
  await page.getByLabel('密码', { exact: true }).fill(NEW_PASSWORD);
  const captchaId = await page.getByTestId('captcha-image').getAttribute('data-captcha-id');
  await page.getByLabel('验证码', { exact: true }).fill(await portal.captchaAnswer(captchaId!));
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { name: `欢迎，${enterprise.name}` })).toBeVisible();
});

test('an unknown account gets the same first answer, and a wrong code is refused with its text', async ({ page, client }) => {
  await page.goto(client.url);
  await page.getByRole('button', { name: '忘记密码？' }).click();
  await page.getByLabel('企业名称或统一社会信用代码').fill(enterprise.uscc);
  await page.getByLabel('用户名').fill('nobody');
  await page.getByLabel('绑定的手机号', { exact: true }).fill(SUPER_MOBILE);
  await page.getByRole('button', { name: '获取验证码' }).click();
  await expect(page.getByTestId('recovery-sent')).toContainText('如果该账号存在且绑定了 139****0132，验证码已发送至 139****0132');
  await page.getByLabel('验证码').fill('000000');
  await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '验证码错误、已使用或已过期。' })).toBeVisible();
  await page.getByText('收不到验证码？').click();
  await expect(page.getByText(/仍无法找回时请致电一网通办客服 0512-66680236/)).toBeVisible();
  await saveScreen(page, 'recovery-wrong-code');
});
