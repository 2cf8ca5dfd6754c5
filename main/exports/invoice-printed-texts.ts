import type { Invoice } from './invoice-data';
import type { InvoiceFormat } from './invoice-labels';
import { buyerIdentifiers, sellerBillingLine, sellerLines } from './invoice-legal-texts';
import type { Weight } from './invoice-text';

/** A text a document prints from the data, named as the operator would look for it. */
export interface PrintedText {
  field: string;
  text: string;
  weight: Weight;
}

const regular = (field: string, text: string): PrintedText => ({ field, text, weight: 'regular' });

/**
 * Every text of the invoice that comes from the shop's data or the settings, with the weight it is printed in:
 * what the export checks against the fonts before it writes anything. The layout's own words are checked once,
 * by the tests. Kept beside the layout, which prints exactly these.
 */
export function printedTexts(invoice: Invoice, format: InvoiceFormat): PrintedText[] {
  return [
    ...sellerTexts(invoice.seller, format),
    regular('invoice number', invoice.number),
    ...buyerTexts(invoice.buyer, format),
    ...invoice.lines.flatMap((line, index) => [
      regular(`line ${index + 1} code`, line.code),
      regular(`line ${index + 1} label`, line.label),
      regular(`line ${index + 1} description`, line.detail),
    ]),
    // The currency's symbol or code, as the amounts print it.
    regular('currency', format.amount(0, invoice.currency)),
    regular('payment method', format.paymode(invoice.paymode)),
    regular('sales conditions', invoice.salesConditions),
    regular('footer', invoice.footer),
  ].filter((printed) => printed.text !== '');
}

export function sellerTexts(seller: Invoice['seller'], format: InvoiceFormat): PrintedText[] {
  return [
    { field: 'seller name', text: seller.name || seller.shopName, weight: 'bold' as const },
    regular('shop name', seller.shopName),
    ...sellerLines(seller, format).map((line) => regular('seller identity', line)),
    regular('seller billing address', sellerBillingLine(seller, format)),
  ];
}

export function buyerTexts(buyer: Invoice['buyer'], format: InvoiceFormat): PrintedText[] {
  return [
    ...buyer.lines.map((line, index) => regular(`customer ${buyer.fields[index] ?? 'address'}`, line)),
    regular('customer country', format.country(buyer.country)),
    regular('customer email', buyer.email),
    ...buyerIdentifiers(buyer, format).map((line) => regular('customer identifiers', line)),
    ...(buyer.ownAddress?.lines ?? []).map((line) => regular('customer own address', line)),
    regular('customer own country', buyer.ownAddress ? format.country(buyer.ownAddress.country) : ''),
  ];
}
