import type { BillTableRow, CustomerTotalsTableRow } from '../db/tables';
import type { BillStatus } from '../../shared/bills/bill-status';
import type { CustomerDetail, CustomerRow } from '../../shared/contract/customers';
import { cachedStatement } from '../db/cached-statement';
import type { ReadableDb } from '../db/open';
import { oneValue } from '../db/single-value';
import { bulkLoadPending } from '../sync/bulk-load';
import { freshBillOverlay, pendingBillEntries } from '../bills/bill-overlay';
import { creditNotesOf } from '../bills/credit-notes';
import { billIdsQuery, ftsQuery, namesABill } from '../bills/search-query';
import { overlay } from '../sync/overlay';
import { refusal } from '../../shared/errors/error-text';
import { customerIdsWhileFilling, totalsFromBills } from './customers-while-filling';

/**
 * What a customer placed, owes and paid (migration 0040 keeps them per customer, on the server's copy; the
 * bills with changes still in the outbox are counted here as the shop will have them):
 * - placed: the bills in any state except WORKING (not ordered yet) and CANCELLED: how many, and their amount;
 * - pending: the bills waiting for money (PLACED, PENDING, PARTIAL): how many, and what is left to pay on them;
 * - paid: the bills with money received (paidcents > 0): how many, and the sum received.
 */
type Totals = CustomerRow['totals'];
interface BillMoney {
  status: BillStatus;
  amountcents: number;
  paidcents: number;
}

const ZERO: Totals = { placedCount: 0, placedCents: 0, pendingCount: 0, pendingCents: 0, paidCount: 0, paidCents: 0 };

export function contribution(bill: BillMoney, sign: 1 | -1 = 1): Totals {
  const placed = bill.status !== 'WORKING' && bill.status !== 'CANCELLED';
  const pending = bill.status === 'PLACED' || bill.status === 'PENDING' || bill.status === 'PARTIAL';
  return {
    placedCount: sign * Number(placed),
    placedCents: sign * (placed ? bill.amountcents : 0),
    pendingCount: sign * Number(pending),
    pendingCents: sign * (pending ? Math.max(0, bill.amountcents - bill.paidcents) : 0),
    paidCount: sign * Number(bill.paidcents > 0),
    paidCents: sign * bill.paidcents,
  };
}

function add(a: Totals, b: Totals): Totals {
  return {
    placedCount: a.placedCount + b.placedCount,
    placedCents: a.placedCents + b.placedCents,
    pendingCount: a.pendingCount + b.pendingCount,
    pendingCents: a.pendingCents + b.pendingCents,
    paidCount: a.paidCount + b.paidCount,
    paidCents: a.paidCents + b.paidCents,
  };
}

/** The server totals of these customers, with the bills that have queued changes counted as the shop will. */
function totalsOf(db: ReadableDb, ids: readonly number[]): Map<number, Totals> {
  freshBillOverlay(db);
  const list = JSON.stringify(ids);
  const totals = new Map<number, Totals>();
  const rows = cachedStatement<Totals & { id: CustomerTotalsTableRow['customerid'] }>(
    db,
    `SELECT customerid AS id, placed_count AS placedCount, placed_cents AS placedCents, pending_count AS pendingCount,
              pending_cents AS pendingCents, paid_count AS paidCount, paid_cents AS paidCents
       FROM customer_totals WHERE customerid IN (SELECT value FROM json_each(?))`,
  ).all(list);
  for (const { id, ...row } of rows) totals.set(id, row);
  // The first sync adds the totals up at its end: until then, from each customer's bills received so far.
  if (bulkLoadPending(db)) for (const [id, row] of totalsFromBills(db, ids, contribution)) totals.set(id, row);
  const changed = cachedStatement<BillMoney & Pick<BillTableRow, 'customerid'> & { nowStatus: BillStatus; nowPaid: number }>(
    db,
    `SELECT b.customerid, b.status, b.amountcents, b.paidcents, o.status AS nowStatus, o.paidcents AS nowPaid
       FROM temp.bill_overlay o CROSS JOIN bill b ON b.id = o.billid WHERE b.customerid IN (SELECT value FROM json_each(?))`,
  ).all(list);
  for (const bill of changed) {
    const now = { status: bill.nowStatus, amountcents: bill.amountcents, paidcents: bill.nowPaid };
    const delta = add(contribution(bill, -1), contribution(now));
    totals.set(bill.customerid, add(totals.get(bill.customerid) ?? ZERO, delta));
  }
  return totals;
}

type CustomerRecord = Omit<CustomerRow, 'totals' | 'pending'> & {
  address: string;
  zip: string;
  invoiceinfo: string;
  hasaccount: number;
  version: number;
};

const COLUMNS = `c.id, c.firstname, c.lastname, c.email, c.organisation, c.city, c.country, c.address, c.zip, c.invoiceinfo,
  c.hasaccount, c.version, coalesce((SELECT currency FROM shop WHERE id = c.shopid), '') AS currency`;

/** Customers as the operator sees them: pending invoicing changes laid over, totals attached. */
function present(db: ReadableDb, records: CustomerRecord[]): (CustomerRecord & Pick<CustomerRow, 'totals' | 'pending'>)[] {
  const totals = totalsOf(
    db,
    records.map((r) => r.id),
  );
  return overlay(db, 'customers', records).map(({ localState, localOnly: _localOnly, ...customer }) => ({
    ...customer,
    totals: totals.get(customer.id) ?? ZERO,
    pending: localState ? { kind: 'customer.update', state: localState } : null,
  }));
}

/**
 * By name or organisation A→Z, by paid or pending the largest first (who paid most, who owes most), unless
 * the other direction is asked. Each order is one index, read alone for the window's ids (a deep window is
 * skipped inside the index, backwards for the other direction); the rows are read for those ids only.
 * Search and order follow the shop's copy: a queued invoicing change shows at once, and is found by its new
 * name once the shop has acknowledged it.
 */
const ORDERS = {
  name: {
    ids: 'SELECT c.id FROM customer c INDEXED BY customer_name',
    terms: ['c.lastname COLLATE NOCASE', 'c.firstname COLLATE NOCASE', 'c.id'],
    natural: 'asc',
  },
  organisation: {
    ids: 'SELECT c.id FROM customer c INDEXED BY customer_organisation',
    terms: ['c.organisation COLLATE NOCASE', 'c.id'],
    natural: 'asc',
  },
  paid: {
    ids: 'SELECT t.customerid FROM customer_totals t INDEXED BY customer_totals_paid',
    terms: ['t.paid_cents', 't.customerid'],
    natural: 'desc',
  },
  pending: {
    ids: 'SELECT t.customerid FROM customer_totals t INDEXED BY customer_totals_pending',
    terms: ['t.pending_cents', 't.customerid'],
    natural: 'desc',
  },
} as const;

function readCustomers(db: ReadableDb, ids: readonly number[]): CustomerRecord[] {
  return cachedStatement<CustomerRecord>(
    db,
    `SELECT ${COLUMNS} FROM json_each(?) j CROSS JOIN customer c ON c.id = j.value ORDER BY j.key`,
  ).all(JSON.stringify(ids));
}

/** A search finding more bills than this names no bill in particular ("2025": every lettering of a year). */
const MAX_BILLS_NAMED = 1000;

/**
 * The customers a search finds: those whose name, email or organisation hold every word, and, when the search
 * names a bill (a word with digits: its number, its lettering, a transaction id, finding at most
 * MAX_BILLS_NAMED bills), the owners of the bills it finds. Words without digits (names, title words such as
 * "formation") stay on the customers: looking them up in every bill's title would list the owners of
 * thousands of bills for a word meant for an organisation; a year typed alone would list most customers, and
 * read 250,000 bills for each page of them at a million bills (1.2 s), for nothing an operator could use.
 */
export function customerIdsQuery(
  db: ReadableDb,
  search: string,
  maxBillsNamed = MAX_BILLS_NAMED,
): { sql: string; params: unknown[] } | null {
  const match = ftsQuery(search);
  if (!match) return null;
  const own = 'SELECT rowid FROM customer_search WHERE customer_search MATCH ?';
  const bills = namesABill(search) ? billIdsQuery(search, { foundByTheirOwnText: true }) : null;
  const few =
    bills !== null &&
    oneValue(cachedStatement<number>(db, `SELECT count(*) FROM (${bills.sql} LIMIT ${maxBillsNamed + 1})`, 'pluck').get(...bills.params)) <=
      maxBillsNamed;
  if (!bills || !few) return { sql: own, params: [match] };
  return {
    sql: `${own} UNION SELECT customerid FROM bill INDEXED BY bill_by_id WHERE id IN (${bills.sql})`,
    params: [match, ...bills.params],
  };
}

export function listCustomers(
  db: ReadableDb,
  request: { search: string; sort: keyof typeof ORDERS; direction?: 'asc' | 'desc' | undefined; offset: number; limit: number },
): { rows: CustomerRow[]; total: number } {
  // The first sync builds the search, the totals and the sort indexes at its end: until then, the customers there are.
  if (bulkLoadPending(db)) {
    const { ids: page, total } = customerIdsWhileFilling(db, request);
    return { rows: present(db, readCustomers(db, page)).map(toRow), total };
  }
  const found = customerIdsQuery(db, request.search);
  const { ids, terms, natural } = ORDERS[request.sort];
  const direction = (request.direction ?? natural).toUpperCase();
  const order = terms.map((term) => `${term} ${direction}`).join(', ');
  const idColumn = request.sort === 'paid' || request.sort === 'pending' ? 't.customerid' : 'c.id';
  const where = found ? ` WHERE ${idColumn} IN (${found.sql})` : '';
  const params = found ? found.params : [];
  const total = found
    ? oneValue(cachedStatement<number>(db, `SELECT count(*) FROM (${found.sql})`, 'pluck').get(...found.params))
    : oneValue(cachedStatement<number>(db, 'SELECT count(*) FROM customer', 'pluck').get());
  const page = cachedStatement<number>(db, `${ids}${where} ORDER BY ${order} LIMIT ? OFFSET ?`, 'pluck').all(
    ...params,
    request.limit,
    request.offset,
  );
  return {
    rows: present(db, readCustomers(db, page)).map(toRow),
    total,
  };
}

const toRow = ({
  address: _a,
  zip: _z,
  invoiceinfo: _i,
  hasaccount: _h,
  version: _v,
  ...row
}: ReturnType<typeof present>[number]): CustomerRow => row;

const DAY = 86_400;

export function getCustomer(db: ReadableDb, id: number, options: { siteUrl: string | null; now: number }): CustomerDetail {
  const record = db.prepare<unknown[], CustomerRecord>(`SELECT ${COLUMNS} FROM customer c WHERE c.id = ?`).get(id);
  if (!record) throw refusal('customer_not_found', 'customer.notInCache', { id }, { id });
  const [customer] = present(db, [record]);
  const bills = db
    .prepare<unknown[], CustomerDetail['bills'][number]>(
      `SELECT b.id, b.title, coalesce(o.status, b.status) AS status, b.emissiondate, b.amountcents, b.currency
       FROM bill b INDEXED BY bill_customer LEFT JOIN temp.bill_overlay o ON o.billid = b.id
       WHERE b.customerid = ? ORDER BY b.emissiondate DESC, b.id DESC`,
    )
    .all(id);
  const products = db
    .prepare<unknown[], Omit<CustomerDetail['products'][number], 'endingSoon'>>(
      `SELECT p.id, p.reference, coalesce(ci.code, '') AS itemcode, coalesce(ci.name, '') AS itemname, p.startdate, p.enddate
         FROM product p LEFT JOIN catalog_item ci ON ci.id = p.catalogitemid
         WHERE p.customerid = ? AND p.deleted = 0 ORDER BY p.startdate DESC, p.id DESC`,
    )
    .all(id)
    .map((product) => ({
      ...product,
      // Still running, and over within 30 days: a renewal to propose. 0 means it never ends.
      endingSoon: product.enddate > options.now && product.enddate <= options.now + 30 * DAY,
    }));
  const moodleProfileUrl =
    customer!.hasaccount > 0 && options.siteUrl
      ? `${options.siteUrl.replace(/\/+$/, '')}/user/profile.php?id=${customer!.hasaccount}`
      : null;
  // The credit notes the shop issued on the customer's bills, and what it refunded (the server's copy)...
  const issued = db
    .prepare<[number], Omit<CustomerDetail['credits'], 'waiting'>>(
      `SELECT count(*) AS count, coalesce(sum(n.amountcents), 0) AS creditedCents, coalesce(sum(n.refundcents), 0) AS refundedCents
       FROM bill_credit_note n JOIN bill b ON b.id = n.billid WHERE b.customerid = ?`,
    )
    // An aggregate without GROUP BY always answers one row.
    .get(id)!;
  // ...and those waiting in the outbox, as the bill's detail shows them: the shop will number them at the next sync.
  const credits: CustomerDetail['credits'] = { ...issued, waiting: 0 };
  for (const [billId, entries] of pendingBillEntries(
    db,
    bills.map((bill) => bill.id),
  )) {
    if (!entries.some((entry) => entry.kind === 'bill.refund')) continue;
    for (const note of creditNotesOf(db, billId, entries)) {
      if (!note.pending) continue;
      credits.count += 1;
      credits.waiting += 1;
      credits.creditedCents += note.amountcents;
      credits.refundedCents += note.refundcents;
    }
  }
  return { customer: customer!, moodleProfileUrl, bills, products, credits };
}
