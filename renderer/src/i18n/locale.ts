import type { Settings } from '../../../shared/contract';

export type Language = 'fr' | 'en';

/** The Intl locale of each language: French of France, and British English for day-month dates. */
export const localeOf: Readonly<Record<Language, string>> = { fr: 'fr-FR', en: 'en-GB' };

/** 'system' follows the OS: French when it is French, English for every other language. */
export function resolveLanguage(setting: Settings['language'], systemLanguage: string | undefined): Language {
  if (setting !== 'system') return setting;
  return systemLanguage?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export interface Formatters {
  number(value: number, options?: Intl.NumberFormatOptions): string;
  /** A day, such as 3 Mar 2026 / 3 mars 2026. */
  date(epochMs: number): string;
  /** A day and a time, such as 3 Mar 2026, 14:05. */
  dateTime(epochMs: number): string;
}

/** Formatters are costly to build, so the common ones are built once per locale. */
export function createFormatters(locale: string): Formatters {
  const number = new Intl.NumberFormat(locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return {
    number: (value, options) => (options ? new Intl.NumberFormat(locale, options) : number).format(value),
    date: (epochMs) => date.format(epochMs),
    dateTime: (epochMs) => dateTime.format(epochMs),
  };
}
