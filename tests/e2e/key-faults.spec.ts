import type { Page } from '@playwright/test';
import { expect, saveScreen, test, type KeyFaults } from './fixtures';

// Issue 18 at CA login: keys and drivers as they really are, through the fault module (native/p11-faults) in front
// of this world's SoftHSM keys. The faults hit JSCA-RSA-0001 only; each test has its own token service.
test.use({ world: 'key-faults' });

const LABEL = 'JSCA-RSA-0001';
const faults = (f: KeyFaults['faults'], timeoutMs?: number): { keyFaults: KeyFaults } => ({ keyFaults: { faults: f, token: LABEL, ...(timeoutMs ? { timeoutMs } : {}) } });

/** The enterprise of LABEL, registered once per world (the tests that sign in need it). */
let registered: Promise<unknown> | null = null;

async function openCaLogin(page: Page, url: string, enterprise: string) {
  await page.goto(url);
  await page.getByRole('tab', { name: 'CA 登录' }).click();
  const panel = page.getByRole('tabpanel', { name: 'CA 登录' });
  const key = panel.getByRole('radiogroup', { name: '选择 CA 数字证书' }).getByRole('radio', { name: new RegExp(enterprise) });
  return { panel, key, pin: page.getByLabel('PIN 码', { exact: true }), submit: panel.getByRole('button', { name: '登录', exact: true }) };
}

test.describe('PIN states', () => {
  test.use(faults(['pin-final-try']));
  test('warns of the final try before typing; the wrong PIN locks the key, which then says where to unlock it', async ({ page, client, keys }) => {
    const { panel, key, pin, submit } = await openCaLogin(page, client.url, keys.issued(LABEL).enterpriseName);
    await key.check();
    await expect(panel.getByText('最后一次尝试，输错将锁定')).toBeVisible();
    await saveScreen(page, 'key-faults-final-try');
    await pin.fill('00000000');
    await submit.click();
    await expect(panel.getByText('USB Key 的 PIN 码已被锁定。').first()).toBeVisible();
    await expect(panel.getByTestId('unlock-contacts')).toHaveText('请携带 USB Key 到苏州工业园区一站式服务中心 3 楼 CA 窗口办理解锁；咨询电话：0512-68701110、025-96010。');
    await saveScreen(page, 'key-faults-locked');
    // Opened again, the locked key cannot be chosen and says where to unlock it before any PIN is typed (the
    // token's flags, as with the pin-locked fault; token-faults.test.ts covers that one through the service).
    const again = await openCaLogin(page, client.url, keys.issued(LABEL).enterpriseName);
    await expect(again.key).toBeDisabled();
    await expect(again.panel.getByTestId('unlock-contacts')).toContainText('0512-68701110');
  });
});

test.describe('a key pulled out while it signs', () => {
  test.use(faults(['remove-on-sign']));
  test('says so; what was typed in the form stays', async ({ page, client, keys }) => {
    const issued = keys.issued(LABEL);
    const { panel, key, pin, submit } = await openCaLogin(page, client.url, issued.enterpriseName);
    await key.check();
    await page.getByLabel('登录账号（选填）').fill('admin');
    await pin.fill(issued.userPin);
    await submit.click();
    await expect(panel.getByText('所选 USB Key 已拔出，请重新插入或选择其他证书。')).toBeVisible();
    await expect(page.getByLabel('登录账号（选填）')).toHaveValue('admin');
    await saveScreen(page, 'key-faults-pulled');
  });
});

for (const [name, fault, message] of [
  ['hangs', 'hang-on-sign=3', 'USB Key 响应超时。'],
  ['crashes', 'crash-on-sign', 'CA 驱动程序异常退出，证书服务已自动重启。'],
] as const) {
  test.describe(`a driver that ${name} once`, () => {
    test.use(faults([fault], 1_500));
    test('gives a retriable error with the PIN kept; the retry signs in', async ({ page, client, keys, scene, caKey }) => {
      const issued = keys.issued(LABEL);
      await (registered ??= scene.enterprise(caKey(LABEL)));
      const { panel, key, pin, submit } = await openCaLogin(page, client.url, issued.enterpriseName);
      await key.check();
      await pin.fill(issued.userPin);
      const started = Date.now();
      await submit.click();
      await expect(panel.getByText(message)).toBeVisible();
      expect(Date.now() - started).toBeLessThan(10_000);
      await expect(pin).toHaveValue(issued.userPin);
      await saveScreen(page, `key-faults-${name}`);
      if (fault === 'crash-on-sign') {
        // The self-check (in a second window: the first keeps its PIN) names the driver that crashed.
        const check = await page.context().newPage();
        await check.goto(client.url);
        await check.getByRole('button', { name: '检测不到CA？' }).last().click();
        await expect(check.getByTestId('check-driver-failure')).toHaveText(/^驱动 libp11faults\.so 于 \d\d:\d\d:\d\d 在CA 登录时异常退出，证书服务已自动重启。$/);
        await saveScreen(check, 'key-faults-crash-self-check');
        await check.close();
      }
      await panel.getByRole('button', { name: '重试' }).click();
      await expect(page.getByRole('heading', { name: '首次登录请修改密码' })).toBeVisible();
    });
  });
}
