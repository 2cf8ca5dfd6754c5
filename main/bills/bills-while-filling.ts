import { BILL_STATUSES, type BillStatus } from '../../shared/bills/bill-status';
import type { BillColumn, BillFilter, BillRow } from '../../shared/contract/bills';
import { cachedStatement } from '../db/cached-statement';
import type { ReadableDb } from '../db/open';
import { oneValue } from '../db/single-value';
import { dataKey, freshBillOverlay } from './bill-overlay';
import { readBillRows } from './bill-rows';
import type { StatusCount } from './bill-counts';
import { filterWhere, SERVER, type Side } from './bill-sql';
import { foldLigatures } from './search-query';

/**
 * The bills table while a first sync fills the cache (sync/bulk-load.ts). The bills are there, page after
 * page, but not what makes the usual reads fast: the sort indexes, the search index, the status counts and the
 * item codes are built once, at the end. So these reads answer from the bill rows alone: every window scans
 * the bills and sorts them (SQLite keeps only the rows up to the window's end), a count scans them, a search
 * compares text. At 100,000 bills that is tens of milliseconds (docs/benchmarks.md); the table fills as the
 * pages arrive instead of staying empty until the end, and says it is incomplete (cache-filling.ts).
 *
 * The order is the usual one, key for key (bill-sql.ts SORTS): when the indexes are built the rows do not move.
 */

/** The status, paymode and lettering as the operator sees them: the overlay's when the bill has queued changes. */
const COALESCED: Side = {
  status: 'coalesce(o.status, b.status)',
  paymode: 'coalesce(o.paymode, b.paymode)',
  idnumber: 'coalesce(o.idnumber, b.idnumber)',
};

/** The codes of what a bill sells, as migration 0030 derives them into bill_itemcodes. */
const ITEM_CODES = `(SELECT coalesce(group_concat(itemcode, ', ' ORDER BY first, itemcode), '') FROM (
  SELECT itemcode, min(ordering) AS first FROM bill_item WHERE billid = b.id AND type NOT IN ('DISCOUNT', 'SHIPPING') GROUP BY itemcode))`;

/** Each sort's keys, as bill-sql.ts SORTS orders them (the last ones unique). */
const ORDER: Readonly<Record<BillColumn, (side: Side) => string[]>> = {
  id: () => ['b.id'],
  transactionid: () => ['b.transactionid', 'b.id'],
  idnumber: (s) => [s.idnumber, 'b.id'],
  title: () => ['b.title COLLATE NOCASE', 'b.id'],
  status: (s) => [s.status, 'b.emissiondate', 'b.id'],
  emissiondate: () => ['b.emissiondate', 'b.id'],
  lastactiondate: () => ['b.lastactiondate', 'b.id'],
  untaxedcents: () => ['b.untaxedcents', 'b.id'],
  taxcents: () => ['b.taxcents', 'b.id'],
  amountcents: () => ['b.amountcents', 'b.id'],
  currency: () => ['b.currency', 'b.id'],
  paymode: (s) => [s.paymode, 'b.id'],
  customer: () => ['c.lastname COLLATE NOCASE', 'c.firstname COLLATE NOCASE', 'c.id', 'b.id'],
  organisation: () => ['c.organisation COLLATE NOCASE', 'c.id', 'b.id'],
  items: () => [ITEM_CODES, 'b.id'],
};

/**
 * The text a bill is found by, as bill_search holds it: its customer's (folded once per customer, in a subquery
 * SQLite keeps for the whole scan), and its own title, references and lettering.
 */
const CUSTOMER_TEXT = `bo_fold(c.firstname || ' ' || c.lastname || ' ' || c.email || ' ' || c.organisation)`;
const BILL_TEXT = (side: Side) =>
  `bo_fold(b.title || ' ' || b.transactionid || ' ' || b.onlinetransactionid || ' ' || ${side.idnumber} || ' ' || b.id)`;
/** One word of a search, found in the bill's customer or in the bill itself. */
const WORD = (side: Side) =>
  `(b.customerid IN (SELECT c.id FROM customer c WHERE ${CUSTOMER_TEXT} LIKE ? ESCAPE '\\') OR ${BILL_TEXT(side)} LIKE ? ESCAPE '\\')`;

const where = (conditions: readonly string[]) => (conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '');

interface Query {
  from: string;
  conditions: string[];
  params: unknown[];
  side: Side;
  /** Whether `c` (the bill's customer) is joined. */
  customer: boolean;
}

/** FROM and WHERE for a filter; the customer is joined only when the sort or the search needs it. */
function query(db: ReadableDb, filter: BillFilter, options: { withStatus: boolean; customer: boolean }): Query {
  freshBillOverlay(db);
  const overlaid = oneValue(cachedStatement<number>(db, 'SELECT count(*) FROM temp.bill_overlay', 'pluck').get()) > 0;
  const side = overlaid ? COALESCED : SERVER;
  const { search, ...rest } = filter;
  const filtered = filterWhere(rest, side, { withStatus: options.withStatus });
  const words = searchWords(search);
  const customer = options.customer;
  const conditions = [...filtered.conditions];
  const params = [...filtered.params];
  if (words.length > 0) {
    registerFold(db);
    for (const word of words) {
      conditions.push(WORD(side));
      params.push(likePattern(word), likePattern(word));
    }
  }
  const from = [
    'bill b',
    overlaid ? ' LEFT JOIN temp.bill_overlay o ON o.billid = b.id' : '',
    customer ? ' LEFT JOIN customer c ON c.id = b.customerid' : '',
  ].join('');
  return { from, conditions, params, side, customer };
}

/** Counts of one filter, kept until the data changes: a window and the next one count once. */
const totals = new WeakMap<ReadableDb, { key: string; byFilter: Map<string, number> }>();

function count(db: ReadableDb, filter: BillFilter): number {
  const key = dataKey(db);
  let known = totals.get(db);
  if (known?.key !== key) totals.set(db, (known = { key, byFilter: new Map() }));
  const name = JSON.stringify(filter);
  let total = known.byFilter.get(name);
  if (total === undefined) {
    const q = query(db, filter, { withStatus: true, customer: false });
    total = oneValue(cachedStatement<number>(db, `SELECT count(*) FROM ${q.from}${where(q.conditions)}`, 'pluck').get(...q.params));
    if (known.byFilter.size >= 32) known.byFilter.clear();
    known.byFilter.set(name, total);
  }
  return total;
}

/** One window of the bills table, from the rows there are. */
export function listBillsWhileFilling(
  db: ReadableDb,
  request: { filter: BillFilter; sort: { column: BillColumn; direction: 'asc' | 'desc' }; offset: number; limit: number },
): { rows: BillRow[]; total: number } {
  const { filter, sort, offset, limit } = request;
  const total = count(db, filter);
  if (total === 0 || offset >= total) return { rows: [], total };
  const sortsByCustomer = sort.column === 'customer' || sort.column === 'organisation';
  const q = query(db, filter, { withStatus: true, customer: sortsByCustomer });
  const direction = sort.direction === 'asc' ? 'ASC' : 'DESC';
  // The customer's own id orders the customers of one name, as the customer walk does; a bill without a customer row
  // sorts as a blank name.
  const order = ORDER[sort.column](q.side).map((key) => `${key} ${direction}`);
  const ids = cachedStatement<number>(
    db,
    `SELECT b.id FROM ${q.from}${where(q.conditions)} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`,
    'pluck',
  ).all(...q.params, limit, offset);
  return { rows: withItemCodes(db, readBillRows(db, ids)), total };
}

/** The status tabs' counts, from the rows there are. */
export function countByStatusWhileFilling(db: ReadableDb, filter: BillFilter): { byStatus: Record<string, number>; total: number } {
  const q = query(db, filter, { withStatus: false, customer: false });
  const byStatus = Object.fromEntries(BILL_STATUSES.map((status) => [status, 0])) as Record<BillStatus, number>;
  const rows = cachedStatement<StatusCount>(
    db,
    `SELECT ${q.side.status} AS status, count(*) AS n FROM ${q.from}${where(q.conditions)} GROUP BY 1`,
  ).all(...q.params);
  for (const row of rows) byStatus[row.status] = (byStatus[row.status] ?? 0) + row.n;
  return { byStatus, total: rows.reduce((sum, row) => sum + row.n, 0) };
}

/** bill_itemcodes is built at the end: the codes of the rows shown are read from their lines. */
function withItemCodes(db: ReadableDb, rows: BillRow[]): BillRow[] {
  if (rows.length === 0) return rows;
  const codes = new Map(
    cachedStatement<{ id: number; codes: string }>(
      db,
      `SELECT b.id, ${ITEM_CODES} AS codes FROM json_each(?) j CROSS JOIN bill b ON b.id = j.value`,
    )
      .all(JSON.stringify(rows.map((row) => row.id)))
      .map((row) => [row.id, row.codes]),
  );
  return rows.map((row) => ({ ...row, items: codes.get(row.id) ?? '' }));
}

/** The words of a search, folded as the search index folds them (accents and case dropped, ligatures spelled out). */
export function searchWords(search: string | undefined): string[] {
  if (search === undefined) return [];
  return fold(search)
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, 8);
}

/** A word anywhere in the text: LIKE's own wildcards typed by the operator are plain characters. */
export function likePattern(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function fold(text: string): string {
  // Most of what is scanned (references, titles, emails) is printable ASCII: nothing to decompose.
  if (ASCII.test(text)) return text.toLowerCase();
  return foldLigatures(text).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
const ASCII = /^[ -~]*$/;

const folding = new WeakSet<ReadableDb>();

/** bo_fold(text): the search's folding, as an SQL function on this connection. */
export function registerFold(db: ReadableDb): void {
  if (folding.has(db)) return;
  db.function('bo_fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? fold(text) : ''));
  folding.add(db);
}
