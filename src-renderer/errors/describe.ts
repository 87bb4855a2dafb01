import type { AppError } from '@shared/contract/result';
import type { ErrorEntry } from '@shared/errors/catalog';
import { clientErrors } from '@shared/errors/client';
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
  /** The server's request id, for the clerk to copy into a support ticket. */
  requestId?: string;
}

type Texts = { message: ErrorEntry['message']; hint?: ErrorEntry['hint'] };

/** The one text of a code, from the catalogs in src-shared/errors (errors/one-text.test.ts keeps it one). */
function catalogEntry(code: string): Texts | undefined {
  for (const catalog of [tokenErrors, serverErrors, clientErrors] as const) {
    if (Object.hasOwn(catalog, code)) return (catalog as Record<string, Texts>)[code];
  }
  return undefined;
}

/** Message and hint for a stable error code; an unknown code still gets a sentence that names it. */
export function describeError(error: AppError, locale: Locale): ErrorDescription {
  const entry = catalogEntry(error.code);
  let message: string;
  let hint: string | undefined;
  if (entry) {
    message = entry.message[locale];
    hint = entry.hint?.[locale];
  } else {
    message = translate(locale, 'error.unknown', { code: error.code });
    hint = translate(locale, 'error.unknownHint');
  }
  // What the key reported with a wrong PIN, and no more (issue 21 item 8): its last try, else a count its driver
  // gave; a count-low flag alone only says a PIN was wrong, which the message already says.
  const triesLeft = error.details?.triesLeft;
  const more =
    error.code !== 'PIN_INCORRECT'
      ? null
      : error.details?.finalTry === true
        ? translate(locale, 'keys.pin.finalTry')
        : typeof triesLeft === 'number'
          ? translate(locale, 'ca.pin.triesLeft', { count: triesLeft })
          : null;
  if (more) message = `${message}${locale === 'zh-CN' ? '' : ' '}${more}`;
  return {
    code: error.code,
    message,
    ...(hint === undefined ? {} : { hint }),
    retriable: error.retriable,
    ...(error.requestId ? { requestId: error.requestId } : {}),
  };
}

/** The message for a validator's stable code (USCC_*, ID_*, MOBILE_FORMAT). */
export function validationMessage(code: string, locale: Locale): string {
  const key = `validation.${code}`;
  return isMessageKey(key) ? translate(locale, key) : translate(locale, 'error.unknown', { code });
}
