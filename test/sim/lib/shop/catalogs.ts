import type { CatalogRecord, CategoryRecord } from './structures';
import { invalidParameter } from '../../external/exceptions';
import type { MoodleSite } from '../../site';
import { cleanText } from './clean-text';
import { deleteWithTombstone, insertRow, statement, updateVersioned } from './db';
import { shopException } from './exceptions';
import { readRecord } from './records';
import { applied, checkBase, deleted, missingRecord, requireCreationBase, type VersionedAnswer } from './versioned';

/**
 * Catalog and category writes (docs/shop-api.md): master/slave rules for catalogs, the category tree, and
 * the emptiness checks before a delete. Every function runs inside the caller's transaction.
 */

export type CatalogInput = Omit<CatalogRecord, 'version' | 'timemodified'>;
export type CategoryInput = Omit<CategoryRecord, 'version' | 'timemodified'>;

const count = (site: MoodleSite, sql: string, ...params: number[]) => (statement(site, sql).get(...params) as { n: number }).n;

function requireName(name: string): void {
  if (name.length < 1 || name.length > 255) throw invalidParameter(`name must have 1 to 255 characters, not ${name.length}`);
}

function slaveCount(site: MoodleSite, catalogid: number): number {
  return count(site, 'SELECT COUNT(*) AS n FROM mdl_local_shop_catalog WHERE groupid = ? AND id <> ?', catalogid, catalogid);
}

/**
 * groupid: 0 stands alone, the catalog's own id makes it a master, another id makes it a slave of that
 * master. A master that has slaves must stay a master, or its slaves would point at a non-master.
 */
function checkGroup(site: MoodleSite, id: number, groupid: number): void {
  const isMasterWithSlaves = id !== 0 && slaveCount(site, id) > 0;
  if (groupid === id && id !== 0) return;
  if (isMasterWithSlaves) throw shopException('invalidmastercatalog', `catalog ${id} has slaves and must stay a master`);
  if (groupid === 0) return;
  const master = readRecord(site, 'catalogs', groupid);
  if (!master || master.groupid !== master.id) throw shopException('invalidmastercatalog', `catalog ${groupid} is not a master catalog`);
}

/** local_shop keeps catalog names unique (its key nom_unique on local_shop_catalog.name). */
function checkNameFree(site: MoodleSite, name: string, id: number): void {
  if (statement(site, 'SELECT 1 FROM mdl_local_shop_catalog WHERE name = ? AND id <> ?').get(name, id)) {
    throw shopException('catalognametaken', name);
  }
}

export function saveCatalog(site: MoodleSite, baseversion: number, input: CatalogInput): VersionedAnswer<CatalogRecord> {
  requireName(input.name);
  const fields = {
    name: input.name,
    description: cleanText(input.description),
    salesconditions: cleanText(input.salesconditions),
    groupid: input.groupid,
    countryrestrictions: input.countryrestrictions,
    billfooter: cleanText(input.billfooter),
  };
  if (input.id === 0) {
    requireCreationBase(baseversion);
    // A new catalog has no id yet to be its own master: it is created standalone or as a slave.
    checkGroup(site, 0, input.groupid);
    checkNameFree(site, fields.name, 0);
    const id = site.nextId('local_shop_catalog');
    insertRow(site, 'local_shop_catalog', { id, ...fields, version: 1, timemodified: site.now() });
    return applied(site, 'catalogs', id);
  }
  const base = checkBase(site, 'catalogs', input.id, baseversion);
  if ('answer' in base) return base.answer;
  checkGroup(site, input.id, input.groupid);
  checkNameFree(site, fields.name, input.id);
  updateVersioned(site, 'local_shop_catalog', input.id, fields);
  return applied(site, 'catalogs', input.id);
}

export function deleteCatalog(site: MoodleSite, id: number, baseversion: number): VersionedAnswer<never> {
  const base = checkBase(site, 'catalogs', id, baseversion, false);
  if ('answer' in base) return base.answer as VersionedAnswer<never>;
  const categories = count(site, 'SELECT COUNT(*) AS n FROM mdl_local_shop_catalogcategory WHERE catalogid = ?', id);
  const items = count(site, 'SELECT COUNT(*) AS n FROM mdl_local_shop_catalogitem WHERE catalogid = ?', id);
  const slaves = slaveCount(site, id);
  if (categories + items + slaves > 0) {
    throw shopException('catalognotempty', `catalog ${id}: ${categories} categories, ${items} items, ${slaves} slave catalogs`);
  }
  if (statement(site, 'SELECT 1 FROM mdl_local_shop WHERE catalogid = ?').get(id)) {
    throw shopException('catalognotempty', `catalog ${id} is a shop's catalog`);
  }
  deleteWithTombstone(site, 'catalogs', 'local_shop_catalog', id, { catalogid: id });
  return deleted(id, base.record.version + 1);
}

/** The parent must be 0 or a category of the same catalog, and not the category itself or one below it. */
function checkParent(site: MoodleSite, id: number, catalogid: number, parentid: number): void {
  if (parentid === 0) return;
  let cursor: CategoryRecord | undefined = readRecord(site, 'categories', parentid);
  if (!cursor || cursor.catalogid !== catalogid) {
    throw shopException('invalidparent', `category ${parentid} is not a category of catalog ${catalogid}`);
  }
  // Walk up from the new parent: meeting the category itself means the move would make a cycle.
  const seen = new Set<number>();
  while (cursor) {
    if (cursor.id === id) throw shopException('invalidparent', `category ${parentid} is below category ${id}`);
    if (seen.has(cursor.id)) break;
    seen.add(cursor.id);
    cursor = cursor.parentid === 0 ? undefined : readRecord(site, 'categories', cursor.parentid);
  }
}

export function saveCategory(site: MoodleSite, baseversion: number, input: CategoryInput): VersionedAnswer<CategoryRecord> {
  requireName(input.name);
  if (!readRecord(site, 'catalogs', input.catalogid)) throw missingRecord('local_shop_catalog', input.catalogid);
  const fields = {
    catalogid: input.catalogid,
    parentid: input.parentid,
    name: input.name,
    description: cleanText(input.description),
    sortorder: input.sortorder,
    visible: input.visible,
    seoalias: input.seoalias,
  };
  if (input.id === 0) {
    requireCreationBase(baseversion);
    checkParent(site, 0, input.catalogid, input.parentid);
    const id = site.nextId('local_shop_catalogcategory');
    insertRow(site, 'local_shop_catalogcategory', { id, ...fields, version: 1, timemodified: site.now() });
    return applied(site, 'categories', id);
  }
  const base = checkBase(site, 'categories', input.id, baseversion);
  if ('answer' in base) return base.answer;
  // Moving a category to another catalog would strand its items and subcategories in the old one.
  if (base.record.catalogid !== input.catalogid) {
    throw invalidParameter(`category ${input.id} belongs to catalog ${base.record.catalogid}: a category cannot change catalog`);
  }
  checkParent(site, input.id, input.catalogid, input.parentid);
  updateVersioned(site, 'local_shop_catalogcategory', input.id, fields);
  return applied(site, 'categories', input.id);
}

export function deleteCategory(site: MoodleSite, id: number, baseversion: number): VersionedAnswer<never> {
  const base = checkBase(site, 'categories', id, baseversion, false);
  if ('answer' in base) return base.answer as VersionedAnswer<never>;
  const items = count(site, 'SELECT COUNT(*) AS n FROM mdl_local_shop_catalogitem WHERE categoryid = ?', id);
  const children = count(site, 'SELECT COUNT(*) AS n FROM mdl_local_shop_catalogcategory WHERE parentid = ?', id);
  if (items + children > 0) throw shopException('categorynotempty', `category ${id}: ${items} items, ${children} subcategories`);
  deleteWithTombstone(site, 'categories', 'local_shop_catalogcategory', id, { catalogid: base.record.catalogid });
  return deleted(id, base.record.version + 1);
}
