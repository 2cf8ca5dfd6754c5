import { selectBillIds, type BillSelection, type BillSort } from '../bills/bill-query';
import type { ReadableDb } from '../db/open';
import { refusal } from '../../shared/errors/error-text';

/**
 * The ids of the bills to export, in export order, taken once at the start: the bills sheet and the lines
 * sheet then cover exactly the same bills, read by these ids in batches, with no statement left open across
 * the export's awaits (the sync engine writes to the same connection meanwhile). A number per bill is a
 * small price (800 KB for 100,000 bills) next to the rows, which are never all held.
 *
 * A filter selects as the bills table does (main/bills/bill-query.ts), in the table's order unless told.
 */
export function resolveBillIds(db: ReadableDb, selection: BillSelection, sort?: BillSort): number[] {
  if ('ids' in selection) checkPresent(db, selection.ids);
  return [...selectBillIds(db, selection, sort)];
}

/**
 * Bills asked for by id must all be there: an export quietly missing a bill the operator picked would look
 * complete. Refused naming the first ones (the cache was rebuilt, or they were picked on another machine).
 */
function checkPresent(db: ReadableDb, ids: readonly number[]): void {
  const unique = [...new Set(ids)];
  const present = new Set(
    db.prepare<[string], number>('SELECT b.id FROM json_each(?) AS j JOIN bill AS b ON b.id = j.value').pluck().all(JSON.stringify(unique)),
  );
  const missing = unique.filter((id) => !present.has(id));
  if (missing.length === 0) return;
  const shown = `${missing.slice(0, 10).join(', ')}${missing.length > 10 ? '…' : ''}`;
  throw refusal(
    'export_bills_missing',
    'export.billsMissing',
    { count: missing.length, shown },
    { missing: missing.slice(0, 100), count: missing.length },
  );
}
