import type { AppError } from '@shared/contract/result';
import type { ErrorEntry } from '@shared/errors/catalog';
import { serverErrors } from '@shared/errors/server';
import { tokenErrors } from '@shared/errors/token';
import { isMessageKey, translate, type Locale } from '@shared/i18n/messages';

/** What a screen shows for an error: the code's message and hint in the clerk's language. */
export interface ErrorDescription {
  code: string;
  message: string;
  hint?: string;
  /** Offer "重试" only then (web-eid's rule: the error decides, not the screen). */
  retriable: boolean;
}

type Texts = { message: ErrorEntry['message']; hint?: ErrorEntry['hint'] };

function catalogEntry(code: string): Texts | undefined {
  // Key errors first: the few codes both catalogs know (CERT_EXPIRED, SIGNATURE_INVALID) read better from the key's side.
  if (Object.hasOwn(tokenErrors, code)) return tokenErrors[code as keyof typeof tokenErrors];
  if (Object.hasOwn(serverErrors, code)) return serverErrors[code as keyof typeof serverErrors];
  return undefined;
}

/** Message and hint for a stable error code; an unknown code still gets a sentence that names it. */
export function describeError(error: AppError, locale: Locale): ErrorDescription {
  const entry = catalogEntry(error.code);
  const ownKey = `error.${error.code}`;
  let message: string;
  let hint: string | undefined;
  if (entry) {
    message = entry.message[locale];
    hint = entry.hint?.[locale];
  } else if (isMessageKey(ownKey)) {
    message = translate(locale, ownKey);
    const hintKey = `error.${error.code}.hint`;
    hint = isMessageKey(hintKey) ? translate(locale, hintKey) : undefined;
  } else {
    message = translate(locale, 'error.unknown', { code: error.code });
    hint = translate(locale, 'error.unknownHint');
  }
  const triesLeft = error.details?.triesLeft;
  if (error.code === 'PIN_INCORRECT' && typeof triesLeft === 'number') {
    message = `${message}${locale === 'zh-CN' ? '' : ' '}${translate(locale, 'ca.pin.triesLeft', { count: triesLeft })}`;
  }
  return hint === undefined
    ? { code: error.code, message, retriable: error.retriable }
    : { code: error.code, message, hint, retriable: error.retriable };
}

/** The message for a validator's stable code (USCC_*, ID_*, MOBILE_FORMAT). */
export function validationMessage(code: string, locale: Locale): string {
  const key = `validation.${code}`;
  return isMessageKey(key) ? translate(locale, key) : translate(locale, 'error.unknown', { code });
}
