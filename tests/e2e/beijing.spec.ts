import { expect, type Browser, type Page } from '@playwright/test';
import { residentIdCheckChar } from '@shared/validation/resident-id';
import type { SimulatedUnifiedIdentity } from '../../src-server/beijing/unified-identity';
import type { Portal } from '../fixtures/portal';
import { newIdentity } from '../fixtures/scenario/keys';
import { saveScreen, test } from './fixtures';
import { signInToConsole } from './setup';
import { scan } from './wizard';

// The Beijing SME platform (manual 004, issue 16) on a server configured as that portal: register, certify with a
// resident ID at once; certify with a passport → staff approve → 已认证; a second user refused as bound →
// unbinding request → approved → certifies.
test.describe.configure({ mode: 'serial' });
test.use({ world: 'beijing' });

const PASSWORD = 'beijing2026';
const YZT_PASSWORD = 'yzt2026pass';
const residentId = (seq: number) => {
  const body = `11010119850307${String(100 + seq)}`;
  return body + residentIdCheckChar(body);
};

async function shot(page: Page, name: string) {
  await page.mouse.move(0, 0);
  await saveScreen(page, name);
}

async function captcha(page: Page, portal: Portal) {
  const id = await page.getByTestId('captcha-image').getAttribute('data-captcha-id');
  await page.getByLabel('验证码', { exact: true }).fill(await portal.captchaAnswer(id!));
}

/** An enterprise the simulated unified identity platform knows, with its legal representative. */
function knownEnterprise(portal: Portal, seq: number) {
  const e = newIdentity();
  const rep = { name: '王建国', idNumber: residentId(seq) };
  (portal.app.services.unifiedIdentity as SimulatedUnifiedIdentity).addPair({ code: e.uscc, enterpriseName: e.name, ...rep });
  return { ...e, rep };
}

async function register(page: Page, portal: Portal, mobile: string, prefix?: string) {
  await page.getByTestId('beijing-login-link').click();
  await page.getByTestId('bj-to-register').click();
  await page.getByTestId('bj-reg-mobile').fill(mobile);
  await captcha(page, portal);
  await page.getByTestId('bj-reg-send-code').click();
  await expect(page.getByTestId('bj-reg-code-sent')).toBeVisible();
  const code = /验证码(\d{6})/.exec(await portal.lastSms(mobile))![1]!;
  await page.getByTestId('bj-reg-code').fill(code);
  await page.getByTestId('bj-reg-password').fill(PASSWORD);
  await page.getByTestId('bj-reg-nickname').fill('小王');
  if (prefix) await shot(page, `${prefix}-register`);
  await page.getByTestId('bj-reg-submit').click();
  await expect(page.getByTestId('bj-cert-status')).toHaveText('未认证');
}

async function signIn(page: Page, portal: Portal, mobile: string) {
  await page.getByRole('button', { name: '退出', exact: true }).click();
  await page.getByTestId('bj-login-mobile').fill(mobile);
  await page.getByTestId('bj-login-password').fill(PASSWORD);
  await captcha(page, portal);
  await page.getByTestId('bj-login-submit').click();
}

async function certifyForm(page: Page, portal: Portal, e: { uscc: string; name: string; rep: { name: string; idNumber: string } }, yzt: string, passport = false) {
  await page.getByTestId('bj-cert-name').fill(e.name);
  await page.getByTestId('bj-cert-code').fill(e.uscc);
  if (passport) {
    await page.getByText('护照或其它有效身份证件', { exact: true }).click();
    await page.getByTestId('bj-cert-legal-name').fill('John Smith');
    await page.getByTestId('bj-cert-id-number').fill('E12345678');
    await page.getByTestId('bj-upload-input-identityDocument').setInputFiles(scan('passport'));
    await expect(page.getByText('已上传', { exact: true })).toBeVisible();
  } else {
    await page.getByTestId('bj-cert-legal-name').fill(e.rep.name);
    await page.getByTestId('bj-cert-id-number').fill(e.rep.idNumber);
  }
  await page.getByTestId('bj-cert-yzt-username').fill(yzt);
  await page.getByTestId('bj-cert-yzt-password').fill(YZT_PASSWORD);
  await captcha(page, portal);
}

async function yztLogin(page: Page, portal: Portal) {
  await page.getByTestId('bj-yzt-password').fill(YZT_PASSWORD);
  await captcha(page, portal);
  await page.getByTestId('bj-yzt-submit').click();
}

/** Staff approve the first waiting item of the Beijing desk named `enterprise`. */
async function approveInConsole(browser: Browser, portal: Portal, enterprise: string, name: string) {
  const staff = await browser.newContext();
  const consolePage = await staff.newPage();
  await signInToConsole(consolePage, portal.url, 'admin', portal.staffPassword, portal.captchaAnswer);
  // On a Beijing server the queue is the only desk (no SIP desk, no nav): it is where staff land.
  await expect(consolePage.getByRole('heading', { name: '北京企业认证审核' })).toBeVisible();
  await expect(consolePage.getByRole('button', { name: `通过 ${enterprise}`, exact: true })).toBeVisible();
  await shot(consolePage, name);
  await consolePage.getByRole('button', { name: `通过 ${enterprise}`, exact: true }).click();
  await expect(consolePage.getByRole('button', { name: `通过 ${enterprise}`, exact: true })).toHaveCount(0);
  await staff.close();
}

test('register, certify with a resident ID at once, 口令登录 → 已认证; a passport waits for staff, then 已认证', async ({ page, client, portal, browser }) => {
  test.setTimeout(300_000);
  const first = knownEnterprise(portal, 1);
  await page.goto(client.url);
  await register(page, portal, '13900001601', 'beijing-1');
  await certifyForm(page, portal, first, 'bj.first');
  await shot(page, 'beijing-2-certify');
  await page.getByTestId('bj-cert-submit').click();
  await expect(page.getByTestId('bj-yzt')).toBeVisible();
  await yztLogin(page, portal);
  await expect(page.getByTestId('bj-cert-status')).toHaveText('已认证');
  await expect(page.getByTestId('bj-bound-enterprise')).toContainText(first.name);
  await shot(page, 'beijing-3-certified');

  const foreign = knownEnterprise(portal, 2);
  await page.getByRole('button', { name: '退出', exact: true }).click();
  await page.getByRole('button', { name: '返回登录' }).click();
  await register(page, portal, '13900001602');
  await certifyForm(page, portal, foreign, 'bj.foreign', true);
  await page.getByTestId('bj-cert-submit').click();
  await expect(page.getByTestId('bj-pending')).toBeVisible();
  await expect(page.getByTestId('bj-cert-status')).toHaveText('审核中');
  await shot(page, 'beijing-4-pending');
  await approveInConsole(browser, portal, foreign.name, 'beijing-5-console-certification');
  expect(await portal.lastSms('13900001602')).toContain('审核通过');
  await signIn(page, portal, '13900001602');
  await yztLogin(page, portal);
  await expect(page.getByTestId('bj-cert-status')).toHaveText('已认证');
});

test('a second user is refused as bound, requests unbinding, staff approve, and the second user certifies', async ({ page, client, portal, browser }) => {
  test.setTimeout(300_000);
  const e = knownEnterprise(portal, 3);
  await page.goto(client.url);
  await register(page, portal, '13900001603');
  await certifyForm(page, portal, e, 'bj.holder');
  await page.getByTestId('bj-cert-submit').click();
  await yztLogin(page, portal);
  await expect(page.getByTestId('bj-cert-status')).toHaveText('已认证');

  await page.getByRole('button', { name: '退出', exact: true }).click();
  await page.getByRole('button', { name: '返回登录' }).click();
  await register(page, portal, '13900001604');
  await certifyForm(page, portal, e, 'bj.second');
  await page.getByTestId('bj-cert-submit').click();
  await expect(page.getByTestId('bj-bound')).toBeVisible();
  await expect(page.getByTestId('bj-bound-to')).toContainText('139****1603');
  await shot(page, 'beijing-6-bound');
  await page.getByTestId('bj-request-unbinding').click();
  await page.getByTestId('bj-unbind-reason').fill('原办事人已离职，找不到原平台账号和密码');
  await page.getByTestId('bj-unbind-contact').fill('赵六');
  await page.getByTestId('bj-unbind-mobile').fill('13900001604');
  await page.getByTestId('bj-upload-input-unbindingLetter').setInputFiles(scan('unbinding-letter'));
  await expect(page.getByText('已上传', { exact: true })).toBeVisible();
  await shot(page, 'beijing-7-unbinding');
  await page.getByTestId('bj-unbind-submit').click();
  await expect(page.getByTestId('bj-unbinding-row')).toContainText('审核中');
  await approveInConsole(browser, portal, e.name, 'beijing-8-console-unbinding');
  expect(await portal.lastSms('13900001603')).toContain('绑定已按解绑申请解除');

  await signIn(page, portal, '13900001604');
  await certifyForm(page, portal, e, 'bj.second');
  await page.getByTestId('bj-cert-submit').click();
  await yztLogin(page, portal);
  await expect(page.getByTestId('bj-cert-status')).toHaveText('已认证');
  await shot(page, 'beijing-9-certified-after-unbinding');
});
