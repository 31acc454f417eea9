// The language of the interface: French or English. The user's choice (remembered in
// localStorage) comes first, then the browser's languages (navigator.languages), then the
// language of the user's profile, then English.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { en, type MessageKey } from './en.ts';
import { fr } from './fr.ts';

export type Locale = 'fr' | 'en';
export const LOCALES: readonly Locale[] = ['fr', 'en'];
const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { fr, en };
const STORAGE_KEY = 'relais.locale';

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export interface I18n {
  locale: Locale;
  t: Translate;
  /** Switches the language and remembers the choice. */
  setLocale(locale: Locale): void;
  /** The profile's language: adopted (not remembered) when neither a choice nor the browser decides. */
  suggestLocale(locale: string | null | undefined): void;
  /** Numbers in the interface's language: 12 345 / 12,345. */
  formatNumber(value: number): string;
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

export function asLocale(value: string | null | undefined): Locale | null {
  const primary = value?.toLowerCase().split(/[-_]/)[0];
  return primary === 'fr' || primary === 'en' ? primary : null;
}

function storedLocale(): Locale | null {
  try {
    return asLocale(localStorage.getItem(STORAGE_KEY));
  } catch {
    return null; // storage disabled: follow the browser
  }
}

/** The remembered choice, else the first browser language we speak; `decided` is false when neither gave one. */
export function detectLocale(): { locale: Locale; decided: boolean } {
  const stored = storedLocale();
  if (stored) return { locale: stored, decided: true };
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const language of languages) {
    const locale = asLocale(language);
    if (locale) return { locale, decided: true };
  }
  return { locale: 'en', decided: false };
}

/** t() for one locale: missing parameters stay visible as {name} rather than vanishing. */
export function translator(locale: Locale): Translate {
  const dictionary = DICTIONARIES[locale];
  return (key, params) => {
    const message = dictionary[key];
    if (!params) return message;
    return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
  };
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [detected] = useState(detectLocale);
  const [locale, setLocaleState] = useState<Locale>(detected.locale);
  const decided = useRef(detected.decided);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    decided.current = true;
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // storage disabled: the choice lasts for this page only
    }
    setLocaleState(next);
  }, []);

  const suggestLocale = useCallback((value: string | null | undefined) => {
    const suggested = asLocale(value);
    if (suggested && !decided.current) setLocaleState(suggested);
  }, []);

  const value = useMemo<I18n>(() => {
    const numbers = new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB');
    return { locale, t: translator(locale), setLocale, suggestLocale, formatNumber: (n) => numbers.format(n) };
  }, [locale, setLocale, suggestLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n() outside <I18nProvider>');
  return i18n;
}
