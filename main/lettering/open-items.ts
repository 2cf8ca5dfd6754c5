import type { OpenBill, OpenInvoice } from '../../shared/contract/lettering';
import { freshBillOverlay } from '../bills/bill-overlay';
import type { Db } from '../db/open';

/** The states in which the shop accepts a lettering (local_shopbackoffice_set_bill_lettering: paid or partly paid). */
export const LETTERABLE_STATUSES = ['SOLDOUT', 'COMPLETE', 'PARTIAL'] as const;

const ALLOCATED = (side: 'bill_id' | 'invoice_id') => `
  SELECT l.${side} AS item, sum(l.allocated_cents) AS allocated FROM lettering_link l
  JOIN lettering_match m ON m.id = l.match_id AND m.state <> 'undone'
  WHERE l.${side} IS NOT NULL GROUP BY l.${side}`;

/**
 * Bills still to letter, as the operator sees them (queued changes included): paid or partly paid, without a
 * lettering, with some amount not yet given to a match.
 */
export function openBills(db: Db): OpenBill[] {
  freshBillOverlay(db);
  return db
    .prepare(
      `SELECT b.id, b.transactionid, coalesce(o.status, b.status) AS status, b.emissiondate, b.amountcents,
              b.amountcents - coalesce(a.allocated, 0) AS remainingCents, b.currency,
              trim(c.firstname || ' ' || c.lastname) AS customer, c.organisation, c.email
       FROM bill b
       JOIN customer c ON c.id = b.customerid
       LEFT JOIN temp.bill_overlay o ON o.billid = b.id
       LEFT JOIN (${ALLOCATED('bill_id')}) a ON a.item = b.id
       WHERE (b.status IN ('SOLDOUT', 'COMPLETE', 'PARTIAL') OR o.billid IS NOT NULL)
         AND coalesce(o.status, b.status) IN ('SOLDOUT', 'COMPLETE', 'PARTIAL')
         AND coalesce(o.idnumber, b.idnumber) = ''
         AND b.amountcents - coalesce(a.allocated, 0) > 0
       ORDER BY b.emissiondate, b.id`,
    )
    .all() as OpenBill[];
}

export function openInvoices(db: Db): OpenInvoice[] {
  return db
    .prepare(
      `SELECT i.id, i.reference, i.invoice_date AS date, i.customer, i.label, i.amountcents,
              i.amountcents - coalesce(a.allocated, 0) AS remainingCents, i.currency, i.email
       FROM lettering_invoice i LEFT JOIN (${ALLOCATED('invoice_id')}) a ON a.item = i.id
       WHERE i.amountcents - coalesce(a.allocated, 0) <> 0
       ORDER BY i.invoice_date, i.id`,
    )
    .all() as (OpenInvoice & { email: string })[];
}

/** Open invoices whose number some unmatched bill already carries as its lettering on the shop. */
export function letteredOnShop(db: Db): Map<string, number> {
  freshBillOverlay(db);
  const rows = db
    .prepare(
      `SELECT i.reference, b.id FROM lettering_invoice i
       JOIN bill b ON b.idnumber = i.reference
       LEFT JOIN temp.bill_overlay o ON o.billid = b.id
       WHERE coalesce(o.idnumber, b.idnumber) = i.reference
         AND NOT EXISTS (SELECT 1 FROM lettering_link l JOIN lettering_match m ON m.id = l.match_id AND m.state <> 'undone' WHERE l.invoice_id = i.id OR l.bill_id = b.id)`,
    )
    .all() as { reference: string; id: number }[];
  return new Map(rows.map((r) => [r.reference, r.id]));
}

export function matchedCount(db: Db): number {
  return db.prepare("SELECT count(*) FROM lettering_match WHERE state <> 'undone'").pluck().get() as number;
}
