import { centsText } from '../money/cents-text';
import { AppError, type ErrorCode } from '../contract/errors';
import { ERROR_TEXTS, type ErrorTextKey } from './texts';

/**
 * A refusal's words in both languages. The core states what went wrong once, as a text key and the values it
 * names (a bill's number, an amount with its currency, a state); each reader writes it in its own language:
 * the window in the app's language (renderer/src/errors/error-text.ts), the CLI and the logs in English, the
 * message they always had.
 *
 * Why the window formats, rather than the core answering in the caller's language: the window knows its
 * language (a core thread serves several windows and the CLI, and "system" means the window's system), it
 * re-renders an error already shown when the operator switches language, and it formats amounts and states
 * the way it formats them elsewhere (551,76 €, « Payée »). The texts live here, in shared/, so the English the
 * CLI prints and the English the window shows are one text, never two copies drifting apart.
 *
 * The key and values travel in the error's `details.text`, which every transport carries as it is; an error
 * without them (one not converted yet, a transport's own) is shown with its English message.
 */

/**
 * Findings the core words in English and the window words again from their codes, the way it words them where
 * it lists them (a catalog's field issues, a production plan's problems, an imported file's refused line, a
 * missing invoice mention). Their English is each one's `message`; `params` are what the window needs to
 * word it, checked by the window before use (renderer/src/errors/coded-words.ts).
 */
export const codedKinds = [
  'catalogIssue',
  'catalogImportRow',
  'productionProblem',
  'productionStep',
  'productionDiagnosis',
  'letteringProblem',
  'invoiceMention',
  'unprintableText',
  'outboxDamage',
] as const;
export type CodedKind = (typeof codedKinds)[number];
export interface CodedItem {
  code: string;
  message: string;
  params?: Readonly<Record<string, unknown>>;
}

/** How a kind's findings are joined: sentences one after another, or a series of phrases (a; b; c). */
const JOINED_AS: Readonly<Record<CodedKind, 'sentences' | 'series'>> = {
  catalogIssue: 'sentences',
  catalogImportRow: 'sentences',
  productionProblem: 'sentences',
  productionStep: 'sentences',
  productionDiagnosis: 'sentences',
  letteringProblem: 'sentences',
  invoiceMention: 'series',
  unprintableText: 'series',
  outboxDamage: 'sentences',
};

/**
 * A value a text names: plain text or a number as it is, an amount, a bill state, a list of states, or findings
 * worded from their codes.
 */
export type TextValue =
  | string
  | number
  | { cents: number; currency: string }
  | { status: string }
  | { statuses: readonly string[] }
  | { coded: CodedKind; items: readonly CodedItem[] };
export type TextParams = Readonly<Record<string, TextValue>>;

/** The `{name}` placeholders of a template, as a union of names. */
type Placeholders<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | Placeholders<Rest> : never;
export type ParamsOf<K extends ErrorTextKey> = Record<Placeholders<(typeof ERROR_TEXTS)[K]['en']>, TextValue>;

export interface ErrorTextDetails {
  key: ErrorTextKey;
  params: TextParams;
}

export type TextLanguage = 'fr' | 'en';

/** How a reader writes the values: its money, its state names and its words for coded findings. */
export interface ValueFormat {
  money(cents: number, currency: string): string;
  status(code: string): string;
  coded(kind: CodedKind, item: CodedItem): string;
}

/** The core's English, as its messages always read: 1234.56 EUR, states by their codes (scripts grep them). */
export const PLAIN_FORMAT: ValueFormat = {
  money: (cents, currency) => `${centsText(cents)} ${currency}`,
  status: (code) => code,
  coded: (_kind, item) => item.message,
};

function valueText(value: TextValue, language: TextLanguage, format: ValueFormat): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if ('cents' in value) return format.money(value.cents, value.currency);
  if ('status' in value) return format.status(value.status);
  if ('coded' in value) {
    const separator = JOINED_AS[value.coded] === 'sentences' ? ' ' : language === 'fr' ? '\u202f; ' : '; ';
    return value.items.map((item) => format.coded(value.coded, item)).join(separator);
  }
  return value.statuses.map((status) => format.status(status)).join(', ');
}

export function isErrorTextKey(key: string): key is ErrorTextKey {
  return Object.prototype.hasOwnProperty.call(ERROR_TEXTS, key);
}

/** A text in a language; a placeholder without its value stays visible as {name}, so the slip shows. */
export function formatErrorText(key: ErrorTextKey, params: TextParams, language: TextLanguage, format: ValueFormat): string {
  return ERROR_TEXTS[key][language].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    // null too: a value read from outside (a capture, an old answer) may be null where a string was typed.
    return value === undefined || value === null ? whole : valueText(value, language, format);
  });
}

/**
 * A refusal with its text: `new AppError(code, <the English text>, { ...details, text: { key, params } })`.
 * The params are checked against the English template's placeholders at compile time.
 */
export function refusal<K extends ErrorTextKey>(code: ErrorCode, key: K, params: ParamsOf<K>, details?: Record<string, unknown>): AppError {
  const text: ErrorTextDetails = { key, params: params as TextParams };
  return new AppError(code, formatErrorText(key, text.params, 'en', PLAIN_FORMAT), { ...details, text });
}

/** The text key and values an error carries, when they are well formed and this version knows the key. */
export function errorTextOf(details: Readonly<Record<string, unknown>> | undefined): ErrorTextDetails | null {
  const text = details?.['text'];
  if (typeof text !== 'object' || text === null) return null;
  const { key, params } = text as { key?: unknown; params?: unknown };
  if (typeof key !== 'string' || !isErrorTextKey(key) || typeof params !== 'object' || params === null) return null;
  for (const value of Object.values(params)) if (!isTextValue(value)) return null;
  return { key, params: params as TextParams };
}

function isTextValue(value: unknown): value is TextValue {
  if (typeof value === 'string' || typeof value === 'number') return true;
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if ('cents' in v) return typeof v['cents'] === 'number' && typeof v['currency'] === 'string';
  if ('status' in v) return typeof v['status'] === 'string';
  if ('coded' in v) return isCodedKind(v['coded']) && Array.isArray(v['items']) && v['items'].every(isCodedItem);
  return Array.isArray(v['statuses']) && v['statuses'].every((s) => typeof s === 'string');
}

function isCodedKind(kind: unknown): kind is CodedKind {
  return typeof kind === 'string' && (codedKinds as readonly string[]).includes(kind);
}

function isCodedItem(item: unknown): item is CodedItem {
  if (typeof item !== 'object' || item === null) return false;
  const { code, message, params } = item as Record<string, unknown>;
  return (
    typeof code === 'string' && typeof message === 'string' && (params === undefined || (typeof params === 'object' && params !== null))
  );
}

/** Findings as a text value: `items` with their English messages, worded again by a reader that knows the kind. */
export function coded(kind: CodedKind, items: readonly CodedItem[]): TextValue {
  return { coded: kind, items };
}
