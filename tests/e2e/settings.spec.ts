import { expect, saveScreen, test } from './fixtures';

test('settings show the server in use, refuse http off this computer, list the drivers and switch the language', async ({ page, client, portal }) => {
  await page.goto(client.url);
  await page.getByRole('button', { name: '设置' }).click();
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
  const serverUrl = page.getByLabel('一网通办服务器地址');
  await expect(serverUrl).toHaveValue(portal.url);

  // Plain http to another machine is refused by the contract's rule, as typed and before anything is saved.
  await serverUrl.fill('http://portal.example');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('服务器地址须以 https:// 开头（仅本机调试可用 http://127.0.0.1）')).toBeVisible();
  await serverUrl.fill(portal.url);

  // The page names no driver: 添加驱动 asks main, which in browser mode has no dialog and says where drivers come from.
  await expect(page.getByText('未添加其他驱动。')).toBeVisible();
  await page.getByRole('button', { name: '添加驱动' }).click();
  await expect(page.getByText('浏览器模式下不能在此添加驱动。')).toBeVisible();
  await expect(page.getByText(/TONGBAN_PKCS11_MODULES/)).toBeVisible();
  await saveScreen(page, 'settings');

  await page.getByLabel('界面语言').click();
  await page.getByTitle('English').click();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add driver' })).toBeVisible();
  await page.getByLabel('Language').click();
  await page.getByTitle('简体中文').click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
});

test('the self-check tests the server on a line of its own and does not count SoftHSM\'s empty slot', async ({ page, client, portal }) => {
  await page.goto(client.url);
  await page.getByRole('button', { name: '检测不到CA？' }).first().click();
  await expect(page.getByRole('heading', { name: '检测不到CA？' })).toBeVisible();
  const server = page.getByTestId('check-server');
  await expect(server).toHaveAttribute('data-status', 'pass', { timeout: 30_000 });
  await expect(server).toContainText(`已连接 ${portal.url}`);
  await expect(server).toContainText('服务器版本');
  // SoftHSM's free slot has no label and is not initialised: only the provisioned keys are named.
  await expect(page.getByTestId('check-token')).toHaveAttribute('data-status', 'pass');
  await expect(page.getByTestId('check-token')).not.toContainText('SoftHSM slot');
  await saveScreen(page, 'self-check');
});
