import type { EffectiveSeller, ExemptionBasis, InvoicingSettings } from '../../shared/contract/invoicing';
import type { ReadableDb } from '../db/open';
import type { BillItemTableRow, BillTableRow, CatalogItemTableRow, CatalogTableRow, ShopTableRow } from '../db/tables';
import type { InvoicingContext } from '../invoicing/invoicing-context';
import { htmlToText } from './html-text';
import { refusal } from '../../shared/errors/error-text';
import { addressLines, identityOf, isBusiness, ownAddressIfDifferent, type CustomerRow } from './invoice-parties';

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
  /** The shop's tax (its id), for the exemption's basis. */
  taxcode: number;
  /** A line at 0 %: the legal basis its mention cites (null when nothing names one: the export is refused). */
  exemption: ExemptionBasis | null;
}

export interface VatByRate {
  taxratio: number;
  /** Rows at 0 % are told apart by their basis: an exempt training and a reverse-charged service are two rows. */
  exemption: ExemptionBasis | null;
  untaxedcents: number;
  taxcents: number;
}

/** Goods, services or both: the nature of the operations (the e-invoicing reform's mention). */
export type OperationNature = 'services' | 'goods' | 'both';

/** Everything an invoice shows, read from the cache; the layout only places it. */
export interface Invoice {
  billId: number;
  /** The lettering (idnumber) of an invoice; the shop's order reference on a proforma. */
  number: string;
  proforma: boolean;
  /** The shop's order number (the bill's `ordering`), as the customer saw it when ordering. */
  orderReference: string;
  currency: string;
  issuedAt: number;
  /** The date of the sale or of the service (Code de commerce L441-9): the order's date. */
  soldAt: number;
  dueAt: number;
  paymode: string;
  seller: EffectiveSeller & { shopName: string; description: string };
  /** The invoicing identity, most significant first (organisation, department, person, address...). */
  buyer: {
    customerId: number;
    lines: string[];
    /** What each line is, for messages: organisation, department, name, address or city. */
    fields: string[];
    country: string;
    email: string;
    vatnumber: string;
    siren: string;
    business: boolean;
    /** Whether a name (person or organisation) and an address are known: both are mandatory. */
    named: boolean;
    addressed: boolean;
    /** The customer's own address, when the invoiced one differs (the delivery address when goods are sold). */
    ownAddress: { lines: string[]; country: string } | null;
  };
  /** null when the settings do not say what the shop sells (the export is then refused). */
  nature: OperationNature | null;
  lines: InvoiceLine[];
  /** One row per VAT rate (and exemption basis), highest first; exact integer sums of the lines. */
  vat: VatByRate[];
  untaxedcents: number;
  taxcents: number;
  amountcents: number;
  paidcents: number;
  duecents: number;
  paidInFull: boolean;
  payment: InvoicingSettings['payment'];
  salesConditions: string;
  footer: string;
}

type BillRow = Pick<
  BillTableRow,
  | 'id'
  | 'shopid'
  | 'idnumber'
  | 'ordering'
  | 'customerid'
  | 'emissiondate'
  | 'currency'
  | 'untaxedcents'
  | 'taxcents'
  | 'amountcents'
  | 'paidcents'
  | 'paymode'
  | 'invoiceinfo'
>;

/** A line and its catalog item's category (NULL when the item is no longer in the catalog). */
type LineRow = Pick<
  BillItemTableRow,
  'type' | 'itemcode' | 'abstract' | 'description' | 'quantity' | 'unitcents' | 'totalcents' | 'taxcode' | 'taxratio' | 'taxcents'
> & { categoryid: CatalogItemTableRow['categoryid'] | null };

/** A reader of invoices from the cache: statements prepared once, shop and catalog texts read once. */
export function invoiceReader(db: ReadableDb, context: InvoicingContext): (billId: number) => Invoice {
  const billOf = db.prepare<[number], BillRow>(
    `SELECT id, shopid, idnumber, ordering, customerid, emissiondate, currency, untaxedcents, taxcents, amountcents,
            paidcents, paymode, invoiceinfo FROM bill WHERE id = ?`,
  );
  const customerOf = db.prepare<[number], CustomerRow>(
    'SELECT firstname, lastname, email, address, zip, city, country, organisation, invoiceinfo FROM customer WHERE id = ?',
  );
  const linesOf = db.prepare<[number], LineRow>(
    `SELECT l.type, l.itemcode, l.abstract, l.description, l.quantity, l.unitcents, l.totalcents, l.taxcode, l.taxratio, l.taxcents,
            i.categoryid
     FROM bill_item AS l LEFT JOIN catalog_item AS i ON i.id = l.catalogitemid
     WHERE l.billid = ? ORDER BY l.ordering, l.id`,
  );
  const shopOf = db.prepare<[number], Pick<ShopTableRow, 'name' | 'description'> & Pick<CatalogTableRow, 'salesconditions' | 'billfooter'>>(
    `SELECT s.name, s.description, coalesce(c.salesconditions, '') AS salesconditions, coalesce(c.billfooter, '') AS billfooter
     FROM shop AS s LEFT JOIN catalog AS c ON c.id = s.catalogid WHERE s.id = ?`,
  );
  const shops = new Map<number, { name: string; description: string; salesConditions: string; footer: string }>();
  const shopTexts = (id: number) => {
    let texts = shops.get(id);
    if (!texts) {
      const row = shopOf.get(id);
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
  const { settings } = context;

  return (billId) => {
    const bill = billOf.get(billId);
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
    const customer = customerOf.get(bill.customerid);
    const who = identityOf(customer, bill.invoiceinfo, customer?.invoiceinfo ?? '');
    const person = `${who.firstname} ${who.lastname}`.trim();
    const rows = linesOf.all(billId);
    const lines: InvoiceLine[] = rows.map((row) => ({
      code: row.itemcode,
      label: row.abstract,
      detail: row.description,
      quantity: row.quantity,
      unitcents: row.unitcents,
      totalcents: row.totalcents,
      taxratio: row.taxratio,
      taxcents: row.taxcents,
      taxcode: row.taxcode,
      exemption: row.taxratio === 0 ? context.exemptionOf(row.taxcode) : null,
    }));
    const shop = shopTexts(bill.shopid);
    const address = addressLines(who.address, who.zip, who.city);
    const buyerLines = (
      [
        ['organisation', who.organisation],
        ['department', who.department],
        ['name', person],
        ...address.map((line) => ['address', line]),
      ] as [string, string][]
    ).filter(([, line]) => line.trim() !== '');
    if (buyerLines.length > 0 && address.length > 0 && buyerLines[buyerLines.length - 1]![1] === address[address.length - 1]) {
      buyerLines[buyerLines.length - 1]![0] = 'city';
    }
    const proforma = bill.idnumber === '';
    return {
      billId,
      number: proforma ? String(bill.ordering) : bill.idnumber,
      proforma,
      orderReference: String(bill.ordering),
      currency: bill.currency,
      issuedAt: bill.emissiondate,
      soldAt: bill.emissiondate,
      dueAt: bill.emissiondate + settings.payment.termDays * DAY,
      paymode: bill.paymode,
      seller: { ...context.seller, shopName: shop.name, description: shop.description },
      buyer: {
        customerId: bill.customerid,
        lines: buyerLines.map(([, line]) => line),
        fields: buyerLines.map(([field]) => field),
        country: who.country,
        email: who.email,
        vatnumber: who.vatnumber,
        siren: who.siren,
        business: isBusiness(who),
        named: person !== '' || who.organisation !== '',
        addressed: who.address.trim() !== '' && who.city.trim() !== '',
        ownAddress: ownAddressIfDifferent(customer, who),
      },
      nature: natureOf(rows, context),
      lines,
      vat: vatByRate(lines),
      untaxedcents: bill.untaxedcents,
      taxcents: bill.taxcents,
      amountcents: bill.amountcents,
      paidcents: bill.paidcents,
      duecents: Math.max(0, bill.amountcents - bill.paidcents),
      paidInFull: bill.amountcents > 0 && bill.paidcents >= bill.amountcents,
      payment: settings.payment,
      salesConditions: shop.salesConditions,
      footer: shop.footer,
    };
  };
}

/**
 * Goods, services or both. A shop that sells one kind says so in the settings; one that sells both names
 * the categories of goods: a line of an item in them, and a shipping line, is goods; a discount is neither.
 */
function natureOf(rows: readonly LineRow[], context: InvoicingContext): OperationNature | null {
  const declared = context.settings.operations;
  if (declared !== 'both') return declared;
  let goods = false;
  let services = false;
  for (const row of rows) {
    if (row.type === 'DISCOUNT') continue;
    if (row.type === 'SHIPPING' || (row.categoryid !== null && context.isGoodsCategory(row.categoryid))) goods = true;
    else services = true;
  }
  if (goods && services) return 'both';
  return goods ? 'goods' : 'services';
}

/** The VAT breakdown a French invoice must show: per rate (and basis of exemption), the base and the tax, in integer cents. */
export function vatByRate(lines: readonly InvoiceLine[]): VatByRate[] {
  const byRate = new Map<string, VatByRate>();
  for (const line of lines) {
    const key = `${line.taxratio}/${line.exemption ?? ''}`;
    const row = byRate.get(key) ?? { taxratio: line.taxratio, exemption: line.exemption, untaxedcents: 0, taxcents: 0 };
    row.untaxedcents += line.totalcents;
    row.taxcents += line.taxcents;
    byRate.set(key, row);
  }
  return [...byRate.values()].sort((a, b) => b.taxratio - a.taxratio || (a.exemption ?? '').localeCompare(b.exemption ?? ''));
}
