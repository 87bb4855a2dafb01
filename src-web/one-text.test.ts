import { describe, expect, it } from 'vitest';
import { subsidyStatusSchema } from '@shared/contract/http/subsidy';
import type { ErrorEntry } from '@shared/errors/catalog';
import { clientErrors } from '@shared/errors/client';
import { serverErrors } from '@shared/errors/server';
import { tokenErrors } from '@shared/errors/token';
import { catalogs, type Locale } from '@shared/i18n/messages';
import { contactFieldLabels, enterpriseFieldLabels, fieldMessages, requirementLabels, talentFieldLabels } from '@shared/subsidy/field-labels';
import { subsidyStatusLabels, type StatusText } from '@shared/subsidy/status-labels';
import { choiceLabel, contactFieldLabel, requirementLabel, statusLabel, talentFieldLabel } from './console/domain-labels';
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

  it('names each field, material and choice of the application in the same words on the desktop and the console', () => {
    for (const l of locales) {
      for (const [key, text] of Object.entries(fieldMessages(l))) expect(catalogs[l][key as keyof (typeof catalogs)[typeof l]], key).toBe(text);
      for (const [f, text] of Object.entries(talentFieldLabels)) expect(talentFieldLabel(f, l)).toBe(text[l]);
      for (const [f, text] of Object.entries(contactFieldLabels)) expect(contactFieldLabel(f, l)).toBe(text[l]);
      for (const [r, text] of Object.entries(requirementLabels)) expect(requirementLabel(r, l)).toBe(text[l]);
      expect(choiceLabel('recruitmentChannel', 'headhunting', l)).toBe(catalogs[l]['subsidy.channel.headhunting']);
    }
  });

  // A desk's own entry that names a contract field (`disb.position`, `detail.address`, `subsidy.list.contactMobile`)
  // must say it in the shared words (it may add to them: 证书中的统一社会信用代码). Only the subsidy's and the
  // disbursement's texts: registration has fields of the same names in its own contract.
  it('fails when a desk names a contract field in words of its own', () => {
    const shared: Record<string, StatusText> = {
      ...Object.fromEntries(Object.entries(talentFieldLabels).filter(([f]) => !['name', 'title'].includes(f) && !f.includes('.'))),
      ...Object.fromEntries(Object.entries(contactFieldLabels).map(([f, t]) => [`contact${f[0]!.toUpperCase()}${f.slice(1)}`, t])),
      ...requirementLabels,
      enterpriseName: enterpriseFieldLabels.name,
      uscc: enterpriseFieldLabels.uscc,
      address: enterpriseFieldLabels.address,
      legalRepresentative: enterpriseFieldLabels.legalRepresentative,
    };
    const generated = new Set(Object.keys(fieldMessages('zh-CN')));
    const subsidyKey = /^(subsidy|disb|detail|queue|attachments|timeline|action|publicity)\./;
    const ownWords: string[] = [];
    for (const l of locales) {
      const desks: Array<[string, Record<string, string>]> = [
        [`desktop ${l}`, catalogs[l] as Record<string, string>],
        [`console ${l}`, consoleMessages[l] as Record<string, string>],
        [`phone ${l}`, phoneCatalogs[l]],
      ];
      for (const [where, catalog] of desks) {
        for (const [key, text] of Object.entries(catalog)) {
          if (generated.has(key) || (where.startsWith('phone') ? false : !subsidyKey.test(key))) continue;
          const word = shared[key.split('.').pop()!]?.[l];
          // A template (补全：{what}) names whatever it is given.
          if (word && !text.includes('{') && !text.toLowerCase().includes(word.toLowerCase())) ownWords.push(`${where} ${key}: "${text}" for "${word}"`);
        }
      }
    }
    expect(ownWords).toEqual([]);
  });
});
