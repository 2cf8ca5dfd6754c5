import type { MoodleSite, SqlValue } from '../../site';
import { rawStatement, rowsToObjects, statement } from './db';
import { READERS, readBills, type Row, type ShopEntity } from './records';

/**
 * The incremental read behind every local_shopbackoffice_sync_<entity> function (docs/shop-api.md, "Incremental
 * reads"): the union of live rows and tombstones after the cursor, in (timemodified, id) order.
 *
 * Each side is one keyset query, `(timemodified, id) > (?, ?) ORDER BY timemodified, id LIMIT n`, which SQLite
 * runs as a range scan of the (timemodified, id) index: no OFFSET, so page 200 costs what page 1 costs. The
 * two sides are merged here and cut at `limit`; what follows the new cursor is counted on the same indexes.
 */

/** Changes younger than this are held back: a write whose transaction is still open must not land behind a cursor. */
export const SETTLING_SECONDS = 5;
export const MAX_PAGE = 2000;

export interface SyncCursor {
  timemodified: number;
  id: number;
}

export interface SyncResult {
  rows: unknown[];
  deleted: SyncCursor[];
  next: SyncCursor;
  hasmore: 0 | 1;
  remaining: number;
  servertime: number;
}

interface Filter {
  sql: string;
  params: SqlValue[];
}

const NO_FILTER: Filter = { sql: '', params: [] };

/**
 * The catalogs a shop shows: its own, and the master's when its catalog is a slave (a slave shows the
 * master's categories and items, reference/local_shop.md).
 */
export function shopCatalogIds(site: MoodleSite, shopid: number): number[] {
  const shop = statement(site, 'SELECT catalogid FROM mdl_local_shop WHERE id = ?').get(shopid) as { catalogid: number } | undefined;
  if (!shop) return [];
  const catalog = statement(site, 'SELECT id, groupid FROM mdl_local_shop_catalog WHERE id = ?').get(shop.catalogid) as
    { id: number; groupid: number } | undefined;
  const ids = [shop.catalogid];
  if (catalog && catalog.groupid !== 0 && catalog.groupid !== catalog.id) ids.push(catalog.groupid);
  return ids;
}

/**
 * What "this shop's records" means per entity, for live rows (alias t) and for tombstones. Shops and taxes
 * are not filtered (the doc says so); products and their events belong to their customer's shop.
 */
function shopFilters(site: MoodleSite, entity: ShopEntity, shopid: number): { live: Filter; tomb: Filter } {
  if (shopid === 0 || entity === 'shops' || entity === 'taxes') return { live: NO_FILTER, tomb: NO_FILTER };
  if (entity === 'catalogs' || entity === 'categories' || entity === 'catalogitems') {
    const catalogs = JSON.stringify(shopCatalogIds(site, shopid));
    const column = entity === 'catalogs' ? 't.id' : 't.catalogid';
    return {
      live: { sql: ` AND ${column} IN (SELECT value FROM json_each(?))`, params: [catalogs] },
      tomb: { sql: ' AND catalogid IN (SELECT value FROM json_each(?))', params: [catalogs] },
    };
  }
  const tomb: Filter = { sql: ' AND shopid = ?', params: [shopid] };
  switch (entity) {
    case 'customers':
    case 'bills':
      return { live: { sql: ' AND t.shopid = ?', params: [shopid] }, tomb };
    case 'products':
      return {
        live: { sql: ' AND EXISTS (SELECT 1 FROM mdl_local_shop_customer c WHERE c.id = t.customerid AND c.shopid = ?)', params: [shopid] },
        tomb,
      };
    case 'productevents':
      return {
        live: {
          sql: ` AND EXISTS (SELECT 1 FROM mdl_local_shop_product p JOIN mdl_local_shop_customer c ON c.id = p.customerid
                 WHERE p.id = t.productid AND c.shopid = ?)`,
          params: [shopid],
        },
        tomb,
      };
    default: {
      const never: never = entity;
      throw new Error(`Unknown shop entity ${String(never)}`);
    }
  }
}

const after = (a: SyncCursor, b: SyncCursor) => a.timemodified > b.timemodified || (a.timemodified === b.timemodified && a.id > b.id);

export function syncPage(
  site: MoodleSite,
  entity: ShopEntity,
  since: SyncCursor,
  limit: number,
  shopid: number,
  countRemaining = true,
): SyncResult {
  const reader = READERS[entity];
  const servertime = site.now();
  const horizon = servertime - SETTLING_SECONDS;
  const { live, tomb } = shopFilters(site, entity, shopid);
  const liveWhere = `FROM mdl_${reader.table} t WHERE (t.timemodified, t.id) > (?, ?) AND t.timemodified <= ?${live.sql}`;
  const tombWhere = `FROM mdl_local_shop_tombstone WHERE entity = ? AND (timemodified, entityid) > (?, ?) AND timemodified <= ?${tomb.sql}`;
  const columns = reader.columns.map((c) => `t.${c}`).join(', ');

  const rows: Row[] = rowsToObjects(
    reader.columns,
    rawStatement(site, `SELECT ${columns} ${liveWhere} ORDER BY t.timemodified, t.id LIMIT ?`).all(
      since.timemodified,
      since.id,
      horizon,
      ...live.params,
      limit,
    ),
  );
  const tombs = statement(site, `SELECT entityid AS id, timemodified ${tombWhere} ORDER BY timemodified, entityid LIMIT ?`).all(
    entity,
    since.timemodified,
    since.id,
    horizon,
    ...tomb.params,
    limit,
  ) as SyncCursor[];

  // Merge the two ordered lists and keep the first `limit` changes.
  const pageRows: Row[] = [];
  const deleted: SyncCursor[] = [];
  let next = since;
  let r = 0;
  let d = 0;
  while (pageRows.length + deleted.length < limit) {
    const row = rows[r];
    const tombstone = tombs[d];
    const rowKey = row ? { timemodified: Number(row['timemodified']), id: Number(row['id']) } : undefined;
    if (rowKey && (!tombstone || after(tombstone, rowKey))) {
      pageRows.push(row as Row);
      next = rowKey;
      r += 1;
    } else if (tombstone) {
      deleted.push({ id: tombstone.id, timemodified: tombstone.timemodified });
      next = { timemodified: tombstone.timemodified, id: tombstone.id };
      d += 1;
    } else {
      break;
    }
  }

  // Counting what remains costs a scan of it: done only when asked (a client's first page), otherwise
  // `remaining` is -1 and `hasmore` comes from peeking at one more change.
  const count = (sql: string, params: SqlValue[]) => (statement(site, `SELECT COUNT(*) AS n ${sql}`).get(...params) as { n: number }).n;
  const peek = (sql: string, params: SqlValue[]) => statement(site, `SELECT 1 ${sql} LIMIT 1`).get(...params) !== undefined;
  const liveParams = [next.timemodified, next.id, horizon, ...live.params];
  const tombParams = [entity, next.timemodified, next.id, horizon, ...tomb.params];
  const remaining = countRemaining ? count(liveWhere, liveParams) + count(tombWhere, tombParams) : -1;
  const more = countRemaining ? remaining > 0 : peek(liveWhere, liveParams) || peek(tombWhere, tombParams);

  return {
    rows: entity === 'bills' ? readBills(site, pageRows) : pageRows.map((row) => reader.fromRow(row)),
    deleted,
    next,
    hasmore: more ? 1 : 0,
    remaining,
    servertime,
  };
}
