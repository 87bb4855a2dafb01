import { create } from 'zustand';
import { translate, type Locale, type MessageKey } from '@shared/i18n/messages';

interface LocaleState {
  locale: Locale;
  setLocale(locale: Locale): void;
}

/** zh-CN by default: the clerks using Tongban read Chinese; English is a switch away. */
export const useLocale = create<LocaleState>((set) => ({
  locale: 'zh-CN',
  setLocale: (locale) => set({ locale }),
}));

/** `const t = useT(); t('app.name')` */
export function useT(): (key: MessageKey) => string {
  const locale = useLocale((s) => s.locale);
  return (key) => translate(locale, key);
}
