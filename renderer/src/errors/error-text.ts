import { billStatusLabel } from '../../../shared/bills/bill-labels';
import type { AppErrorShape } from '../../../shared/contract';
import { errorTextOf, formatErrorText, type ValueFormat } from '../../../shared/errors/error-text';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import type { Language } from '../i18n/locale';
import { createTranslator } from '../i18n/translate';
import { formatMoney } from '../money/money';
import { codedWords } from './coded-words';

/**
 * What a refusal says, in the window's language: the core sends the text's key and values beside its English
 * message (shared/errors/error-text.ts); amounts and states are written as the window writes them elsewhere
 * (551,76 €, « Payée »). An error without them (a transport's own, a refusal not worded in both languages
 * yet) keeps the core's English message, marked `lang="en"` where it is shown.
 */
export function errorText(error: AppErrorShape, i18n: { language: Language; locale: string }): { text: string; lang: Language } {
  return wordedText(error.message, error.details, i18n);
}

/** The same for a message kept apart from its error (a parked change's reason, stored with its text). */
export function wordedText(
  message: string,
  details: Readonly<Record<string, unknown>> | undefined,
  i18n: { language: Language; locale: string },
): { text: string; lang: Language } {
  const text = errorTextOf(details);
  if (!text) return { text: message, lang: 'en' };
  const t = createTranslator(i18n.language === 'fr' ? fr : en);
  const format: ValueFormat = {
    money: (cents, currency) => formatMoney(cents, currency, i18n.locale),
    status: (code) => billStatusLabel(i18n.language, code),
    // In English the core's own words, which name the finding more exactly than a list's; in French the list's.
    coded: (kind, item) =>
      (i18n.language === 'en' ? null : codedWords(kind, item, { t, language: i18n.language, locale: i18n.locale })) ?? item.message,
  };
  try {
    return { text: formatErrorText(text.key, text.params, i18n.language, format), lang: i18n.language };
  } catch {
    // A value this version cannot format (a newer core): the English message still says what to do.
    return { text: message, lang: 'en' };
  }
}

/** The error with its message in the window's language, for code that shows `message` (field errors). */
export function localizedError(error: AppErrorShape, i18n: { language: Language; locale: string }): AppErrorShape {
  return { ...error, message: errorText(error, i18n).text };
}
