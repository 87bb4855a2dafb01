import { expect, type Browser, type Page } from '@playwright/test';
import type { ScenarioEnterprise } from '../fixtures/scenario';
import { ADDRESS, saveScreen, test } from './fixtures';
import { signInOnDesktop, signInToConsole, STRONG_PASSWORD } from './setup';
import { scan } from './wizard';

// Requests to the portal staff (账户变更申请, issue 13) across both desks: super files an administrator change,
// support approves it in the console, the new administrator signs in with the SMS password (forced change); then a
// name change approved shows the new name in the header while the application filed before keeps the old one.
test.describe.configure({ mode: 'serial' });
// Its own enterprise, renamed on the way: a world of its own.
test.use({ world: 'account-requests' });

const KEY = 'JSCA-RSA-0001';
const ADMIN_MOBILE = '13800000091';
const NEW_ADMIN_MOBILE = '13800000092';
const FILER_MOBILE = '13800000093';
let enterprise: ScenarioEnterprise;
let applicationId: string;

/** The screen as read, with the pointer off the button it just pressed. */
async function shot(page: Page, name: string) {
  await page.mouse.move(0, 0);
  await saveScreen(page, name);
}

async function signIn(page: Page, url: string, enterpriseText: string, username: string, password: string, captchaAnswer: (id: string) => Promise<string>) {
  await page.goto(url);
  await page.getByLabel('企业名称或统一社会信用代码').fill(enterpriseText);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  const captchaId = await page.getByTestId('captcha-image').getAttribute('data-captcha-id');
  await page.getByLabel('验证码', { exact: true }).fill(await captchaAnswer(captchaId!));
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

/** Support's console in a context of its own (axe, run on every saved screen, needs one): opens the request and approves it. */
async function approveInConsole(browser: Browser, portal: { url: string; staffPassword: string; captchaAnswer(id: string): Promise<string> }, linkName: string, prefix: string) {
  const staff = await browser.newContext();
  const consolePage = await staff.newPage();
  await signInToConsole(consolePage, portal.url, 'admin', portal.staffPassword, portal.captchaAnswer);
  await consolePage.getByRole('link', { name: '账户申请审核' }).click();
  await consolePage.getByRole('link', { name: linkName }).click();
  await expect(consolePage.getByRole('button', { name: '审核通过' })).toBeVisible();
  await shot(consolePage, `${prefix}-console-request`);
  await consolePage.getByRole('button', { name: '审核通过' }).click();
  const dialog = consolePage.getByRole('dialog', { name: '审核通过' });
  await shot(consolePage, `${prefix}-console-approve`);
  await dialog.getByRole('button', { name: '审核通过' }).click();
  await expect(consolePage.getByText('已通过', { exact: true }).first()).toBeVisible();
  await staff.close();
}

test('setup: a registered enterprise with a subsidy application filed under its name', async ({ scene, caKey }) => {
  test.setTimeout(240_000);
  enterprise = await scene.enterprise(caKey(KEY), { adminMobile: ADMIN_MOBILE });
  const clerk = await enterprise.handler('jingban1', { permissions: ['subsidy'] });
  applicationId = (await enterprise.subsidyApplication(clerk)).id;
});

test('super files an administrator change, support approves it, the new administrator signs in with the SMS password', async ({ page, client, portal, browser }) => {
  test.setTimeout(300_000);
  await signInOnDesktop(page, client.url, enterprise.uscc, 'super', enterprise.superPassword, portal.captchaAnswer);
  await page.getByTestId('home-account-requests').click();
  await expect(page.getByRole('heading', { name: '账户变更申请' })).toBeVisible();
  await page.getByTestId('acctreq-new-administratorChange').click();
  await expect(page.getByRole('heading', { name: '管理员变更申请' })).toBeVisible();
  await expect(page.getByLabel('统一社会信用代码')).not.toBeEditable();
  await page.getByLabel('管理员姓名').fill('周新');
  await page.getByLabel('管理员身份证号码').fill('11010519491231002X');
  await page.getByLabel('管理员手机号码').fill(NEW_ADMIN_MOBILE);
  await page.getByLabel('申请人姓名').fill('张伟');
  // A mobile that is not one is marked where it was typed, by the contract's rule.
  await page.getByLabel('申请人手机号').fill('1380000');
  await page.getByLabel('申请人姓名').click();
  await expect(page.getByText('请输入有效的手机号码').or(page.locator('.ant-form-item-explain-error')).first()).toBeVisible();
  await page.getByLabel('申请人手机号').fill(FILER_MOBILE);
  for (const r of ['authorisationLetter', 'adminIdFront', 'adminIdBack']) await page.getByTestId(`acctreq-upload-input-${r}`).setInputFiles(scan(r));
  await expect(page.getByText('已上传', { exact: true })).toHaveCount(3);
  await shot(page, 'acctreq-1-administrator-form');
  await page.getByTestId('acctreq-submit').click();
  await expect(page.getByTestId('acctreq-status')).toHaveAttribute('data-status', 'submitted');
  await shot(page, 'acctreq-2-submitted');

  await approveInConsole(browser, portal, `打开 ${enterprise.name} 的管理员变更申请`, 'acctreq-admin');

  await page.getByRole('button', { name: '刷新状态' }).click();
  await expect(page.getByTestId('acctreq-status')).toHaveAttribute('data-status', 'approved');
  await shot(page, 'acctreq-3-approved');
  await page.getByRole('button', { name: '退出登录' }).click();

  // The new administrator: the admin account, the password from the SMS, a change forced at once.
  const password = /账号\(admin\)，初始密码\(([^)]+)\)/.exec(await portal.lastSms(NEW_ADMIN_MOBILE))![1]!;
  await signIn(page, client.url, enterprise.uscc, 'admin', password, portal.captchaAnswer);
  await expect(page.getByRole('heading', { name: '首次登录请修改密码' })).toBeVisible();
  await shot(page, 'acctreq-4-new-admin-first-login');
  await page.getByLabel('当前密码').fill(password);
  await page.getByLabel('新密码', { exact: true }).fill(STRONG_PASSWORD);
  await page.getByLabel('确认新密码').fill(STRONG_PASSWORD);
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByRole('heading', { name: `欢迎，${enterprise.name}` })).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();
});

test('a name change approved: the header shows the new name, the earlier application keeps the old one', async ({ page, client, portal, browser }) => {
  test.setTimeout(300_000);
  const newName = `${enterprise.name.replace(/有限公司$/, '')}集团有限公司`;
  await signIn(page, client.url, enterprise.uscc, 'super', STRONG_PASSWORD, portal.captchaAnswer);
  await page.getByTestId('home-account-requests').click();
  await page.getByTestId('acctreq-new-enterpriseChange').click();
  await expect(page.getByRole('heading', { name: '企业名称/地址变更申请' })).toBeVisible();
  await page.getByLabel('新企业名称').fill(newName);
  await page.getByLabel('新注册地址').fill(ADDRESS);
  await page.getByLabel('申请人姓名').fill('张伟');
  await page.getByLabel('申请人手机号').fill(FILER_MOBILE);
  for (const r of ['businessLicence', 'changeNotice']) await page.getByTestId(`acctreq-upload-input-${r}`).setInputFiles(scan(r));
  await expect(page.getByText('已上传', { exact: true })).toHaveCount(2);
  await shot(page, 'acctreq-5-name-form');
  await page.getByTestId('acctreq-submit').click();
  await expect(page.getByTestId('acctreq-status')).toHaveAttribute('data-status', 'submitted');

  await approveInConsole(browser, portal, `打开 ${enterprise.name} 的企业名称/地址变更申请`, 'acctreq-name');

  // Signed in again: the header says the new name; the requests and the application filed before keep the old one.
  await page.getByRole('button', { name: '退出登录' }).click();
  await signIn(page, client.url, enterprise.uscc, 'super', STRONG_PASSWORD, portal.captchaAnswer);
  await expect(page.getByRole('heading', { name: `欢迎，${newName}` })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(newName);
  await page.getByTestId('home-account-requests').click();
  const rows = page.getByRole('row').filter({ hasText: '审核通过' });
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) await expect(row).toContainText(enterprise.name);
  await shot(page, 'acctreq-6-requests-under-old-name');
  await page.getByRole('button', { name: '返回首页' }).click();
  await page.getByRole('button', { name: '高层次和紧缺人才招聘补贴：我的申请' }).click();
  await expect(page.getByRole('button', { name: /查看申请/ })).toHaveCount(1);
  await page.getByRole('button', { name: /查看申请/ }).click();
  await expect(page.getByRole('heading', { name: new RegExp(applicationId.slice(0, 8).toUpperCase()) })).toBeVisible();
  await expect(page.getByTestId('subsidy-enterprise-name')).toHaveText(enterprise.name);
  await expect(page.getByRole('banner')).toContainText(newName);
  await shot(page, 'acctreq-7-application-old-name');
});

// Issue 17 item 3: the clerk's key is lost and the caller asks the help desk to stop it (密钥挂失).
test('the help desk finds the enterprise by USCC and deactivates the clerk with the caller’s reason', async ({ portal, browser }) => {
  test.setTimeout(180_000);
  const staff = await browser.newContext();
  const consolePage = await staff.newPage();
  await signInToConsole(consolePage, portal.url, 'admin', portal.staffPassword, portal.captchaAnswer);
  await consolePage.getByRole('link', { name: '密钥挂失' }).click();
  await consolePage.getByLabel('统一社会信用代码').fill(enterprise.uscc);
  await consolePage.getByTestId('keys-search').click();
  await expect(consolePage.getByTestId('keys-enterprise')).toContainText(enterprise.uscc);
  await expect(consolePage.getByTestId('keys-deactivate-jingban1')).toBeVisible();
  await shot(consolePage, 'keys-1-accounts');
  await consolePage.getByTestId('keys-deactivate-jingban1').click();
  await consolePage.getByLabel('原因').fill('来电称经办人 Key 遗失');
  await shot(consolePage, 'keys-2-deactivate-reason');
  await consolePage.getByTestId('keys-confirm').click();
  await expect(consolePage.getByTestId('keys-done')).toHaveText('已停用账号 jingban1。');
  await expect(consolePage.getByRole('row', { name: /jingban1/ })).toContainText('已停用');
  await shot(consolePage, 'keys-3-deactivated');
  await staff.close();
});
