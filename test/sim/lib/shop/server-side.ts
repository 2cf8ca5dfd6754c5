import type { BillRecord } from './structures';
import type { MoodleSite, SqlValue } from '../../site';
import { grantSalesAdmin } from './access';
import { deleteWithTombstone, statement, type TombstoneScope } from './db';
import { ShopLoader } from './loader';
import { READERS, readBill, readRecord, tierColumns, type RecordOf, type ShopEntity } from './records';

/**
 * What happens on the site behind the back-office's back: the plugin's own forms, the checkout, a cron.
 * Tests use it to put a record in place or to change one "on the server side" (a new version, a new
 * modification time) and so provoke conflicts, deletions and late changes the client must cope with.
 */
export interface ShopServerSide {
  /** Inserts wire records as given, ids, versions and times included (bills with their nested rows). */
  insert<E extends ShopEntity>(entity: E, record: E extends 'bills' ? BillRecord : RecordOf<E>): void;
  /** Changes columns of a record as the plugin's forms would: version + 1, timemodified = now (or as given). */
  touch<E extends ShopEntity>(entity: E, id: number, changes?: Partial<E extends 'bills' ? BillRecord : RecordOf<E>>): void;
  touchCatalogItem(id: number, changes?: Partial<RecordOf<'catalogitems'>>): void;
  /** Deletes a record and leaves its tombstone, as the plugin's delete would. */
  remove(entity: ShopEntity, id: number): void;
  read<E extends ShopEntity>(entity: E, id: number): (E extends 'bills' ? BillRecord : RecordOf<E>) | undefined;
  /** Gives a user local/shopbackoffice:use through a system role (created once). */
  grantSalesAdmin(userid: number): void;
}

const NESTED = new Set(['items', 'payments', 'history', 'prices']);

function scopeOf(site: MoodleSite, entity: ShopEntity, id: number): TombstoneScope {
  const one = (sql: string) => (statement(site, sql).get(id) as { n: number } | undefined)?.n ?? 0;
  switch (entity) {
    case 'shops':
    case 'taxes':
      return {};
    case 'catalogs':
      return { catalogid: id };
    case 'categories':
    case 'catalogitems':
      return { catalogid: one(`SELECT catalogid AS n FROM mdl_${READERS[entity].table} WHERE id = ?`) };
    case 'customers':
    case 'bills':
      return { shopid: one(`SELECT shopid AS n FROM mdl_${READERS[entity].table} WHERE id = ?`) };
    case 'products':
      return {
        shopid: one(
          'SELECT c.shopid AS n FROM mdl_local_shop_product p JOIN mdl_local_shop_customer c ON c.id = p.customerid WHERE p.id = ?',
        ),
      };
    case 'productevents':
      return {
        shopid: one(`SELECT c.shopid AS n FROM mdl_local_shop_productevent e JOIN mdl_local_shop_product p ON p.id = e.productid
                      JOIN mdl_local_shop_customer c ON c.id = p.customerid WHERE e.id = ?`),
      };
    default: {
      const never: never = entity;
      throw new Error(`Unknown shop entity ${String(never)}`);
    }
  }
}

export function shopServerSide(site: MoodleSite): ShopServerSide {
  const loader = () => new ShopLoader(site);
  const touch = (entity: ShopEntity, id: number, changes: Record<string, unknown> = {}) => {
    const table = READERS[entity].table;
    const fields: Record<string, SqlValue> = {};
    for (const [key, value] of Object.entries(changes)) {
      if (key === 'id' || key === 'version' || key === 'timemodified' || NESTED.has(key)) continue;
      fields[key] = value as SqlValue;
    }
    if (entity === 'catalogitems' && Array.isArray(changes['prices'])) Object.assign(fields, tierColumns(changes['prices'] as never));
    const columns = Object.keys(fields);
    const timemodified = typeof changes['timemodified'] === 'number' ? changes['timemodified'] : site.now();
    site.transaction(() => {
      const sets = [...columns.map((c) => `${c} = ?`), 'version = version + 1', 'timemodified = ?'].join(', ');
      const result = statement(site, `UPDATE mdl_${table} SET ${sets} WHERE id = ?`).run(
        ...columns.map((c) => fields[c] ?? null),
        timemodified,
        id,
      );
      if (result.changes !== 1) throw new Error(`No ${entity} ${id} to touch`);
    });
  };
  return {
    insert: (entity, record) =>
      site.transaction(() => {
        const load = loader();
        const inserts: Record<ShopEntity, (r: never) => void> = {
          shops: (r) => load.shop(r),
          taxes: (r) => load.tax(r),
          catalogs: (r) => load.catalog(r),
          categories: (r) => load.category(r),
          catalogitems: (r) => load.catalogItem(r),
          customers: (r) => load.customer(r),
          bills: (r) => load.bill(r),
          products: (r) => load.product(r),
          productevents: (r) => load.productEvent(r),
        };
        inserts[entity](record as never);
      }),
    touch: (entity, id, changes) => touch(entity, id, changes as Record<string, unknown> | undefined),
    touchCatalogItem: (id, changes) => touch('catalogitems', id, changes),
    remove: (entity, id) =>
      site.transaction(() => {
        if (!statement(site, `SELECT 1 FROM mdl_${READERS[entity].table} WHERE id = ?`).get(id))
          throw new Error(`No ${entity} ${id} to remove`);
        const scope = scopeOf(site, entity, id);
        if (entity === 'bills') {
          for (const table of ['billitem', 'bill_payment', 'bill_history']) {
            statement(site, `DELETE FROM mdl_local_shop_${table} WHERE billid = ?`).run(id);
          }
        }
        deleteWithTombstone(site, entity, READERS[entity].table, id, scope);
      }),
    read: (entity, id) => (entity === 'bills' ? readBill(site, id) : readRecord(site, entity, id)) as never,
    grantSalesAdmin: (userid) => site.transaction(() => grantSalesAdmin(site, userid)),
  };
}
