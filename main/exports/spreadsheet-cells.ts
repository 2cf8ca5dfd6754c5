/**
 * How values become spreadsheet cells: text that no spreadsheet will ever run as a formula, amounts as
 * exact numbers with a currency format, times as real dates.
 */

export type ExportLocale = 'fr' | 'en';

/**
 * Text a spreadsheet could take for a formula: `=`, `+`, `-` and `@` start one in Excel and LibreOffice, and
 * a leading tab or carriage return hides such a start. Names, titles and references come from customers
 * typing in a shop's forms, so a customer called `=HYPERLINK("http://…","Refund")` must stay a name.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Control characters XML 1.0 cannot carry: one of them in a name would make the whole workbook unreadable. */
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Excel's limit for the text of one cell. */
const MAX_CELL_TEXT = 32_767;

/**
 * A text cell's content. A formula-like text gets a leading apostrophe: exceljs cannot write Excel's
 * `quotePrefix` style, and the apostrophe is the neutralisation OWASP recommends; it also survives when the
 * operator saves the sheet again as CSV, where a quotePrefix style would be lost and the formula come back.
 */
export function safeText(text: string): string {
  const clean = text.replace(XML_INVALID, '');
  const neutral = FORMULA_START.test(clean) ? `'${clean}` : clean;
  return neutral.length > MAX_CELL_TEXT ? neutral.slice(0, MAX_CELL_TEXT) : neutral;
}

/**
 * Cents as the number a cell holds: the double nearest to the exact decimal amount, which is what typing
 * 1250.5 in the cell gives, so SUM, comparisons and readers see the amount itself. A division is enough:
 * IEEE division rounds the exact quotient cents / 100 to the nearest double, and that quotient is the decimal
 * amount, so it equals Number((cents / 100).toFixed(2)) for every cent below 2^53 (amountOf's test checks a
 * range) without formatting a string per cell.
 */
export function amountOf(cents: number): number {
  return cents / 100;
}

const SYMBOLS: Readonly<Record<string, string>> = { EUR: '€', USD: '$', GBP: '£', CHF: 'CHF', CAD: '$', JPY: '¥' };

/**
 * The number format of an amount in `currency`: French puts the symbol after (`1 250,00 €`), English before
 * (`€1,250.00`). The `,` and `.` of a format code are placeholders the reader's own locale fills in, so the
 * same file shows `1 250,00 €` in a French Excel and `1,250.00 €` in an American one.
 */
export function currencyFormat(currency: string, locale: ExportLocale): string {
  const symbol = SYMBOLS[currency] ?? currency;
  const quoted = `"${symbol.replace(/"/g, '')}"`;
  if (locale === 'fr' || symbol.length > 1) return `#,##0.00 ${quoted}`;
  return `${quoted}#,##0.00`;
}

export const DATE_TIME_FORMAT = 'dd/mm/yyyy hh:mm';
export const DATE_FORMAT = 'dd/mm/yyyy';
export const PERCENT_FORMAT = '0.0%';
export const INTEGER_FORMAT = '0';

/**
 * A Unix time as a spreadsheet date. Spreadsheet dates carry no time zone: the cell must hold the wall-clock
 * time the operator expects (their machine's zone), and exceljs turns a Date into a serial from its UTC
 * fields, so the Date is built with the local wall-clock fields as UTC ones.
 */
export function spreadsheetDate(unixSeconds: number): Date {
  const instant = unixSeconds * 1000;
  // The zone's offset at that very instant, so summer and winter times each get their own.
  return new Date(instant - new Date(instant).getTimezoneOffset() * 60_000);
}

/** The letters of a 1-based column number (1 → A, 27 → AA). */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}
