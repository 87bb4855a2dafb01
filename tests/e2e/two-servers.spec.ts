import { expect, saveScreen, test } from './fixtures';
import { signInOnDesktop } from './setup';

// Two servers on one PostgreSQL database and one data directory behind a round-robin proxy (issue 20): every
// request goes to the other server than the one before, so the captcha is answered, the session used and the new
// account read on a server other than the one that made them. The whole suite runs this way with
// TONGBAN_E2E_SERVERS=2; CI runs this one journey.
test.use({ world: 'two-servers', servers: 2 });

test('a super signs in and adds an administrator through two servers taking turns', async ({ page, client, portal, scene, caKey }) => {
  const enterprise = await scene.enterprise(caKey('JSCA-EC-0002'), { adminMobile: '13800000091' });
  await signInOnDesktop(page, client.url, enterprise.uscc, 'super', enterprise.superPassword, portal.captchaAnswer);
  await page.getByRole('button', { name: '账号与权限管理' }).click();
  const form = page.getByRole('form', { name: '新增经办人' });
  await form.getByRole('radio', { name: '管理员' }).check();
  await form.getByLabel('登录账号').fill('guanli3');
  await form.getByLabel('姓名').fill('周八');
  await form.getByLabel('手机号码').fill('13800000092');
  await page.getByRole('button', { name: '新增账号' }).click();
  await expect(page.getByRole('table', { name: '企业账号' }).getByRole('row', { name: /guanli3/ })).toContainText('管理员');
  await saveScreen(page, 'two-servers-admin-added');
  // Both servers answered, about half each.
  const [first, second] = portal.served!;
  expect(Math.min(first!, second!)).toBeGreaterThan(10);
  expect(Math.abs(first! - second!)).toBeLessThanOrEqual(1);
});
