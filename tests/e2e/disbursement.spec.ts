import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from '@playwright/test';
import jsQR from 'jsqr';
import type { Account, ScenarioEnterprise } from '../fixtures/scenario';
import { CONTACT } from '../fixtures/server/subsidy';
import { decodePng, encodePng, receiptPng, writeFakeCamera, type RgbaImage } from './fake-camera';
import { expect, saveScreen, test } from './fixtures';
import { expectPhoneLinkRefused, launchPhoneBrowser, uploadReceiptFromPhone } from './phone';
import { signInClient, signInOnDesktop, signInToConsole } from './setup';
import { scan } from './wizard';

// The disbursement across the three desks: the enterprise's clerk on the desktop client (certificates, bank account
// and contact, the receipt PDF), the clerk's phone (the QR link, the camera through the alignment frame), and
// finance in the staff console (return, accept). What comes before — an application submitted, approved and past
// its publicity — is set up through the client's and the portal's APIs.
test.describe.configure({ mode: 'serial' });
// Every registered key is taken by the other specs' enterprises: this file gets a world of its own.
test.use({ world: 'disbursement' });

const KEY = 'JSCA-RSA-0001';
const ADMIN_MOBILE = '13800000071';
const AMOUNT_FEN = 1_500_000; // ¥15,000.00
const AMOUNT_CAPITALS = '壹万伍仟元整';
const BANK = { bankName: '中国工商银行', accountNumber: '6222 0211 0203 4567 890', branchName: '苏州工业园区支行' };
const PAYEE_CONTACT = { name: '钱八', mobile: '13800000072' };

let enterprise: ScenarioEnterprise;
let clerkPassword = '';
let opened: { applicationId: string; receiptNumber: string };
let finance: Account;
let work = '';
let receiptPdf: Buffer;
let phone: Browser | null = null;
let usedLink = '';

const run = promisify(execFile);

test.beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'tongban-disbursement-e2e-'));
});
test.afterAll(async () => {
  await phone?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** The receipt as a finance office returns it: the printout with a red round seal in the 收款单位（盖章） box. */
function stamped(picture: RgbaImage): RgbaImage {
  const data = new Uint8Array(picture.data);
  const cx = picture.width * 0.78;
  const cy = picture.height * 0.8;
  const r = picture.height * 0.11;
  for (let y = Math.floor(cy - r); y < cy + r; y++) {
    for (let x = Math.floor(cx - r); x < cx + r; x++) {
      const d = Math.hypot(x - cx, y - cy);
      if (x < 0 || y < 0 || x >= picture.width || y >= picture.height) continue;
      if ((d > r - 4 && d < r) || (d < r * 0.3 && Math.abs(x - cx) + Math.abs(y - cy) < r * 0.3)) data.set([200, 30, 40, 255], (y * picture.width + x) * 4);
    }
  }
  return { width: picture.width, height: picture.height, data };
}

/** Reads the QR code on the PC's screen the way a phone camera does: from the pixels. */
async function scanQr(page: Page): Promise<string> {
  const png = await page.getByTestId('disb-qr').screenshot();
  const image = decodePng(png);
  const code = jsQR(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.byteLength), image.width, image.height);
  if (!code) throw new Error('no QR code found on the screen');
  return code.data;
}

async function openDetail(page: Page) {
  await page.getByTestId('home-disbursement').click();
  await expect(page.getByTestId('disb-list')).toContainText(opened.receiptNumber);
  await page.getByRole('button', { name: `查看收据 ${opened.receiptNumber} 的详情` }).click();
  await expect(page.getByTestId('disb-detail')).toBeVisible();
}

test('setup: an application approved for ¥15,000 whose publicity is over', async ({ scene, caKey }) => {
  test.setTimeout(120_000); // a registration and applications signed with a SoftHSM key, on a shared machine
  enterprise = await scene.enterprise(caKey(KEY), { adminMobile: ADMIN_MOBILE });
  clerkPassword = (await enterprise.handlerAccount('caiwu1', { mobile: '13800000073', permissions: ['subsidy', 'disbursement'] })).initialPassword;
  // The application, as the subsidy spec files it through the UI, made here through the portal's routes.
  const application = await enterprise.subsidyApplication(await enterprise.admin(), { contact: CONTACT });
  await application.inPublicity({ over: true, amountFen: AMOUNT_FEN });
  finance = await scene.staff('finance', 'caiwu');
  opened = { applicationId: application.id, receiptNumber: '' };
});

test('finance finds it among the applications in publicity and opens the disbursement in the console', async ({ page, portal }) => {
  await signInToConsole(page, portal.url, finance.username, finance.password, portal.captchaAnswer);
  const ready = page.getByRole('region', { name: '待启动拨付（公示中的申请）' });
  await expect(ready).toContainText('公示期满，可启动');
  await saveScreen(page, 'disbursement-e2e-console-ready');
  await ready.getByRole('link', { name: `查看 ${enterprise.name} 的申请并启动资金拨付` }).click();
  await page.getByRole('region', { name: '资金拨付' }).getByRole('button', { name: '启动资金拨付' }).click();
  await page.getByRole('button', { name: '确认启动' }).click();
  // Straight on to the disbursement, with its receipt number.
  await expect(page.getByRole('region', { name: '收据审核' })).toContainText('等待企业提交盖章收据');
  const number = await page.locator('code', { hasText: /^TB\d{10}$/ }).first().textContent();
  opened.receiptNumber = number!.trim();
  expect(await portal.lastSms(CONTACT.mobile)).toMatch(/拨付/);
  expect(await portal.lastSms(CONTACT.mobile)).toContain(opened.receiptNumber);
});

test('the clerk uploads the employment certificates, sets the bank account and contact, and downloads the receipt', async ({ page, client, portal }) => {
  await signInOnDesktop(page, client.url, enterprise.uscc, 'caiwu1', clerkPassword, portal.captchaAnswer);
  await openDetail(page);
  await expect(page.getByTestId('disb-amount')).toContainText('15,000.00');
  await expect(page.getByTestId('disb-amount')).toContainText(AMOUNT_CAPITALS);
  await expect(page.getByTestId('disb-missing')).toBeVisible();
  await expect(page.getByTestId('disb-receipt-download')).toBeDisabled();
  await saveScreen(page, 'disbursement-e2e-detail-new');

  // 1. The latest employment certificate of each talent.
  for (const index of [0, 1]) {
    const file = scan(`employment-${index}`);
    await page.getByTestId(`disb-cert-${index}-input`).setInputFiles({ name: file.name, mimeType: 'application/pdf', buffer: file.buffer });
    await expect(page.getByTestId(`disb-cert-${index}-view`)).toBeVisible();
  }

  // 2. A bank account in another name is refused; in the enterprise's name it is saved and chosen.
  await page.getByTestId('disb-adjust-bank').click();
  const bank = page.getByTestId('disb-bank-dialog');
  await bank.getByTestId('disb-bank-dialog-add').click();
  await expect(bank.getByTestId('disb-bank-dialog-field-accountName')).toHaveValue(enterprise.name);
  await bank.getByTestId('disb-bank-dialog-field-bankName').fill(BANK.bankName);
  await bank.getByTestId('disb-bank-dialog-field-accountNumber').fill('1234');
  await bank.getByTestId('disb-bank-dialog-save').click();
  await expect(bank.getByTestId('disb-bank-dialog-error-accountNumber')).toBeVisible();
  await bank.getByTestId('disb-bank-dialog-field-accountNumber').fill(BANK.accountNumber);
  await bank.getByTestId('disb-bank-dialog-field-branchName').fill(BANK.branchName);
  await bank.getByTestId('disb-bank-dialog-save').click();
  await bank.getByTestId('disb-bank-dialog-choose-0').check();
  await saveScreen(page, 'disbursement-e2e-bank-dialog');
  await page.getByTestId('disb-bank-dialog-use').click();

  await page.getByTestId('disb-adjust-contact').click();
  const contact = page.getByTestId('disb-contact-dialog');
  await contact.getByTestId('disb-contact-dialog-add').click();
  await contact.getByTestId('disb-contact-dialog-field-name').fill(PAYEE_CONTACT.name);
  await contact.getByTestId('disb-contact-dialog-field-mobile').fill(PAYEE_CONTACT.mobile);
  await contact.getByTestId('disb-contact-dialog-save').click();
  await contact.getByTestId('disb-contact-dialog-choose-0').check();
  await page.getByTestId('disb-contact-dialog-use').click();
  await expect(page.getByTestId('disb-bank-number')).toContainText('6222');
  await expect(page.getByTestId('disb-contact-name')).toContainText(PAYEE_CONTACT.name);

  // 3. Nothing missing: the receipt is previewed and downloaded to print.
  await expect(page.getByTestId('disb-missing')).toHaveCount(0);
  await expect(page.getByTestId('disb-receipt-download')).toBeEnabled();
  const download = page.waitForEvent('download');
  await page.getByTestId('disb-receipt-download').click();
  const file = path.join(work, 'receipt.pdf');
  await (await download).saveAs(file);
  receiptPdf = await readFile(file);
  expect(receiptPdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const { stdout: text } = await run('pdftotext', ['-layout', file, '-']);
  expect(text).toContain(enterprise.name);
  expect(text).toContain(enterprise.uscc);
  expect(text).toContain(AMOUNT_CAPITALS);
  expect(text).toContain(opened.receiptNumber);
  expect(text).toContain('收款单位（盖章）');
  expect(text.replace(/\s/g, '')).toContain(BANK.accountNumber.replace(/\s/g, ''));
  // The receipt as a finance office would see it: kept next to the screenshots.
  await run('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file, path.join(process.cwd(), 'test-results', 'screens', 'disbursement-e2e-receipt-pdf')]);
  await saveScreen(page, 'disbursement-e2e-ready');
});

test('the clerk photographs the stamped receipt with a phone through the QR link, checks it on the PC and submits', async ({ page, client, portal }) => {
  test.setTimeout(120_000);
  const picture = stamped(decodePng(await receiptPng(receiptPdf)));
  await writeFile(path.join(work, 'stamped.png'), encodePng(picture));
  phone = await launchPhoneBrowser(await writeFakeCamera(picture, path.join(work, 'camera.y4m')));

  await signInClient(client.services, portal, enterprise.uscc, 'caiwu1');
  await page.goto(client.url);
  await openDetail(page);
  await page.getByTestId('disb-phone-upload').click();
  await expect(page.getByTestId('disb-qr-countdown')).toBeVisible();
  const link = await scanQr(page);
  expect(link).toMatch(new RegExp(`^${portal.url}/m/receipt#[A-Za-z0-9_-]{43}$`));
  await saveScreen(page, 'disbursement-e2e-qr');

  const sent = await uploadReceiptFromPhone(phone, link, { screens: 'disbursement-e2e-phone' });
  expect(sent.receiptNumber).toBe(opened.receiptNumber);
  expect(sent.uploaded.mediaType).toBe('image/jpeg');
  usedLink = link;

  // The PC sees the photo arrive by itself, shows it for a last check, and only then submits.
  await expect(page.getByTestId('disb-qr-uploaded')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('disb-receipt-check-preview')).toBeVisible();
  await saveScreen(page, 'disbursement-e2e-check');
  await expect(page.getByTestId('disb-receipt-submit')).toBeDisabled();
  await page.getByTestId('disb-receipt-confirm').check();
  await page.getByTestId('disb-receipt-submit').click();
  await expect(page.getByTestId('disb-submitted')).toBeVisible();
  await expect(page.getByTestId('disb-stamped-source')).toContainText('手机拍照');

  // What was submitted is the very photo the phone sent, and it can be downloaded on the PC.
  const download = page.waitForEvent('download');
  await page.getByTestId('disb-stamped-download').click();
  const saved = await (await download).path();
  expect(Buffer.compare(await readFile(saved), sent.uploaded.bytes)).toBe(0);
  await saveScreen(page, 'disbursement-e2e-submitted');
});

test('finance returns the receipt with a reason in the staff console', async ({ page, portal }) => {
  await expectPhoneLinkRefused(phone!, usedLink, '二维码已使用过', { screens: 'disbursement-e2e-phone-used' });

  await signInToConsole(page, portal.url, finance.username, finance.password, portal.captchaAnswer);
  await financeReturns(page, '收据未加盖公章，请盖章后重新上传');
  expect(await portal.lastSms(CONTACT.mobile)).toMatch(/退回/);
});

test('the clerk sees the reason; an expired QR link is refused; the receipt goes again from the PC', async ({ page, client, portal }) => {
  await signInClient(client.services, portal, enterprise.uscc, 'caiwu1');
  await page.goto(client.url);
  await openDetail(page);
  await expect(page.getByTestId('disb-return-reason')).toContainText('收据未加盖公章');
  await saveScreen(page, 'disbursement-e2e-returned');

  // A new QR link, left unused past its ten minutes.
  await page.getByTestId('disb-phone-upload').click();
  const link = await scanQr(page);
  portal.advanceClock(11 * 60);
  await expectPhoneLinkRefused(phone!, link, '二维码已过期', { screens: 'disbursement-e2e-phone-expired' });
  await expect(page.getByTestId('disb-qr-expired')).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Escape');

  // The scan of the stamped receipt, from the PC this time.
  await page.getByTestId('disb-receipt-file-input').setInputFiles(path.join(work, 'stamped.png'));
  await expect(page.getByTestId('disb-receipt-check-preview')).toBeVisible();
  await page.getByTestId('disb-receipt-confirm').check();
  await page.getByTestId('disb-receipt-submit').click();
  await expect(page.getByTestId('disb-submitted')).toBeVisible();
  await expect(page.getByTestId('disb-stamped-source')).toContainText('电脑上传');
});

test('finance accepts the receipt: the subsidy is paid and the enterprise hears of it', async ({ page, client, portal }) => {
  await signInToConsole(page, portal.url, finance.username, finance.password, portal.captchaAnswer);
  await financeAccepts(page);
  expect(await portal.lastSms(CONTACT.mobile)).toMatch(/拨付/);
  const mails = portal.mails().filter((m) => m.to.includes(CONTACT.email));
  expect(mails.some((m) => m.text.includes('退回'))).toBe(true);
  expect(mails.some((m) => m.text.includes('15,000.00') || m.text.includes('15000'))).toBe(true);

  await signInClient(client.services, portal, enterprise.uscc, 'caiwu1');
  await page.goto(client.url);
  await openDetail(page);
  await expect(page.getByTestId('disb-paid')).toBeVisible();
  await saveScreen(page, 'disbursement-e2e-paid');
});

/** Finance opens the enterprise's disbursement from the queue and looks at the stamped receipt. */
async function openInConsole(page: Page) {
  await page.getByRole('link', { name: `查看 ${enterprise.name} 的资金拨付` }).click();
  await expect(page.getByRole('region', { name: '收据审核' })).toBeVisible();
}

async function financeReturns(page: Page, reason: string) {
  await openInConsole(page);
  await expect(page.getByText('手机拍照上传', { exact: false }).first()).toBeVisible();
  await saveScreen(page, 'disbursement-e2e-console-receipt');
  await page.getByRole('region', { name: '收据审核' }).getByRole('button', { name: '退回', exact: true }).click();
  await page.getByLabel('退回原因').fill(reason);
  await page.getByRole('button', { name: '确认退回' }).click();
  await expect(page.getByText('收据已退回。')).toBeVisible();
}

async function financeAccepts(page: Page) {
  await openInConsole(page);
  await expect(page.getByText('电脑端上传', { exact: false }).first()).toBeVisible();
  await page.getByRole('region', { name: '收据审核' }).getByRole('button', { name: '收据审核通过', exact: true }).click();
  await page.getByRole('button', { name: '确认审核通过' }).click();
  await expect(page.getByText('收据已审核通过，补贴已拨付。')).toBeVisible();
  await saveScreen(page, 'disbursement-e2e-console-paid');
}
