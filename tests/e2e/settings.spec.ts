import { expect, saveScreen, test } from './fixtures';

test('settings show the server in use, switch the language and keep extra driver paths', async ({ page, client, portal, keys }) => {
  test.setTimeout(120_000); // two token service restarts (driver paths saved, then cleared)
  await page.goto(client.url);
  await page.getByRole('button', { name: '设置' }).click();
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
  await expect(page.getByLabel('一网通办服务器地址')).toHaveValue(portal.url);

  await page.getByLabel('其他 CA 驱动（PKCS#11 库路径，每行一个）').fill(keys.modulePath);
  await page.getByLabel('界面语言').click();
  await page.getByTitle('English').click();
  await saveScreen(page, 'settings');
  await page.getByRole('button', { name: '保存' }).click();
  // Saving new driver paths restarts the token service, which loads every PKCS#11 module and looks at every slot
  // again before the save answers: seconds on a busy machine, more than expect's default.
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('Other CA drivers (PKCS#11 library paths, one per line)')).toHaveValue(keys.modulePath);
  // The keys are still there after the token service restarted with the new list.
  await expect(page.getByRole('status')).toHaveText(/\d+ CA key/);

  await page.getByLabel('Language').click();
  await page.getByTitle('简体中文').click();
  await page.getByLabel('Other CA drivers (PKCS#11 library paths, one per line)').fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible({ timeout: 30_000 });
});
