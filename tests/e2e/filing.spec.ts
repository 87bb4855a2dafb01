import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { cmsParts, cutSignatures, opensslTsVerify } from '../fixtures/pdf-signature-checks';
import { startTsa } from '../fixtures/tsa';
import { expect, saveScreen, test } from './fixtures';
import { signInOnDesktop, signInToConsole } from './setup';
import { scan } from './wizard';

// 小型建设工程开工备案 across both desks (issue 15): on the desktop a handler reads the guide, fills the form, uploads
// the materials, generates the application PDF, previews it, signs it with the enterprise's key (PAdES) and submits;
// the reviewer sees the signature panel in the console and returns it; the handler fixes, generates and signs again,
// resubmits; the reviewer approves. Everything a person does goes through the screens. The clerk's Settings name a
// local RFC 3161 TSA (`openssl ts -reply`), so the signature is PAdES B-T.
test.use({ world: 'filing' });

const KEY = 'JSCA-RSA-0001';
const run = promisify(execFile);

async function fillForm(page: Page, uscc: string) {
  const fill = (label: string, value: string) => page.getByLabel(label, { exact: true }).fill(value);
  await fill('联系人姓名', '赵六');
  await fill('联系人手机号码', '13700001234');
  await fill('联系人电子邮箱', 'hr@example.com');
  await fill('工程名称', '独墅湖厂区门卫室改建工程');
  await fill('工程地址', '苏州工业园区星湖街 328 号');
  await fill('规划许可证号', '建字第320594202600123号');
  await page.getByLabel('结构类型', { exact: true }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '框架结构' }).click();
  await fill('建筑面积（平方米）', '180.5');
  await fill('工程造价（元）', '250000');
  await fill('计划开工日期', '2027-01-10');
  await fill('计划竣工日期', '2027-04-30');
  await fill('建设单位', '苏州测试建设有限公司');
  await fill('建设单位统一社会信用代码', uscc);
  await fill('施工单位', '江苏示例建筑工程有限公司');
  await fill('施工单位统一社会信用代码', uscc);
  await fill('施工合同编号', 'SG-2026-118');
  await fill('项目负责人', '钱八');
  await fill('项目负责人手机', '13800005678');
  for (const r of ['planningPermit', 'constructionContract', 'constructionDrawings', 'safetyCommitment']) {
    await page.getByTestId(`upload-${r}-input`).setInputFiles(scan(r));
    await expect(page.getByTestId(`upload-${r}`)).toHaveAttribute('data-files', '1');
  }
  // Main reports a finished upload twice (event and answer): it is listed once, without a "twice" warning.
  await expect(page.getByText('同一文件在此项材料中上传了两次')).toHaveCount(0);
}

async function generateAndSign(page: Page, enterpriseName: string, pin: string) {
  await page.getByTestId('filing-generate').click();
  await expect(page.getByTestId('filing-pdf-preview').locator('iframe')).toBeVisible();
  const keys = page.getByRole('radiogroup', { name: '选择 CA 数字证书' });
  await keys.getByRole('radio', { name: new RegExp(enterpriseName) }).check();
  await page.getByLabel('PIN 码', { exact: true }).fill(pin);
  await page.getByTestId('filing-sign').getByRole('button', { name: '签章（江苏CA）' }).click();
  await expect(page.getByTestId('filing-pdf-signed')).toBeVisible();
  await expect(page.getByTestId('filing-pdf-level')).toContainText('已加盖可信时间戳');
}

test('a filing goes from the guide to approval, signed with the key and returned once on the way', async ({ page, client, portal, scene, caKey, keys }) => {
  test.setTimeout(180_000);
  const enterprise = await scene.enterprise(caKey(KEY), { adminMobile: '13600000015' });
  const { initialPassword } = await enterprise.handlerAccount('beian1', { mobile: '13600000016', permissions: ['constructionFiling'] });
  const key = keys.issued(KEY);
  const tsa = await startTsa();

  // IT (or the clerk) names the time-stamp service in 设置; the rule is the server URL's.
  await page.goto(client.url);
  await page.getByRole('button', { name: '设置' }).click();
  await page.getByLabel('时间戳服务地址（用于 PDF 签章）').fill(tsa.url);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('设置已保存')).toBeVisible();
  await page.getByRole('button', { name: '返回' }).click();

  await signInOnDesktop(page, client.url, enterprise.uscc, 'beian1', initialPassword, portal.captchaAnswer);
  await page.getByRole('button', { name: '小型建设工程开工备案：在线办理' }).click();
  await expect(page.getByRole('heading', { name: '小型建设工程开工备案 · 办事指南' })).toBeVisible();
  await expect(page.getByText('承诺时限：5个工作日', { exact: false })).toBeVisible();
  await page.getByTestId('filing-guide-confirm').check();
  await page.getByTestId('filing-guide-start').click();

  await expect(page.getByRole('heading', { name: '小型建设工程开工备案', exact: true })).toBeVisible();
  // Generating before the form is complete points at what is missing.
  await page.getByTestId('filing-generate').click();
  await expect(page.getByTestId('problem-summary')).toBeVisible();
  await fillForm(page, enterprise.uscc);
  await expect(page.getByTestId('problem-summary')).toHaveCount(0);
  await saveScreen(page, 'filing-e2e-form');

  await generateAndSign(page, enterprise.name, key.userPin);
  await saveScreen(page, 'filing-e2e-pdf-preview');
  // The signed PDF as the clerk downloads it: poppler finds the signature valid, and its first page is kept beside
  // the screenshots (the browser's own PDF viewer draws nothing headless).
  const work = await mkdtemp(path.join(os.tmpdir(), 'tongban-filing-e2e-'));
  const download = page.waitForEvent('download');
  await page.getByTestId('filing-pdf-download').click();
  const signedPdf = path.join(work, 'signed.pdf');
  await (await download).saveAs(signedPdf);
  const sig = await run('pdfsig', [signedPdf]).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }));
  expect(sig.stdout).toContain('Signature is Valid');
  // B-T: the CMS carries a time-stamp token over the signature value, and the TSA's own check passes (pdfsig
  // 22.12 validates the signature but does not report time-stamps).
  const [cut] = cutSignatures(new Uint8Array(await readFile(signedPdf)));
  const parts = cmsParts(cut!.cms);
  expect(parts.timeStampToken).not.toBeNull();
  expect((await opensslTsVerify(parts.timeStampToken!, parts.signatureValue, tsa.rootPath, tsa.certPath)).stdout).toContain('Verification: OK');
  await run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', signedPdf, path.join(process.cwd(), 'test-results', 'screens', 'filing-e2e-signed-pdf')]);
  await rm(work, { recursive: true, force: true });
  await page.getByTestId('filing-submit').click();
  await expect(page.getByTestId('filing-status')).toContainText('已提交');
  const filingId = await page.evaluate(() => document.querySelector('[data-testid="filing-status"]')?.closest('.ant-card')?.querySelector('code')?.textContent ?? '');
  expect(filingId).toMatch(/^[0-9A-F]{8}$/);

  // The reviewer, in the staff console: the filing as signed, with the signature panel.
  const staff = await page.context().newPage();
  await signInToConsole(staff, portal.url, 'admin', portal.staffPassword, portal.captchaAnswer);
  // The 备案审核 desk (the horizontal menu may fold it away on a narrow window).
  await staff.evaluate(() => {
    location.hash = '#/filings';
  });
  await staff.getByRole('link', { name: `打开 ${enterprise.name} 的开工备案` }).first().click();
  const signatures = staff.getByLabel('申请表上的签章');
  await expect(signatures).toContainText(enterprise.uscc);
  await expect(signatures).toContainText('有效');
  await expect(signatures).toContainText('PAdES B-T');
  await signatures.scrollIntoViewIfNeeded();
  await saveScreen(staff, 'filing-e2e-console-signatures');
  const decide = async (action: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) => {
    await staff.getByRole('button', { name: action, exact: true }).click();
    const dialog = staff.getByRole('dialog', { name: action });
    await fill?.(dialog);
    await dialog.getByRole('button', { name: /^(确\s?定|OK)$/ }).click();
    await expect(dialog).toBeHidden();
  };
  // The return pins a comment to the supervisor (a field the contract names) beside a general one.
  await decide('退回修改', async (dialog) => {
    await dialog.getByRole('button', { name: '添加字段意见' }).click();
    const picker = dialog.getByRole('combobox', { name: '第 1 条字段意见的字段' });
    const option = staff.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '监理单位（是否委托监理）' });
    await expect(async () => {
      await picker.fill('是否委托监理');
      await expect(option).toHaveCount(1, { timeout: 2000 });
      await option.click({ timeout: 2000 });
      await expect(dialog.getByText('监理单位（是否委托监理）').filter({ visible: true })).toBeVisible({ timeout: 2000 });
    }).toPass({ timeout: 20_000 });
    await dialog.getByRole('textbox', { name: '第 1 条字段意见' }).fill('委托监理的须填写监理单位');
    await dialog.getByLabel('审核意见').fill('请补充监理单位');
  });

  // Back on the desktop: the comment, the fix, a new PDF and a new signature.
  await page.getByRole('button', { name: '我的备案' }).click();
  await page.getByRole('button', { name: `查看申请 ${filingId}` }).click();
  await expect(page.getByTestId('filing-status')).toContainText('退回修改');
  await expect(page.getByTestId('filing-return-comments')).toContainText('请补充监理单位');
  await page.getByTestId('filing-edit').click();
  await expect(page.getByTestId('filing-returned')).toContainText('请补充监理单位');
  // The commented field is marked and listed above the form, the comment beside it; the files carry their names.
  await expect(page.getByTestId('comment-filing-supervisor')).toContainText('委托监理的须填写监理单位');
  await expect(page.getByTestId('problem-summary')).toContainText('本工程委托了监理单位');
  await expect(page.getByTestId('upload-planningPermit')).toContainText('planningPermit.pdf');
  await saveScreen(page, 'filing-e2e-returned');
  await page.getByTestId('filing-has-supervisor').check();
  await expect(page.getByTestId('problem-summary')).toHaveCount(0);
  await page.getByLabel('监理单位', { exact: true }).fill('苏州示例监理有限公司');
  await page.getByLabel('监理单位统一社会信用代码', { exact: true }).fill(enterprise.uscc);
  await generateAndSign(page, enterprise.name, key.userPin);
  await page.getByTestId('filing-submit').click();
  await expect(page.getByTestId('filing-status')).toContainText('已重新提交');

  await staff.reload();
  await expect(staff.getByLabel('申请表上的签章')).toContainText('有效');
  await decide('审核通过');
  await page.reload();
  await page.getByRole('button', { name: '小型建设工程开工备案：我的申请' }).click();
  await expect(page.getByRole('row', { name: new RegExp(filingId) })).toContainText('审核通过');
  await tsa.stop();
});
