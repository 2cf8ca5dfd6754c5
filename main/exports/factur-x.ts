import { centsText } from '../../shared/money/cents-text';
import type { Invoice as EInvoice } from '@e-invoice-eu/core';
import type { CreditNoteDocument } from './credit-note-data';
import type { Invoice, InvoiceLine, VatByRate } from './invoice-data';
import type { InvoiceFormat } from './invoice-labels';
import { exemptionMention, paymentLines } from './invoice-legal-texts';

/**
 * An invoice or a credit note as EN 16931 data, in the "internal format" of @e-invoice-eu/core (UBL's names as
 * JSON), from which that library writes the CII XML of the Factur-X EN 16931 profile, alone or embedded in the
 * PDF/A-3 (factur-x-writer.ts; docs/factur-x.md says why this library). Every amount is the PDF's, from the same
 * integer cents, written as decimals without a float; the VAT rows are the PDF's rows.
 *
 * Mapping of what the French mentions need (docs/invoice-mentions.md) onto EN 16931:
 *  seller name, address, SIREN (BT-30, scheme 0002), VAT number (BT-31), legal form and capital (BT-33), e-mail;
 *  customer name, address, SIREN (BT-47), VAT number (BT-48); the delivery address of goods (BT-75…);
 *  the date of sale or service (BT-72); the order number (BT-13); the preceding invoice of a credit note (BT-25,
 *  BT-26); the VAT per rate with its category (S, or E, AE, K, G, O for 0 %) and the exemption's wording
 *  (BT-120); the payment terms and the legal payment mentions as notes (BT-20, BT-22).
 */

/** 12345 → "123.45"; -5 → "-0.05". */
export function decimal(cents: number): string {
  return centsText(cents);
}

/** 2000 → "20"; 550 → "5.5". */
function percent(basisPoints: number): string {
  const whole = Math.trunc(basisPoints / 100);
  const rest = Math.abs(basisPoints % 100);
  return rest === 0 ? String(whole) : `${whole}.${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

/** A Unix time as the ISO day of the machine's time zone, as the PDF prints it. */
function isoDay(unixSeconds: number): string {
  const date = new Date(unixSeconds * 1000);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The VAT category of EN 16931 (UNTDID 5305) of a rate and its exemption. */
function category(row: Pick<VatByRate, 'taxratio' | 'exemption'>): string {
  if (row.taxratio > 0) return 'S';
  switch (row.exemption) {
    case 'reverseCharge':
      return 'AE';
    case 'intraEuGoods':
      return 'K';
    case 'export':
      return 'G';
    case 'outsideEu':
      return 'O';
    default:
      return 'E';
  }
}

/** UNTDID 4461: check 20, credit transfer 30, card 48, online payment service 68, else "not defined" (1). */
const PAYMENT_MEANS: Readonly<Record<string, string>> = { check: '20', transfer: '30', card: '48', paypal: '68' };

type Party = Invoice['seller'];

function sellerParty(seller: Party, format: InvoiceFormat): Record<string, unknown> {
  const legal = [
    seller.legalForm && seller.shareCapitalCents !== null
      ? format.words.capital(seller.legalForm, format.amount(seller.shareCapitalCents, 'EUR'))
      : seller.legalForm,
    seller.registry !== 'none' && seller.registryCity ? `${seller.registry} ${seller.registryCity}` : '',
  ]
    .filter((part) => part !== '')
    .join(', ');
  return {
    'cac:Party': {
      'cac:PostalAddress': address(seller.address, seller.zip, seller.city, seller.country || 'FR'),
      ...(seller.vatnumber ? { 'cac:PartyTaxScheme': [{ 'cbc:CompanyID': seller.vatnumber, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } }] } : {}),
      'cac:PartyLegalEntity': {
        'cbc:RegistrationName': seller.name || seller.shopName,
        ...(seller.siren ? { 'cbc:CompanyID': seller.siren, 'cbc:CompanyID@schemeID': '0002' } : {}),
        ...(legal ? { 'cbc:CompanyLegalForm': legal } : {}),
      },
      ...(seller.email ? { 'cac:Contact': { 'cbc:ElectronicMail': seller.email } } : {}),
    },
  };
}

function address(street: string, zip: string, city: string, country: string): Record<string, unknown> {
  const lines = street
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  return {
    ...(lines[0] ? { 'cbc:StreetName': lines[0] } : {}),
    ...(lines[1] ? { 'cbc:AdditionalStreetName': lines.slice(1).join(', ') } : {}),
    ...(city ? { 'cbc:CityName': city } : {}),
    ...(zip ? { 'cbc:PostalZone': zip } : {}),
    'cac:Country': { 'cbc:IdentificationCode': /^[A-Za-z]{2}$/.test(country) ? country.toUpperCase() : 'FR' },
  };
}

function buyerParty(buyer: Invoice['buyer'], zipCity: { street: string; zip: string; city: string }): Record<string, unknown> {
  return {
    'cac:Party': {
      'cac:PostalAddress': address(zipCity.street, zipCity.zip, zipCity.city, buyer.country),
      ...(buyer.vatnumber ? { 'cac:PartyTaxScheme': [{ 'cbc:CompanyID': buyer.vatnumber, 'cac:TaxScheme': { 'cbc:ID': 'VAT' } }] } : {}),
      'cac:PartyLegalEntity': {
        'cbc:RegistrationName': buyer.lines[0] ?? '',
        ...(/^\d{9}$/.test(buyer.siren) ? { 'cbc:CompanyID': buyer.siren, 'cbc:CompanyID@schemeID': '0002' } : {}),
      },
      ...(buyer.email ? { 'cac:Contact': { 'cbc:ElectronicMail': buyer.email } } : {}),
    },
  };
}

/** The customer's street, zip and city, as the invoice's address lines hold them (the last one is "zip city"). */
function buyerAddress(buyer: Invoice['buyer']): { street: string; zip: string; city: string } {
  const addressLines = buyer.lines.filter((_line, index) => buyer.fields[index] === 'address');
  const cityLine = buyer.lines[buyer.fields.indexOf('city')] ?? '';
  const match = /^(\S*\d\S*)\s+(.*)$/.exec(cityLine);
  return { street: addressLines.join('\n'), zip: match?.[1] ?? '', city: match?.[2] ?? cityLine };
}

/**
 * A line as EN 16931 wants it: a net price never negative (BR-27), so a discount line is a negative quantity
 * at a positive price; quantity × price equals the line's amount, or the line is one unit of its amount.
 */
function invoiceLine(line: InvoiceLine, index: number, currency: string): Record<string, unknown> {
  let quantity = line.quantity;
  let price = line.unitcents;
  if (quantity * price !== line.totalcents || quantity === 0) {
    quantity = 1;
    price = line.totalcents;
  }
  if (price < 0) {
    price = -price;
    quantity = -quantity;
  }
  return {
    'cbc:ID': String(index + 1),
    'cbc:InvoicedQuantity': String(quantity),
    'cbc:InvoicedQuantity@unitCode': 'C62',
    'cbc:LineExtensionAmount': decimal(line.totalcents),
    'cbc:LineExtensionAmount@currencyID': currency,
    'cac:Item': {
      'cbc:Name': line.label || line.code || '—',
      ...(line.code ? { 'cac:SellersItemIdentification': { 'cbc:ID': line.code } } : {}),
      'cac:ClassifiedTaxCategory': {
        'cbc:ID': category(line),
        'cbc:Percent': percent(line.taxratio),
        'cac:TaxScheme': { 'cbc:ID': 'VAT' },
      },
    },
    'cac:Price': { 'cbc:PriceAmount': decimal(price), 'cbc:PriceAmount@currencyID': currency },
  };
}

interface Common {
  number: string;
  typeCode: '380' | '381';
  issuedAt: number;
  soldAt: number;
  currency: string;
  orderReference: string;
  invoice: Pick<Invoice, 'seller' | 'buyer' | 'nature'>;
  lines: InvoiceLine[];
  vat: VatByRate[];
  untaxedcents: number;
  taxcents: number;
  amountcents: number;
  prepaidcents: number;
  notes: string[];
}

function build(common: Common, format: InvoiceFormat, extra: Record<string, unknown>): EInvoice {
  const { currency, invoice } = common;
  const buyer = buyerAddress(invoice.buyer);
  const goods = invoice.nature === 'goods' || invoice.nature === 'both';
  const own = invoice.buyer.ownAddress;
  const delivery: Record<string, unknown> = { 'cbc:ActualDeliveryDate': isoDay(common.soldAt) };
  if (goods && own) {
    const cityLine = own.lines.at(-1) ?? '';
    const match = /^(\S*\d\S*)\s+(.*)$/.exec(cityLine);
    delivery['cac:DeliveryLocation'] = {
      'cac:Address': address(own.lines.slice(0, -1).join('\n'), match?.[1] ?? '', match?.[2] ?? cityLine, own.country),
    };
  }
  const money = (key: string, cents: number) => ({ [key]: decimal(cents), [`${key}@currencyID`]: currency });
  const data = {
    'ubl:Invoice': {
      'cbc:CustomizationID': 'urn:cen.eu:en16931:2017',
      'cbc:ID': common.number,
      'cbc:IssueDate': isoDay(common.issuedAt),
      ...extra,
      'cbc:InvoiceTypeCode': common.typeCode,
      // One note: EN 16931's CII has one text per note, and the library writes the notes into one.
      ...(common.notes.length > 0 ? { 'cbc:Note': [common.notes.join('\n')] } : {}),
      'cbc:DocumentCurrencyCode': currency,
      'cbc:BuyerReference': common.orderReference,
      'cac:OrderReference': { 'cbc:SalesOrderID': common.orderReference },
      'cac:AccountingSupplierParty': sellerParty(invoice.seller, format),
      'cac:AccountingCustomerParty': buyerParty(invoice.buyer, buyer),
      'cac:Delivery': delivery,
      'cac:TaxTotal': [
        {
          ...money('cbc:TaxAmount', common.taxcents),
          'cac:TaxSubtotal': common.vat.map((row) => ({
            ...money('cbc:TaxableAmount', row.untaxedcents),
            ...money('cbc:TaxAmount', row.taxcents),
            'cac:TaxCategory': {
              'cbc:ID': category(row),
              'cbc:Percent': percent(row.taxratio),
              ...(row.taxratio === 0 && row.exemption ? { 'cbc:TaxExemptionReason': exemptionMention(row, format) } : {}),
              'cac:TaxScheme': { 'cbc:ID': 'VAT' },
            },
          })),
        },
      ],
      'cac:LegalMonetaryTotal': {
        ...money(
          'cbc:LineExtensionAmount',
          common.lines.reduce((sum, line) => sum + line.totalcents, 0),
        ),
        ...money('cbc:TaxExclusiveAmount', common.untaxedcents),
        ...money('cbc:TaxInclusiveAmount', common.amountcents),
        ...(common.prepaidcents !== 0 ? money('cbc:PrepaidAmount', common.prepaidcents) : {}),
        ...money('cbc:PayableAmount', common.amountcents - common.prepaidcents),
      },
      'cac:InvoiceLine': common.lines.map((line, index) => invoiceLine(line, index, currency)),
    },
  };
  return data as unknown as EInvoice;
}

/** An invoice (never a proforma: it is no invoice) as EN 16931 data. */
export function invoiceEInvoice(invoice: Invoice, format: InvoiceFormat): EInvoice {
  const means = PAYMENT_MEANS[invoice.paymode] ?? '1';
  return build(
    {
      number: invoice.number,
      typeCode: '380',
      issuedAt: invoice.issuedAt,
      soldAt: invoice.soldAt,
      currency: invoice.currency,
      orderReference: invoice.orderReference,
      invoice,
      lines: invoice.lines,
      vat: invoice.vat,
      untaxedcents: invoice.untaxedcents,
      taxcents: invoice.taxcents,
      amountcents: invoice.amountcents,
      prepaidcents: Math.min(invoice.paidcents, invoice.amountcents),
      // The payment mentions (penalties, 40 € indemnity, discount, VAT on debits) as the PDF words them.
      notes: paymentLines(invoice, format).slice(1),
    },
    format,
    {
      'cbc:DueDate': isoDay(invoice.dueAt),
      'cac:PaymentMeans': [{ 'cbc:PaymentMeansCode': means }],
      'cac:PaymentTerms': { 'cbc:Note': paymentLines(invoice, format)[0] ?? '' },
    },
  );
}

/** A credit note as EN 16931 data: type 381, its invoice as the preceding one, what it credits positive. */
export function creditNoteEInvoice(note: CreditNoteDocument, format: InvoiceFormat): EInvoice {
  const means = PAYMENT_MEANS[note.refund.paymode] ?? '1';
  const reason = note.reason ? [`${format.words.reason}${format.words.colon} ${note.reason}`] : [];
  return build(
    {
      number: note.number,
      typeCode: '381',
      issuedAt: note.issuedAt,
      soldAt: note.invoice.issuedAt,
      currency: note.invoice.currency,
      orderReference: note.invoice.orderReference,
      invoice: note.invoice,
      lines: note.lines,
      vat: note.vat,
      untaxedcents: note.untaxedcents,
      taxcents: note.taxcents,
      amountcents: note.amountcents,
      // Refunded already: nothing left to pay back.
      prepaidcents: note.refund.cents,
      notes: reason,
    },
    format,
    {
      'cac:BillingReference': [
        { 'cac:InvoiceDocumentReference': { 'cbc:ID': note.invoice.number, 'cbc:IssueDate': isoDay(note.invoice.issuedAt) } },
      ],
      'cac:PaymentMeans': [{ 'cbc:PaymentMeansCode': means }],
    },
  );
}
