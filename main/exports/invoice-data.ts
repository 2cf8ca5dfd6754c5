import type { Db } from '../db/open';
import { htmlToText } from './html-text';
import { refusal } from '../../shared/errors/error-text';

/** Payment terms printed on every invoice: due 30 days after emission. */
export const PAYMENT_TERM_DAYS = 30;
const DAY = 86_400;

export interface InvoiceLine {
  code: string;
  label: string;
  /** The line's own description (seats, shipping detail), printed under the label. */
  detail: string;
  quantity: number;
  unitcents: number;
  totalcents: number;
  /** Basis points: 2000 = 20 %. */
  taxratio: number;
  taxcents: number;
}

export interface VatByRate {
  taxratio: number;
  untaxedcents: number;
  taxcents: number;
}

/** Everything an invoice shows, read from the cache; the layout only places it. */
export interface Invoice {
  billId: number;
  /** The lettering (idnumber) when set, else the transaction id of a proforma. */
  number: string;
  proforma: boolean;
  transactionid: string;
  currency: string;
  issuedAt: number;
  dueAt: number;
  paymode: string;
  seller: { name: string; description: string };
  /** The invoicing identity, most significant first (organisation, department, person, address...). */
  buyer: {
    lines: string[];
    /** What each line is, for messages: organisation, department, name, address or city. */
    fields: string[];
    country: string;
    email: string;
    vatnumber: string;
    siren: string;
  };
  lines: InvoiceLine[];
  /** One row per VAT rate, highest first; exact integer sums of the lines. */
  vat: VatByRate[];
  untaxedcents: number;
  taxcents: number;
  amountcents: number;
  paidcents: number;
  duecents: number;
  paidInFull: boolean;
  salesConditions: string;
  footer: string;
}

interface BillRow {
  id: number;
  shopid: number;
  idnumber: string;
  customerid: number;
  transactionid: string;
  emissiondate: number;
  currency: string;
  untaxedcents: number;
  taxcents: number;
  amountcents: number;
  paidcents: number;
  paymode: string;
  invoiceinfo: string;
}

interface CustomerRow {
  firstname: string;
  lastname: string;
  email: string;
  address: string;
  zip: string;
  city: string;
  country: string;
  organisation: string;
  invoiceinfo: string;
}

type Identity = Record<
  'firstname' | 'lastname' | 'email' | 'organisation' | 'department' | 'address' | 'zip' | 'city' | 'country' | 'vatnumber' | 'siren',
  string
>;
const IDENTITY_KEYS = [
  'firstname',
  'lastname',
  'email',
  'organisation',
  'department',
  'address',
  'zip',
  'city',
  'country',
  'vatnumber',
  'siren',
] as const;

/**
 * The invoicing identity: the customer's own fields, overridden field by field by the invoicing details
 * (invoiceinfo, a JSON object an organisation fills to be invoiced through its accounts department). The
 * bill's copy is preferred to the customer's: it is what was agreed when the order was placed.
 */
function identityOf(customer: CustomerRow | undefined, ...infos: string[]): Identity {
  const identity: Identity = {
    firstname: '',
    lastname: '',
    email: '',
    organisation: '',
    department: '',
    address: '',
    zip: '',
    city: '',
    country: '',
    vatnumber: '',
    siren: '',
  };
  if (customer) for (const key of IDENTITY_KEYS) if (key in customer) identity[key] = String(customer[key as keyof CustomerRow]);
  const info = infos.find((text) => text.trim() !== '');
  if (info) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(info);
    } catch {
      parsed = null; // Not JSON: the customer's own fields stand.
    }
    if (parsed && typeof parsed === 'object') {
      for (const key of IDENTITY_KEYS) {
        const value = (parsed as Record<string, unknown>)[key];
        if (typeof value === 'string' && value.trim() !== '') identity[key] = value.trim();
      }
    }
  }
  return identity;
}

/** A reader of invoices from the cache: statements prepared once, shop and catalog texts read once. */
export function invoiceReader(db: Db): (billId: number) => Invoice {
  const billOf = db.prepare(
    `SELECT id, shopid, idnumber, customerid, transactionid, emissiondate, currency, untaxedcents, taxcents, amountcents,
            paidcents, paymode, invoiceinfo FROM bill WHERE id = ?`,
  );
  const customerOf = db.prepare(
    'SELECT firstname, lastname, email, address, zip, city, country, organisation, invoiceinfo FROM customer WHERE id = ?',
  );
  const linesOf = db.prepare(
    'SELECT itemcode, abstract, description, quantity, unitcents, totalcents, taxratio, taxcents FROM bill_item WHERE billid = ? ORDER BY ordering, id',
  );
  const shopOf = db.prepare(
    `SELECT s.name, s.description, coalesce(c.salesconditions, '') AS salesconditions, coalesce(c.billfooter, '') AS billfooter
     FROM shop AS s LEFT JOIN catalog AS c ON c.id = s.catalogid WHERE s.id = ?`,
  );
  const shops = new Map<number, { name: string; description: string; salesConditions: string; footer: string }>();
  const shopTexts = (id: number) => {
    let texts = shops.get(id);
    if (!texts) {
      const row = shopOf.get(id) as { name: string; description: string; salesconditions: string; billfooter: string } | undefined;
      texts = {
        name: row?.name ?? '',
        description: htmlToText(row?.description ?? ''),
        salesConditions: htmlToText(row?.salesconditions ?? ''),
        footer: htmlToText(row?.billfooter ?? ''),
      };
      shops.set(id, texts);
    }
    return texts;
  };

  return (billId) => {
    const bill = billOf.get(billId) as BillRow | undefined;
    // Checked when the export started; a rebuild of the cache meanwhile can still take it away.
    if (!bill)
      throw refusal(
        'export_bills_missing',
        'export.billGone',
        { id: billId },
        {
          missing: [billId],
          count: 1,
        },
      );
    const customer = customerOf.get(bill.customerid) as CustomerRow | undefined;
    const who = identityOf(customer, bill.invoiceinfo, customer?.invoiceinfo ?? '');
    const person = `${who.firstname} ${who.lastname}`.trim();
    const rows = linesOf.all(billId) as {
      itemcode: string;
      abstract: string;
      description: string;
      quantity: number;
      unitcents: number;
      totalcents: number;
      taxratio: number;
      taxcents: number;
    }[];
    const lines: InvoiceLine[] = rows.map((row) => ({
      code: row.itemcode,
      label: row.abstract,
      detail: row.description,
      quantity: row.quantity,
      unitcents: row.unitcents,
      totalcents: row.totalcents,
      taxratio: row.taxratio,
      taxcents: row.taxcents,
    }));
    const shop = shopTexts(bill.shopid);
    const buyerLines = (
      [
        ['organisation', who.organisation],
        ['department', who.department],
        ['name', person],
        ...who.address.split(/\r?\n/).map((line) => ['address', line]),
        ['city', `${who.zip} ${who.city}`.trim()],
      ] as [string, string][]
    ).filter(([, line]) => line.trim() !== '');
    return {
      billId,
      number: bill.idnumber !== '' ? bill.idnumber : bill.transactionid,
      proforma: bill.idnumber === '',
      transactionid: bill.transactionid,
      currency: bill.currency,
      issuedAt: bill.emissiondate,
      dueAt: bill.emissiondate + PAYMENT_TERM_DAYS * DAY,
      paymode: bill.paymode,
      seller: { name: shop.name, description: shop.description },
      buyer: {
        lines: buyerLines.map(([, line]) => line),
        fields: buyerLines.map(([field]) => field),
        country: who.country,
        email: who.email,
        vatnumber: who.vatnumber,
        siren: who.siren,
      },
      lines,
      vat: vatByRate(lines),
      untaxedcents: bill.untaxedcents,
      taxcents: bill.taxcents,
      amountcents: bill.amountcents,
      paidcents: bill.paidcents,
      duecents: Math.max(0, bill.amountcents - bill.paidcents),
      paidInFull: bill.amountcents > 0 && bill.paidcents >= bill.amountcents,
      salesConditions: shop.salesConditions,
      footer: shop.footer,
    };
  };
}

/** The VAT breakdown a French invoice must show: per rate, the base and the tax, summed in integer cents. */
export function vatByRate(lines: readonly InvoiceLine[]): VatByRate[] {
  const byRate = new Map<number, VatByRate>();
  for (const line of lines) {
    const row = byRate.get(line.taxratio) ?? { taxratio: line.taxratio, untaxedcents: 0, taxcents: 0 };
    row.untaxedcents += line.totalcents;
    row.taxcents += line.taxcents;
    byRate.set(line.taxratio, row);
  }
  return [...byRate.values()].sort((a, b) => b.taxratio - a.taxratio);
}
