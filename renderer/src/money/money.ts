import { centsText } from '../../../shared/money/cents-text';

/**
 * Money in the renderer: amounts travel as integer cents with their currency beside them (the core computes
 * in cents). Text an operator types is parsed digit by digit into cents, never through a float multiplied
 * by 100 (0.29 * 100 is 28.999999999999996); the only float operation is the division by 100 that Intl
 * needs to display an amount.
 */

export type MoneyParseError = 'empty' | 'invalid' | 'ambiguous' | 'precision' | 'range';
export type MoneyParse = { ok: true; cents: number } | { ok: false; error: MoneyParseError };

// Thousands separators people type or paste: spaces of every width (Intl's French output uses U+202F) and the
// Swiss apostrophe.
const GROUPING_SPACES = /[\s\u00a0\u202f\u2009'’]/g;
const CURRENCY = /^(?:€|eur)|(?:€|eur)$/gi;

/**
 * "1 250,50", "1250.5", "1,250.50" and "1.250,50" are all 125050 cents. A single separator followed by
 * exactly three digits ("12,345") is refused as ambiguous: in French it is twelve euros and a fraction, in
 * English twelve thousand. Negative amounts are refused: nothing typed here is one.
 */
export function parseMoneyToCents(text: string): MoneyParse {
  const compact = text.trim().replace(CURRENCY, '').replace(GROUPING_SPACES, '');
  if (compact === '') return { ok: false, error: 'empty' };
  if (!/^\d[\d.,]*$/.test(compact)) return { ok: false, error: 'invalid' };

  const decimalAt = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
  let integer = compact;
  let fraction = '';
  if (decimalAt >= 0) {
    const mark = compact[decimalAt] as '.' | ',';
    const other = mark === '.' ? ',' : '.';
    const marks = compact.split(mark).length - 1;
    if (compact.includes(other)) {
      // Both signs: the last one is the decimal mark, the other groups thousands.
      if (marks > 1) return { ok: false, error: 'invalid' };
      integer = ungroup(compact.slice(0, decimalAt), other) ?? '';
      fraction = compact.slice(decimalAt + 1);
    } else if (marks > 1) {
      // Only a thousands separator repeats: 1.250.000
      integer = ungroup(compact, mark) ?? '';
    } else {
      fraction = compact.slice(decimalAt + 1);
      if (fraction.length === 3) return { ok: false, error: 'ambiguous' };
      integer = compact.slice(0, decimalAt);
    }
    if (integer === '') return { ok: false, error: 'invalid' };
    if (decimalAt === compact.length - 1 && fraction === '') return { ok: false, error: 'invalid' };
  }
  if (!/^\d*$/.test(fraction)) return { ok: false, error: 'invalid' };
  if (fraction.length > 2) return { ok: false, error: 'precision' };

  const cents = Number(`${integer}${fraction.padEnd(2, '0')}`);
  if (!Number.isSafeInteger(cents)) return { ok: false, error: 'range' };
  return { ok: true, cents };
}

/** "1,250,000" with groups of three after the first; null when the grouping is not that. */
function ungroup(text: string, separator: string): string | null {
  const groups = text.split(separator);
  const [first, ...rest] = groups;
  if (first === undefined || !/^\d{1,3}$/.test(first)) return null;
  if (!rest.every((group) => /^\d{3}$/.test(group))) return null;
  return groups.join('');
}

const formatters = new Map<string, Intl.NumberFormat | null>();

function currencyFormatter(locale: string, currency: string): Intl.NumberFormat | null {
  const key = `${locale}/${currency}`;
  if (!formatters.has(key)) {
    try {
      formatters.set(key, new Intl.NumberFormat(locale, { style: 'currency', currency }));
    } catch {
      // An empty or unknown code from the shop: shown as a plain number and the code.
      formatters.set(key, null);
    }
  }
  return formatters.get(key) ?? null;
}

/** 125050, EUR → "1 250,50 €" in French, "€1,250.50" in English. */
export function formatMoney(cents: number, currency: string, locale: string): string {
  const formatter = currencyFormatter(locale, currency);
  if (formatter) return formatter.format(cents / 100);
  const plain = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100);
  return currency ? `${plain} ${currency}` : plain;
}

/** The decimal mark of a locale: "," in French, "." in English. */
export function decimalMark(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.';
}

/** Cents as text to prefill an input, without grouping so it parses back as it is: 125050 → "1250,50". */
export function centsToInput(cents: number, locale: string): string {
  return centsText(cents, decimalMark(locale));
}

/** A rate in basis points (2000 = 20 %, 550 = 5.5 %), as the shop API gives tax ratios. */
export function formatRate(basisPoints: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(basisPoints / 10000);
}
