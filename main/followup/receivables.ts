import type { BillTableRow, CustomerTableRow } from '../db/tables';
import type { AgeingBucket, BucketAmounts, ReceivableBill, ReceivableCustomer } from '../../shared/contract/followup';
import { freshBillOverlay } from '../bills/bill-overlay';
import type { Db } from '../db/open';

/**
 * Receivables: what customers still owe, by age, computed by SQLite on the cache (the bills awaiting payment are
 * found by their state through an index; nothing is loaded but the answer).
 *
 * - A bill is receivable when, as the operator sees it (queued payments and transitions laid over: the bill
 *   overlay), it is an order awaiting its money (RECEIVABLE_STATUSES) and something is left to pay. Test bills
 *   are left out.
 * - What is left: the total, less what its credit notes cancelled, less what was paid and not refunded since:
 *   `amountcents − Σ credit notes − (paidcents − Σ refunds)`. The shop credits only paid bills and refunds them
 *   in the same write, so a credit note leaves a paid bill at 0, and a part-paid one still owes the rest.
 * - Due date: the emission date plus the payment terms of the profile's invoicing settings (termDays, the
 *   days an invoice gives); days late are whole days past it. 0 or less: not due yet.
 */

/** Orders waiting for their money: placed, pending, in preparation, part paid, payment refused, production failed. */
export const RECEIVABLE_STATUSES = ['PLACED', 'PENDING', 'PREPROD', 'PARTIAL', 'REFUSED', 'FAILED'] as const;

const DAY = 86_400;
const IN = `(${RECEIVABLE_STATUSES.map((s) => `'${s}'`).join(', ')})`;

/**
 * One row per receivable bill: its customer, currency, amount left and days late. The bills are found by their
 * state through an index that starts with it (bill_tabs: 220,000 of a million), with those a queued change may have moved (the
 * overlay), instead of reading every bill; their credit notes by bill.
 */
const RECEIVABLE = `
  SELECT b.id, b.customerid, b.currency, b.emissiondate, b.amountcents, b.idnumber, b.ordering,
         coalesce(o.status, b.status) AS status,
         b.amountcents - coalesce(cn.credited, 0) - (coalesce(o.paidcents, b.paidcents) - coalesce(cn.refunded, 0)) AS due,
         -- Bound numbers reach SQLite as reals: the cast makes whole days (toward zero; negative is not due anyway).
         CAST((@asOf - b.emissiondate - @termSeconds) / ${DAY} AS INTEGER) AS late
  FROM (SELECT id FROM bill WHERE status IN ${IN}
        UNION SELECT billid FROM temp.bill_overlay) found
  CROSS JOIN bill b ON b.id = found.id
  LEFT JOIN temp.bill_overlay o ON o.billid = b.id
  LEFT JOIN (SELECT billid, sum(amountcents) AS credited, sum(refundcents) AS refunded FROM bill_credit_note GROUP BY billid) cn
    ON cn.billid = b.id
  WHERE coalesce(o.status, b.status) IN ${IN}
    AND b.test = 0`;

const BUCKET_SQL = `CASE WHEN late <= 0 THEN 'notDue' WHEN late <= 30 THEN 'days1to30' WHEN late <= 60 THEN 'days31to60'
  WHEN late <= 90 THEN 'days61to90' ELSE 'over90' END`;

const SUMS = `sum(CASE WHEN late <= 0 THEN due ELSE 0 END) AS notDue,
  sum(CASE WHEN late BETWEEN 1 AND 30 THEN due ELSE 0 END) AS days1to30,
  sum(CASE WHEN late BETWEEN 31 AND 60 THEN due ELSE 0 END) AS days31to60,
  sum(CASE WHEN late BETWEEN 61 AND 90 THEN due ELSE 0 END) AS days61to90,
  sum(CASE WHEN late > 90 THEN due ELSE 0 END) AS over90,
  sum(due) AS totalCents, count(*) AS bills`;

/** The bucket of a number of days late (the same boundaries as the SQL above). */
export function bucketOf(daysLate: number): AgeingBucket {
  if (daysLate <= 0) return 'notDue';
  if (daysLate <= 30) return 'days1to30';
  if (daysLate <= 60) return 'days31to60';
  if (daysLate <= 90) return 'days61to90';
  return 'over90';
}

export interface AgeingOptions {
  asOf: number;
  termDays: number;
}

type SumRow = BucketAmounts & { totalCents: number; bills: number };
const bucketsOf = (row: SumRow): BucketAmounts => ({
  notDue: row.notDue,
  days1to30: row.days1to30,
  days31to60: row.days31to60,
  days61to90: row.days61to90,
  over90: row.over90,
});

const CUSTOMER_LIMIT = 2000;

export function receivablesByCustomer(db: Db, options: AgeingOptions) {
  freshBillOverlay(db);
  const params = { asOf: options.asOf, termSeconds: options.termDays * DAY };
  const rows = db
    .prepare<
      unknown[],
      SumRow & { customerId: number; customer: string } & Pick<BillTableRow, 'currency'> &
        Pick<CustomerTableRow, 'organisation' | 'hasaccount'>
    >(
      `SELECT r.customerid AS customerId, r.currency, ${SUMS},
              trim(c.firstname || ' ' || c.lastname) AS customer, c.organisation, c.hasaccount
       FROM (${RECEIVABLE}) r JOIN customer c ON c.id = r.customerid
       WHERE r.due > 0
       GROUP BY r.customerid, r.currency
       ORDER BY sum(CASE WHEN r.late > 0 THEN r.due ELSE 0 END) DESC, sum(r.due) DESC, r.customerid
       LIMIT ${CUSTOMER_LIMIT + 1}`,
    )
    .all(params);
  const totals = db
    .prepare<unknown[], SumRow & Pick<BillTableRow, 'currency'>>(
      `SELECT currency, ${SUMS} FROM (${RECEIVABLE}) WHERE due > 0 GROUP BY currency ORDER BY currency`,
    )
    .all(params);
  const customers: ReceivableCustomer[] = rows.slice(0, CUSTOMER_LIMIT).map((row) => ({
    customerId: row.customerId,
    customer: row.customer,
    organisation: row.organisation,
    hasAccount: row.hasaccount > 0,
    currency: row.currency,
    bills: row.bills,
    buckets: bucketsOf(row),
    totalCents: row.totalCents,
  }));
  return {
    asOf: options.asOf,
    termDays: options.termDays,
    customers,
    truncated: rows.length > CUSTOMER_LIMIT,
    totals: totals.map((row) => ({ currency: row.currency, bills: row.bills, buckets: bucketsOf(row), totalCents: row.totalCents })),
  };
}

const BILL_LIMIT = 1000;

/** The bill's number as a customer knows it: the invoice number once lettered, else the order number. */
export const BILL_NUMBER_SQL = `CASE WHEN r.idnumber <> '' THEN r.idnumber ELSE CAST(r.ordering AS TEXT) END`;

export function receivableBills(
  db: Db,
  options: AgeingOptions & { customerId?: number | undefined; bucket?: AgeingBucket | undefined; billIds?: readonly number[] },
): { bills: ReceivableBill[]; truncated: boolean } {
  freshBillOverlay(db);
  const rows = db
    .prepare(
      `SELECT r.id AS billId, ${BILL_NUMBER_SQL} AS number, r.customerid AS customerId,
              trim(c.firstname || ' ' || c.lastname) AS customer, c.hasaccount, r.status, r.currency,
              r.amountcents AS amountCents, r.due AS dueCents, r.emissiondate AS emissionDate,
              r.emissiondate + @termSeconds AS dueDate, r.late AS daysLate, ${BUCKET_SQL} AS bucket,
              (SELECT count(*) FROM bill_reminder m WHERE m.bill_id = r.id AND m.outcome <> 'failed') AS reminders,
              (SELECT max(created_at) FROM bill_reminder m WHERE m.bill_id = r.id AND m.outcome <> 'failed') AS lastReminderAt
       FROM (${RECEIVABLE}) r JOIN customer c ON c.id = r.customerid
       WHERE r.due > 0
         AND (@customerId IS NULL OR r.customerid = @customerId)
         AND (@bucket IS NULL OR ${BUCKET_SQL} = @bucket)
         AND (@ids IS NULL OR r.id IN (SELECT value FROM json_each(@ids)))
       ORDER BY r.late DESC, r.id
       LIMIT ${BILL_LIMIT + 1}`,
    )
    .all({
      asOf: options.asOf,
      termSeconds: options.termDays * DAY,
      customerId: options.customerId ?? null,
      bucket: options.bucket ?? null,
      ids: options.billIds ? JSON.stringify(options.billIds) : null,
    }) as (Omit<ReceivableBill, 'hasAccount'> & { hasaccount: number })[];
  return {
    bills: rows.slice(0, BILL_LIMIT).map(({ hasaccount, ...row }) => ({ ...row, hasAccount: hasaccount > 0 })),
    truncated: rows.length > BILL_LIMIT,
  };
}
