/**
 * Portals as data (issue 16 part 1): a first start chooses the portal, the login page is that portal's, Settings
 * switches to the Beijing SME platform (a second server, TONGBAN_PORTAL=beijing-sme) and back, and SIP's draft is
 * still there while nothing of SIP's shows on Beijing's page.
 */
import { REGISTRATION_DRAFT_KEY } from '../../src-renderer/state/draft-keys';
import { expect, saveScreen, test } from './fixtures';

test.use({ firstStart: true });

test('first start chooses SIP, Settings switches to Beijing SME and back, each portal with its own page and drafts', async ({ page, client, portal, beijingPortal }) => {
  await page.goto(client.url);
  await expect(page.getByRole('heading', { name: '请选择要办理业务的平台' })).toBeVisible();
  const sipCard = page.getByTestId('portal-sip');
  await expect(sipCard.getByLabel('苏州工业园区一网通办服务器地址')).toHaveValue('https://one.sipac.gov.cn');
  await expect(page.getByTestId('portal-beijing-sme')).toContainText('所在城市：北京');
  await saveScreen(page, 'portals-first-start');

  // The address IT gave (here the test server); the server is asked which portal it is before it is taken.
  await sipCard.getByLabel('苏州工业园区一网通办服务器地址').fill(portal.url);
  await page.getByTestId('choose-sip').click();
  await expect(page.getByTestId('portal-name')).toHaveText('苏州工业园区一网通办');
  await expect(page.getByRole('tab', { name: '账号登录' })).toBeVisible();
  await expect(page.getByTestId('header-portal')).toHaveText('苏州工业园区一网通办');
  await expect(page.getByTestId('support-line')).toContainText('一网通办客服 0512-66680236');
  await saveScreen(page, 'portals-sip-login');

  // A registration draft of SIP's, as the wizard's autosave keeps it; the login page points back to it.
  await client.services.dispatch('drafts.save', { key: REGISTRATION_DRAFT_KEY, data: { enterprise: { address: '江苏省苏州市工业园区星湖街328号' } } });
  await page.reload();
  await expect(page.getByText('您有未完成的企业注册')).toBeVisible();

  await page.getByRole('button', { name: '设置' }).click();
  const beijingCard = page.getByTestId('portal-beijing-sme');
  // Pointed at SIP's server by mistake: told, and nothing switches.
  await beijingCard.getByLabel('北京市中小企业公共服务平台服务器地址').fill(portal.url);
  await page.getByTestId('choose-beijing-sme').click();
  await expect(beijingCard.getByText('该服务器不属于所选的平台。')).toBeVisible();
  await saveScreen(page, 'portals-wrong-server');

  await beijingCard.getByLabel('北京市中小企业公共服务平台服务器地址').fill(beijingPortal.url);
  await page.getByTestId('choose-beijing-sme').click();
  await expect(page.getByTestId('portal-name')).toHaveText('北京市中小企业公共服务平台');
  await expect(page.getByTestId('portal-login-pending')).toContainText('平台账号登录（手机号 + 密码）');
  // The header names the portal, and the platform's own sign-in is one click away (features/beijing).
  await expect(page.getByTestId('header-portal')).toHaveText('北京市中小企业公共服务平台');
  await expect(page.getByTestId('beijing-login-link')).toBeVisible();
  await expect(page.getByTestId('portal-flows')).toContainText('北京市企业认证（法人一证通）');
  // Nothing of SIP's: no SIP sign-in, no SIP draft, SIP's flows and contacts absent.
  await expect(page.getByRole('tab', { name: '账号登录' })).toHaveCount(0);
  await expect(page.getByText('您有未完成的企业注册')).toHaveCount(0);
  await expect(page.getByTestId('portal-flows')).not.toContainText('人才');
  await expect(page.getByTestId('support-line')).toContainText('一证通技术咨询 010-58511090');
  await expect(page.getByTestId('support-line')).not.toContainText('0512');
  await saveScreen(page, 'portals-beijing-login');

  await page.getByRole('button', { name: '切换平台' }).click();
  await expect(page.getByTestId('portal-beijing-sme')).toContainText('当前平台');
  await page.getByTestId('choose-sip').click();
  await expect(page.getByTestId('portal-name')).toHaveText('苏州工业园区一网通办');
  await expect(page.getByText('您有未完成的企业注册')).toBeVisible();
  await saveScreen(page, 'portals-back-to-sip');
});
