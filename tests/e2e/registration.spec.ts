import { expect, saveScreen, test } from './fixtures';
import { fillWizardUpToSigning, signAndSubmit } from './wizard';

// One enterprise's life in order: registered with its Jiangsu CA key, signed in with the SMS password (which
// must be changed), then with the key itself. The refusals follow on the same server.
test.describe.configure({ mode: 'serial' });

const MOBILE = '13912345678';
const XINGHE = '苏州星河智能科技有限公司';

test('registers an enterprise with the Jiangsu CA key, the SMS code read from the outbox', async ({ page, client, portal, keys }) => {
  // Eight steps with ten screens, each saved and checked with axe: twice the time of the other tests.
  test.slow();
  const key = keys.issued('JSCA-RSA-0001');
  await page.goto(client.url);
  await expect(page.getByRole('status')).toHaveText(/已插入 \d+ 个 CA 数字证书/);
  await saveScreen(page, 'login-account');
  await fillWizardUpToSigning(page, { ca: '江苏CA', enterprise: XINGHE, mobile: MOBILE, pin: key.userPin, shots: 'registration' });
  await saveScreen(page, 'registration-6-sign');
  await signAndSubmit(page, key.userPin);

  await expect(page.getByRole('heading', { level: 3, name: '短信验证' })).toBeVisible();
  await expect(page.getByText('验证码已发送至管理员手机 139****5678')).toBeVisible();
  const code = /(\d{6})/.exec(await portal.lastSms(MOBILE))![1]!;
  await page.getByLabel('短信验证码').fill(code);
  await saveScreen(page, 'registration-7-sms');
  await page.getByRole('button', { name: '验证并完成注册' }).click();

  await expect(page.getByText('注册成功', { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/初始密码已通过短信发送/)).toBeVisible();
  await saveScreen(page, 'registration-8-done');
});

test('signs in with password and captcha, then must change the initial password', async ({ page, client, portal, keys }) => {
  const key = keys.issued('JSCA-RSA-0001');
  const initial = /管理员账号\(admin\)，密码\(([^)]+)\)/.exec(await portal.lastSms(MOBILE))![1]!;
  await page.goto(client.url);
  await page.getByLabel('企业名称或统一社会信用代码').fill(key.uscc!);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(initial);
  const captchaId = await page.getByTestId('captcha-image').getAttribute('data-captcha-id');
  await page.getByLabel('验证码', { exact: true }).fill(await portal.captchaAnswer(captchaId!));
  await saveScreen(page, 'login-account-filled');
  await page.getByRole('button', { name: '登录', exact: true }).click();

  await expect(page.getByRole('heading', { name: '首次登录请修改密码' })).toBeVisible();
  await page.getByLabel('当前密码').fill(initial);
  await page.getByLabel('新密码', { exact: true }).fill('Tongban#2026-ok');
  await page.getByLabel('确认新密码').fill('Tongban#2026-ok');
  await saveScreen(page, 'password-change');
  await page.getByRole('button', { name: '修改密码' }).click();

  await expect(page.getByRole('heading', { name: `欢迎，${XINGHE}` })).toBeVisible();
  await saveScreen(page, 'home');
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page.getByRole('heading', { name: '法人用户登录' })).toBeVisible();
});

test('signs in with the CA key; a wrong PIN is refused with its message first', async ({ page, client, keys }) => {
  const key = keys.issued('JSCA-RSA-0001');
  await page.goto(client.url);
  await page.getByRole('tab', { name: 'CA 登录' }).click();
  await page.getByRole('radiogroup', { name: '选择 CA 数字证书' }).getByRole('radio', { name: new RegExp(XINGHE) }).check();
  await page.getByLabel('PIN 码', { exact: true }).fill('00000000');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  const panel = page.getByRole('tabpanel', { name: 'CA 登录' });
  await expect(panel.getByRole('alert').filter({ hasText: 'PIN 码错误' })).toContainText('PIN_INCORRECT');
  // SoftHSM raises CKF_USER_PIN_COUNT_LOW after a wrong PIN: said as what it is (a PIN was wrong), no more.
  await expect(panel.getByRole('alert').filter({ hasText: '自上次成功使用以来，这个 USB Key 输错过 PIN 码' })).toBeVisible();
  await expect(panel.getByText('多次输错')).toHaveCount(0);
  await expect(page.getByLabel('PIN 码', { exact: true })).toHaveValue('');
  await saveScreen(page, 'login-ca-wrong-pin');

  await page.getByLabel('PIN 码', { exact: true }).fill(key.userPin);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { name: `欢迎，${XINGHE}` })).toBeVisible();
  await expect(page.getByTestId('session-user')).toContainText(XINGHE);
  await saveScreen(page, 'home-ca');
  await page.getByRole('button', { name: '退出登录' }).click();
});

test('a key pulled out at signing shows TOKEN_REMOVED and nothing typed is lost', async ({ page, client, portal, keys }) => {
  const key = keys.issued('JSCA-EC-0002');
  const enterprise = key.enterpriseName;
  await page.goto(client.url);
  await fillWizardUpToSigning(page, { ca: '江苏CA', enterprise, mobile: '13700000002', pin: key.userPin });
  await page.getByLabel('PIN 码', { exact: true }).fill(key.userPin);
  // Out it comes, just as the clerk presses submit. Whichever notices first — the signature (TOKEN_REMOVED) or
  // the hot-plug watch (the key gone from the list, the button disabled) — the clerk is told it was pulled out.
  await keys.removeToken(key.label);
  const submit = page.getByRole('button', { name: '提交注册' });
  // A disabled button (the watch was first) is not clicked: waiting 5 s for it to enable is the clerk's click.
  await submit.click({ timeout: 5_000 }).catch(() => undefined);
  await expect(page.getByText(/USB Key 已拔出|USB Key（JSCA-EC-0002）未插入或已拔出/).first()).toBeVisible();
  await saveScreen(page, 'registration-key-removed');

  // Everything is still there: back to the form, the values are as typed.
  await page.getByRole('button', { name: '上一步' }).click();
  await page.getByRole('button', { name: '上一步' }).click();
  await page.getByRole('button', { name: '上一步' }).click();
  await expect(page.getByLabel('管理员姓名')).toHaveValue('王喆');
  await expect(page.getByLabel('管理员手机号码')).toHaveValue('13700000002');

  // Plugged back in, the same draft goes through.
  await keys.restoreToken(key.label);
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '下一步' }).click();
  await expect(page.getByRole('heading', { level: 3, name: '签名提交' })).toBeVisible();
  await page.getByLabel('PIN 码', { exact: true }).fill(key.userPin);
  await page.getByRole('button', { name: '提交注册' }).click();
  await expect(page.getByRole('heading', { level: 3, name: '短信验证' })).toBeVisible();
  await page.getByLabel('短信验证码').fill(/(\d{6})/.exec(await portal.lastSms('13700000002'))![1]!);
  await page.getByRole('button', { name: '验证并完成注册' }).click();
  await expect(page.getByText('注册成功', { exact: true }).first()).toBeVisible();
});

test('says at step 2 that the enterprise is already registered, with the ways to recover (issue 21 item 1)', async ({ page, client, keys }) => {
  await page.goto(client.url);
  await page.getByRole('button', { name: '成为新用户' }).click();
  await page.getByRole('button', { name: '用江苏CA注册' }).click();
  await page.getByRole('radiogroup', { name: '实名认证方式' }).getByRole('radio', { name: /江苏CA/ }).check();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('radiogroup', { name: '选择 CA 数字证书' }).getByRole('radio', { name: new RegExp(XINGHE) }).check();
  await page.getByLabel('PIN 码', { exact: true }).fill(keys.issued('JSCA-RSA-0001').userPin);
  await page.getByRole('button', { name: '读取并核对' }).click();
  const told = page.getByTestId('already-registered');
  await expect(told).toContainText(`该企业已注册：${XINGHE}`);
  await expect(told.getByRole('button', { name: /忘记密码/ })).toBeVisible();
  await expect(told.getByRole('button', { name: /无人知道账号/ })).toBeVisible();
  // Nothing to print or upload: the wizard goes no further.
  await expect(page.getByRole('button', { name: '下一步' })).toBeDisabled();
  await saveScreen(page, 'registration-2-already-registered');
  await told.getByRole('button', { name: /忘记密码/ }).click();
  await expect(page.getByRole('heading', { name: '找回密码' })).toBeVisible();
});

test('refuses an enterprise the legal-person registry does not know', async ({ page, client, keys }) => {
  const key = keys.issued('SZCA-EC-0004');
  await page.goto(client.url);
  await fillWizardUpToSigning(page, { ca: '苏州CA', enterprise: key.enterpriseName, mobile: '13700000004', pin: key.userPin });
  await signAndSubmit(page, key.userPin);
  await expect(page.getByRole('alert').filter({ hasText: '无法匹配法人库' })).toContainText('REGISTRY_NO_MATCH');
  await saveScreen(page, 'registration-refused-no-registry-match');
});
