import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import type { Result } from '@shared/contract/result';
import { chinaDay, type Account, type ScenarioEnterprise } from '../fixtures/scenario';
import { receiptPng, writeFakeCamera } from './fake-camera';
import { expect, saveScreen, test } from './fixtures';
import { expectPhoneLinkRefused, launchPhoneBrowser, openPhonePage, uploadReceiptFromFile, uploadReceiptFromPhone } from './phone';
import { signInClient, signInToConsole } from './setup';
import { scan } from './wizard';
import { uploadThroughClient } from '../fixtures/client-uploads';

// The stamped receipt from a phone (manual 001 §2) and finance's check of it, against the real portal: an
// administrator opens the disbursement in the staff console once publicity is over (and is told from when it can);
// the enterprise prepares the receipt through the client's services (certificates, bank account, contact); a
// Pixel 7 whose camera films the receipt PDF opens the one-time link, photographs through the alignment frame and
// uploads; a used and an expired link are refused with the server's words; finance returns the receipt with a
// reason in the console and accepts the next one.
test.use({ world: 'phone-receipt' });
test.describe.configure({ mode: 'serial' });

const KEY = 'JSCA-EC-0002';
const CONTACT = { name: '钱八', mobile: '13600000801', email: 'finance@example.cn' };
const RETURN_REASON = '收据未加盖财务专用章，请重新盖章后上传';

let enterprise: ScenarioEnterprise;
let overId = ''; // publicity over: disbursed in this file
let runningId = ''; // publicity still running: the console refuses to open it
let finance: Account;
let receiptNumber = '';
let workDir = '';
let phone: Browser | null = null;
let photoSha256 = '';
let receiptPdf: Buffer = Buffer.alloc(0);

test.afterAll(async () => {
  await phone?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

test('setup: two approved applications of one enterprise, one whose publicity is over and one whose is not', async ({ scene, caKey }) => {
  test.setTimeout(120_000); // a registration and applications signed with a SoftHSM key, on a shared machine
  enterprise = await scene.enterprise(caKey(KEY), { adminMobile: '13600000800' });
  const clerk = await enterprise.handler('caiwu', { mobile: '13600000802', permissions: ['subsidy', 'disbursement'] });
  const over = await enterprise.subsidyApplication(clerk, { talents: 1, contact: CONTACT });
  const running = await enterprise.subsidyApplication(clerk, {
    talents: 1,
    contact: CONTACT,
    talent: () => ({ name: 'John Smith', idType: 'passport', idNumber: 'E87654321', nationality: '英国', invoiceNumber: '32002600007' }),
  });
  // The reviewers' part (tested in subsidy.spec.ts) over the staff API: accepted, approved, publicity.
  await over.inPublicity({ over: true });
  await running.inPublicity({ over: false });
  overId = over.id;
  runningId = running.id;
  finance = await scene.staff('finance', 'caiwu-shenhe');
});

test('the administrator opens the disbursement in the console once publicity is over, and is told when it is not', async ({ page, portal }) => {
  await signInToConsole(page, portal.url, 'admin', portal.staffPassword, portal.captchaAnswer);
  // Admins work both desks.
  const nav = page.getByRole('menu', { name: '业务导航' });
  await expect(nav.getByRole('link', { name: '补贴审核' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '资金拨付' })).toBeVisible();

  // While publicity runs the action cannot be started, and says from when it can (not a refusal after confirming).
  await page.goto(`${portal.url}/console/#/applications/${runningId}`);
  const notYet = page.getByRole('button', { name: '启动资金拨付', exact: true });
  await expect(notYet).toBeDisabled();
  await expect(page.getByRole('region', { name: '资金拨付' })).toContainText(`公示期至 ${chinaDay(5)}，${chinaDay(6)} 起可启动资金拨付。`);
  await saveScreen(page, 'finance-1-publicity-not-over');

  await page.goto(`${portal.url}/console/#/applications/${overId}`);
  await page.getByRole('button', { name: '启动资金拨付', exact: true }).click();
  await page.getByRole('dialog', { name: '启动资金拨付' }).getByRole('button', { name: '确认启动' }).click();
  await expect(page.getByText('已启动资金拨付。')).toBeVisible();
  // The console moves to the disbursement: its receipt number assigned, waiting for the enterprise.
  await expect(page).toHaveURL(new RegExp(`#/disbursements/${overId}$`));
  await expect(page.getByRole('heading', { name: enterprise.name })).toBeVisible();
  await expect(page.getByText('待拨付').first()).toBeVisible();
  await expect(page.getByRole('region', { name: '收据审核', exact: true })).toContainText('等待企业提交盖章收据。');
  await expect(page.getByRole('region', { name: '收据', exact: true })).toContainText('人才1的在职证明');
  receiptNumber = (await page.getByRole('main').locator('.ant-descriptions-item', { hasText: '收据编号' }).locator('code').textContent())!.trim();
  expect(receiptNumber).not.toBe('');
  await saveScreen(page, 'finance-2-opened');
});

test('the phone photographs the stamped receipt through the alignment frame and uploads it once', async ({ client, portal }) => {
  test.setTimeout(120_000);
  const s = client.services;
  await signInClient(s, portal, enterprise.uscc, 'caiwu');
  const call = async <T>(method: string, input: unknown) => {
    const r = (await s.dispatch(method, input)) as Result<T>;
    if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  // The enterprise's part (tested with the desktop client): a certificate per talent, bank account, contact.
  const cert = scan('在职证明');
  const up = await uploadThroughClient((m, i) => s.dispatch(m, i) as Promise<Result<unknown>>, { purpose: 'disbursement', requirement: 'employmentCertificate', fileName: cert.name, bytes: cert.buffer });
  if (!up.ok) throw new Error(`upload: ${JSON.stringify(up.error)}`);
  const file = up.value;
  await call('disbursement.setEmploymentCertificate', { applicationId: overId, talentIndex: 0, sha256: file.sha256 });
  const bank = await call<{ id: string }>('disbursement.createBankAccount', { bankName: '中国工商银行', accountName: enterprise.name, accountNumber: '6222 0212 3456 7890 123', branchName: '苏州工业园区支行', cnapsCode: '102305000011' });
  const contact = await call<{ id: string }>('disbursement.createContact', { name: '钱八', mobile: CONTACT.mobile, phone: '0512-66668888' });
  await call('disbursement.setPayee', { applicationId: overId, bankAccountId: bank.id, contactId: contact.id });

  // The printed, stamped receipt is what the phone's camera films.
  const { pdf } = await call<{ pdf: string }>('disbursement.receiptPdf', { applicationId: overId });
  receiptPdf = Buffer.from(pdf, 'base64');
  workDir = await mkdtemp(path.join(os.tmpdir(), 'tongban-phone-'));
  const camera = await writeFakeCamera(await receiptPng(receiptPdf), path.join(workDir, 'camera.y4m'));
  phone = await launchPhoneBrowser(camera);

  const link = await call<{ linkId: string; url: string }>('disbursement.createReceiptLink', { applicationId: overId });
  expect(link.url).toMatch(new RegExp(`^${portal.url}/m/receipt#[A-Za-z0-9_-]{43}$`));
  const result = await uploadReceiptFromPhone(phone, link.url, { screens: 'phone-receipt' });
  expect(result.receiptNumber).toBe(receiptNumber);
  expect(result.uploaded.mediaType).toBe('image/jpeg');
  // The photo is the alignment frame's crop: the receipt's crop-frame aspect.
  expect(result.photo.width / result.photo.height).toBeCloseTo(511.28 / 360, 1);

  // The PC sees the upload: the link is spent and holds exactly the bytes the phone sent.
  const status = await call<{ state: string; photo: { sha256: string; mediaType: string } | null }>('disbursement.receiptLinkStatus', { applicationId: overId, linkId: link.linkId });
  expect(status.state).toBe('uploaded');
  photoSha256 = createHash('sha256').update(result.uploaded.bytes).digest('hex');
  expect(status.photo).toMatchObject({ sha256: photoSha256, mediaType: 'image/jpeg' });

  // Scanned again, the link is refused with the server's message, and no camera opens.
  await expectPhoneLinkRefused(phone, link.url, '二维码已使用过，每个二维码只能上传一次。', { screens: 'phone-receipt-used' });
  // The phone of an English speaker reads the same refusal in English.
  await expectPhoneLinkRefused(phone, link.url, 'This QR code has already been used', { locale: 'en-US', screens: 'phone-receipt-used-en' });
});

test('without the camera the phone takes a picture from a file, cropped to the frame around its centre', async ({ client, portal }) => {
  await signInClient(client.services, portal, enterprise.uscc, 'caiwu');
  const link = (await client.services.dispatch('disbursement.createReceiptLink', { applicationId: overId })) as Result<{ url: string; linkId: string }>;
  if (!link.ok) throw new Error(JSON.stringify(link.error));
  // A photo taken with the phone's own camera app: more of the page than the dashed frame.
  const picture = path.join(workDir, 'gallery.png');
  await writeFile(picture, await receiptPng(receiptPdf, { margin: 120 }));
  const result = await uploadReceiptFromFile(phone!, link.value.url, picture, { screens: 'phone-receipt-file' });
  expect(result.receiptNumber).toBe(receiptNumber);
  expect(result.photo.width / result.photo.height).toBeCloseTo(result.frameAspect, 2);
  const status = (await client.services.dispatch('disbursement.receiptLinkStatus', { applicationId: overId, linkId: link.value.linkId })) as Result<{ state: string; photo: { mediaType: string } | null }>;
  expect(status.ok && status.value.state).toBe('uploaded');
  expect(status.ok && status.value.photo?.mediaType).toBe('image/jpeg');
});

test('an expired link is refused at upload time and when opened again', async ({ client, portal }) => {
  const s = client.services;
  await signInClient(s, portal, enterprise.uscc, 'caiwu');
  const link = (await s.dispatch('disbursement.createReceiptLink', { applicationId: overId })) as Result<{ url: string }>;
  if (!link.ok) throw new Error(JSON.stringify(link.error));
  const { context, page } = await openPhonePage(phone!, link.value.url);
  try {
    await expect(page.getByRole('button', { name: '拍照', exact: true })).toBeEnabled({ timeout: 15_000 });
    await page.getByRole('button', { name: '拍照', exact: true }).click();
    await expect(page.getByRole('img', { name: '收据照片预览' })).toBeVisible();
    // The person looks at the preview for longer than the link lives (RECEIPT_LINK_TTL_MINUTES).
    portal.advanceClock(11 * 60);
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('二维码已过期。');
    await expect(page.getByRole('alert')).toContainText('请在电脑端重新生成二维码后再扫描。');
    await expect(page.getByRole('button', { name: '上传', exact: true })).toHaveCount(0);
    await saveScreen(page, 'phone-receipt-expired-at-upload');
  } finally {
    await context.close();
  }
  await expectPhoneLinkRefused(phone!, link.value.url, '二维码已过期。', { screens: 'phone-receipt-expired' });
  // The PC submits the phone's photo from the first (spent) link.
  const submitted = (await s.dispatch('disbursement.submitReceipt', { applicationId: overId, sha256: photoSha256, source: 'phone' })) as Result<{ status: string }>;
  if (!submitted.ok) throw new Error(JSON.stringify(submitted.error));
  expect(submitted.value.status).toBe('receipt_submitted');
});

test('finance sees the photographed receipt beside the generated one and returns it with a reason', async ({ page, portal }) => {
  await signInToConsole(page, portal.url, finance.username, finance.password, portal.captchaAnswer);
  // Finance lands on its one desk; the review queue is not offered.
  await expect(page.getByRole('heading', { name: '资金拨付' })).toBeVisible();
  await expect(page.getByRole('menu', { name: '业务导航' })).toHaveCount(0);
  await page.getByRole('combobox', { name: '办理状态' }).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '收据已提交' }).click();
  await page.getByRole('button', { name: '查询' }).click();
  const table = page.getByRole('table', { name: '资金拨付列表' });
  await expect(table).toContainText(receiptNumber);
  await expect(table).toContainText('¥30,000.00');
  await saveScreen(page, 'finance-3-queue');
  await page.getByRole('link', { name: `查看 ${enterprise.name} 的资金拨付` }).click();

  const stamped = page.getByRole('region', { name: '盖章收据', exact: true });
  await expect(stamped).toContainText('手机拍照上传');
  const photo = stamped.getByRole('img', { name: `盖章收据 ${receiptNumber}` });
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByRole('region', { name: '收款账户' })).toContainText('6222021234567890123');
  await expect(page.getByRole('region', { name: '联系人' })).toContainText('钱八');
  await expect(page.getByRole('table', { name: '引进人才与在职证明' })).toContainText('陈七');
  await saveScreen(page, 'finance-4-detail');

  // The generated receipt, to compare with the photo.
  await page.getByRole('button', { name: `预览 收据 ${receiptNumber}` }).click();
  await expect(page.getByRole('dialog').locator('iframe')).toBeVisible();
  await saveScreen(page, 'finance-5-receipt-pdf');
  await page.getByRole('button', { name: '关闭预览' }).click();

  await page.getByRole('button', { name: '退回', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '退回' });
  await dialog.getByRole('button', { name: '确认退回' }).click();
  // The contract's REQUIRED, as every desk says it.
  await expect(dialog).toContainText('此项为必填项');
  await dialog.getByLabel('退回原因').fill(RETURN_REASON);
  await expect(dialog.getByText('此项为必填项')).toHaveCount(0);
  await saveScreen(page, 'finance-6-return');
  await dialog.getByRole('button', { name: '确认退回' }).click();
  await expect(page.getByText('收据已退回。')).toBeVisible();
  await expect(page.getByText('收据已退回').first()).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '收据退回原因' })).toContainText(RETURN_REASON);
  await expect(page.getByRole('region', { name: '收据审核', exact: true })).toContainText('等待企业提交盖章收据。');
});

test('finance accepts the stamped receipt uploaded again on the PC: the subsidy is paid', async ({ page, client, portal }) => {
  const s = client.services;
  await signInClient(s, portal, enterprise.uscc, 'caiwu');
  // Scanned on the PC this time: a PDF (the receipt as printed stands in for its scan).
  const up = await uploadThroughClient((m, i) => s.dispatch(m, i) as Promise<Result<unknown>>, { purpose: 'disbursement', requirement: 'receipt', fileName: '盖章收据.pdf', bytes: receiptPdf });
  if (!up.ok) throw new Error(JSON.stringify(up.error));
  const again = (await s.dispatch('disbursement.submitReceipt', { applicationId: overId, sha256: up.value.sha256, source: 'pc' })) as Result<unknown>;
  if (!again.ok) throw new Error(JSON.stringify(again.error));

  await signInToConsole(page, portal.url, finance.username, finance.password, portal.captchaAnswer);
  await page.goto(`${portal.url}/console/#/disbursements/${overId}`);
  await expect(page.getByRole('region', { name: '盖章收据', exact: true })).toContainText('电脑端上传');
  // A PDF scan is shown in a frame.
  await expect(page.getByRole('region', { name: '盖章收据', exact: true }).locator('iframe')).toBeVisible();
  await page.getByRole('button', { name: '收据审核通过', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: '收据审核通过' });
  await expect(dialog).toContainText('审核通过后该笔补贴记为已拨付');
  await dialog.getByRole('button', { name: '确认审核通过' }).click();
  await expect(page.getByText('收据已审核通过，补贴已拨付。')).toBeVisible();
  await expect(page.getByText('已拨付').first()).toBeVisible();
  await expect(page.getByRole('region', { name: '收据审核', exact: true })).toContainText('该笔补贴已拨付。');
  // The timeline tells the whole story, the returned receipt included.
  const timeline = page.getByRole('list', { name: '办理记录' }).or(page.locator('[aria-label="办理记录"]')).first();
  for (const step of ['启动资金拨付', '提交盖章收据', '退回收据', '收据审核通过']) await expect(timeline).toContainText(step);
  await expect(timeline).toContainText(RETURN_REASON);
  await saveScreen(page, 'finance-7-paid');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('region', { name: 'Receipt check' })).toContainText('This subsidy has been paid.');
  await saveScreen(page, 'finance-8-paid-en');
  await page.getByRole('button', { name: '中文' }).click();
});
