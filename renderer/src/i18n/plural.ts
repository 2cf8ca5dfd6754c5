import type { MessageKey } from './en';

const rules = new Map<string, Intl.PluralRules>();

/**
 * The message for `count`: `one` where the language says so (1 in English; 0 and 1 in French), else
 * `other`. Two forms cover English and French; a language with more would need more keys.
 */
export function pluralKey(locale: string, count: number, one: MessageKey, other: MessageKey): MessageKey {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  return rule.select(count) === 'one' ? one : other;
}
