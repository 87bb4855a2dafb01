/** Steps of the registration wizard, as a clerk goes through them (selectors are the accessible names). */
import { expect, type Page } from '@playwright/test';
import { ADDRESS, LEGAL_REPRESENTATIVE, saveScreen } from './fixtures';

export const REQUIREMENTS = ['businessLicence', 'adminIdFront', 'adminIdBack', 'adminFilingSheet', 'registrationTable', 'agreement'] as const;

/** A small scan: a one-page PDF, unique per call (the server stores files by content). */
export function scan(name: string) {
  const body = `%PDF-1.4\n% ${name} ${Math.random()}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n`;
  return { name: `${name}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from(body) };
}

export interface WizardInput {
  ca: '江苏CA' | '苏州CA';
  enterprise: string;
  mobile: string;
  /** The key's PIN, for step 2's check. */
  pin: string;
  /** Screenshot prefix; screens are saved only when given. */
  shots?: string;
}

const next = (page: Page) => page.getByRole('button', { name: '下一步' }).click();
const step = (page: Page, name: string) => expect(page.getByRole('heading', { level: 3, name })).toBeVisible();

/** From the login page to the signing step, filling everything as a clerk would. */
export async function fillWizardUpToSigning(page: Page, input: WizardInput): Promise<void> {
  const shot = async (name: string) => input.shots && (await saveScreen(page, `${input.shots}-${name}`));
  await page.getByRole('button', { name: '成为新用户' }).click();
  // The registration start page (every way in); the wizard's first step still chooses the CA.
  await page.getByRole('button', { name: '用江苏CA注册' }).click();
  await expect(page.getByRole('heading', { name: '企业用户注册' })).toBeVisible();
  // Every test starts with a fresh local store: no draft of an earlier test comes back here.
  await expect(page.getByText('已恢复上次未完成的注册')).toHaveCount(0);

  await page.getByRole('radiogroup', { name: '实名认证方式' }).getByRole('radio', { name: new RegExp(input.ca) }).check();
  await shot('1-choose-ca');
  await next(page);

  await step(page, '读取证书');
  await page.getByRole('radiogroup', { name: '选择 CA 数字证书' }).getByRole('radio', { name: new RegExp(input.enterprise) }).check();
  // The key signs a challenge so the server may say whether the enterprise is registered (issue 21 item 1).
  await page.getByLabel('PIN 码', { exact: true }).fill(input.pin);
  await page.getByRole('button', { name: '读取并核对' }).click();
  await expect(page.getByText(`已从证书读取：${input.enterprise}`)).toBeVisible();
  await shot('2-read-key');
  await next(page);

  await step(page, '企业信息');
  await expect(page.getByLabel('企业名称', { exact: true })).toHaveValue(input.enterprise);
  await expect(page.getByLabel('企业名称', { exact: true })).not.toBeEditable();
  await page.getByLabel('企业地址').fill(ADDRESS);
  await page.getByLabel('法定代表人').fill(LEGAL_REPRESENTATIVE);
  await page.getByLabel('管理员姓名').fill('王喆');
  // Validated as typed: a wrong check digit is caught before anything is sent.
  await page.getByLabel('管理员身份证号码').fill('110105194912310021');
  await page.getByLabel('管理员身份证号码').blur();
  await expect(page.getByText('身份证号码校验位错误，请核对')).toBeVisible();
  await page.getByLabel('管理员身份证号码').fill('11010519491231002X');
  await page.getByLabel('管理员手机号码').fill(input.mobile);
  await shot('3-form');
  await next(page);

  await step(page, '打印表单');
  await page.getByRole('button', { name: '生成表单' }).click();
  await expect(page.getByTitle('注册表单预览')).toBeVisible();
  await shot('4-print');
  await next(page);

  await step(page, '上传材料');
  for (const requirement of REQUIREMENTS) await page.getByTestId(`upload-input-${requirement}`).setInputFiles(scan(requirement));
  await expect(page.getByText('已上传', { exact: true })).toHaveCount(REQUIREMENTS.length);
  await shot('5-upload');
  await next(page);

  await step(page, '签名提交');
}

export async function signAndSubmit(page: Page, pin: string): Promise<void> {
  await page.getByLabel('PIN 码', { exact: true }).fill(pin);
  await page.getByRole('button', { name: '提交注册' }).click();
}
