import { createContext, useContext, useMemo, type ReactNode } from 'react';
import { en, type Messages } from './en';
import { fr } from './fr';
import { createFormatters, localeOf, type Formatters, type Language } from './locale';
import { createTranslator, type Translate } from './translate';

const catalogs: Readonly<Record<Language, Messages>> = { en, fr };

export interface I18n {
  language: Language;
  /** The Intl locale, e.g. fr-FR. */
  locale: string;
  t: Translate;
  format: Formatters;
}

const I18nContext = createContext<I18n | null>(null);

/** Provides the translator and formatters of one resolved language (the preferences decide which). */
export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo<I18n>(() => {
    const locale = localeOf[language];
    return { language, locale, t: createTranslator(catalogs[language]), format: createFormatters(locale) };
  }, [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}

export function useT(): Translate {
  return useI18n().t;
}
