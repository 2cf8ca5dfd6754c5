import type { Db } from '../db/open';
import type { BillRecord } from '../shop-api/records';
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

const NESTED = new Set(['items', 'payments', 'history']);

/** Scalar columns of an entity's table: the record's keys, less the nested lists of a bill. */
export function columnsOf(entity: SyncEntity): string[] {
  return Object.keys(syncEntities[entity].record.shape).filter((key) => !NESTED.has(key));
}

export interface EntityWriter {
  upsert(record: Record<string, unknown>): void;
  remove(id: number): void;
}

/**
 * Prepared statements that write one entity's rows. An upsert, not INSERT OR REPLACE: a replace deletes the
 * row first, and its ON DELETE CASCADE would wipe children (a product's events) that this page does not carry.
 */
export function entityWriter(db: Db, entity: SyncEntity): EntityWriter {
  const table = ENTITY_TABLE[entity];
  const columns = columnsOf(entity);
  const upsert = db.prepare(
    `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${columns
       .filter((c) => c !== 'id')
       .map((c) => `${c} = excluded.${c}`)
       .join(', ')}`,
  );
  const remove = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
  const children = entity === 'bills' ? billChildrenWriter(db) : null;
  return {
    upsert(record) {
      const row: Record<string, unknown> = {};
      for (const column of columns) {
        const value = record[column];
        row[column] = column === 'prices' ? JSON.stringify(value) : value;
      }
      upsert.run(row);
      children?.replace(record as unknown as BillRecord);
    },
    remove(id) {
      remove.run(id);
    },
  };
}

/** A bill arrives whole, with its lines, payments and history: they replace what the cache had. */
function billChildrenWriter(db: Db) {
  const clear = ['bill_item', 'bill_payment', 'bill_history'].map((t) => db.prepare(`DELETE FROM ${t} WHERE billid = ?`));
  const item = db.prepare(
    `INSERT INTO bill_item (id, billid, ordering, type, itemcode, catalogitemid, abstract, description, delay, unitcents, quantity,
       totalcents, taxcode, taxratio, taxcents, bundleid, customerdata, productiondata)
     VALUES (@id, @billid, @ordering, @type, @itemcode, @catalogitemid, @abstract, @description, @delay, @unitcents, @quantity,
       @totalcents, @taxcode, @taxratio, @taxcents, @bundleid, @customerdata, @productiondata)`,
  );
  const payment = db.prepare(
    'INSERT INTO bill_payment (id, billid, amountcents, paymode, paidon, reference, timecreated) VALUES (@id, @billid, @amountcents, @paymode, @paidon, @reference, @timecreated)',
  );
  const history = db.prepare(
    'INSERT INTO bill_history (id, billid, fromstatus, tostatus, timecreated, userid, note) VALUES (@id, @billid, @fromstatus, @tostatus, @timecreated, @userid, @note)',
  );
  return {
    replace(bill: BillRecord) {
      for (const statement of clear) statement.run(bill.id);
      for (const line of bill.items) item.run({ ...line, billid: bill.id });
      for (const entry of bill.payments) payment.run({ ...entry, billid: bill.id });
      for (const entry of bill.history) history.run({ ...entry, billid: bill.id });
    },
  };
}
