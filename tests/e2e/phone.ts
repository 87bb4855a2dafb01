/**
 * The phone in end-to-end tests: a Chromium whose rear "camera" films a picture (fake-camera.ts), a mobile context
 * (Pixel 7: touch, mobile viewport, Android user agent), and the two things a person does with the receipt link —
 * photograph and upload, or meet a refused link.
 *
 *   const camera = await writeFakeCamera(await receiptPng(pdf), path.join(dir, 'camera.y4m'));
 *   const phone = await launchPhoneBrowser(camera);
 *   const result = await uploadReceiptFromPhone(phone, link.url, { screens: 'phone-receipt' });
 *   await expectPhoneLinkRefused(phone, link.url, '二维码已使用过');
 *   await phone.close();
 */
import { chromium, devices, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { RECEIPT_FRAME_ASPECT } from '../../src-shared/contract/http/disbursement';
import { fakeCameraArgs } from './fake-camera';
import { saveScreen } from './fixtures';

/** The phone everyone uses in these tests. */
export const PHONE_DEVICE = devices['Pixel 7'];

/** Chromium's arguments for the phone: the suite's usual ones plus a fake camera playing `y4mFile`. */
export function phoneLaunchArgs(y4mFile: string): string[] {
  return ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', ...fakeCameraArgs(y4mFile)];
}

/** A Chromium (the system one, as the suite uses) whose camera films `y4mFile`. Close it when done. */
export function launchPhoneBrowser(y4mFile: string, executablePath = process.env.TONGBAN_CHROMIUM ?? '/usr/bin/chromium'): Promise<Browser> {
  return chromium.launch({ executablePath, args: phoneLaunchArgs(y4mFile) });
}

export interface PhoneOptions {
  /** The phone's language; zh-CN by default (the page speaks English only when the phone is not Chinese). */
  locale?: string;
  /** Screenshot name prefix (test-results/screens/<prefix>-<step>.png); none when absent. */
  screens?: string;
}

/** A fresh mobile context (its own storage, camera allowed unless `noCamera`) with the link opened. */
export async function openPhonePage(browser: Browser, linkUrl: string, opts: PhoneOptions & { noCamera?: boolean } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const { defaultBrowserType: _browserType, ...device } = PHONE_DEVICE;
  const context = await browser.newContext({ ...device, locale: opts.locale ?? 'zh-CN', timezoneId: 'Asia/Shanghai' });
  if (opts.noCamera) {
    // As when the person refuses the camera (or the phone has none): getUserMedia rejects with NotAllowedError.
    await context.addInitScript("navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'))");
  } else {
    await context.grantPermissions(['camera'], { origin: new URL(linkUrl).origin });
  }
  const page = await context.newPage();
  await page.goto(linkUrl);
  return { context, page };
}

export interface PhoneUpload {
  /** The receipt number the page showed before the camera opened, and the one the server confirmed. */
  receiptNumber: string;
  /** The photo as previewed before the upload (the crop of the alignment frame), in its own pixels. */
  photo: { width: number; height: number };
  /** The bytes the page sent (what the server should have stored), with their media type. */
  uploaded: { bytes: Buffer; mediaType: string };
}

const shot = async (page: Page, opts: PhoneOptions, step: string) => {
  if (opts.screens) await saveScreen(page, `${opts.screens}-${step}`);
};

/**
 * Opens the link on the phone, checks what it says the receipt is, photographs through the alignment frame,
 * checks the preview is the frame's crop (its aspect), uploads and waits for 上传成功. Closes its context.
 */
export async function uploadReceiptFromPhone(browser: Browser, linkUrl: string, opts: PhoneOptions = {}): Promise<PhoneUpload> {
  const { context, page } = await openPhonePage(browser, linkUrl, opts);
  try {
    const zh = !opts.locale || opts.locale.startsWith('zh');
    // The token has left the address bar before anything else happened.
    await expect.poll(() => new URL(page.url()).hash).toBe('');
    const number = page.locator('dt', { hasText: zh ? '收据编号' : 'Receipt number' }).locator('xpath=following-sibling::dd[1]');
    await expect(number).not.toBeEmpty();
    const receiptNumber = (await number.textContent())!.trim();
    await expect(page.getByText(zh ? '请确保将拍照框与收据虚线裁剪框对齐' : 'Line the camera frame up').first()).toBeVisible();

    const capture = page.getByRole('button', { name: zh ? '拍照' : 'Take photo', exact: true });
    await expect(capture).toBeEnabled({ timeout: 15_000 });
    // The live picture is the camera's (not black): wait until the video has its first frames.
    await expect.poll(() => page.locator('video').evaluate((v: HTMLVideoElement) => v.videoWidth * (v.readyState >= 2 ? 1 : 0))).toBeGreaterThan(0);
    await shot(page, opts, '1-camera');
    const frame = await page.getByTestId('alignment-frame').boundingBox();
    await capture.click();

    const preview = page.getByRole('img', { name: zh ? '收据照片预览' : 'Preview of the receipt photo' });
    await expect(preview).toBeVisible();
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const photo = await preview.evaluate((img: HTMLImageElement) => ({ width: img.naturalWidth, height: img.naturalHeight }));
    if (frame) expect(photo.width / photo.height).toBeCloseTo(frame.width / frame.height, 1);
    await shot(page, opts, '2-preview');

    // What the page sends, read on the way out (the request goes on to the server unchanged).
    let sent: { bytes: Buffer; mediaType: string } | null = null;
    await page.route('**/api/phone/receipt-links/*/photo', async (route) => {
      const request = route.request();
      sent = { bytes: request.postDataBuffer() ?? Buffer.alloc(0), mediaType: (await request.allHeaders())['content-type'] ?? '' };
      await route.continue();
    });
    await page.getByRole('button', { name: zh ? '上传' : 'Upload', exact: true }).click();
    await expect(page.getByText(zh ? '上传成功，请在电脑端核对并确认提交' : 'Uploaded. Check it on the PC')).toBeVisible();
    await expect(page.getByText(receiptNumber, { exact: false }).first()).toBeVisible();
    await shot(page, opts, '3-uploaded');
    const uploaded = sent as { bytes: Buffer; mediaType: string } | null;
    if (!uploaded) throw new Error('the phone page sent no photo');
    return { receiptNumber, photo, uploaded };
  } finally {
    await context.close();
  }
}

/**
 * Opens a link the server refuses (expired, used, invalid) and checks the page shows `message` (the server's text,
 * e.g. 二维码已过期 / 二维码已使用过) with its hint, and no camera. Closes its context.
 */
export async function expectPhoneLinkRefused(browser: Browser, linkUrl: string, message: string | RegExp, opts: PhoneOptions = {}): Promise<void> {
  const { context, page } = await openPhonePage(browser, linkUrl, opts);
  try {
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(message);
    await expect(alert).toContainText(opts.locale && !opts.locale.startsWith('zh') ? 'QR code' : '二维码');
    await expect(page.locator('video')).toHaveCount(0);
    await expect(page.getByRole('button', { name: '拍照', exact: true })).toHaveCount(0);
    await shot(page, opts, 'refused');
  } finally {
    await context.close();
  }
}

/**
 * The fallback without a camera (denied): the page says so and offers a file input; `picture` (a file path) is
 * chosen, cropped to the frame's aspect around its centre, previewed and uploaded. Returns the receipt number the
 * page showed, the previewed photo's size and the aspect it should have. Closes its context.
 */
export async function uploadReceiptFromFile(browser: Browser, linkUrl: string, picture: string, opts: PhoneOptions = {}): Promise<Omit<PhoneUpload, 'uploaded'> & { frameAspect: number }> {
  const { context, page } = await openPhonePage(browser, linkUrl, { ...opts, noCamera: true });
  try {
    await expect(page.getByText('无法打开摄像头')).toBeVisible();
    const receiptNumber = (await page.locator('dt', { hasText: '收据编号' }).locator('xpath=following-sibling::dd[1]').textContent())!.trim();
    await expect(page.locator('video')).toHaveCount(0);
    await shot(page, opts, '1-no-camera');
    await page.locator('input[type=file]').setInputFiles(picture);
    const preview = page.getByRole('img', { name: '收据照片预览' });
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    const photo = await preview.evaluate((img: HTMLImageElement) => ({ width: img.naturalWidth, height: img.naturalHeight }));
    await shot(page, opts, '2-preview');
    await page.getByRole('button', { name: '上传', exact: true }).click();
    await expect(page.getByText('上传成功，请在电脑端核对并确认提交')).toBeVisible();
    return { receiptNumber, photo, frameAspect: RECEIPT_FRAME_ASPECT };
  } finally {
    await context.close();
  }
}
