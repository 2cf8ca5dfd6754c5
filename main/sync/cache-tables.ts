import type { Db } from '../db/open';
import { billHistoryRecord, billItemRecord, creditLineRecord, creditNoteRecord, paymentRecord, type BillRecord } from '../shop-api/records';
import { syncEntities, type SyncEntity } from '../shop-api/sync-entities';

/** Where each synced entity lands in the cache (migration 0020). */
export const ENTITY_TABLE: Record<SyncEntity, string> = {
  shops: 'shop',
  taxes: 'tax',
  catalogs: 'catalog',
  categories: 'category',
  catalogitems: 'catalog_item',
  customers: 'customer',
  bills: 'bill',
  products: 'product',
  productevents: 'product_event',
};

/**
 * The order a full pull follows: parents before children, so a page's deferred foreign keys find their
 * parents already there (see pull.ts for the rare parent changed after its entity was pulled).
 */
export const PULL_ORDER: readonly SyncEntity[] = [
  'shops',
  'taxes',
  'catalogs',
  'categories',
  'catalogitems',
  'customers',
  'bills',
  'products',
  'productevents',
];

/** Parents of each entity, for the retry when a page refers to a row the cache does not have yet. */
export const PARENTS: Record<SyncEntity, readonly SyncEntity[]> = {
  shops: [],
  taxes: [],
  catalogs: [],
  categories: ['catalogs'],
  catalogitems: ['catalogs'],
  customers: [],
  bills: ['customers'],
  products: ['customers'],
  productevents: ['products'],
};

const NESTED = new Set(['items', 'payments', 'history', 'creditnotes', 'creditlines']);

/** Scalar columns of an entity's table: the record's keys, less the nested lists of a bill. */
export function columnsOf(entity: SyncEntity): string[] {
  return Object.keys(syncEntities[entity].record.shape).filter((key) => !NESTED.has(key));
}

export interface EntityWriter {
  upsert(record: Record<string, unknown>): void;
  /** A page's rows at once: a bill page clears its bills' lines in three statements, not three per bill. */
  upsertAll(records: readonly Record<string, unknown>[]): void;
  remove(id: number): void;
}

/** `INSERT … ON CONFLICT (id) DO UPDATE`, with positional parameters (binding arrays is faster than objects). */
function upsertSql(table: string, columns: readonly string[]): string {
  const updates = columns.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`);
  return `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`;
}

/**
 * Prepared statements that write one entity's rows. An upsert, not INSERT OR REPLACE: a replace deletes the
 * row first, and its ON DELETE CASCADE would wipe children (a product's events) that this page does not carry.
 */
export function entityWriter(db: Db, entity: SyncEntity): EntityWriter {
  const table = ENTITY_TABLE[entity];
  const columns = columnsOf(entity);
  const upsert = db.prepare(upsertSql(table, columns));
  const remove = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
  const children = entity === 'bills' ? billChildrenWriter(db) : null;
  const write = (record: Record<string, unknown>) =>
    upsert.run(columns.map((column) => (column === 'prices' ? JSON.stringify(record[column]) : record[column])));
  return {
    upsert(record) {
      write(record);
      if (children) {
        children.clear([record as unknown as BillRecord]);
        children.insert(record as unknown as BillRecord);
      }
    },
    upsertAll(records) {
      children?.clear(records as unknown as BillRecord[]);
      for (const record of records) {
        write(record);
        children?.insert(record as unknown as BillRecord);
      }
    },
    remove(id) {
      remove.run(id);
    },
  };
}

const BILL_CHILDREN = [
  { table: 'bill_item', key: 'items', columns: Object.keys(billItemRecord.shape) },
  { table: 'bill_payment', key: 'payments', columns: Object.keys(paymentRecord.shape) },
  { table: 'bill_history', key: 'history', columns: Object.keys(billHistoryRecord.shape) },
  { table: 'bill_credit_note', key: 'creditnotes', columns: Object.keys(creditNoteRecord.shape) },
  { table: 'bill_credit_line', key: 'creditlines', columns: Object.keys(creditLineRecord.shape) },
] as const;

/** A bill arrives whole, with its lines, payments, history and credit notes: they replace what the cache had. */
function billChildrenWriter(db: Db) {
  const statements = BILL_CHILDREN.map((child) => ({
    ...child,
    clear: db.prepare(`DELETE FROM ${child.table} WHERE billid IN (SELECT value FROM json_each(?))`),
    insert: db.prepare(
      `INSERT INTO ${child.table} (billid, ${child.columns.join(', ')}) VALUES (?, ${child.columns.map(() => '?').join(', ')})`,
    ),
  }));
  return {
    clear(bills: readonly BillRecord[]) {
      const ids = JSON.stringify(bills.map((bill) => bill.id));
      for (const child of statements) child.clear.run(ids);
    },
    insert(bill: BillRecord) {
      for (const child of statements) {
        for (const row of bill[child.key] as unknown as Record<string, unknown>[])
          child.insert.run([bill.id, ...child.columns.map((c) => row[c])]);
      }
    },
  };
}
