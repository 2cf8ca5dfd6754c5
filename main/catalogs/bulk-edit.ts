import { changePricesByPercent } from '../../shared/catalogs/price-change';
import type { BulkChange, BulkPreview } from '../../shared/contract/catalogs';
import type { Db } from '../db/open';
import { catalogsSeenBy, findCatalog } from './catalog-read';
import { categoryRows, itemRows, type ItemRow } from './catalog-rows';
import { checkItem, itemPayload, refuse } from './catalog-edits';
import { queueEdit } from './edit-queue';
import { issue } from '../../shared/catalogs/field-issue';

/**
 * Many items at once: status, category, tax code, or prices by a percentage (rounded per tier to whole
 * cents, halves away from zero: shared/catalogs/price-change.ts). The preview and the apply compute the
 * same rows; applying queues one save per item that changes, all in one transaction.
 */

function changed(item: ItemRow, change: BulkChange): { field: string; before: unknown; after: unknown; next: ItemRow } {
  switch (change.kind) {
    case 'status':
      return { field: 'status', before: item.status, after: change.status, next: { ...item, status: change.status } };
    case 'category':
      return { field: 'categoryid', before: item.categoryid, after: change.categoryid, next: { ...item, categoryid: change.categoryid } };
    case 'taxcode':
      return { field: 'taxcode', before: item.taxcode, after: change.taxcode, next: { ...item, taxcode: change.taxcode } };
    case 'pricePercent': {
      const prices = changePricesByPercent(item.prices, change.basisPoints);
      return { field: 'prices', before: item.prices, after: prices, next: { ...item, prices } };
    }
    default: {
      const never: never = change;
      throw new Error(`Unknown bulk change ${JSON.stringify(never)}`);
    }
  }
}

function plan(db: Db, input: { catalogId: number; ids: readonly number[]; change: BulkChange }) {
  const catalog = findCatalog(db, input.catalogId);
  const items = itemRows(db, catalogsSeenBy(catalog));
  if (
    input.change.kind === 'category' &&
    !categoryRows(db, catalogsSeenBy(catalog)).some((c) => c.id === (input.change as { categoryid: number }).categoryid)
  )
    refuse([issue('categoryid', 'required', 'Choose a category of this catalog.')]);
  if (input.change.kind === 'taxcode' && db.prepare('SELECT 1 FROM tax WHERE id = ?').get(input.change.taxcode) === undefined)
    refuse([issue('taxcode', 'required', 'Choose one of the shop’s taxes.')]);
  const wanted = new Set(input.ids);
  return items
    .filter((item) => wanted.has(item.id))
    .map((item) => {
      const row = changed(item, input.change);
      const skipped =
        item.catalogid !== catalog.id ? 'master' : JSON.stringify(row.before) === JSON.stringify(row.after) ? 'unchanged' : null;
      return { item, ...row, skipped };
    });
}

function preview(rows: ReturnType<typeof plan>): BulkPreview {
  return {
    rows: rows.map((r) => ({
      id: r.item.id,
      code: r.item.code,
      name: r.item.name,
      field: r.field,
      before: r.before,
      after: r.after,
      skipped: r.skipped,
    })),
    changed: rows.filter((r) => r.skipped === null).length,
  };
}

export function bulkPreview(db: Db, input: { catalogId: number; ids: readonly number[]; change: BulkChange }): BulkPreview {
  return preview(plan(db, input));
}

export function bulkApply(db: Db, input: { catalogId: number; ids: readonly number[]; change: BulkChange }): BulkPreview {
  return db.transaction(() => {
    const rows = plan(db, input);
    const all = itemRows(db, catalogsSeenBy(findCatalog(db, input.catalogId)));
    for (const row of rows) {
      if (row.skipped !== null) continue;
      const issues = checkItem(db, itemPayload(row.next), all);
      if (issues.length > 0) refuse(issues.map((i) => ({ ...i, message: `${row.item.code}: ${i.message}` })));
      queueEdit(db, 'catalogItem.save', row.item.id, itemPayload(row.next), itemPayload(row.item));
    }
    return preview(rows);
  })();
}
