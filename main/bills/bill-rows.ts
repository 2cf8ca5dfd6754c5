import type { BillStatus } from '../../shared/bills/bill-status';
import type { BillRow } from '../../shared/contract/bills';
import { cachedStatement } from '../db/cached-statement';
import type { ReadableDb } from '../db/open';
import type { OutboxState } from '../sync/outbox';
import { freshBillOverlay } from './bill-overlay';

interface RowRecord {
  id: number;
  transactionid: string;
  idnumber: string;
  title: string;
  status: BillStatus;
  emissiondate: number;
  lastactiondate: number;
  untaxedcents: number;
  taxcents: number;
  amountcents: number;
  paidcents: number;
  currency: string;
  paymode: string;
  customerId: number;
  firstname: string | null;
  lastname: string | null;
  organisation: string | null;
  items: string | null;
  pendingKind: string | null;
  pendingState: OutboxState | null;
}

/**
 * Bills as rows of the bills table, in the order of `ids`, their status, paid amount, paymode and lettering
 * as the shop will have them once the outbox is sent. Ids not in the cache are left out. Also what the
 * exporters read for a batch of selectBillIds.
 */
export function readBillRows(db: ReadableDb, ids: readonly number[]): BillRow[] {
  if (ids.length === 0) return [];
  freshBillOverlay(db);
  const records = cachedStatement<RowRecord>(
    db,
    `SELECT b.id, b.transactionid, coalesce(o.idnumber, b.idnumber) AS idnumber, b.title,
              coalesce(o.status, b.status) AS status, b.emissiondate, b.lastactiondate, b.untaxedcents, b.taxcents,
              b.amountcents, coalesce(o.paidcents, b.paidcents) AS paidcents, b.currency,
              coalesce(o.paymode, b.paymode) AS paymode, b.customerid AS customerId,
              c.firstname, c.lastname, c.organisation, ic.codes AS items, o.kind AS pendingKind, o.state AS pendingState
       FROM json_each(?) j
       CROSS JOIN bill b ON b.id = j.value
       LEFT JOIN customer c ON c.id = b.customerid
       LEFT JOIN bill_itemcodes ic ON ic.billid = b.id
       LEFT JOIN temp.bill_overlay o ON o.billid = b.id
       ORDER BY j.key`,
  ).all(JSON.stringify(ids));
  return records.map(({ firstname, lastname, organisation, items, pendingKind, pendingState, ...bill }) => ({
    ...bill,
    customer: customerName(firstname ?? '', lastname ?? ''),
    organisation: organisation ?? '',
    items: items ?? '',
    pending: pendingKind && pendingState ? { kind: pendingKind, state: pendingState } : null,
  }));
}

export function customerName(firstname: string, lastname: string): string {
  return `${firstname} ${lastname}`.trim();
}
