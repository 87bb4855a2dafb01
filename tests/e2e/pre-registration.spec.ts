import { expect, type Page } from '@playwright/test';
import { REGISTRY_ID_NUMBER } from '../fixtures/portal';
import { newIdentity } from '../fixtures/scenario/keys';
import { SimulatedIdentityVerifier } from '../../src-server/verification/identity';
import { ADDRESS, LEGAL_REPRESENTATIVE, saveScreen, test } from './fixtures';
import { signInToConsole } from './setup';
import { scan } from './wizard';

// Online pre-registration across both desks, with one desktop client whose local store keeps the request: the
// clerk submits without a key, support staff refuse it with a reason in the console, the clerk (reopening the
// client) sees the reason, corrects and resubmits the same request, staff approve, and the admin signs in with the
// password from the SMS.
const REP_MOBILE = '13912340001';
const ADMIN_MOBILE = '13812341234';
const REQUIREMENTS = ['businessLicence', 'adminIdFront', 'adminIdBack', 'adminFilingSheet', 'registrationTable', 'agreement', 'authorisationLetter'] as const;

/** 成为新用户 → the registration start page (every way in) → 线上预注册. */
async function openPreRegistration(page: Page) {
  await page.getByRole('button', { name: '成为新用户' }).click();
  await page.getByTestId('way-pre-registration').getByRole('button', { name: '线上预注册' }).click();
}
const next = (page: Page) => page.getByRole('button', { name: '下一步' }).click();
const step = (page: Page, name: string) => expect(page.getByRole('heading', { level: 3, name })).toBeVisible();
/** The screen as read, with the pointer off the button it just pressed (a hovered colour is not what people read). */
async function shot(page: Page, name: string) {
  await page.mouse.move(0, 0);
  await saveScreen(page, name);
}

test('a pre-registration refused, corrected, approved, then the admin logs in', async ({ page, client, portal, browser }) => {
  test.setTimeout(360_000);
  const enterprise = newIdentity();
  await portal.importRegistry([{ uscc: enterprise.uscc, name: enterprise.name, legalRepresentative: LEGAL_REPRESENTATIVE, address: ADDRESS }]);
  const identity = portal.app.services.identity;
  if (!(identity instanceof SimulatedIdentityVerifier)) throw new Error('the portal must run the simulated identity service');
  identity.addPerson({ name: LEGAL_REPRESENTATIVE, idNumber: REGISTRY_ID_NUMBER, mobile: REP_MOBILE });

  // ── The clerk, without a key ──
  await page.goto(client.url);
  await openPreRegistration(page);
  await expect(page.getByRole('heading', { name: '线上预注册' })).toBeVisible();
  const origin = page.getByRole('radiogroup', { name: '企业法定代表人是' });
  await origin.getByRole('radio', { name: '外籍人士' }).check();
  await expect(page.getByRole('alert')).toContainText('暂不支持线上预注册');
  await expect(page.getByRole('alert')).toContainText('二楼52号窗口');
  await expect(page.getByRole('button', { name: '下一步' })).toBeDisabled();
  await shot(page, 'prereg-1-origin-foreign');
  await origin.getByRole('radio', { name: /中国大陆居民/ }).check();
  await next(page);

  await step(page, '填写信息');
  await page.getByLabel('统一社会信用代码').fill(enterprise.uscc);
  await page.getByLabel('企业名称', { exact: true }).fill(enterprise.name);
  await page.getByLabel('企业地址').fill(ADDRESS);
  await page.getByLabel('法定代表人姓名').fill(LEGAL_REPRESENTATIVE);
  await page.getByLabel('法定代表人身份证号码').fill(REGISTRY_ID_NUMBER);
  // A virtual operator's number: the carrier check refuses it at submission.
  await page.getByLabel('法定代表人手机号码').fill('17012340001');
  await page.getByLabel('管理员姓名').fill('王喆');
  await page.getByLabel('管理员身份证号码').fill('11010519491231002X');
  await page.getByLabel('管理员手机号码').fill(ADMIN_MOBILE);
  await shot(page, 'prereg-2-form');
  await next(page);

  await step(page, '下载表单');
  await page.getByRole('button', { name: '生成表单' }).click();
  await expect(page.getByTitle('注册表单预览')).toBeVisible();
  await shot(page, 'prereg-3-print');
  await next(page);

  await step(page, '上传材料');
  for (const r of REQUIREMENTS) await page.getByTestId(`prereg-upload-input-${r}`).setInputFiles(scan(r));
  await expect(page.getByText('已上传', { exact: true })).toHaveCount(REQUIREMENTS.length);
  await shot(page, 'prereg-4-upload');
  await next(page);

  await step(page, '提交');
  await page.getByTestId('prereg-submit').click();
  const carrier = page.getByRole('alert').filter({ hasText: '不在省运营商体系中' });
  await expect(carrier).toContainText('PRE_REGISTRATION_CARRIER_UNKNOWN');
  await expect(carrier).toContainText('0512-66680236');
  await shot(page, 'prereg-5-refused-carrier');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '上一步' }).click();
  await step(page, '填写信息');
  await page.getByLabel('法定代表人手机号码').fill(REP_MOBILE);
  for (let i = 0; i < 3; i++) await next(page);
  await page.getByTestId('prereg-submit').click();
  await expect(page.getByTestId('prereg-status')).toHaveAttribute('data-status', 'submitted');
  await expect(page.getByText('审核中', { exact: true })).toBeVisible();
  await shot(page, 'prereg-6-under-review');

  // ── Support staff refuse it with a reason ──
  // A context of its own (axe, run on every saved screen, needs one), as a staff member's browser would be.
  const staffBrowser = await browser.newContext();
  const consolePage = await staffBrowser.newPage();
  await signInToConsole(consolePage, portal.url, 'admin', portal.staffPassword, portal.captchaAnswer);
  await consolePage.getByRole('link', { name: '预注册审核' }).click();
  await consolePage.getByRole('link', { name: `打开 ${enterprise.name} 的预注册申请` }).click();
  await expect(consolePage.getByRole('heading', { name: enterprise.name })).toBeVisible();
  await consolePage.getByRole('button', { name: '查看 营业执照' }).click();
  await expect(consolePage.getByTitle('营业执照')).toBeVisible();
  await shot(consolePage, 'prereg-console-1-scan');
  await consolePage.getByRole('button', { name: '关闭预览' }).click();
  await shot(consolePage, 'prereg-console-2-request');
  await consolePage.getByRole('button', { name: '退回', exact: true }).click();
  const refuse = consolePage.getByRole('dialog', { name: '退回' });
  await refuse.getByLabel('退回原因').fill('授权委托书缺少法定代表人签字，请补签后重新上传');
  await shot(consolePage, 'prereg-console-3-refuse');
  await refuse.getByRole('button', { name: '退回', exact: true }).click();
  await expect(consolePage.getByText('退回原因：授权委托书缺少法定代表人签字')).toBeVisible();

  // ── The clerk reopens Tongban: the request is kept, the reason shown; the same request is corrected ──
  await page.reload();
  await openPreRegistration(page);
  await expect(page.getByTestId('prereg-status')).toHaveAttribute('data-status', 'refused');
  await expect(page.getByTestId('prereg-refusal')).toHaveText('退回原因：授权委托书缺少法定代表人签字，请补签后重新上传');
  await shot(page, 'prereg-7-refused');
  await page.getByRole('button', { name: '修改后重新提交' }).click();
  await step(page, '填写信息');
  await expect(page.getByLabel('统一社会信用代码')).not.toBeEditable();
  await page.getByLabel('管理员姓名').fill('王喆喆');
  await next(page);
  await next(page);
  await step(page, '上传材料');
  await page.getByTestId('prereg-upload-input-authorisationLetter').setInputFiles(scan('authorisationLetter-signed'));
  await expect(page.getByText('已上传', { exact: true })).toHaveCount(REQUIREMENTS.length);
  await next(page);
  await page.getByTestId('prereg-submit').click();
  await expect(page.getByTestId('prereg-status')).toHaveAttribute('data-status', 'resubmitted');
  await shot(page, 'prereg-8-resubmitted');

  // ── Staff approve: the enterprise and its accounts exist, the passwords go by SMS ──
  await consolePage.reload();
  await expect(consolePage.getByText('修改后待审核')).toBeVisible();
  await consolePage.getByRole('button', { name: '审核通过' }).click();
  const approve = consolePage.getByRole('dialog', { name: '审核通过' });
  await expect(approve).toContainText(ADMIN_MOBILE);
  await shot(consolePage, 'prereg-console-4-approve');
  await approve.getByRole('button', { name: '审核通过' }).click();
  await expect(consolePage.getByText('已通过', { exact: true }).first()).toBeVisible();
  await shot(consolePage, 'prereg-console-5-approved');
  await staffBrowser.close();

  await page.getByRole('button', { name: '刷新' }).click();
  await expect(page.getByTestId('prereg-status')).toHaveAttribute('data-status', 'approved');
  await expect(page.getByText(/初始密码已通过短信发送至 138\*\*\*\*1234/)).toBeVisible();
  await shot(page, 'prereg-9-approved');

  // ── The admin signs in with the SMS password ──
  const password = /管理员账号\(admin\)，密码\(([^)]+)\)/.exec(await portal.lastSms(ADMIN_MOBILE))![1]!;
  await page.getByRole('button', { name: '前往登录' }).click();
  await page.getByLabel('企业名称或统一社会信用代码').fill(enterprise.uscc);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(password);
  const captchaId = await page.getByTestId('captcha-image').getAttribute('data-captcha-id');
  await page.getByLabel('验证码', { exact: true }).fill(await portal.captchaAnswer(captchaId!));
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('heading', { name: '首次登录请修改密码' })).toBeVisible();
  await shot(page, 'prereg-10-admin-first-login');
});
