import { createContext, type ReactNode, useCallback, useContext, useLayoutEffect, useMemo, useState } from 'react';
import { type Language, MESSAGES, type MessageKey } from './messages';

interface I18n {
  language: Language;
  setLanguage(language: Language): void;
  /** A fixed text. */
  t(key: MessageKey): string;
  /** A text with `{name}` placeholders filled in, e.g. `f('wait.AWAITING_AUTHORITY', { who: 'CoMensha' })`. */
  f(key: MessageKey, values: Record<string, string>): string;
  /** The label of an API enum value, e.g. `label('kind', 'COSM')`; the value itself when unknown. */
  label(group: string, value: string): string;
  /** A date and time in Europe/Amsterdam, as people on shift read it. */
  dateTime(iso: string | null | undefined): string;
}

const LANGUAGE_KEY = 'opvangplek.language';
const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  // Only the language choice is kept across visits; nothing about people ever is.
  return localStorage.getItem(LANGUAGE_KEY) === 'en' ? 'en' : 'nl';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(LANGUAGE_KEY, next);
    setLanguageState(next);
  }, []);
  // `<html lang>` is the language shown, from the first render: also after a reload in English
  // (index.html says `nl`), so screen readers pronounce the words in the right language.
  useLayoutEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo<I18n>(() => {
    const messages = MESSAGES[language];
    const format = new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', {
      timeZone: 'Europe/Amsterdam',
      dateStyle: 'short',
      timeStyle: 'short',
    });
    return {
      language,
      setLanguage,
      t: (key) => messages[key],
      f: (key, values) => messages[key].replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole),
      label: (group, value) => (messages as Record<string, string>)[`${group}.${value}`] ?? value,
      dateTime: (iso) => (iso ? format.format(new Date(iso)) : '—'),
    };
  }, [language, setLanguage]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}
