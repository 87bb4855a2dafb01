/**
 * Legacy hub accounts (企服平台账号, manual 000), end to end: staff import them in the console, a legacy user signs
 * in on the desktop before the cut-off (countdown banner), upgrades into the enterprise's existing one-stop
 * account, the one-stop sign-in shows the carried history; once the cut-off has passed, legacy sign-in is refused
 * with the way to upgrade, and the upgraded account is told its one-stop username.
 */
import type { Page } from '@playwright/test';
import { chinaDay, LEGACY_PASSWORD, legacyAccountsCsv, legacyHistoryCsv, STRONG_PASSWORD } from '../fixtures/scenario';
import { expect, saveScreen, test } from './fixtures';
import { signInToConsole } from './setup';

// Its own portal: the test moves the server's clock past the cut-off.
test.use({ world: 'legacy' });

const DAYS = 30;

/** From the login page: 企服平台账号登录, then the legacy account's sign-in. */
async function legacySignIn(page: Page, username: string, captchaAnswer: (id: string) => Promise<string>) {
  await page.getByTestId('legacy-login-link').click();
  await expect(page.getByRole('heading', { name: '企服平台账号登录' })).toBeVisible();
  await expect(page.getByTestId('legacy-registration-closed')).toContainText('企服平台已关闭新账号注册');
  await page.getByLabel('企服平台用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(LEGACY_PASSWORD);
  const captchaId = await page.getByTestId('captcha-image').getAttribute('data-captcha-id');
  await page.getByLabel('验证码', { exact: true }).fill(await captchaAnswer(captchaId!));
  await page.getByTestId('legacy-login-submit').click();
}

test('a legacy account signs in before the cut-off, upgrades, and is refused after it', async ({ page, portal, scene, caKey, client }) => {
  // A registration, the console and five desktop screens: longer than one screen's test on the 2-core CI machine.
  test.setTimeout(240_000);
  // The portal configured with a cut-off a month ahead (TONGBAN_LEGACY_CUTOFF), as the demo is.
  portal.app.services.config.legacyCutoff = chinaDay(DAYS);
  const e = await scene.enterprise(caKey('JSCA-RSA-0001'));
  await e.admin();
  const rows = [
    { uscc: e.uscc, enterpriseName: e.name, username: 'xinghe_admin', role: '管理员', displayName: '陈静', password: LEGACY_PASSWORD, items: ['subsidy'] },
    { uscc: e.uscc, enterpriseName: e.name, username: 'xinghe_late', role: '经办人', displayName: '刘洋', password: LEGACY_PASSWORD },
  ];
  const history = [
    { username: 'xinghe_admin', item: '人才招聘补贴', title: '2019年度高层次人才招聘补贴申报', date: '2019-09-02', status: '已拨付' },
    { username: 'xinghe_admin', item: '小型建设工程开工备案', title: '二号厂房装修开工备案', date: '2020-11-20', status: '已办结' },
  ];

  await test.step('staff import the legacy accounts and their history in the console', async () => {
    await portal.staffToken();
    await signInToConsole(page, portal.url, 'admin', portal.staffPassword, portal.captchaAnswer);
    await page.getByRole('link', { name: '企服平台账号' }).click();
    await expect(page.getByRole('heading', { name: '企服平台账号导入' })).toBeVisible();
    // A plain password instead of the hash: the whole file is refused, the line named.
    const plain = legacyAccountsCsv(rows).replace(/pbkdf2_sha256\$[^,]+,(?=[^\n]*$)/, 'abc123,');
    await page.getByTestId('legacy-accounts-file').setInputFiles({ name: 'accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(plain) });
    await page.getByTestId('legacy-import-submit').click();
    await expect(page.getByTestId('legacy-import-line')).toHaveText('账号文件第 3 行：密码哈希格式不符（须为 pbkdf2_sha256$…）');
    await saveScreen(page, 'legacy-console-import-refused');
    await page.getByTestId('legacy-accounts-file').setInputFiles({ name: 'accounts.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${legacyAccountsCsv(rows)}`) });
    await page.getByTestId('legacy-history-file').setInputFiles({ name: 'history.csv', mimeType: 'text/csv', buffer: Buffer.from(legacyHistoryCsv(history)) });
    await page.getByTestId('legacy-import-submit').click();
    await expect(page.getByTestId('legacy-import-done')).toHaveText('已导入 2 个账号，更新 0 个，跳过已升级 0 个；办件记录 2 条。');
    await saveScreen(page, 'legacy-console-import');
  });

  await test.step('the legacy account signs in on the desktop: countdown banner and its history', async () => {
    await page.goto(client.url);
    await legacySignIn(page, 'xinghe_admin', portal.captchaAnswer);
    const banner = page.getByTestId('legacy-countdown');
    await expect(banner).toHaveAttribute('data-days-left', String(DAYS));
    await expect(banner).toContainText(`还剩 ${DAYS} 天`);
    await expect(page.getByTestId('legacy-history')).toContainText('二号厂房装修开工备案');
    await expect(page.getByTestId('legacy-upgrade-intro')).toContainText('admin');
    await saveScreen(page, 'legacy-desktop-home');
  });

  await test.step('it upgrades into the enterprise\u2019s admin account, proved by signing in as admin', async () => {
    await page.getByLabel('一网通办用户名').fill('admin');
    await page.getByLabel('一网通办密码').fill('not-the-password');
    await page.getByTestId('legacy-upgrade-submit').click();
    await expect(page.getByRole('alert').filter({ hasText: 'LOGIN_FAILED' })).toContainText('用户名或密码错误');
    await page.getByLabel('一网通办密码').fill(STRONG_PASSWORD);
    await page.getByTestId('legacy-upgrade-submit').click();
    await expect(page.getByTestId('legacy-upgraded')).toContainText('一网通办账号“admin”');
    await expect(page.getByTestId('legacy-upgraded')).toContainText('2 条办件记录已迁移');
    await saveScreen(page, 'legacy-desktop-upgraded');
  });

  await test.step('the one-stop sign-in shows the carried history on Home', async () => {
    await page.getByTestId('legacy-to-login').click();
    await page.getByLabel('企业名称或统一社会信用代码').fill(e.uscc);
    await page.getByLabel('用户名', { exact: true }).fill('admin');
    await page.getByLabel('密码', { exact: true }).fill(STRONG_PASSWORD);
    const captchaId = await page.getByTestId('captcha-image').getAttribute('data-captcha-id');
    await page.getByLabel('验证码', { exact: true }).fill(await portal.captchaAnswer(captchaId!));
    await page.getByRole('button', { name: '登录', exact: true }).click();
    const carried = page.getByTestId('carried-history');
    await expect(carried).toContainText('2019年度高层次人才招聘补贴申报');
    await expect(carried).toContainText('xinghe_admin');
    await carried.scrollIntoViewIfNeeded();
    await saveScreen(page, 'legacy-desktop-carried-history');
    await page.getByRole('button', { name: '退出登录' }).click();
  });

  await test.step('after the cut-off, legacy sign-in is refused with the way to upgrade', async () => {
    portal.advanceClock((DAYS + 1) * 86_400);
    await expect(page.getByTestId('legacy-login-link')).toBeVisible();
    await legacySignIn(page, 'xinghe_late', portal.captchaAnswer);
    const refusal = page.getByRole('alert').filter({ hasText: 'LEGACY_LOGIN_CLOSED' });
    await expect(refusal).toContainText('企服平台旧账号登录已于截止日关闭');
    await expect(refusal).toContainText('请使用一网通办账号登录');
    await saveScreen(page, 'legacy-desktop-after-cutoff');
    // The upgraded account hears which one-stop account to use.
    await page.getByTestId('legacy-to-login').click();
    await legacySignIn(page, 'xinghe_admin', portal.captchaAnswer);
    await expect(page.getByRole('alert').filter({ hasText: 'LEGACY_ALREADY_UPGRADED' })).toContainText('该企服平台账号已升级为一网通办账号“admin”');
    await saveScreen(page, 'legacy-desktop-already-upgraded');
  });
});
