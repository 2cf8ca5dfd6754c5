import type { OpenBill, OpenInvoice } from '../../shared/contract/lettering';
import { freshBillOverlay } from '../bills/bill-overlay';
import type { ReadableDb } from '../db/open';
import type { BillTableRow, LetteringMatchTableRow } from '../db/tables';
import { oneValue } from '../db/single-value';
import type { BillPayment, EngineLetteredBill } from './match-engine';

/** The states in which the shop accepts a lettering (local_shopbackoffice_set_bill_lettering: paid or partly paid). */
export const LETTERABLE_STATUSES = ['SOLDOUT', 'COMPLETE', 'PARTIAL'] as const;

const ALLOCATED = (side: 'bill_id' | 'invoice_id') => `
  SELECT l.${side} AS item, sum(l.allocated_cents) AS allocated FROM lettering_link l
  JOIN lettering_match m ON m.id = l.match_id AND m.state <> 'undone'
  WHERE l.${side} IS NOT NULL GROUP BY l.${side}`;

/**
 * Orders not paid yet that the shop may still see paid (placed, pending, in preparation, payment refused or
 * failed): an invoice can come before the payment (businesses paying at 30 days are invoiced first), so such a
 * bill is matched all the same, and its lettering goes to the shop once it is paid.
 */
export const AWAITING_PAYMENT_STATUSES = ['PLACED', 'PENDING', 'PREPROD', 'REFUSED', 'FAILED'] as const;

export type CandidateBill = OpenBill & { payment: BillPayment };

const CANDIDATE_COLUMNS = `b.id AS id, b.transactionid, coalesce(o.status, b.status) AS status, b.emissiondate AS emissiondate, b.amountcents,
       b.amountcents - coalesce(a.allocated, 0) AS remainingCents, b.currency,
       trim(c.firstname || ' ' || c.lastname) AS customer, c.organisation, c.email`;
const PAID_SQL = `('SOLDOUT', 'COMPLETE', 'PARTIAL')`;
const AWAITING_SQL = `(${AWAITING_PAYMENT_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * Every bill without a lettering, with some amount not yet given to a match, that could be an open invoice's
 * partner, as the operator sees it (queued changes included):
 *  - `paid`: paid or partly paid, whatever its date: to letter;
 *  - `unpaid`: an order awaiting its payment, dated within `window`: matched, its lettering waits for the payment;
 *  - `other`: any other state within `window` (a cart, cancelled, refunded): never suggested, but the engine
 *    counts it as a possible partner, so that it keeps a pair it could spoil from being exact.
 * Without a window (no open invoice), the paid ones only.
 */
export function candidateBills(db: ReadableDb, window: { from: number; to: number } | null): CandidateBill[] {
  freshBillOverlay(db);
  const paid = `SELECT ${CANDIDATE_COLUMNS}, 'paid' AS payment
       FROM bill b
       JOIN customer c ON c.id = b.customerid
       LEFT JOIN temp.bill_overlay o ON o.billid = b.id
       LEFT JOIN (${ALLOCATED('bill_id')}) a ON a.item = b.id
       WHERE (b.status IN ${PAID_SQL} OR o.billid IS NOT NULL)
         AND coalesce(o.status, b.status) IN ${PAID_SQL}
         AND coalesce(o.idnumber, b.idnumber) = ''
         AND b.amountcents - coalesce(a.allocated, 0) > 0`;
  const others = `SELECT ${CANDIDATE_COLUMNS},
         CASE WHEN coalesce(o.status, b.status) IN ${AWAITING_SQL} THEN 'unpaid' ELSE 'other' END AS payment
       FROM bill b
       JOIN customer c ON c.id = b.customerid
       LEFT JOIN temp.bill_overlay o ON o.billid = b.id
       LEFT JOIN (${ALLOCATED('bill_id')}) a ON a.item = b.id
       WHERE b.emissiondate BETWEEN @from AND @to
         AND coalesce(o.status, b.status) NOT IN ${PAID_SQL}
         AND coalesce(o.idnumber, b.idnumber) = ''
         AND b.amountcents - coalesce(a.allocated, 0) > 0`;
  return window
    ? db.prepare<{ from: number; to: number }, CandidateBill>(`${paid} UNION ALL ${others} ORDER BY emissiondate, id`).all(window)
    : db.prepare<[], CandidateBill>(`${paid} ORDER BY b.emissiondate, b.id`).all();
}

export function openInvoices(db: ReadableDb): OpenInvoice[] {
  return db
    .prepare<[], OpenInvoice & { email: string }>(
      `SELECT i.id, i.reference, i.invoice_date AS date, i.customer, i.label, i.amountcents,
              i.amountcents - coalesce(a.allocated, 0) AS remainingCents, i.currency, i.email
       FROM lettering_invoice i LEFT JOIN (${ALLOCATED('invoice_id')}) a ON a.item = i.id
       WHERE i.amountcents - coalesce(a.allocated, 0) <> 0
       ORDER BY i.invoice_date, i.id`,
    )
    .all();
}

/**
 * Bills that carry a lettering, on the shop or queued for it: the engine reads their invoice numbers, so that an
 * invoice whose number one of them carries (written the same after normalising) is taken as that bill's.
 * `matched`: the bill is in a match here already.
 */
export function letteredBills(db: ReadableDb): EngineLetteredBill[] {
  freshBillOverlay(db);
  const rows = db
    .prepare<[], Pick<BillTableRow, 'id' | 'idnumber' | 'amountcents' | 'currency'> & { matched: number }>(
      `SELECT b.id, coalesce(o.idnumber, b.idnumber) AS idnumber, b.amountcents - coalesce(a.allocated, 0) AS amountcents, b.currency,
              a.item IS NOT NULL AS matched
       FROM bill b
       LEFT JOIN temp.bill_overlay o ON o.billid = b.id
       LEFT JOIN (${ALLOCATED('bill_id')}) a ON a.item = b.id
       WHERE (b.idnumber > '' OR o.billid IS NOT NULL) AND coalesce(o.idnumber, b.idnumber) <> ''`,
    )
    .all();
  return rows.map((r) => ({ id: r.id, idnumber: r.idnumber, amountcents: r.amountcents, currency: r.currency, matched: r.matched === 1 }));
}

export function matchedCount(db: ReadableDb): number {
  return oneValue(db.prepare<[], number>("SELECT count(*) FROM lettering_match WHERE state <> 'undone'").pluck().get());
}

/**
 * Matches that balance but wait for a bill's payment before their lettering goes to the shop: open, and within
 * their tolerance (an open match otherwise is partial).
 */
export const WAITING_MATCHES = `
  SELECT m.id, m.tolerance_cents AS toleranceCents, m.currency, m.created_by AS createdBy FROM lettering_match m
  WHERE m.state = 'open'
    AND abs((SELECT coalesce(sum(CASE WHEN l.bill_id IS NOT NULL THEN l.allocated_cents ELSE -l.allocated_cents END), 0)
             FROM lettering_link l WHERE l.match_id = m.id)) <= m.tolerance_cents`;

/** A row of WAITING_MATCHES. */
export type WaitingMatchRow = Pick<LetteringMatchTableRow, 'id' | 'currency'> & {
  toleranceCents: LetteringMatchTableRow['tolerance_cents'];
  createdBy: LetteringMatchTableRow['created_by'];
};

export function awaitingPaymentCount(db: ReadableDb): number {
  return oneValue(db.prepare<[], number>(`SELECT count(*) FROM (${WAITING_MATCHES})`).pluck().get());
}
