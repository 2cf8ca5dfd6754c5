import type { BillStatus } from '../../shared/bills/bill-status';
import type { CustomerRow } from '../../shared/contract/customers';
import { likePattern, registerFold, searchWords } from '../bills/bills-while-filling';
import { cachedStatement } from '../db/cached-statement';
import type { ReadableDb } from '../db/open';
import { oneValue } from '../db/single-value';

/**
 * The Customers workspace while a first sync fills the cache (sync/bulk-load.ts): the customers are there (they
 * come before the bills), but not the name indexes, the search index or the totals, built at the end. So the
 * window's ids are read by scanning the customers and sorting them, the amounts sorted on are added up from the
 * bills there are, and each row's totals from its own bills. The orders are customer-query.ts ORDERS', key for key.
 */

type Totals = CustomerRow['totals'];
export type CustomerSort = 'name' | 'organisation' | 'paid' | 'pending';

/** What migration 0040 adds up per customer, over the bills received so far (the server's copy, as customer_totals). */
const TOTALS = `SELECT b.customerid,
    sum(b.paidcents) AS paid_cents,
    sum(CASE WHEN b.status IN ('PLACED', 'PENDING', 'PARTIAL') THEN max(b.amountcents - b.paidcents, 0) ELSE 0 END) AS pending_cents
  FROM bill b GROUP BY b.customerid`;

const ORDERS: Readonly<Record<CustomerSort, { terms: string[]; natural: 'asc' | 'desc'; totals: boolean }>> = {
  name: { terms: ['c.lastname COLLATE NOCASE', 'c.firstname COLLATE NOCASE', 'c.id'], natural: 'asc', totals: false },
  organisation: { terms: ['c.organisation COLLATE NOCASE', 'c.id'], natural: 'asc', totals: false },
  paid: { terms: ['coalesce(t.paid_cents, 0)', 'c.id'], natural: 'desc', totals: true },
  pending: { terms: ['coalesce(t.pending_cents, 0)', 'c.id'], natural: 'desc', totals: true },
};

/** The ids of one window of customers, and how many match. */
export function customerIdsWhileFilling(
  db: ReadableDb,
  request: { search: string; sort: CustomerSort; direction?: 'asc' | 'desc' | undefined; offset: number; limit: number },
): { ids: number[]; total: number } {
  const { terms, natural, totals } = ORDERS[request.sort];
  const direction = (request.direction ?? natural).toUpperCase();
  const words = searchWords(request.search);
  if (words.length > 0) registerFold(db);
  const conditions = words.map(
    () => `bo_fold(c.firstname || ' ' || c.lastname || ' ' || c.email || ' ' || c.organisation) LIKE ? ESCAPE '\\'`,
  );
  const params = words.map(likePattern);
  const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
  const total = oneValue(cachedStatement<number>(db, `SELECT count(*) FROM customer c${where}`, 'pluck').get(...params));
  if (total === 0 || request.offset >= total) return { ids: [], total };
  const from = totals ? `customer c LEFT JOIN (${TOTALS}) t ON t.customerid = c.id` : 'customer c';
  const ids = cachedStatement<number>(
    db,
    `SELECT c.id FROM ${from}${where} ORDER BY ${terms.map((term) => `${term} ${direction}`).join(', ')} LIMIT ? OFFSET ?`,
    'pluck',
  ).all(...params, request.limit, request.offset);
  return { ids, total };
}

/** The server totals of these customers, from their bills (customer_totals is built at the end of the first sync). */
export function totalsFromBills(db: ReadableDb, ids: readonly number[], contribution: (bill: BillMoney) => Totals): Map<number, Totals> {
  const totals = new Map<number, Totals>();
  const bills = cachedStatement<BillMoney & { customerid: number }>(
    db,
    `SELECT b.customerid, b.status, b.amountcents, b.paidcents FROM json_each(?) j CROSS JOIN bill b ON b.customerid = j.value`,
  ).all(JSON.stringify(ids));
  for (const id of ids) totals.set(id, { placedCount: 0, placedCents: 0, pendingCount: 0, pendingCents: 0, paidCount: 0, paidCents: 0 });
  for (const bill of bills) {
    const sum = totals.get(bill.customerid)!;
    const add = contribution(bill);
    for (const key of Object.keys(sum) as (keyof Totals)[]) sum[key] += add[key];
  }
  return totals;
}

export interface BillMoney {
  status: BillStatus;
  amountcents: number;
  paidcents: number;
}
