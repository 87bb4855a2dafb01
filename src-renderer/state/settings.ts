import { create } from 'zustand';
import type { Locale } from '@shared/i18n/messages';
import { call } from '../platform';

interface SettingsState {
  /** zh-CN by default: the clerks using Tongban read Chinese; English is a switch away. */
  locale: Locale;
  /** Reads the saved language from the local store (settings.get). */
  load(): Promise<void>;
  /** Switches the language now and saves it; the switch stands even if saving fails. */
  setLocale(locale: Locale): Promise<void>;
}

export const useSettings = create<SettingsState>((set) => ({
  locale: 'zh-CN',
  load: async () => {
    const r = await call((api) => api.settings.get({}));
    if (r.ok) set({ locale: r.value.language });
  },
  setLocale: async (locale) => {
    set({ locale });
    await call((api) => api.settings.update({ language: locale }));
  },
}));
