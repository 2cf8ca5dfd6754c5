import type { ExportLocale } from './spreadsheet-cells';
import { INVOICE_WORDS, type InvoiceWords } from './invoice-words';

export type { InvoiceWords } from './invoice-words';

const INTL_LOCALE: Record<ExportLocale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** Numbers, amounts, rates and dates as the locale writes them; the Intl formatters are built once each. */
export class InvoiceFormat {
  readonly words: InvoiceWords;
  private readonly intlLocale: string;
  private readonly money = new Map<string, Intl.NumberFormat>();
  private readonly percent: Intl.NumberFormat;
  private readonly integer: Intl.NumberFormat;
  private readonly day: Intl.DateTimeFormat;
  private readonly regions: Intl.DisplayNames;

  constructor(readonly locale: ExportLocale) {
    this.words = INVOICE_WORDS[locale];
    this.intlLocale = INTL_LOCALE[locale];
    this.percent = new Intl.NumberFormat(this.intlLocale, { style: 'percent', maximumFractionDigits: 2 });
    this.integer = new Intl.NumberFormat(this.intlLocale, { maximumFractionDigits: 0 });
    this.day = new Intl.DateTimeFormat(this.intlLocale, { day: '2-digit', month: '2-digit', year: 'numeric' });
    this.regions = new Intl.DisplayNames(this.intlLocale, { type: 'region' });
  }

  /**
   * `1 250,00 €` in French (narrow no-break space between thousands, no-break space before the symbol),
   * `€1,250.00` in English. cents / 100 is the double nearest to the exact amount, and formatting to two
   * decimals rounds it back to that exact amount, so no cent is ever lost on the way.
   */
  amount(cents: number, currency: string): string {
    let format = this.money.get(currency);
    if (!format) {
      format = new Intl.NumberFormat(this.intlLocale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 });
      this.money.set(currency, format);
    }
    return format.format(cents / 100);
  }

  /**
   * Basis points as a percentage: 550 → `5,5 %` in French, `5.5%` in English. French puts a space before the
   * sign; Intl's no-break space (a third of an em) is so narrow after a single digit that readers of the PDF's
   * text (pdftotext, accounting tools) join "0 %" into "0%" while keeping "20 %" apart: a figure space (as wide
   * as a digit, no-break too) keeps every rate written alike.
   */
  rate(basisPoints: number): string {
    return this.percent.format(basisPoints / 10_000).replace(/[\u00a0\u202f](?=%)/, '\u2007');
  }

  quantity(quantity: number): string {
    return this.integer.format(quantity);
  }

  /** A Unix time as the day in the machine's time zone: `22/11/2026` in both locales. */
  date(unixSeconds: number): string {
    return this.day.format(new Date(unixSeconds * 1000));
  }

  /** `FR` → `France`; a value that is not a region code is printed as it is. */
  country(code: string): string {
    if (!/^[A-Za-z]{2}$/.test(code)) return code;
    try {
      return this.regions.of(code.toUpperCase()) ?? code;
    } catch {
      return code;
    }
  }

  /** A SIREN in groups of three, as registers print it: 123 456 789 (no-break spaces). */
  siren(siren: string): string {
    return /^\d{9}$/.test(siren) ? siren.replace(/(\d{3})(\d{3})(\d{3})/, '$1\u00a0$2\u00a0$3') : siren;
  }

  paymode(code: string): string {
    return this.words.paymodes[code] ?? code;
  }
}
