import { en, type MessageKey, type Messages } from './en';

export type MessageParams = Readonly<Record<string, string | number>>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const PLACEHOLDER = /\{(\w+)\}/g;

/** Fills `{name}` placeholders. A missing parameter stays visible as `{name}` so the slip shows in review. */
export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(PLACEHOLDER, (match, name: string) => {
    const value = params[name];
    return value === undefined ? match : String(value);
  });
}

/** The placeholder names of a message, sorted; the parity test checks fr uses the same ones as en. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '').sort();
}

export function createTranslator(messages: Messages): Translate {
  return (key, params) => interpolate(messages[key], params);
}

/** For keys built at run time (a Moodle function name, an error code from a wire payload). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}
