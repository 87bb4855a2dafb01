import { expect, saveScreen, test } from './fixtures';

// Issue 21 item 5 at CA login, in a world of its own (its keys and portal are nobody else's): no guess among several
// keys, the key used last on this PC preselected after a restart, and a pulled key said, with why the button waits.
test.use({ world: 'keys' });

test('preselects the key last used on this PC and says when it is pulled out', async ({ page, client, keys, scene, caKey }) => {
  const key = keys.issued('JSCA-RSA-0001');
  const enterprise = key.enterpriseName;
  await scene.enterprise(caKey('JSCA-RSA-0001'));

  await page.goto(client.url);
  await page.getByRole('tab', { name: 'CA 登录' }).click();
  const panel = page.getByRole('tabpanel', { name: 'CA 登录' });
  const keyRadio = panel.getByRole('radiogroup', { name: '选择 CA 数字证书' }).getByRole('radio', { name: new RegExp(enterprise) });
  // Several usable keys and none used here before: none is chosen for the clerk, and the button says why it waits.
  await expect(keyRadio).not.toBeChecked();
  await expect(panel.getByTestId('key-sign-why')).toHaveText('请先选择证书。');
  await expect(panel.getByRole('button', { name: '登录', exact: true })).toBeDisabled();
  await saveScreen(page, 'keys-login-none-chosen');

  await keyRadio.check();
  await page.getByLabel('PIN 码', { exact: true }).fill(key.userPin);
  await panel.getByRole('button', { name: '登录', exact: true }).click();
  // Signed in (the scenario left the initial password, so the change is asked first).
  await expect(page.getByRole('heading', { name: '首次登录请修改密码' })).toBeVisible();
  await page.getByRole('button', { name: '退出登录' }).click();

  // Another day: the client opened again remembers the key (its fingerprint only) and chooses it.
  await page.reload();
  await page.getByRole('tab', { name: 'CA 登录' }).click();
  await expect(keyRadio).toBeChecked();
  await expect(page.getByLabel('PIN 码', { exact: true })).toHaveValue('');
  await saveScreen(page, 'keys-login-preselected');

  // Pulled out: said in words, and the button says why it is disabled.
  await keys.removeToken(key.label);
  try {
    await expect(panel.getByText('所选 USB Key 已拔出，请重新插入或选择其他证书。')).toBeVisible();
    await expect(panel.getByTestId('key-sign-why')).toHaveText('所选 USB Key 已拔出，请重新插入。');
    await expect(panel.getByRole('button', { name: '登录', exact: true })).toBeDisabled();
    await saveScreen(page, 'keys-login-pulled');
  } finally {
    await keys.restoreToken(key.label);
  }
  // Plugged back in, it is chosen again.
  await expect(keyRadio).toBeChecked();
});
