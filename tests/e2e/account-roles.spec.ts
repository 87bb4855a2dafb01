import { expect, saveScreen, test } from './fixtures';
import type { ScenarioEnterprise } from '../fixtures/scenario';
import { signInOnDesktop, STRONG_PASSWORD } from './setup';

// Roles as the manuals describe them (issue 13): super creates an administrator, who adds a handler; a handler
// deactivated is refused at once; the handler signing in with the company's CA key lands as the handler (its
// password asked once), not as admin.
test.describe.configure({ mode: 'serial' });
// Every registered key is taken by the other specs' enterprises: this file gets a world of its own.
test.use({ world: 'account-roles' });

const KEY = 'JSCA-RSA-0001';
const ADMIN_MOBILE = '13800000081';
const ADMIN2_MOBILE = '13800000082';
const HANDLER_MOBILE = '13800000083';
let enterprise: ScenarioEnterprise;

test('setup: a registered enterprise', async ({ scene, caKey }) => {
  enterprise = await scene.enterprise(caKey(KEY), { adminMobile: ADMIN_MOBILE });
});

test('super creates an administrator', async ({ page, client, portal }) => {
  await signInOnDesktop(page, client.url, enterprise.uscc, 'super', enterprise.superPassword, portal.captchaAnswer);
  await page.getByRole('button', { name: '账号与权限管理' }).click();
  const form = page.getByRole('form', { name: '新增经办人' });
  await form.getByRole('radio', { name: '管理员' }).check();
  await form.getByLabel('登录账号').fill('guanli2');
  await form.getByLabel('姓名').fill('周八');
  await form.getByLabel('手机号码').fill(ADMIN2_MOBILE);
  await page.getByRole('button', { name: '新增账号' }).click();
  const table = page.getByRole('table', { name: '企业账号' });
  await expect(table.getByRole('row', { name: /guanli2/ })).toContainText('管理员');
  // super manages the new administrator; itself, nothing.
  await expect(page.getByRole('button', { name: '停用 guanli2' })).toBeVisible();
  await expect(page.getByRole('button', { name: '停用 super' })).toHaveCount(0);
  await expect(page.getByRole('table', { name: '授权与变更记录' })).toContainText('新建账号');
  await saveScreen(page, 'roles-super-creates-admin');
  await page.getByRole('button', { name: '退出登录' }).click();
});

test('the new administrator adds a handler with an item', async ({ page, client, portal }) => {
  const initial = /初始密码\(([^)]+)\)/.exec(await portal.lastSms(ADMIN2_MOBILE))![1]!;
  await signInOnDesktop(page, client.url, enterprise.uscc, 'guanli2', initial, portal.captchaAnswer);
  await page.getByRole('button', { name: '账号与权限管理' }).click();
  // An administrator adds handlers only: no role to choose.
  const handlerForm = page.getByRole('form', { name: '新增经办人' });
  await expect(handlerForm.getByRole('radio')).toHaveCount(0);
  await handlerForm.getByLabel('登录账号').fill('jingban9');
  await handlerForm.getByLabel('姓名').fill('吴九');
  await handlerForm.getByLabel('手机号码').fill(HANDLER_MOBILE);
  await handlerForm.getByRole('checkbox', { name: '人才资金拨付申请' }).check();
  await page.getByRole('button', { name: '新增经办人' }).click();
  await expect(page.getByRole('switch', { name: 'jingban9：人才资金拨付申请' })).toBeChecked();
  await expect(page.getByRole('switch', { name: 'jingban9：小型建设工程开工备案' })).not.toBeChecked();
  // Nothing to do on super's row or on another administrator's.
  await expect(page.getByRole('button', { name: '停用 super' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '停用 admin' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '停用 jingban9' })).toBeVisible();
  await saveScreen(page, 'roles-admin-adds-handler');
  await page.getByRole('button', { name: '退出登录' }).click();
});

test('a deactivated handler is refused at once, with its own reason', async ({ page, client, portal, scene }) => {
  const initial = /初始密码\(([^)]+)\)/.exec(await portal.lastSms(HANDLER_MOBILE))![1]!;
  await signInOnDesktop(page, client.url, enterprise.uscc, 'jingban9', initial, portal.captchaAnswer);
  await expect(page.getByRole('button', { name: '我的证书' })).toBeVisible();

  // The administrator deactivates the handler meanwhile (on another desk).
  const admin2 = await scene.signIn(enterprise.uscc, 'guanli2');
  const setStatus = (status: string) =>
    fetch(`${portal.url}/api/enterprises/${enterprise.enterpriseId}/accounts/${handlerId}/status`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${admin2.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status }),
    });
  const list = (await (await fetch(`${portal.url}/api/enterprises/${enterprise.enterpriseId}/accounts`, { headers: { authorization: `Bearer ${admin2.token}` } })).json()) as { accounts: { id: string; username: string }[] };
  const handlerId = list.accounts.find((a) => a.username === 'jingban9')!.id;
  expect((await setStatus('deactivated')).status).toBe(200);

  // The handler's very next request ends the session, and the login page says why.
  await page.getByRole('button', { name: '我的证书' }).click();
  await expect(page.getByTestId('session-expired')).toContainText('账号已停用，请联系管理员');
  await saveScreen(page, 'roles-handler-deactivated');
  await page.getByLabel('密码', { exact: true }).fill(STRONG_PASSWORD);
  const captchaId = await page.getByTestId('captcha-image').getAttribute('data-captcha-id');
  await page.getByLabel('验证码', { exact: true }).fill(await portal.captchaAnswer(captchaId!));
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('tabpanel', { name: '账号登录' }).getByRole('alert')).toContainText('账号已停用，请联系管理员');

  expect((await setStatus('active')).status).toBe(200);
});

test('a handler signing in with the company key lands as that handler, its password asked once', async ({ page, client, keys }) => {
  const key = keys.issued(KEY);
  const caLogin = async (password?: string) => {
    await page.getByRole('radiogroup', { name: '选择 CA 数字证书' }).getByRole('radio', { name: new RegExp(enterprise.name) }).check();
    if (password) await page.getByLabel('该账号的密码').fill(password);
    await page.getByLabel('PIN 码', { exact: true }).fill(key.userPin);
    await page.getByRole('button', { name: '登录', exact: true }).click();
  };
  await page.goto(client.url);
  await page.getByRole('tab', { name: 'CA 登录' }).click();
  await page.getByLabel('登录账号（选填）').fill('jingban9');
  await caLogin();
  const panel = page.getByRole('tabpanel', { name: 'CA 登录' });
  await expect(panel.getByRole('alert').filter({ hasText: '该证书尚未绑定此账号' })).toBeVisible();
  await saveScreen(page, 'roles-ca-which-account');
  await caLogin(STRONG_PASSWORD);
  await expect(page.getByRole('heading', { name: `欢迎，${enterprise.name}` })).toBeVisible();
  await expect(page.getByText('jingban9', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('经办人', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: '账号与权限管理' })).toHaveCount(0);
  await saveScreen(page, 'roles-ca-lands-handler');

  // 我的证书 lists the company key, now bound to the handler too.
  await page.getByRole('button', { name: '我的证书' }).click();
  await expect(page.getByRole('table', { name: '已绑定的证书' })).toContainText(enterprise.name);
  await saveScreen(page, 'roles-my-certificates');
  await page.getByRole('button', { name: '退出登录' }).click();

  // Once: the next CA login as the handler asks no password.
  await page.getByRole('tab', { name: 'CA 登录' }).click();
  await page.getByLabel('登录账号（选填）').fill('jingban9');
  await caLogin();
  await expect(page.getByText('jingban9', { exact: true }).first()).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();
});
