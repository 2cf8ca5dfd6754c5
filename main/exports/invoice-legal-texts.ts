import type { EffectiveSeller } from '../../shared/contract/invoicing';
import { exemptionText } from '../invoicing/exemptions';
import type { Invoice, InvoiceLine, VatByRate } from './invoice-data';
import type { InvoiceFormat } from './invoice-labels';

/**
 * The legal mentions of a document as lines of text, one place for the invoice, the credit note and the
 * check of printable characters (docs/invoice-mentions.md gives each one's source).
 */

/** Recovery indemnity due by a business customer paying late (Code de commerce D441-5): 40 €. */
export const RECOVERY_INDEMNITY_CENTS = 4000;

/** The seller's identity under its name: address, legal form and capital, register and SIREN, VAT number, contact. */
export function sellerLines(seller: EffectiveSeller, format: InvoiceFormat): string[] {
  const { words } = format;
  const lines = [...seller.address.split(/\r?\n/), `${seller.zip} ${seller.city}`.trim()];
  if (seller.country !== '') lines.push(format.country(seller.country));
  if (seller.legalForm !== '') {
    lines.push(
      seller.shareCapitalCents === null
        ? seller.legalForm
        : words.capital(seller.legalForm, format.amount(seller.shareCapitalCents, 'EUR')),
    );
  }
  const siren = format.siren(seller.siren);
  if (seller.registry === 'none' || seller.registryCity === '') lines.push(`${words.siren} ${siren}`);
  else lines.push(`${seller.registry} ${seller.registryCity} ${siren}`);
  if (seller.vatnumber !== '') lines.push(`${words.vatNumber} ${seller.vatnumber}`);
  const contact = [seller.email, seller.phone].filter((part) => part !== '').join(' · ');
  if (contact !== '') lines.push(contact);
  return lines.map((line) => line.trim()).filter((line) => line !== '');
}

/** The seller's billing address, when it has one of its own (Code de commerce L441-9). */
export function sellerBillingLine(seller: EffectiveSeller, format: InvoiceFormat): string {
  if (!seller.billing) return '';
  const { address, zip, city, country } = seller.billing;
  const parts = [address.replace(/\r?\n/g, ', '), `${zip} ${city}`.trim(), country ? format.country(country) : ''].filter(
    (part) => part !== '',
  );
  return `${format.words.sellerBilling}${format.words.colon} ${parts.join(', ')}`;
}

/** The customer's identifiers under their address: SIREN (the e-invoicing reform), VAT number. */
export function buyerIdentifiers(buyer: Invoice['buyer'], format: InvoiceFormat): string[] {
  const lines: string[] = [];
  if (buyer.siren !== '') lines.push(`${format.words.siren} ${format.siren(buyer.siren)}`);
  if (buyer.vatnumber !== '') lines.push(`${format.words.vatNumber} ${buyer.vatnumber}`);
  return lines;
}

/** "Nature de l'opération : Prestation de services". */
export function natureLine(invoice: Pick<Invoice, 'nature'>, format: InvoiceFormat): string {
  return invoice.nature ? `${format.words.nature}${format.words.colon} ${format.words.natures[invoice.nature]}` : '';
}

/** The mention a line or a VAT row at 0 % carries: the provision that exempts it. */
export function exemptionMention(row: Pick<InvoiceLine | VatByRate, 'taxratio' | 'exemption'>, format: InvoiceFormat): string {
  return row.taxratio === 0 && row.exemption ? exemptionText(row.exemption, format.locale) : '';
}

/**
 * The payment mentions (Code de commerce L441-9 and L441-10): due date and terms, means, late-payment
 * penalties, the 40 € recovery indemnity for a business customer, the early-payment discount or that there
 * is none; and the VAT-on-debits option when taken (CGI annex II art. 242 nonies A).
 */
export function paymentLines(invoice: Invoice, format: InvoiceFormat): string[] {
  const { words } = format;
  const { payment } = invoice;
  const lines = [
    `${words.terms(payment.termDays, format.date(invoice.dueAt))} ${words.paymode}${words.colon} ${format.paymode(invoice.paymode)}.`,
  ];
  if (payment.latePenaltyBasisPoints !== null) lines.push(words.latePenalty(format.rate(payment.latePenaltyBasisPoints)));
  if (invoice.buyer.business) lines.push(words.recoveryIndemnity(format.amount(RECOVERY_INDEMNITY_CENTS, 'EUR')));
  if (payment.earlyPaymentDiscountBasisPoints === 0) lines.push(words.noEarlyDiscount);
  else if (payment.earlyPaymentDiscountBasisPoints !== null)
    lines.push(words.earlyDiscount(format.rate(payment.earlyPaymentDiscountBasisPoints)));
  if (payment.vatOnDebits) lines.push(words.vatOnDebits);
  return lines;
}
