import type { CatalogItemTableRow, LocalIdMapTableRow, OutboxTableRow } from '../db/tables';
import type { OutboxState } from '../sync/outbox';
import type { Db, ReadableDb } from '../db/open';
import { oneValue } from '../db/single-value';
import { overlay, type Overlaid } from '../sync/overlay';
import type { CatalogItemRecord, CatalogRecord, CategoryRecord } from '../shop-api/records';

/**
 * The catalog tables as the operator sees them: the server's rows with the outbox laid over them
 * (main/sync/overlay.ts). References to records created offline are followed to their real id once the
 * shop has created them (local_id_map), so an item queued in a new category still sits in it afterwards.
 */

export type CatalogRow = Overlaid<Omit<CatalogRecord, 'timemodified'>>;
export type CategoryRow = Overlaid<Omit<CategoryRecord, 'timemodified'>>;
export type ItemRow = Overlaid<Omit<CatalogItemRecord, 'timemodified'>>;

function localIds(db: ReadableDb): Map<string, number> {
  const map = new Map<string, number>();
  for (const row of db.prepare<[], LocalIdMapTableRow>('SELECT entity, local_id, server_id FROM local_id_map').all())
    map.set(`${row.entity}:${row.local_id}`, row.server_id);
  return map;
}

function follow(map: Map<string, number>, entity: string, id: number): number {
  return id < 0 ? (map.get(`${entity}:${id}`) ?? id) : id;
}

export function catalogRows(db: ReadableDb): CatalogRow[] {
  const rows = db
    .prepare<unknown[], Omit<CatalogRecord, 'timemodified'>>(
      'SELECT id, name, description, salesconditions, groupid, countryrestrictions, billfooter, version FROM catalog',
    )
    .all();
  const map = localIds(db);
  return overlay(db, 'catalogs', rows).map((row) => ({ ...row, version: row.version ?? 0, groupid: follow(map, 'catalogs', row.groupid) }));
}

export function categoryRows(db: ReadableDb, catalogIds: readonly number[]): CategoryRow[] {
  const rows = db
    .prepare<[string], Omit<CategoryRecord, 'timemodified'>>(
      `SELECT id, catalogid, parentid, name, description, sortorder, visible, seoalias, version FROM category
       WHERE catalogid IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(catalogIds));
  const map = localIds(db);
  return overlay(db, 'categories', rows)
    .map((row) => ({
      ...row,
      version: row.version ?? 0,
      catalogid: follow(map, 'catalogs', row.catalogid),
      parentid: follow(map, 'categories', row.parentid),
    }))
    .filter((row) => catalogIds.includes(row.catalogid));
}

export function itemRows(db: ReadableDb, catalogIds: readonly number[]): ItemRow[] {
  const rows = db
    .prepare<[string], Omit<CatalogItemRecord, 'timemodified' | 'prices'> & Pick<CatalogItemTableRow, 'prices'>>(
      `SELECT id, catalogid, categoryid, code, shortname, name, idnumber, description, notes, eula, prices, taxcode, stock, sold, status,
                maxdeliveryquant, onlyforloggedin, seatmode, renewable, type, setid, requireddata, enablehandler, handlerparams, version
         FROM catalog_item WHERE catalogid IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(catalogIds))
    .map((row) => ({ ...row, prices: JSON.parse(row.prices) as CatalogItemRecord['prices'] }));
  const map = localIds(db);
  return overlay(db, 'catalogitems', rows)
    .map((row) => ({
      ...row,
      sold: row.sold ?? 0,
      version: row.version ?? 0,
      catalogid: follow(map, 'catalogs', row.catalogid),
      categoryid: follow(map, 'categories', row.categoryid),
      setid: follow(map, 'catalogitems', row.setid),
    }))
    .filter((row) => catalogIds.includes(row.catalogid));
}

/** Every item of every catalog, edits laid over: what a code, a set or an override is checked against. */
export function allItemRows(db: Db): ItemRow[] {
  return itemRows(
    db,
    catalogRows(db).map((c) => c.id),
  );
}

/** The server's version of a record (0 for one created offline): what an edit of it is based on. */
export function serverVersion(db: Db, entity: 'catalogs' | 'categories' | 'catalogitems', id: number): number {
  const table = entity === 'catalogs' ? 'catalog' : entity === 'categories' ? 'category' : 'catalog_item';
  return db.prepare<[number], number>(`SELECT version FROM ${table} WHERE id = ?`).pluck().get(id) ?? 0;
}

/** The outbox entries of one record, oldest first. */
export function entriesOf(
  db: Db,
  entity: string,
  id: number,
): (Pick<OutboxTableRow, 'seq' | 'attempts' | 'mutation_id' | 'kind'> & { state: OutboxState })[] {
  return db
    .prepare<[string, number], Pick<OutboxTableRow, 'seq' | 'attempts' | 'mutation_id' | 'kind'> & { state: OutboxState }>(
      'SELECT seq, state, attempts, mutation_id, kind FROM outbox WHERE entity = ? AND entity_id = ? ORDER BY seq',
    )
    .all(entity, id);
}

/** A new negative id, below every local id in use or ever mapped, so a reference can never name two records. */
export function nextLocalId(db: Db, entity: string): number {
  const lowest = db
    .prepare<[string, string], number>(
      `SELECT MIN(v) FROM (SELECT MIN(entity_id) AS v FROM outbox WHERE entity = ? UNION ALL SELECT MIN(local_id) FROM local_id_map WHERE entity = ?
        UNION ALL SELECT 0)`,
    )
    .pluck()
    .get(entity, entity);
  return Math.min(oneValue(lowest), 0) - 1;
}
