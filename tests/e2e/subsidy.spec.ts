import type { Result } from '@shared/contract/result';
import { expect, saveScreen, test } from './fixtures';
import type { ScenarioEnterprise } from '../fixtures/scenario';
import { signInClient, signInOnDesktop, signInToConsole, STRONG_PASSWORD } from './setup';
import { scan } from './wizard';
import { uploadThroughClient } from '../fixtures/client-uploads';

// The talent subsidy across both desks: a handler's application on the desktop client, the reviewer's work in
// the staff console, and back. The long form is filled through the client's own draft API (what autosave writes);
// everything a person judges — the amounts, the signature, the comments beside the fields — goes through the UI.
test.describe.configure({ mode: 'serial' });

const KEY = 'SZCA-RSA-0003';
const ADMIN_MOBILE = '13600000003';
const CONTACT = { name: '赵六', mobile: '13600000099', email: 'hr@chenguang.example.cn' };
let enterprise: ScenarioEnterprise;
let clerkPassword = '';
let outsiderPassword = '';
let applicationId = '';

test('setup: a registered enterprise with a handler who holds the subsidy item and one who does not', async ({ scene, caKey }) => {
  enterprise = await scene.enterprise(caKey(KEY), { adminMobile: ADMIN_MOBILE });
  clerkPassword = (await enterprise.handlerAccount('jingban1', { mobile: '13600000013', permissions: ['subsidy'] })).initialPassword;
  outsiderPassword = (await enterprise.handlerAccount('jingban2', { mobile: '13600000023', permissions: [] })).initialPassword;
});

test('a handler without the permission does not see the subsidy item', async ({ page, client, portal }) => {
  await signInOnDesktop(page, client.url, enterprise.uscc, 'jingban2', outsiderPassword, portal.captchaAnswer);
  await expect(page.getByText('您的账号暂无可办理的事项', { exact: false })).toBeVisible();
  await expect(page.getByRole('button', { name: /高层次和紧缺人才招聘补贴/ })).toHaveCount(0);
  await saveScreen(page, 'subsidy-e2e-no-permission');
  await page.getByRole('button', { name: '退出登录' }).click();
});

test('the handler applies with two talents, sees the amount, and signs with the enterprise key', async ({ page, client, portal, keys }) => {
  // Two talents' eighteen files through the client, two pages through the form, a restart and a signature.
  test.setTimeout(240_000);
  await signInOnDesktop(page, client.url, enterprise.uscc, 'jingban1', clerkPassword, portal.captchaAnswer);
  await expect(page.getByRole('button', { name: '高层次和紧缺人才招聘补贴：在线办理' })).toBeVisible();

  // The draft a clerk would have typed, written through the same API autosave uses.
  const call = async <T>(method: string, input: unknown) => {
    const r = (await client.services.dispatch(method, input)) as Result<T>;
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  const upload = async (requirement: string) => {
    const file = scan(requirement);
    const up = await uploadThroughClient((m, i) => client.services.dispatch(m, i) as Promise<Result<unknown>>, { purpose: 'subsidy', requirement, fileName: file.name, bytes: file.buffer });
    if (!up.ok) throw new Error(`upload: ${JSON.stringify(up.error)}`);
    const ref = up.value;
    return { requirement, sha256: ref.sha256, size: ref.size, mediaType: ref.mediaType };
  };
  const perTalent = ['idDocument', 'diploma', 'laborContract', 'socialInsurance', 'invoice', 'paymentProof'];
  const talent = async (overrides: Record<string, unknown>) => ({
    name: '陈七', idType: 'residentId', idNumber: '11010519491231002X', nationality: '中国', education: 'doctorate', degree: 'doctor',
    school: '南京大学', major: '材料科学', graduationDate: '2020-06-30', title: '高级工程师', position: '研发总监', category: 'highLevel',
    hireDate: '2026-03-01', contractStart: '2026-03-01', contractEnd: '2029-02-28', annualSalaryFen: 60_000_000,
    socialInsuranceStartMonth: '2026-03', socialInsuranceMonths: 6, recruitmentChannel: 'headhunting',
    headhunter: { name: '苏州某某人力资源有限公司', uscc: '91320594MA1MXK3R3C' }, feePaidFen: 6_000_000, invoiceNumber: '32002600001',
    paymentDate: '2026-03-15', priorSubsidy: { received: false, note: '' },
    attachments: await Promise.all(perTalent.map(upload)),
    ...overrides,
  });
  const created = await call<{ id: string }>('subsidy.create', { form: {} });
  applicationId = created.id;
  await call('subsidy.saveDraft', {
    applicationId,
    form: {
      contact: CONTACT,
      talents: [await talent({}), await talent({ name: 'John Smith', idType: 'passport', idNumber: 'E12345678', nationality: '英国', feePaidFen: 12_345_679, invoiceNumber: '32002600002' })],
      attachments: await Promise.all(['businessLicence', 'applicationForm', 'headhuntingContract'].map(upload)),
    },
  });

  await page.getByRole('button', { name: '高层次和紧缺人才招聘补贴：我的申请' }).click();
  await page.getByRole('button', { name: `查看申请 ${applicationId.slice(0, 8).toUpperCase()}` }).click();
  await page.getByRole('button', { name: '继续填写' }).click();
  // 50% of ¥60,000 and of ¥123,456.79, each capped at ¥50,000: ¥30,000 + ¥50,000.
  await expect(page.getByTestId('subsidy-total')).toContainText('80,000.00');
  await expect(page.getByRole('region', { name: '引进人才 2' }).getByLabel('发票号码', { exact: true })).toHaveValue('32002600002');
  await saveScreen(page, 'subsidy-e2e-form');

  // A degree certificate of two pages (walk-through item 15): the file written through the API goes, two pages are
  // added in one choice, each with its name; after a restart, once the server's draft is the newer one, the names
  // are still the clerk's.
  const diploma = page.getByTestId('talent-0-upload-diploma');
  await diploma.getByTestId('talent-0-upload-diploma-file-0').getByRole('button', { name: /^删除/ }).click();
  await expect(diploma).toHaveAttribute('data-files', '0');
  await page.getByTestId('talent-0-upload-diploma-input').setInputFiles([scan('学位证-第1页'), scan('学位证-第2页')]);
  await expect(diploma).toHaveAttribute('data-files', '2');
  await expect(diploma.getByTestId('talent-0-upload-diploma-file-0')).toContainText('学位证-第1页.pdf');
  await expect(diploma.getByTestId('talent-0-upload-diploma-file-1')).toContainText('学位证-第2页.pdf');
  await saveScreen(page, 'subsidy-e2e-two-files');
  const diplomas = async () => {
    const app = await call<{ form: { talents?: { attachments?: { requirement: string }[] }[] } }>('subsidy.get', { applicationId });
    return (app.form.talents?.[0]?.attachments ?? []).filter((a) => a.requirement === 'diploma').length;
  };
  await expect.poll(diplomas, { timeout: 20_000 }).toBe(2);
  // A restart: Home leads back to the draft, read again from the server and this PC's store.
  await page.reload();
  await page.getByTestId('draft-banner').getByRole('button', { name: '继续填写' }).click();
  await expect(diploma.getByTestId('talent-0-upload-diploma-file-0')).toContainText('学位证-第1页.pdf');
  await expect(diploma.getByTestId('talent-0-upload-diploma-file-1')).toContainText('学位证-第2页.pdf');
  await saveScreen(page, 'subsidy-e2e-two-files-reopened');

  const key = keys.issued(KEY);
  await page.getByRole('radiogroup', { name: '选择 CA 数字证书' }).getByRole('radio', { name: new RegExp(enterprise.name) }).check();

  // A mistake far above the submit button (walk-through item 3): the refused submit takes the clerk to the field,
  // and the summary beside the button links to it.
  const contactName = page.getByLabel('联系人姓名', { exact: true });
  await contactName.fill('');
  await page.getByRole('button', { name: '签名并提交' }).click();
  await expect(contactName).toBeFocused();
  const summary = page.getByTestId('problem-summary');
  await expect(summary.getByRole('button')).toHaveText(['联系人姓名']);
  await saveScreen(page, 'subsidy-e2e-problem-summary');
  await page.getByRole('button', { name: '签名并提交' }).focus();
  await summary.getByRole('button', { name: '联系人姓名' }).click();
  await expect(contactName).toBeFocused();
  await contactName.fill(CONTACT.name);
  await expect(summary).toHaveCount(0);

  await page.getByLabel('PIN 码', { exact: true }).fill(key.userPin);
  await page.getByRole('button', { name: '签名并提交' }).click();
  await expect(page.getByTestId('subsidy-status')).toContainText('已提交');
  await saveScreen(page, 'subsidy-e2e-submitted');
  // Both pages were filed.
  expect(await diplomas()).toBe(2);
});

test('the reviewer returns it with a comment on one field, in the staff console', async ({ page, portal }) => {
  await signInToConsole(page, portal.url, 'admin', portal.staffPassword, portal.captchaAnswer);
  await page.getByRole('link', { name: `查看 ${enterprise.name} 的申请` }).click();
  await expect(page.getByRole('region', { name: '审核操作' })).toBeVisible();
  await page.getByRole('button', { name: '退回', exact: true }).click();
  await page.getByRole('button', { name: '添加字段意见' }).click();
  // The list of fields is long (searchable, virtualised): type to find it, as a reviewer would.
  // Wait for the filter to settle on the one option before clicking it, and see it chosen: on a slow machine a
  // click once landed on a list that was still re-rendering and chose nothing.
  const fieldPicker = page.getByRole('combobox', { name: '第 1 条字段意见的字段' });
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '人才2 · 发票号码' });
  const chosen = page.getByRole('dialog', { name: '退回' }).getByText('人才2 · 发票号码').filter({ visible: true });
  await expect(async () => {
    await fieldPicker.fill('人才2 · 发票号码');
    await expect(option).toHaveCount(1, { timeout: 2000 });
    await option.click({ timeout: 2000 });
    await expect(chosen).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await page.getByRole('textbox', { name: '第 1 条字段意见' }).fill('发票号码与发票不一致');
  await page.getByRole('textbox', { name: '总体意见' }).fill('请补正后重新提交');
  await saveScreen(page, 'subsidy-e2e-console-return');
  await page.getByRole('button', { name: '确认退回' }).click();
  await expect(page.getByText('已退回。')).toBeVisible();
});

test('the handler sees the comment beside the field, fixes it and signs again', async ({ page, client, portal, keys }) => {
  await signInClient(client.services, portal, enterprise.uscc, 'jingban1');
  await page.goto(client.url);
  await page.getByRole('button', { name: '高层次和紧缺人才招聘补贴：我的申请' }).click();
  await page.getByRole('button', { name: `查看申请 ${applicationId.slice(0, 8).toUpperCase()}` }).click();
  await page.getByRole('button', { name: '修改并重新提交' }).click();
  await expect(page.getByTestId('comment-talent-1-invoiceNumber')).toContainText('发票号码与发票不一致');
  await saveScreen(page, 'subsidy-e2e-returned-comment');
  await page.getByRole('region', { name: '引进人才 2' }).getByLabel('发票号码', { exact: true }).fill('32002600099');
  const key = keys.issued(KEY);
  await page.getByRole('radiogroup', { name: '选择 CA 数字证书' }).getByRole('radio', { name: new RegExp(enterprise.name) }).check();
  await page.getByLabel('PIN 码', { exact: true }).fill(key.userPin);
  await page.getByRole('button', { name: '签名并重新提交' }).click();
  await expect(page.getByTestId('subsidy-status')).toContainText('已重新提交');
  expect(await portal.lastSms(CONTACT.mobile)).toMatch(/重新提交|已提交|提交/);
});

test('the reviewer approves, publicity starts, and the contact hears of every step', async ({ page, portal }) => {
  await signInToConsole(page, portal.url, 'admin', portal.staffPassword, portal.captchaAnswer);
  await page.getByRole('link', { name: `查看 ${enterprise.name} 的申请` }).click();
  await expect(page.getByText('人才2 · 发票号码').first()).toBeVisible();
  await page.getByRole('button', { name: '批准', exact: true }).click();
  await page.getByRole('button', { name: '确认批准' }).click();
  await expect(page.getByText('已批准。')).toBeVisible();
  await page.getByRole('button', { name: '开始公示', exact: true }).click();
  await page.getByRole('button', { name: '确认开始公示' }).click();
  await expect(page.getByText('已开始公示。')).toBeVisible();
  await expect(page.getByText('公示中').first()).toBeVisible();
  await saveScreen(page, 'subsidy-e2e-console-publicity');

  expect(await portal.lastSms(CONTACT.mobile)).toMatch(/公示/);
  const mails = portal.mails().filter((m) => m.to.includes(CONTACT.email));
  expect(mails.length).toBeGreaterThanOrEqual(4); // submitted, returned, resubmitted, approved, publicity
  expect(mails.some((m) => m.text.includes('退回'))).toBe(true);
  expect(mails.some((m) => m.text.includes('公示'))).toBe(true);
});

test('the administrator grants and revokes the item for a handler on the accounts page', async ({ page, client, portal, scene }) => {
  await page.goto(client.url);
  await page.getByLabel('企业名称或统一社会信用代码').fill(enterprise.uscc);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码', { exact: true }).fill(STRONG_PASSWORD);
  const captchaId = await page.getByTestId('captcha-image').getAttribute('data-captcha-id');
  await page.getByLabel('验证码', { exact: true }).fill(await portal.captchaAnswer(captchaId!));
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('button', { name: '账号与权限管理' }).click();
  await expect(page.getByRole('table', { name: '企业账号' })).toContainText('jingban2');
  await expect(page.getByRole('table', { name: '企业账号' })).toContainText('136****0023');

  const outsider = page.getByRole('switch', { name: 'jingban2：高层次和紧缺人才招聘补贴' });
  await expect(outsider).not.toBeChecked();
  await outsider.click();
  await expect(outsider).toBeChecked();
  await saveScreen(page, 'accounts-granted');
  // The portal agrees: jingban2 now holds the item (its password was changed in the UI test above).
  const { token } = await scene.signIn(enterprise.uscc, 'jingban2');
  const items = (await (await fetch(`${portal.url}/api/enterprises/${enterprise.enterpriseId}/service-items`, { headers: { authorization: `Bearer ${token}` } })).json()) as { items: { item: string }[] };
  expect(items.items.map((i) => i.item)).toEqual(['subsidy']);

  await outsider.click();
  await expect(outsider).not.toBeChecked();
  await page.getByRole('button', { name: '退出登录' }).click();
});
