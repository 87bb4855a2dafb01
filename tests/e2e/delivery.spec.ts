import { expect, saveScreen, test } from './fixtures';

// A desk whose IT department set group policy and deployed the MSI (issue 19): the server is locked at what IT
// seeded, the language and portal are IT's, and updates are IT's too.
test.use({ managedDesk: { policy: { AllowServerChange: false, Language: 'zh-CN', Portal: 'sip' }, update: { mode: 'it' } } });

test('settings mark what the organisation manages and say IT updates this installation', async ({ page, client, portal }) => {
  await page.goto(client.url);
  await page.getByRole('button', { name: '设置' }).click();
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
  const serverUrl = page.getByLabel('一网通办服务器地址');
  await expect(serverUrl).toHaveValue(portal.url);
  await expect(serverUrl).toBeDisabled();
  await expect(page.getByText('此项由单位 IT 通过组策略设置，不能在本机修改。')).toBeVisible();
  await expect(page.getByText('由您的组织管理')).toHaveCount(3); // portal, server, language
  // The managed portal, in Settings (the header names it too).
  await expect(page.getByRole('main').getByText('苏州工业园区一网通办')).toBeVisible();
  await expect(page.getByTestId('update-line')).toHaveText('由您的 IT 部门更新。');
  await saveScreen(page, 'settings-managed');
});
