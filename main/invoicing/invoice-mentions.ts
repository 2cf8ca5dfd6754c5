import { coded, refusal } from '../../shared/errors/error-text';
import type { MissingMention } from '../../shared/contract/invoicing';
import type { Invoice } from '../exports/invoice-data';

/** What the check reads of a document: an invoice, or a credit note (whose customer and lines are an invoice's). */
export type MentionSubject = Pick<Invoice, 'billId' | 'proforma' | 'buyer'> & {
  lines: readonly Pick<Invoice['lines'][number], 'taxratio' | 'exemption' | 'taxcode'>[];
};
import { settingsMissing, type InvoicingContext } from './invoicing-context';

/**
 * Which mandatory mentions (docs/invoice-mentions.md) the invoices of an export would lack, gathered before
 * any file is made: an invoice that lacks one is never issued. The settings' gaps are listed once, the
 * customers' once per customer with the bills concerned, a tax's once.
 */
export class MentionsCheck {
  private readonly settings: MissingMention[];
  private readonly taxes = new Map<number, MissingMention>();
  private readonly customers = new Map<string, MissingMention>();
  private vatNumber = false;

  constructor(private readonly context: InvoicingContext) {
    // The exemptions and the VAT number are asked for as the invoices need them.
    this.settings = settingsMissing(context).filter((entry) => entry.mention !== 'tax.exemption' && entry.mention !== 'seller.vatnumber');
  }

  add(invoice: MentionSubject): void {
    const { seller } = this.context;
    for (const line of invoice.lines) {
      if (line.taxratio === 0 && line.exemption === null && !this.taxes.has(line.taxcode)) {
        const title = this.context.taxes.get(line.taxcode)?.title ?? `#${line.taxcode}`;
        this.taxes.set(line.taxcode, { mention: 'tax.exemption', where: 'settings', tax: { id: line.taxcode, title } });
      }
      if (seller.vatnumber === '' && (line.taxratio > 0 || line.exemption === 'reverseCharge' || line.exemption === 'intraEuGoods')) {
        this.vatNumber = true;
      }
    }
    const customer = (mention: MissingMention['mention']) => {
      const key = `${mention}/${invoice.buyer.customerId}`;
      const entry = this.customers.get(key);
      if (entry) entry.billIds!.push(invoice.billId);
      else {
        const name = invoice.buyer.lines.slice(0, 2).join(', ') || `#${invoice.buyer.customerId}`;
        this.customers.set(key, {
          mention,
          where: 'customer',
          customer: { id: invoice.buyer.customerId, name },
          billIds: [invoice.billId],
        });
      }
    };
    if (!invoice.buyer.named) customer('customer.name');
    if (!invoice.buyer.addressed) customer('customer.address');
    // The customer's SIREN (e-invoicing reform): a French business has one. A proforma is no invoice yet.
    const french = invoice.buyer.country === '' || invoice.buyer.country.toUpperCase() === 'FR';
    if (!invoice.proforma && invoice.buyer.business && french && !/^\d{9}$/.test(invoice.buyer.siren)) customer('customer.siren');
  }

  missing(): MissingMention[] {
    return [
      ...this.settings,
      ...(this.vatNumber ? [{ mention: 'seller.vatnumber', where: 'settings' } as const] : []),
      ...this.taxes.values(),
      ...this.customers.values(),
    ];
  }

  /** Throws invoice_mentions_missing when anything is missing. */
  assertComplete(): void {
    const missing = this.missing();
    if (missing.length === 0) return;
    // Each mention is worded by the window as in its list of missing mentions (the entry is its params).
    const items = missing.map((entry) => ({ code: entry.mention, message: describe(entry), params: entry }));
    throw refusal('invoice_mentions_missing', 'invoice.mentionsMissing', { missing: coded('invoiceMention', items) }, { missing });
  }
}

const NAMES: Readonly<Record<MissingMention['mention'], string>> = {
  'seller.name': "the seller's name",
  'seller.address': "the seller's address",
  'seller.siren': "the seller's SIREN",
  'seller.vatnumber': "the seller's VAT number",
  'seller.legalForm': "the seller's legal form",
  'seller.shareCapital': "the seller's share capital",
  'seller.registryCity': 'the city of its trade register (RCS)',
  'payment.latePenalty': 'the late-payment penalty rate',
  'payment.earlyPaymentDiscount': 'the early-payment discount (or that there is none)',
  operations: 'what the shop sells (goods, services or both)',
  'tax.exemption': 'the legal basis of the exemption of tax',
  'customer.name': 'the name of customer',
  'customer.address': 'the address of customer',
  'customer.siren': 'the SIREN of customer',
};

function describe(entry: MissingMention): string {
  const base = NAMES[entry.mention];
  if (entry.tax) return `${base} “${entry.tax.title}”`;
  if (entry.customer) {
    const bills = entry.billIds ?? [];
    const listed = bills.slice(0, 5).join(', ') + (bills.length > 5 ? `, and ${bills.length - 5} more` : '');
    return `${base} ${entry.customer.name} (bill${bills.length === 1 ? '' : 's'} ${listed})`;
  }
  return base;
}
