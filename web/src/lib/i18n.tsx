// Chinese first; English through a small dictionary keyed by the Chinese text (so the Chinese names of controls,
// which console.md fixes, are written once, where they are used).
import { createContext, useContext, useState, type ReactNode } from 'react';
import { EN } from './i18n-en.ts';

export type Lang = 'zh' | 'en';
interface I18n {
  lang: Lang;
  setLang(l: Lang): void;
  t(zh: string): string;
}

const Ctx = createContext<I18n>({ lang: 'zh', setLang: () => {}, t: (s) => s });

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>('zh');
  const setLang = (l: Lang) => {
    setLangState(l);
    document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
  };
  const t = (zh: string) => (lang === 'en' ? (EN[zh] ?? zh) : zh);
  return <Ctx.Provider value={{ lang, setLang, t }}>{children}</Ctx.Provider>;
}

export const useI18n = () => useContext(Ctx);
export const useT = () => useContext(Ctx).t;
