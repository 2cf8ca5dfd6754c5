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
