// Chinese first, English one click away. Texts are written where they are shown, as
// t('中文', 'English'), so a page carries both languages and no key can go missing.
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useConsoleTheme } from './theme';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';

export type Lang = 'zh' | 'en';
const storageKey = 'cp-console-lang';

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(zh: string, en: string): string;
}

const I18nContext = createContext<I18n>({ lang: 'zh', setLang: () => {}, t: (zh) => zh });

function initialLang(): Lang {
  return localStorage.getItem(storageKey) === 'en' ? 'en' : 'zh';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(storageKey, next);
    setLangState(next);
  }, []);
  const theme = useConsoleTheme();
  const value = useMemo<I18n>(() => ({ lang, setLang, t: (zh, en) => (lang === 'zh' ? zh : en) }), [lang, setLang]);
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={theme}>
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}

/** The t(zh, en) of the language chosen. */
export function useT(): I18n['t'] {
  return useContext(I18nContext).t;
}
