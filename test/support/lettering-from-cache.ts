import type { ReadableDb } from '../../main/db/open';
import { fecDay, type FecInvoice } from './lettering-fec';

/** Paid, unlettered bills of a synced cache, with what the accounting software would write of them. */
export interface CachedBill {
  id: number;
  transactionid: string;
  amountcents: number;
  emissiondate: number;
  customer: string;
  organisation: string;
}

export function letterableBills(db: ReadableDb, limit: number): CachedBill[] {
  return db
    .prepare(
      `SELECT b.id, b.transactionid, b.amountcents, b.emissiondate, trim(c.firstname || ' ' || c.lastname) AS customer, c.organisation
       FROM bill b JOIN customer c ON c.id = b.customerid
       WHERE b.status IN ('SOLDOUT', 'COMPLETE') AND b.idnumber = '' AND b.currency = 'EUR' AND b.amountcents > 0
         AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.entity = 'bills' AND o.entity_id = b.id)
       ORDER BY b.id LIMIT ?`,
    )
    .all(limit) as CachedBill[];
}

/** The invoice the accounting software issued for a bill: its reference in the label, the name in capitals. */
export function invoiceFor(
  bill: CachedBill,
  reference: string,
  options: { withTransaction?: boolean; amountcents?: number; customer?: string } = {},
): FecInvoice {
  return {
    reference,
    date: fecDay(bill.emissiondate + 2 * 86_400),
    customer: options.customer ?? (bill.organisation || bill.customer).toUpperCase(),
    account: `C${String(bill.id).padStart(6, '0')}`,
    label: options.withTransaction === false ? 'Formation' : `Formation ${bill.transactionid}`,
    amountcents: options.amountcents ?? bill.amountcents,
  };
}
