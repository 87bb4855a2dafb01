/**
 * The phone page's two requests, without zod or the console's client (the page must stay small on a phone
 * connection): the link's information, and the photo upload with progress (XMLHttpRequest, since fetch reports
 * no upload progress). The paths and the size limit mirror the contract (src-shared/contract/http/disbursement.ts);
 * api.test.ts holds them to it. Failures are one `PhoneError` with the server's stable code, message and hint.
 */
import type { z } from 'zod';
import type { phoneReceiptInfoSchema } from '@shared/contract/http/disbursement';
import type { ErrorBody } from '@shared/contract/http/route';
import { routeUrl } from '@shared/contract/http/url';
import { clientErrors } from '@shared/errors/client';

export type PhoneReceiptInfo = z.infer<typeof phoneReceiptInfoSchema>;
export type PhoneErrorBody = Pick<ErrorBody['error'], 'code' | 'message' | 'hint' | 'requestId'>;

/** PHOTO_MAX_BYTES of the contract. */
export const PHOTO_LIMIT_BYTES = 10 * 1024 * 1024;

export const INFO_ROUTE = { path: '/api/phone/receipt-links/:token' } as const;
export const PHOTO_ROUTE = { path: '/api/phone/receipt-links/:token/photo' } as const;
export const infoPath = (token: string) => routeUrl(INFO_ROUTE, { params: { token } });
export const photoPath = (token: string) => routeUrl(PHOTO_ROUTE, { params: { token } });

/** The codes after which this link can do nothing more: no camera, no retry, scan a new QR code. */
export const TERMINAL_CODES = ['RECEIPT_LINK_INVALID', 'RECEIPT_LINK_EXPIRED', 'RECEIPT_LINK_USED'] as const;

export class PhoneError extends Error {
  constructor(readonly body: PhoneErrorBody) {
    super(body.code);
  }
  get code(): string {
    return this.body.code;
  }
  /** The link is invalid, expired or spent. */
  get terminal(): boolean {
    return (TERMINAL_CODES as readonly string[]).includes(this.body.code);
  }
}

/** The server's error body, read without a schema library; null when the answer is not one. */
export function readErrorBody(json: unknown): PhoneErrorBody | null {
  const e = (json as { error?: Record<string, unknown> } | null)?.error;
  if (!e || typeof e.code !== 'string' || !isText(e.message)) return null;
  return { code: e.code, message: e.message, hint: isText(e.hint) ? e.hint : undefined, requestId: typeof e.requestId === 'string' ? e.requestId : undefined };
}

function isText(v: unknown): v is { 'zh-CN': string; en: string } {
  const o = v as Record<string, unknown> | null | undefined;
  return typeof o?.['zh-CN'] === 'string' && typeof o.en === 'string';
}

/** Said when the server cannot be reached (the one text of the code, src-shared/errors/client.ts). */
export const UNREACHABLE: PhoneErrorBody = { code: 'SERVER_UNREACHABLE', message: clientErrors.SERVER_UNREACHABLE.message };
/** Said when something answered that is not the portal (a proxy's error page). */
const UNREADABLE: PhoneErrorBody = { code: 'SERVER_ANSWER_UNREADABLE', message: clientErrors.SERVER_ANSWER_UNREADABLE.message };

export async function fetchInfo(token: string): Promise<PhoneReceiptInfo> {
  let res: Response;
  try {
    res = await fetch(infoPath(token), { headers: { accept: 'application/json' }, cache: 'no-store' });
  } catch {
    throw new PhoneError(UNREACHABLE);
  }
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) throw new PhoneError(readErrorBody(json) ?? UNREADABLE);
  const info = json as Partial<PhoneReceiptInfo> | null;
  if (!info || typeof info.receiptNumber !== 'string' || typeof info.amountFen !== 'number' || typeof info.frameAspect !== 'number' || !(info.frameAspect > 0)) {
    throw new PhoneError(UNREACHABLE);
  }
  return info as PhoneReceiptInfo;
}

/** Uploads the JPEG as the raw body; `onProgress` gets 0–100. Resolves with the receipt number the server names. */
export function uploadPhoto(token: string, photo: Blob, onProgress: (percent: number) => void): Promise<{ receiptNumber: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', photoPath(token));
    xhr.setRequestHeader('content-type', photo.type || 'image/jpeg');
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(Math.min(100, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onerror = () => reject(new PhoneError(UNREACHABLE));
    xhr.onload = () => {
      let json: unknown;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const ok = json as { ok?: unknown; receiptNumber?: unknown } | null;
        if (ok?.ok === true && typeof ok.receiptNumber === 'string') resolve({ receiptNumber: ok.receiptNumber });
        else reject(new PhoneError(UNREACHABLE));
      } else {
        reject(new PhoneError(readErrorBody(json) ?? UNREADABLE));
      }
    };
    xhr.send(photo);
  });
}
