import type { ExportLocale } from './spreadsheet-cells';

/** The words of an invoice, in French and English. */
export interface InvoiceWords {
  /** What follows a label: French puts a no-break space before the colon, English none. */
  colon: string;
  invoice: string;
  proformaInvoice: string;
  proformaMark: string;
  paidMark: string;
  number: string;
  issued: string;
  due: string;
  order: string;
  billTo: string;
  vatNumber: string;
  siren: string;
  columns: { code: string; description: string; quantity: string; unitPrice: string; untaxed: string; vatRate: string };
  vatBreakdown: string;
  rate: string;
  base: string;
  vat: string;
  totalUntaxed: string;
  totalVat: string;
  totalWithTax: string;
  paid: string;
  amountDue: string;
  paymentTerms: string;
  terms: (days: number, dueDate: string) => string;
  paymode: string;
  paymodes: Readonly<Record<string, string>>;
  salesConditions: string;
  page: (page: number, pages: number) => string;
}

const WORDS: Record<ExportLocale, InvoiceWords> = {
  fr: {
    colon: '\u00a0:',
    invoice: 'FACTURE',
    proformaInvoice: 'FACTURE PROFORMA',
    proformaMark: 'PROFORMA',
    paidMark: 'PAYÉE',
    number: 'N°',
    issued: 'Date d’émission',
    due: 'Échéance',
    order: 'Commande',
    billTo: 'Facturé à',
    vatNumber: 'N° TVA',
    siren: 'SIREN',
    columns: { code: 'Code', description: 'Désignation', quantity: 'Qté', unitPrice: 'P.U. HT', untaxed: 'Total HT', vatRate: 'TVA' },
    vatBreakdown: 'Détail de la TVA',
    rate: 'Taux',
    base: 'Base HT',
    vat: 'TVA',
    totalUntaxed: 'Total HT',
    totalVat: 'Total TVA',
    totalWithTax: 'Total TTC',
    paid: 'Déjà réglé',
    amountDue: 'Reste à payer',
    paymentTerms: 'Conditions de paiement',
    terms: (days, dueDate) => `Paiement à ${days} jours à compter de la date d’émission, au plus tard le ${dueDate}.`,
    paymode: 'Mode de paiement',
    paymodes: { check: 'chèque', transfer: 'virement bancaire', paypal: 'PayPal', card: 'carte bancaire', free: 'gratuit' },
    salesConditions: 'Conditions générales de vente',
    page: (page, pages) => `Page ${page} / ${pages}`,
  },
  en: {
    colon: ':',
    invoice: 'INVOICE',
    proformaInvoice: 'PROFORMA INVOICE',
    proformaMark: 'PROFORMA',
    paidMark: 'PAID',
    number: 'No.',
    issued: 'Issue date',
    due: 'Due date',
    order: 'Order',
    billTo: 'Bill to',
    vatNumber: 'VAT No.',
    siren: 'SIREN',
    columns: { code: 'Code', description: 'Description', quantity: 'Qty', unitPrice: 'Unit price', untaxed: 'Net total', vatRate: 'VAT' },
    vatBreakdown: 'VAT breakdown',
    rate: 'Rate',
    base: 'Net',
    vat: 'VAT',
    totalUntaxed: 'Total excl. VAT',
    totalVat: 'Total VAT',
    totalWithTax: 'Total incl. VAT',
    paid: 'Paid',
    amountDue: 'Amount due',
    paymentTerms: 'Payment terms',
    terms: (days, dueDate) => `Payment within ${days} days of the issue date, by ${dueDate} at the latest.`,
    paymode: 'Payment method',
    paymodes: { check: 'cheque', transfer: 'bank transfer', paypal: 'PayPal', card: 'card', free: 'free' },
    salesConditions: 'Terms and conditions of sale',
    page: (page, pages) => `Page ${page} of ${pages}`,
  },
};

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
    this.words = WORDS[locale];
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

  /** Basis points as a percentage: 550 → `5,5 %`. */
  rate(basisPoints: number): string {
    return this.percent.format(basisPoints / 10_000);
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

  paymode(code: string): string {
    return this.words.paymodes[code] ?? code;
  }
}
