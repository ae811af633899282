import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { I18nProvider } from 'react-aria-components';
import { loadedEnglish, loadEnglish } from './english';
import { ja, MessageKey } from './messages.ja';
import { LANGUAGE_STORAGE_KEY, storedLanguage } from './stored-language';

export type Language = 'ja' | 'en';
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface LanguageContextValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const LanguageContext = createContext<LanguageContextValue | null>(null);

export function interpolate(text: string, params?: Record<string, string | number>): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * The language shown before React's first render: main.tsx waits for the English dictionary when
 * English was chosen on this browser, so an English page never flashes Japanese.
 */
export const languageReady = (): Promise<unknown> | undefined =>
  storedLanguage() === 'en' ? loadEnglish().catch(() => undefined) : undefined;

/**
 * Japanese first; the choice is kept in localStorage and mirrored on <html lang>. English is shown
 * once its dictionary has arrived (english.ts); if it cannot be downloaded the page stays Japanese.
 */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() =>
    storedLanguage() === 'en' && loadedEnglish() ? 'en' : 'ja',
  );
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const setLanguage = useCallback((next: Language) => {
    const show = () => {
      setLanguageState(next);
      try {
        localStorage.setItem(LANGUAGE_STORAGE_KEY, next);
      } catch {
        /* private mode: the choice lasts for this page only */
      }
    };
    if (next === 'ja') show();
    else loadEnglish().then(show, () => undefined);
  }, []);
  const value = useMemo<LanguageContextValue>(() => {
    const messages = (language === 'en' && loadedEnglish()) || ja;
    return { language, setLanguage, t: (key, params) => interpolate(messages[key] ?? key, params) };
  }, [language, setLanguage]);
  return (
    <LanguageContext.Provider value={value}>
      <I18nProvider locale={language === 'ja' ? 'ja-JP' : 'en-GB'}>{children}</I18nProvider>
    </LanguageContext.Provider>
  );
}

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext);
  if (!value) throw new Error('useLanguage outside LanguageProvider');
  return value;
}
