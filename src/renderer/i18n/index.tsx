// A small i18n: Vietnamese by default, English switchable, the choice kept in localStorage and
// mirrored to <html lang>. Every UI string goes through t().
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { formatDate, formatDateTime } from './dates';
import { en, vi, type MessageKey } from './dict';

export type Lang = 'vi' | 'en';
const STORAGE_KEY = 'quytap.lang';
const DICTS: Record<Lang, Record<MessageKey, string>> = { vi, en };

export function storedLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  const s = DICTS[lang][key] ?? vi[key] ?? key;
  return params ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m)) : s;
}

export type T = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  lang: Lang;
  setLang: (l: Lang) => void;
  t: T;
  /** Picks the text of a {vi, en} pair (tables, fields, legend, API errors). */
  pick: (x: { vi: string; en: string }) => string;
  /** Numbers the Vietnamese way (1.234,5) or the English way (1,234.5). */
  num: (n: number, fractionDigits?: number) => string;
  /** Day and time the way this language writes them ("04/12/2026 21:12", "4 Dec 2026, 21:12"). */
  date: (iso: string) => string;
  /** The day alone ("04/12/2026", "4 Dec 2026"). */
  day: (iso: string) => string;
}

const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(storedLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* private mode: the choice just isn't kept */
    }
  }, []);
  const value = useMemo<I18n>(() => {
    const locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
    const fmt = new Map<number, Intl.NumberFormat>();
    return {
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      pick: (x) => (lang === 'en' ? x.en : x.vi),
      num: (n, d = 0) => {
        let f = fmt.get(d);
        if (!f) fmt.set(d, (f = new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d })));
        return f.format(n);
      },
      date: (iso) => formatDateTime(iso, lang),
      day: (iso) => formatDate(iso, lang),
    };
  }, [lang, setLang]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

export type { MessageKey };
export { formatDate, formatDateTime };
