import type {
  BillRecord,
  CatalogItemRecord,
  CatalogRecord,
  CategoryRecord,
  CustomerRecord,
  ProductEventRecord,
  ProductRecord,
  ShopRecord,
  TaxRecord,
} from './structures';
import type { MoodleSite, SqlValue } from '../../site';
import { rawStatement, rowsToObjects, statement } from './db';
import {
  billColumnKeys,
  billItemKeys,
  catalogItemKeys,
  catalogKeys,
  categoryKeys,
  columnsOf,
  creditLineKeys,
  creditNoteKeys,
  customerKeys,
  historyKeys,
  paymentKeys,
  productEventKeys,
  productKeys,
  shopKeys,
  taxKeys,
} from './structures';

/**
 * Reading the shop tables back as wire records (docs/shop-api.md, "Records"). The record types are the
 * simulator's own, from its structures (structures.ts); the back-office's client parses what it sends in every
 * test, and wire-agreement.test.ts compares the two field by field, so a drift shows at once.
 */

export type Row = Record<string, SqlValue>;

/** Up to five tiers, stored as the plugin stores them: range1..5 (0 = unused) and price1..5, here in cents. */
export const MAX_PRICE_TIERS = 5;

const ITEM_COLUMNS = columnsOf(catalogItemKeys);
const TIER_COLUMNS = Array.from({ length: MAX_PRICE_TIERS }, (_, i) => [`range${i + 1}`, `price${i + 1}cents`]).flat();

export function catalogItemFromRow(row: Row): CatalogItemRecord {
  const prices: CatalogItemRecord['prices'] = [];
  for (let tier = 1; tier <= MAX_PRICE_TIERS; tier += 1) {
    const fromquantity = Number(row[`range${tier}`]);
    if (fromquantity > 0) prices.push({ fromquantity, unitcents: Number(row[`price${tier}cents`]) });
  }
  const record: Record<string, unknown> = {};
  for (const column of ITEM_COLUMNS) record[column] = row[column];
  record['prices'] = prices;
  return record as CatalogItemRecord;
}

/** The tier columns of a list of tiers (validated beforehand: 1 to 5). */
export function tierColumns(prices: readonly { fromquantity: number; unitcents: number }[]): Row {
  const row: Row = {};
  for (let tier = 1; tier <= MAX_PRICE_TIERS; tier += 1) {
    const price = prices[tier - 1];
    row[`range${tier}`] = price ? price.fromquantity : 0;
    row[`price${tier}cents`] = price ? price.unitcents : 0;
  }
  return row;
}

/** How each entity is read: its table, its columns and the mapping from a row. */
export interface EntityReader<R> {
  readonly table: string;
  readonly columns: readonly string[];
  fromRow(row: Row): R;
}

const plain = <R>(table: string, columns: readonly string[]): EntityReader<R> => ({
  table,
  columns,
  fromRow: (row) => row as unknown as R,
});

export const READERS = {
  shops: plain<ShopRecord>('local_shop', columnsOf(shopKeys)),
  taxes: plain<TaxRecord>('local_shop_tax', columnsOf(taxKeys)),
  catalogs: plain<CatalogRecord>('local_shop_catalog', columnsOf(catalogKeys)),
  categories: plain<CategoryRecord>('local_shop_catalogcategory', columnsOf(categoryKeys)),
  catalogitems: {
    table: 'local_shop_catalogitem',
    columns: [...ITEM_COLUMNS, ...TIER_COLUMNS],
    fromRow: catalogItemFromRow,
  } satisfies EntityReader<CatalogItemRecord>,
  customers: plain<CustomerRecord>('local_shop_customer', columnsOf(customerKeys)),
  // Bills are read with their nested lists by readBills(); this reads the bill's own columns.
  bills: plain<Omit<BillRecord, 'items' | 'payments' | 'history' | 'creditnotes' | 'creditlines'>>(
    'local_shop_bill',
    columnsOf(billColumnKeys),
  ),
  products: plain<ProductRecord>('local_shop_product', columnsOf(productKeys)),
  productevents: plain<ProductEventRecord>('local_shop_productevent', columnsOf(productEventKeys)),
} as const;

export type ShopEntity = keyof typeof READERS;
export type RecordOf<E extends ShopEntity> = ReturnType<(typeof READERS)[E]['fromRow']>;

/** One record by id, or undefined. For bills, use readBill(). */
export function readRecord<E extends ShopEntity>(site: MoodleSite, entity: E, id: number): RecordOf<E> | undefined {
  const reader = READERS[entity];
  const row = statement(site, `SELECT ${reader.columns.join(', ')} FROM mdl_${reader.table} WHERE id = ?`).get(id) as Row | undefined;
  return row ? (reader.fromRow(row) as RecordOf<E>) : undefined;
}

const ITEM_COLUMNS_NESTED = ['billid', ...columnsOf(billItemKeys)];
const PAYMENT_COLUMNS_NESTED = ['billid', ...columnsOf(paymentKeys)];
const HISTORY_COLUMNS_NESTED = ['billid', ...columnsOf(historyKeys)];
const CREDIT_NOTE_COLUMNS_NESTED = ['billid', ...columnsOf(creditNoteKeys)];
const CREDIT_LINE_COLUMNS_NESTED = ['billid', ...columnsOf(creditLineKeys)];

/**
 * The child rows of a page of bills, grouped by bill: one query for the whole page (WHERE billid IN (...)),
 * the ids travelling as one JSON array so the statement is prepared once whatever the page size.
 */
function childrenByBill<T>(site: MoodleSite, table: string, columns: string[], order: string, ids: string): Map<number, T[]> {
  const sql = `SELECT ${columns.join(', ')} FROM mdl_${table} WHERE billid IN (SELECT value FROM json_each(?)) ORDER BY ${order}`;
  const grouped = new Map<number, T[]>();
  for (const row of rowsToObjects(columns, rawStatement(site, sql).all(ids))) {
    const billid = Number(row['billid']);
    delete row['billid'];
    let list = grouped.get(billid);
    if (!list) grouped.set(billid, (list = []));
    list.push(row as T);
  }
  return grouped;
}

/**
 * Bills with their lines, payments and history: three queries for the whole page, never three per bill, so a
 * page of 2,000 bills costs four queries. The rows given become the bills (the lists are added to them).
 */
export function readBills(site: MoodleSite, rows: readonly Row[]): BillRecord[] {
  if (rows.length === 0) return [];
  const ids = JSON.stringify(rows.map((row) => Number(row['id'])));
  const items = childrenByBill<BillRecord['items'][number]>(site, 'local_shop_billitem', ITEM_COLUMNS_NESTED, 'billid, ordering, id', ids);
  const payments = childrenByBill<BillRecord['payments'][number]>(
    site,
    'local_shop_bill_payment',
    PAYMENT_COLUMNS_NESTED,
    'billid, id',
    ids,
  );
  const history = childrenByBill<BillRecord['history'][number]>(site, 'local_shop_bill_history', HISTORY_COLUMNS_NESTED, 'billid, id', ids);
  const creditnotes = childrenByBill<BillRecord['creditnotes'][number]>(
    site,
    'local_shop_bill_creditnote',
    CREDIT_NOTE_COLUMNS_NESTED,
    'billid, id',
    ids,
  );
  const creditlines = childrenByBill<BillRecord['creditlines'][number]>(
    site,
    'local_shop_bill_creditline',
    CREDIT_LINE_COLUMNS_NESTED,
    'billid, id',
    ids,
  );
  return rows.map((row) => {
    const id = Number(row['id']);
    const bill = row as unknown as BillRecord;
    bill.items = items.get(id) ?? [];
    bill.payments = payments.get(id) ?? [];
    bill.history = history.get(id) ?? [];
    bill.creditnotes = creditnotes.get(id) ?? [];
    bill.creditlines = creditlines.get(id) ?? [];
    return bill;
  });
}

export function readBill(site: MoodleSite, id: number): BillRecord | undefined {
  const row = statement(site, `SELECT ${READERS.bills.columns.join(', ')} FROM mdl_local_shop_bill WHERE id = ?`).get(id) as
    Row | undefined;
  return row ? readBills(site, [row])[0] : undefined;
}
