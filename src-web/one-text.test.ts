import { describe, expect, it } from 'vitest';
import { subsidyStatusSchema } from '@shared/contract/http/subsidy';
import type { ErrorEntry } from '@shared/errors/catalog';
import { clientErrors } from '@shared/errors/client';
import { serverErrors } from '@shared/errors/server';
import { tokenErrors } from '@shared/errors/token';
import { catalogs, type Locale } from '@shared/i18n/messages';
import { subsidyStatusLabels } from '@shared/subsidy/status-labels';
import { statusLabel } from './console/domain-labels';
import { messages as consoleMessages } from './console/messages';
import { phoneCatalogs } from './phone/messages';

// One stable code, one text, wherever it is shown: the catalogs in src-shared/errors are its home; the desks'
// message catalogs (desktop, console, phone) say other things and never restate a code's text.
const homes: Array<[string, Readonly<Record<string, ErrorEntry>>]> = [
  ['client', clientErrors],
  ['server', serverErrors],
  ['token', tokenErrors],
];
const locales: Locale[] = ['zh-CN', 'en'];
const deskCatalogs: Array<[string, Record<string, string>]> = locales.flatMap((l) => [
  [`desktop ${l}`, catalogs[l] as Record<string, string>],
  [`console ${l}`, consoleMessages[l] as Record<string, string>],
  [`phone ${l}`, phoneCatalogs[l]],
]);

describe('one text per code', () => {
  it('gives a code that two catalogs know the same message and hint in both', () => {
    const seen = new Map<string, { where: string; entry: ErrorEntry }>();
    for (const [where, catalog] of homes) {
      for (const [code, entry] of Object.entries(catalog)) {
        const first = seen.get(code);
        if (!first) seen.set(code, { where, entry });
        else expect({ message: entry.message, hint: entry.hint }, `${code} in ${first.where} and ${where}`).toEqual({ message: first.entry.message, hint: first.entry.hint });
      }
    }
  });

  it('keeps code texts out of the desks’ message catalogs', () => {
    const codes = new Set(homes.flatMap(([, c]) => Object.keys(c)));
    const texts = new Map<string, string>();
    for (const [, catalog] of homes) for (const [code, e] of Object.entries(catalog)) for (const l of locales) for (const t of [e.message[l], e.hint?.[l]]) if (t) texts.set(t, code);
    const restated: string[] = [];
    for (const [where, catalog] of deskCatalogs) {
      for (const [key, text] of Object.entries(catalog)) {
        // `validation.<CODE>` is a field's message beside the field (forms' catalog of issue codes), not the error's.
        const named = key.startsWith('validation.') ? undefined : /(?:^|\.)([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?:\.|$)/.exec(key)?.[1];
        if (named && codes.has(named)) restated.push(`${where} ${key}: a text for ${named}`);
        if (texts.has(text)) restated.push(`${where} ${key}: the text of ${texts.get(text)}`);
      }
    }
    expect(restated).toEqual([]);
  });

  it('shows an application’s status in the same words on the desktop and the console', () => {
    for (const status of subsidyStatusSchema.options) {
      for (const l of locales) {
        expect(catalogs[l][`subsidy.status.${status}`]).toBe(subsidyStatusLabels[status][l]);
        expect(statusLabel(status, l)).toBe(subsidyStatusLabels[status][l]);
      }
    }
  });
});
