import type { BillColumn, BillFilter } from '../../shared/contract/bills';
import { billIdsQuery, ftsQuery } from './search-query';

/**
 * The pieces of SQL the bills queries are built from. Only fixed text from this file is ever put into SQL;
 * every value the operator gives is a bound parameter, and a sort column is looked up in SORTS, never pasted.
 *
 * Bills come in two sets (bill-overlay.ts): those without local changes, read from the server's copy `b`,
 * and the few with changes, whose status, paymode and lettering are read from temp.bill_overlay `o`.
 * `Side` names the columns each set reads.
 */

export interface Side {
  status: string;
  paymode: string;
  idnumber: string;
}
export const SERVER: Side = { status: 'b.status', paymode: 'b.paymode', idnumber: 'b.idnumber' };
export const OVERLAID: Side = { status: 'o.status', paymode: 'o.paymode', idnumber: 'o.idnumber' };

export interface Where {
  conditions: string[];
  params: unknown[];
  /** The filter fields that made a condition (blank ones make none). */
  fields: (keyof BillFilter)[];
}

/** The filter as SQL conditions on `b` (and `o` on the overlaid side). Blank filter fields filter nothing. */
export function filterWhere(
  filter: BillFilter,
  side: Side,
  options: { withStatus: boolean; customerTable?: boolean; walking?: boolean },
): Where {
  const where: Where = { conditions: [], params: [], fields: [] };
  const add = (field: keyof BillFilter, condition: string, ...values: unknown[]) => {
    where.conditions.push(condition);
    where.params.push(...values);
    where.fields.push(field);
  };
  if (options.withStatus && filter.status !== undefined) add('status', `${side.status} = ?`, filter.status);
  if (filter.from !== undefined) add('from', 'b.emissiondate >= ?', filter.from);
  if (filter.to !== undefined) add('to', 'b.emissiondate <= ?', filter.to);
  if (filter.paymode) add('paymode', `${side.paymode} = ?`, filter.paymode);
  if (filter.minCents !== undefined) add('minCents', 'b.amountcents >= ?', filter.minCents);
  if (filter.maxCents !== undefined) add('maxCents', 'b.amountcents <= ?', filter.maxCents);
  if (filter.lettered !== undefined) add('lettered', filter.lettered ? `${side.idnumber} <> ''` : `${side.idnumber} = ''`);
  if (filter.customerId !== undefined) {
    // When the sort walks customers, naming the customer there makes that walk one step.
    add('customerId', options.customerTable ? 'c.id = ? AND b.customerid = c.id' : 'b.customerid = ?', filter.customerId);
  }
  if (filter.shopId !== undefined) add('shopId', 'b.shopid = ?', filter.shopId);
  if (filter.currency) add('currency', 'b.currency = ?', filter.currency);
  if (filter.paidFrom !== undefined || filter.paidTo !== undefined)
    add(
      filter.paidFrom !== undefined ? 'paidFrom' : 'paidTo',
      'EXISTS (SELECT 1 FROM bill_payment p WHERE p.billid = b.id AND p.paidon BETWEEN ? AND ?)',
      filter.paidFrom ?? Number.MIN_SAFE_INTEGER,
      filter.paidTo ?? Number.MAX_SAFE_INTEGER,
    );
  // Collecting, the id sets of a product code or a search drive the query. Walking, they are only looked up
  // (+ keeps SQLite from seeking each of their ids in every step of the walk).
  const id = options.walking ? '+b.id' : 'b.id';
  if (filter.productCode) add('productCode', `${id} IN (SELECT billid FROM bill_item WHERE itemcode = ?)`, filter.productCode);
  if (filter.catalogId !== undefined)
    add(
      'catalogId',
      `${id} IN (SELECT bi.billid FROM catalog_item ci CROSS JOIN bill_item bi INDEXED BY bill_item_code ON bi.itemcode = ci.code WHERE ci.catalogid = ? AND bi.catalogitemid = ci.id)`,
      filter.catalogId,
    );
  // The rest of a dashboard chart: each bill row is read anyway (its period, currency and lettering), so its
  // lines are looked up by bill, never scanned.
  const sold = "bi.billid = b.id AND bi.type NOT IN ('DISCOUNT', 'SHIPPING')";
  if (filter.exceptCustomerIds)
    add('exceptCustomerIds', 'b.customerid NOT IN (SELECT value FROM json_each(?))', JSON.stringify(filter.exceptCustomerIds));
  if (filter.exceptProductCodes)
    add(
      'exceptProductCodes',
      `EXISTS (SELECT 1 FROM bill_item bi WHERE ${sold} AND bi.itemcode NOT IN (SELECT value FROM json_each(?)))`,
      JSON.stringify(filter.exceptProductCodes),
    );
  if (filter.exceptCatalogIds)
    add(
      'exceptCatalogIds',
      `EXISTS (SELECT 1 FROM bill_item bi LEFT JOIN catalog_item ci ON ci.id = bi.catalogitemid
       WHERE ${sold} AND coalesce(ci.catalogid, 0) NOT IN (SELECT value FROM json_each(?)))`,
      JSON.stringify(filter.exceptCatalogIds),
    );
  const found = filter.search === undefined ? null : billIdsQuery(filter.search);
  if (found) add('search', `${id} IN (${found.sql})`, ...found.params);
  return where;
}

/**
 * The customers owning at least one bill the search finds, as a condition on `c`: a walk in customer order
 * then skips, within the customer index, the customers with nothing to show, instead of stepping through
 * all their bills (a name searched and sorted by name would otherwise walk every name before it). They are
 * the customers whose own text matches (customer_search, the same text as a bill's customer column), and
 * the owners of the few bills found through their own title or references.
 */
export function customersWithMatches(filter: BillFilter): { condition: string; params: unknown[] } | null {
  const match = filter.search === undefined ? null : ftsQuery(filter.search);
  const found = filter.search === undefined ? null : billIdsQuery(filter.search, { foundByTheirOwnText: true });
  if (!match || !found) return null;
  return {
    condition: `+c.id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?
      UNION ALL SELECT customerid FROM bill INDEXED BY bill_by_id WHERE id IN (${found.sql}))`,
    params: [match, ...found.params],
  };
}

/** The filter without its status: what the status tabs count over. */
export function withoutStatus(filter: BillFilter): BillFilter {
  const { status: _status, ...rest } = filter;
  return rest;
}

export function isBlankFilter(filter: BillFilter): boolean {
  return filterWhere(filter, SERVER, { withStatus: true }).conditions.length === 0;
}

/**
 * How the rows of one sort are read in order. `keys` ends with unique keys, so the order is total and a
 * position in it is a key (keyset paging). `walk` reads the rows already in that order through an index:
 * worth it when many rows match (the first page is found after a few steps). Otherwise the query reads
 * whichever rows the filter's indexes find, from `bill b` and `joins`, and sorts them: worth it when few
 * match. `walkCovers` lists the filter fields the walked index answers without reading a bill row.
 */
/** A sort key: a column, compared without case (ASCII letters, as SQLite's NOCASE) or as stored. */
export interface SortKey {
  column: string;
  nocase?: boolean;
}
/** The key as ORDER BY compares it. */
export const keyExpr = (key: SortKey) => (key.nocase ? `${key.column} COLLATE NOCASE` : key.column);
/**
 * A bound value compared with the key. The collation goes on the value, not the column: a plain column on
 * the left is what lets SQLite seek a row value such as (lastname, firstname) > (?, ?) in an index.
 */
export const keyParam = (key: SortKey) => (key.nocase ? '? COLLATE NOCASE' : '?');

export interface SortPlan {
  walk: string;
  /** A better walk when the filter names a status: the status tabs' index, already in emission order. */
  walkInTab?: string;
  joins: string;
  keys: (side: Side) => SortKey[];
  walkCovers: readonly (keyof BillFilter)[];
  /** Filter fields whose matches come bunched in this order (a name searched, walked in name order). */
  bunches?: readonly (keyof BillFilter)[];
  /** How many leading keys belong to the walk's outer table, when it is not `b` (keyset paging). */
  outerKeys?: number;
  /** The walk goes through the customer table: filters may name it `c`. */
  customerTable: boolean;
}

/** Fields every walked index answers: the status it carries, and the id sets of search and product code. */
const ALWAYS: readonly (keyof BillFilter)[] = ['status', 'search', 'productCode'];
const TABS: readonly (keyof BillFilter)[] = [...ALWAYS, 'from', 'to', 'minCents', 'maxCents', 'paymode', 'lettered', 'customerId'];

const single = (index: string, column: (side: Side) => SortKey, covers: readonly (keyof BillFilter)[] = []): SortPlan => ({
  walk: `bill b INDEXED BY ${index}`,
  joins: '',
  keys: (side) => [column(side), { column: 'b.id' }],
  walkCovers: [...ALWAYS, ...covers],
  customerTable: false,
});

const byCustomer = (keys: SortKey[]): SortPlan => ({
  // CROSS JOIN keeps customers as the outer loop: customers in index order, each one's bills by id.
  walk: 'customer c CROSS JOIN bill b INDEXED BY bill_customer ON b.customerid = c.id',
  outerKeys: keys.length + 1,
  joins: ' CROSS JOIN customer c ON c.id = b.customerid',
  keys: () => [...keys, { column: 'c.id' }, { column: 'b.id' }],
  walkCovers: [...ALWAYS, 'customerId'],
  customerTable: true,
});

const column =
  (name: string, nocase = false) =>
  (): SortKey => ({ column: name, nocase });

export const SORTS: Readonly<Record<BillColumn, SortPlan>> = {
  // bill_by_id: the id order, with every filtered column.
  id: { walk: 'bill b INDEXED BY bill_by_id', joins: '', keys: () => [{ column: 'b.id' }], walkCovers: TABS, customerTable: false },
  transactionid: single('bill_transaction', column('b.transactionid')),
  idnumber: single('bill_idnumber', (s) => ({ column: s.idnumber }), ['lettered']),
  title: single('bill_title', column('b.title', true)),
  // Within a status, by emission date: the status tabs' own order.
  status: {
    ...single('bill_tabs', (s) => ({ column: s.status }), TABS),
    keys: (s) => [{ column: s.status }, { column: 'b.emissiondate' }, { column: 'b.id' }],
  },
  emissiondate: { ...single('bill_emission', column('b.emissiondate'), ['from', 'to']), walkInTab: 'bill b INDEXED BY bill_tabs' },
  lastactiondate: single('bill_lastaction', column('b.lastactiondate')),
  untaxedcents: single('bill_untaxed', column('b.untaxedcents')),
  taxcents: single('bill_tax', column('b.taxcents')),
  amountcents: single('bill_amount', column('b.amountcents'), ['minCents', 'maxCents']),
  currency: single('bill_currency', column('b.currency')),
  paymode: single('bill_paymode', (s) => ({ column: s.paymode }), ['paymode']),
  customer: byCustomer([
    { column: 'c.lastname', nocase: true },
    { column: 'c.firstname', nocase: true },
  ]),
  organisation: byCustomer([{ column: 'c.organisation', nocase: true }]),
  items: {
    // The walk reads each bill row (its own filters), so it covers nothing.
    walk: 'bill_itemcodes ic CROSS JOIN bill b ON b.id = ic.billid',
    joins: ' CROSS JOIN bill_itemcodes ic ON ic.billid = b.id',
    keys: () => [{ column: 'ic.codes' }, { column: 'ic.billid' }],
    walkCovers: [],
    bunches: ['search', 'productCode'],
    customerTable: false,
  },
};

/** `ORDER BY` terms for keys read as k0, k1… (compound selects order by their output columns). */
export function orderBy(count: number, direction: 'asc' | 'desc'): string {
  return Array.from({ length: count }, (_, i) => `k${i} ${direction === 'asc' ? 'ASC' : 'DESC'}`).join(', ');
}
