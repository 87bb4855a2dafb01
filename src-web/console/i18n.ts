/** The console's language (zh-CN unless the reviewer switches) and `useT()` for components. */
import { useCallback } from 'react';
import { create } from 'zustand';
import { format, type Lang, type MessageKey } from './messages';

const STORAGE_KEY = 'tongban.console.lang';

interface LangState {
  lang: Lang;
  setLang(lang: Lang): void;
}

export const useLang = create<LangState>((set) => ({
  lang: localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN',
  setLang(lang) {
    localStorage.setItem(STORAGE_KEY, lang);
    document.documentElement.lang = lang;
    set({ lang });
  },
}));

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function useT(): Translate {
  const lang = useLang((s) => s.lang);
  return useCallback((key, vars) => format(lang, key, vars), [lang]);
}
