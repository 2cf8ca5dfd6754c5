import type { BillRow } from '../../shared/contract';
import { readBillRows } from '../bills/bill-rows';
import type { ReadableDb } from '../db/open';
import type { BillItemTableRow, BillTableRow } from '../db/tables';
import { oneValue } from '../db/single-value';
import type { CreditNoteRow } from './credit-note-data';

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

export type LineExportRow = Pick<BillTableRow, 'transactionid' | 'currency'> &
  Pick<
    BillItemTableRow,
    'billid' | 'itemcode' | 'abstract' | 'description' | 'quantity' | 'unitcents' | 'totalcents' | 'taxratio' | 'taxcents'
  >;

const LINES_SQL = `
  SELECT i.billid, b.transactionid, b.currency, i.itemcode, i.abstract, i.description, i.quantity,
         i.unitcents, i.totalcents, i.taxratio, i.taxcents
  FROM json_each(?) AS j
  JOIN bill AS b ON b.id = j.value
  JOIN bill_item AS i ON i.billid = b.id
  ORDER BY j.key, i.ordering, i.id`;

export function billRowReader(db: ReadableDb): (ids: readonly number[]) => BillExportRow[] {
  return (ids) => readBillRows(db, ids);
}

/** A credit note of an exported bill, as the credit notes sheet shows it. */
export type CreditNoteExportRow = Pick<BillTableRow, 'idnumber' | 'currency'> &
  Omit<CreditNoteRow, 'id'> & {
    /** First and last name, trimmed. */
    customer: string;
  };

const CREDIT_NOTES_SQL = `
  SELECT n.number, n.issuedat, n.billid, b.idnumber, trim(coalesce(c.firstname, '') || ' ' || coalesce(c.lastname, '')) AS customer,
         b.currency, n.untaxedcents, n.taxcents, n.amountcents, n.refundcents, n.refundpaymode, n.refundedon, n.refundreference, n.reason
  FROM json_each(?) AS j
  JOIN bill AS b ON b.id = j.value
  JOIN bill_credit_note AS n ON n.billid = b.id
  LEFT JOIN customer AS c ON c.id = b.customerid
  ORDER BY j.key, n.issuedat, n.id`;

/** The credit notes the shop issued on a batch of bills, in the bills' order. */
export function creditNoteRowReader(db: ReadableDb): (ids: readonly number[]) => CreditNoteExportRow[] {
  const statement = db.prepare<[string], CreditNoteExportRow>(CREDIT_NOTES_SQL);
  return (ids) => statement.all(JSON.stringify(ids));
}

/** Prepared once per export, then run once per batch. */
export function lineRowReader(db: ReadableDb): (ids: readonly number[]) => LineExportRow[] {
  const statement = db.prepare<[string], LineExportRow>(LINES_SQL);
  return (ids) => statement.all(JSON.stringify(ids));
}

/** How many lines the bills have: the lines sheet's progress total. */
export function countLines(db: ReadableDb, ids: readonly number[]): number {
  return oneValue(
    db
      .prepare<[string], number>('SELECT count(*) FROM json_each(?) AS j JOIN bill_item AS i ON i.billid = j.value')
      .pluck()
      .get(JSON.stringify(ids)),
  );
}

/** `ids` cut in consecutive batches. */
export function* batches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}
