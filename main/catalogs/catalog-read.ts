import type { OutboxTableRow } from '../db/tables';
import type { CatalogDetail, CatalogSummary, CatalogView, CategoryView, ItemView } from '../../shared/contract/catalogs';
import type { ReadableDb } from '../db/open';
import { catalogRows, categoryRows, itemRows, type CatalogRow, type ItemRow } from './catalog-rows';
import { refusal } from '../../shared/errors/error-text';

/**
 * Reading catalogs with the reference's `groupid` semantics (local_shop.md, "Master and slave catalogs"):
 * 0 stands alone, its own id is a master, another catalog's id is a slave of that master. A slave shows
 * the master's categories and items; an item of the slave with a master item's code overrides it, in the
 * slave only. The master's rows are read live, so its later edits show through wherever the slave has no
 * override.
 */

export type CatalogRole = 'standalone' | 'master' | 'slave';

export function roleOf(catalog: { id: number; groupid: number }): CatalogRole {
  if (catalog.groupid === 0) return 'standalone';
  return catalog.groupid === catalog.id ? 'master' : 'slave';
}

function view(row: CatalogRow): CatalogView {
  const role = roleOf(row);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    salesconditions: row.salesconditions,
    groupid: row.groupid,
    countryrestrictions: row.countryrestrictions,
    billfooter: row.billfooter,
    role,
    masterId: role === 'slave' ? row.groupid : null,
    localState: row.localState,
    localOnly: row.localOnly,
  };
}

export function findCatalog(db: ReadableDb, id: number): CatalogRow {
  const catalog = catalogRows(db).find((row) => row.id === id);
  if (!catalog) throw refusal('catalog_not_found', 'catalog.notInDataOpen', { id }, { id });
  return catalog;
}

/** The catalog's own id, and its master's when it is a slave: the catalogs whose rows it shows. */
export function catalogsSeenBy(catalog: { id: number; groupid: number }): number[] {
  return roleOf(catalog) === 'slave' ? [catalog.id, catalog.groupid] : [catalog.id];
}

function itemView(row: ItemRow, origin: ItemView['origin'], masterItemId: number | null, undoable: boolean): ItemView {
  const { version: _version, ...rest } = row;
  return { ...rest, origin, masterItemId, undoable };
}

/** The items a catalog shows, resolved: its own, and for a slave the master's it does not override. */
export function resolveItems(
  catalog: { id: number; groupid: number },
  rows: readonly ItemRow[],
  undoable: (row: ItemRow) => boolean,
): ItemView[] {
  const own = rows.filter((row) => row.catalogid === catalog.id);
  if (roleOf(catalog) !== 'slave') return own.map((row) => itemView(row, 'own', null, undoable(row)));
  const master = rows.filter((row) => row.catalogid === catalog.groupid);
  const masterByCode = new Map(master.map((row) => [row.code, row]));
  const overridden = new Set<number>();
  const out: ItemView[] = [];
  for (const row of own) {
    const hidden = masterByCode.get(row.code);
    if (hidden) overridden.add(hidden.id);
    out.push(itemView(row, hidden ? 'override' : 'own', hidden?.id ?? null, undoable(row)));
  }
  for (const row of master) if (!overridden.has(row.id)) out.push(itemView(row, 'master', null, false));
  return out;
}

function undoableIn(db: ReadableDb, entity: string): (row: { id: number }) => boolean {
  const ids = new Set(
    db
      .prepare<[string], number>(
        `SELECT entity_id FROM outbox o WHERE entity = ? AND state IN ('pending', 'parked')
           AND NOT EXISTS (SELECT 1 FROM outbox c WHERE c.entity = o.entity AND c.entity_id = o.entity_id AND c.state = 'conflict')`,
      )
      .pluck()
      .all(entity),
  );
  return (row) => ids.has(row.id);
}

export function getCatalogDetail(db: ReadableDb, id: number): CatalogDetail {
  const catalogs = catalogRows(db);
  const row = catalogs.find((c) => c.id === id);
  if (!row) throw refusal('catalog_not_found', 'catalog.notInDataOpen', { id }, { id });
  const seen = catalogsSeenBy(row);
  const master = roleOf(row) === 'slave' ? (catalogs.find((c) => c.id === row.groupid) ?? null) : null;
  const categories: CategoryView[] = categoryRows(db, seen)
    .map(({ version: _version, ...category }) => ({
      ...category,
      visible: category.visible ? (1 as const) : (0 as const),
      inherited: category.catalogid !== id,
    }))
    .sort((a, b) => Number(a.inherited) - Number(b.inherited) || a.sortorder - b.sortorder || a.id - b.id);
  const items = resolveItems(row, itemRows(db, seen), undoableIn(db, 'catalogitems')).sort(
    (a, b) => a.code.localeCompare(b.code) || a.id - b.id,
  );
  const taxes = db
    .prepare<unknown[], CatalogDetail['taxes'][number]>('SELECT id, title, country, ratio FROM tax ORDER BY country, ratio, id')
    .all();
  return {
    catalog: view(row),
    master: master ? { id: master.id, name: master.name } : null,
    categories,
    items,
    taxes,
    currency:
      db
        .prepare<[number, number], string>('SELECT currency FROM shop WHERE catalogid IN (?, ?) ORDER BY id LIMIT 1')
        .pluck()
        .get(row.id, row.groupid) ??
      db.prepare<[], string>('SELECT currency FROM shop ORDER BY id LIMIT 1').pluck().get() ??
      'EUR',
    masters: catalogs.filter((c) => roleOf(c) === 'master' && c.id !== id).map((c) => ({ id: c.id, name: c.name })),
  };
}

export function listCatalogs(db: ReadableDb): CatalogSummary[] {
  const catalogs = catalogRows(db);
  const ids = catalogs.map((c) => c.id);
  const items = itemRows(db, ids);
  const categories = categoryRows(db, ids);
  const waiting = db
    .prepare<[], Pick<OutboxTableRow, 'entity' | 'state'> & { id: OutboxTableRow['entity_id'] }>(
      `SELECT entity, entity_id AS id, state FROM outbox WHERE entity IN ('catalogs', 'categories', 'catalogitems')`,
    )
    .all();
  const catalogOf = new Map<string, number>();
  for (const c of catalogs) catalogOf.set(`catalogs:${c.id}`, c.id);
  for (const c of categories) catalogOf.set(`categories:${c.id}`, c.catalogid);
  for (const i of items) catalogOf.set(`catalogitems:${i.id}`, i.catalogid);
  return catalogs
    .map((c): CatalogSummary => {
      const mine = waiting.filter((w) => catalogOf.get(`${w.entity}:${w.id}`) === c.id);
      return {
        id: c.id,
        name: c.name,
        role: roleOf(c),
        masterId: roleOf(c) === 'slave' ? c.groupid : null,
        itemCount: items.filter((i) => i.catalogid === c.id).length,
        categoryCount: categories.filter((k) => k.catalogid === c.id).length,
        pending: mine.filter((w) => w.state === 'pending').length,
        conflicts: mine.filter((w) => w.state === 'conflict').length,
        localState: c.localState,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
}
