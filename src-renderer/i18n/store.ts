import { useCallback } from 'react';
import { translate, type Locale, type MessageKey, type MessageVars } from '@shared/i18n/messages';
import { useSettings } from '../state/settings';

export type Translate = (key: MessageKey, vars?: MessageVars) => string;

export function useLocale(): Locale {
  return useSettings((s) => s.locale);
}

/** `const t = useT(); t('key.status.inserted', { count: 2 })` */
export function useT(): Translate {
  const locale = useLocale();
  return useCallback<Translate>((key, vars) => translate(locale, key, vars), [locale]);
}
