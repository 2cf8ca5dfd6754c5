import type { z } from 'zod';
import type { productionLineSchema } from '../../shared/contract/production';
import { isRunnableHandler } from '../../shared/handler-params';
import type { Db } from '../db/open';
import type { BillItemTableRow, CatalogItemTableRow } from '../db/tables';
import { readLineInput } from './line-input';
import { lastOutcome } from './production-store';
import { refusal } from '../../shared/errors/error-text';

type ProductionLine = z.infer<typeof productionLineSchema>;

/** A bill's lines whose catalog item has a handler, for the "Run handler" entry points. */
export function productionLines(db: Db, billId: number): ProductionLine[] {
  if (db.prepare('SELECT 1 FROM bill WHERE id = ?').get(billId) === undefined)
    throw refusal('bill_not_found', 'bill.notInCache', { id: billId }, { id: billId });
  const lines = db
    .prepare<
      [number],
      Pick<BillItemTableRow, 'id' | 'ordering' | 'itemcode' | 'abstract' | 'quantity'> & { handler: CatalogItemTableRow['enablehandler'] }
    >(
      `SELECT l.id, l.ordering, l.itemcode, l.abstract, l.quantity, coalesce(i.enablehandler, '') AS handler
       FROM bill_item l LEFT JOIN catalog_item i ON i.id = l.catalogitemid
       WHERE l.billid = ? AND l.type = 'BILLING' AND coalesce(i.enablehandler, '') <> '' ORDER BY l.ordering, l.id`,
    )
    .all(billId);
  return lines.map((line) => {
    const input = readLineInput(db, billId, line.id);
    return {
      billItemId: line.id,
      ordering: line.ordering,
      itemcode: line.itemcode,
      abstract: line.abstract,
      quantity: line.quantity,
      handler: line.handler,
      runnable: isRunnableHandler(line.handler),
      recorded: input.recorded.products,
      lastOutcome: lastOutcome(db, line.id),
      participants: line.handler === 'std_setuponecoursesession' ? input.participants : [],
    };
  });
}
