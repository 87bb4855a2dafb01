import type { Page } from '@playwright/test';
import { expect, saveScreen, test } from './fixtures';

// 电子营业执照 login (issue 14): the desk shows a one-time code, a "phone" (second page, mobile viewport) opens its
// link on SimulatedLicenceService (the demo licences: 李娜 is licence manager of 苏州执照示范科技有限公司), chooses
// who holds it and confirms; the desk lands signed in as that manager's admin account. An expired code is renewed
// with 刷新二维码, and a login refused on the phone is reported on the desk with a new code offered.
test.use({ world: 'elicence' });
test.describe.configure({ mode: 'serial' });

const ENTERPRISE = '苏州执照示范科技有限公司';
const MANAGER = '李娜';

/** The login page's 电子营业执照 tab, with its first code shown; returns the code's link (text in browser mode). */
async function openElicenceTab(page: Page, url: string): Promise<string> {
  await page.goto(url);
  await page.getByRole('tab', { name: '电子营业执照' }).click();
  await expect(page.getByTestId('elicence-state')).toContainText('等待扫码');
  return (await page.getByTestId('elicence-link').getAttribute('href'))!;
}

/** A phone: the mini-program's page on a mobile viewport, as whoever holds it, up to the confirmation question. */
async function scanAs(phone: Page, link: string, person: string) {
  await phone.goto(link);
  await phone.getByRole('link', { name: `我是 ${person}` }).click();
  await phone.getByRole('button', { name: new RegExp(`^${ENTERPRISE} · 证照管理员`) }).click();
  await expect(phone.getByRole('heading', { name: '登录确认' })).toBeVisible();
}

test('a licence manager scans with the phone, confirms, and the desk is signed in as that admin', async ({ page, client, browser }) => {
  const link = await openElicenceTab(page, client.url);
  await expect(page.getByTestId('elicence-qr')).toBeVisible();
  await saveScreen(page, 'elicence-1-code');

  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  await scanAs(phone, link, MANAGER);
  await saveScreen(phone, 'elicence-phone-confirm');
  await expect(page.getByTestId('elicence-state')).toContainText(`${MANAGER}（证照管理员）已扫码，请在手机上确认登录`);
  await saveScreen(page, 'elicence-2-scanned');

  await phone.getByRole('button', { name: '确认登录' }).click();
  await expect(phone.getByRole('heading', { level: 1 })).toBeVisible();
  await phoneContext.close();

  await expect(page.getByRole('heading', { name: `欢迎，${ENTERPRISE}` })).toBeVisible({ timeout: 15_000 });
  await saveScreen(page, 'elicence-3-signed-in');
  await page.getByRole('button', { name: '退出登录' }).click();
});

test('an expired code is renewed with 刷新二维码, and the new one works', async ({ page, client, portal, browser }) => {
  const first = await openElicenceTab(page, client.url);
  portal.advanceClock(3 * 60);
  await expect(page.getByTestId('elicence-state')).toContainText('二维码已过期', { timeout: 10_000 });
  await expect(page.getByTestId('elicence-qr')).toHaveCount(0);
  await saveScreen(page, 'elicence-4-expired');

  await page.getByRole('button', { name: '刷新二维码' }).click();
  await expect(page.getByTestId('elicence-state')).toContainText('等待扫码');
  const second = (await page.getByTestId('elicence-link').getAttribute('href'))!;
  expect(second).not.toBe(first);

  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const phone = await phoneContext.newPage();
  // The old code is dead on the phone too (the server refuses its scan); the new one reaches the confirmation.
  await phone.goto(first);
  await phone.getByRole('link', { name: `我是 ${MANAGER}` }).click();
  await phone.getByRole('button', { name: new RegExp(`^${ENTERPRISE} · 证照管理员`) }).click();
  await expect(phone.getByRole('heading', { name: '二维码已失效' })).toBeVisible();
  await scanAs(phone, second, MANAGER);
  await phone.getByRole('button', { name: '确认登录' }).click();
  await phoneContext.close();
  await expect(page.getByRole('heading', { name: `欢迎，${ENTERPRISE}` })).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: '退出登录' }).click();
});

test('refused on the phone: the desk says so and offers a new code', async ({ page, client, browser }) => {
  const link = await openElicenceTab(page, client.url);
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const phone = await phoneContext.newPage();
  await scanAs(phone, link, MANAGER);
  await phone.getByRole('button', { name: '拒绝' }).click();
  await phoneContext.close();

  await expect(page.getByTestId('elicence-state')).toContainText('已在手机上拒绝本次登录', { timeout: 10_000 });
  await saveScreen(page, 'elicence-5-refused');
  await page.getByRole('button', { name: '刷新二维码' }).click();
  await expect(page.getByTestId('elicence-state')).toContainText('等待扫码');
  await expect(page.getByTestId('elicence-qr')).toBeVisible();
});

const AGENT = '王芳';

test('an agent for the subsidy item sees only that item and loses it at the term’s end, without a new login', async ({ page, client, portal, browser }) => {
  // The demo agent's term ends in 2027; here it ends 20 minutes from the server's now (under the session's idle
  // limit, so it is the term that ends the session), then the server's clock passes it.
  const agent = portal.licence.data.licences.flatMap((l) => l.agents ?? []).find((a) => a.personId === 'sim-person-wang-fang-0003')!;
  agent.validUntil = new Date(portal.app.services.clock.now().getTime() + 20 * 60_000).toISOString();

  const link = await openElicenceTab(page, client.url);
  const phoneContext = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  await phone.goto(link);
  await phone.getByRole('link', { name: `我是 ${AGENT}` }).click();
  const choice = phone.getByRole('button', { name: new RegExp(`^${ENTERPRISE} · 办事人（高层次和紧缺人才招聘补贴，至 `) });
  await expect(choice).toBeVisible();
  await saveScreen(phone, 'elicence-phone-agent-licences');
  await choice.click();
  await phone.getByRole('button', { name: '确认登录' }).click();
  await phoneContext.close();

  await expect(page.getByRole('heading', { name: `欢迎，${ENTERPRISE}` })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('经办人', { exact: true }).first()).toBeVisible();
  await expect(page.getByLabel('可办理事项', { exact: true }).getByRole('heading', { level: 3 })).toHaveText(['高层次和紧缺人才招聘补贴']);
  await saveScreen(page, 'elicence-6-agent-items');

  portal.advanceClock(21 * 60);
  await page.getByRole('button', { name: '高层次和紧缺人才招聘补贴：我的申请' }).click();
  await expect(page.getByTestId('session-expired')).toContainText('您的电子营业执照办事授权已到期', { timeout: 10_000 });
  await saveScreen(page, 'elicence-7-agent-term-ended');
});

test('the card licence (电子营业执照（卡）) signs in with the CA key tab as its enterprise’s super, no password change asked', async ({ page, client, keys }) => {
  const card = keys.issued('ELIC-CARD-0001');
  await page.goto(client.url);
  await page.getByRole('tab', { name: 'CA 登录' }).click();
  const radio = page.getByRole('radiogroup', { name: '选择 CA 数字证书' }).getByRole('radio', { name: new RegExp(`${ENTERPRISE}.*电子营业执照（卡）|电子营业执照（卡）.*${ENTERPRISE}`) });
  await radio.check();
  await page.getByLabel('PIN 码', { exact: true }).fill(card.userPin);
  await saveScreen(page, 'elicence-8-card-key');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { name: `欢迎，${ENTERPRISE}` })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText('法定代表人（超级用户）', { exact: true }).first()).toBeVisible();
  await saveScreen(page, 'elicence-9-card-signed-in');
  await page.getByRole('button', { name: '退出登录' }).click();
});
