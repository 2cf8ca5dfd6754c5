import type { BillRow } from '../../shared/contract';
import { readBillRows } from '../bills/bill-rows';
import type { Db } from '../db/open';

/**
 * What the bills workbook reads from the cache, by batches of bill ids. The ids travel as one JSON array
 * parameter (json_each), so a batch of any size is one prepared statement, and rows come back in the order
 * of the ids (the order the operator chose), never as one array of every bill.
 *
 * The bills sheet shows the bills as the bills table does (main/bills/bill-rows.ts: status, payments and
 * lettering with the changes still waiting in the outbox), so an export matches the filter and the screen
 * it was made from. Lines cannot be changed locally: they are the shop's copy.
 */

export type BillExportRow = BillRow;

export interface LineExportRow {
  billid: number;
  transactionid: string;
  currency: string;
  itemcode: string;
  abstract: string;
  description: string;
  quantity: number;
  unitcents: number;
  totalcents: number;
  taxratio: number;
  taxcents: number;
}

const LINES_SQL = `
  SELECT i.billid, b.transactionid, b.currency, i.itemcode, i.abstract, i.description, i.quantity,
         i.unitcents, i.totalcents, i.taxratio, i.taxcents
  FROM json_each(?) AS j
  JOIN bill AS b ON b.id = j.value
  JOIN bill_item AS i ON i.billid = b.id
  ORDER BY j.key, i.ordering, i.id`;

export function billRowReader(db: Db): (ids: readonly number[]) => BillExportRow[] {
  return (ids) => readBillRows(db, ids);
}

/** A credit note of an exported bill, as the credit notes sheet shows it. */
export interface CreditNoteExportRow {
  number: string;
  issuedat: number;
  billid: number;
  idnumber: string;
  customer: string;
  currency: string;
  untaxedcents: number;
  taxcents: number;
  amountcents: number;
  refundcents: number;
  refundpaymode: string;
  refundedon: number;
  refundreference: string;
  reason: string;
}

const CREDIT_NOTES_SQL = `
  SELECT n.number, n.issuedat, n.billid, b.idnumber, trim(coalesce(c.firstname, '') || ' ' || coalesce(c.lastname, '')) AS customer,
         b.currency, n.untaxedcents, n.taxcents, n.amountcents, n.refundcents, n.refundpaymode, n.refundedon, n.refundreference, n.reason
  FROM json_each(?) AS j
  JOIN bill AS b ON b.id = j.value
  JOIN bill_credit_note AS n ON n.billid = b.id
  LEFT JOIN customer AS c ON c.id = b.customerid
  ORDER BY j.key, n.issuedat, n.id`;

/** The credit notes the shop issued on a batch of bills, in the bills' order. */
export function creditNoteRowReader(db: Db): (ids: readonly number[]) => CreditNoteExportRow[] {
  const statement = db.prepare(CREDIT_NOTES_SQL);
  return (ids) => statement.all(JSON.stringify(ids)) as CreditNoteExportRow[];
}

/** Prepared once per export, then run once per batch. */
export function lineRowReader(db: Db): (ids: readonly number[]) => LineExportRow[] {
  const statement = db.prepare(LINES_SQL);
  return (ids) => statement.all(JSON.stringify(ids)) as LineExportRow[];
}

/** How many lines the bills have: the lines sheet's progress total. */
export function countLines(db: Db, ids: readonly number[]): number {
  return db
    .prepare('SELECT count(*) FROM json_each(?) AS j JOIN bill_item AS i ON i.billid = j.value')
    .pluck()
    .get(JSON.stringify(ids)) as number;
}

/** `ids` cut in consecutive batches. */
export function* batches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
