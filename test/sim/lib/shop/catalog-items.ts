import type { CatalogItemRecord } from './structures';
import { invalidParameter } from '../../external/exceptions';
import type { MoodleSite } from '../../site';
import { cleanText } from './clean-text';
import { deleteWithTombstone, insertRow, statement, updateVersioned } from './db';
import { shopException } from './exceptions';
import { MAX_PRICE_TIERS, readRecord, tierColumns } from './records';
import { applied, checkBase, deleted, missingRecord, requireCreationBase, type VersionedAnswer } from './versioned';

/** Catalog item writes (docs/shop-api.md, local_shopbackoffice_save_catalogitem and local_shopbackoffice_delete_catalogitem). */

export type CatalogItemInput = Omit<CatalogItemRecord, 'sold' | 'version' | 'timemodified'>;

export const ITEM_STATUSES = ['PREVIEW', 'AVAILABLE', 'AVAILABLEINTERNAL', 'SUSPENDED', 'PROVIDING', 'ABANDONED'];
export const ITEM_TYPES = ['plain', 'set', 'bundle'];

/** The product handlers of the public plugin (datahandling/handlers/): what `enablehandler` may name. */
export const KNOWN_HANDLERS = new Set([
  'std_addquizattempts',
  'std_addtrainingcredits',
  'std_assignroleoncontext',
  'std_createcategory',
  'std_createcourse',
  'std_createvinstance',
  'std_enrolonecourse',
  'std_enrolonecoursemultiple',
  'std_extendenrolperiod',
  'std_generateseats',
  'std_openltiaccess',
  'std_prorogate',
  'std_registeredproduct',
  'std_setuponecoursesession',
  'std_unlockpdcertificate',
]);

function checkPriceTiers(prices: CatalogItemInput['prices']): void {
  const reason =
    prices.length === 0
      ? 'no tier'
      : prices.length > MAX_PRICE_TIERS
        ? `${prices.length} tiers`
        : prices[0]?.fromquantity !== 1
          ? 'the first tier does not start at quantity 1'
          : prices.some((p, i) => i > 0 && p.fromquantity <= (prices[i - 1]?.fromquantity ?? 0))
            ? 'quantities are not strictly increasing'
            : prices.some((p) => p.unitcents < 0)
              ? 'a price is negative'
              : null;
  if (reason) throw shopException('invalidpricetiers', reason);
}

/** '' (no extra data) or a JSON array of field descriptions, each an object naming its `field`. */
function checkRequiredData(requireddata: string): void {
  if (requireddata === '') return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(requireddata);
  } catch {
    throw shopException('invalidrequireddata', 'not JSON');
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.every(
      (field: unknown) => typeof field === 'object' && field !== null && typeof (field as { field?: unknown }).field === 'string',
    );
  if (!valid) throw shopException('invalidrequireddata', 'not an array of objects with a "field" name');
}

function checkSet(site: MoodleSite, input: CatalogItemInput): void {
  if (input.setid === 0) return;
  const set = readRecord(site, 'catalogitems', input.setid);
  if (!set || set.id === input.id || set.catalogid !== input.catalogid || (set.type !== 'set' && set.type !== 'bundle')) {
    throw shopException('invalidsetid', `item ${input.setid} is not a set or bundle of catalog ${input.catalogid}`);
  }
}

function checkItem(site: MoodleSite, input: CatalogItemInput): void {
  if (!readRecord(site, 'catalogs', input.catalogid)) throw missingRecord('local_shop_catalog', input.catalogid);
  if (input.code.trim() === '') throw invalidParameter('code must not be empty');
  if (!ITEM_STATUSES.includes(input.status)) throw invalidParameter(`unknown status ${input.status}`);
  if (!ITEM_TYPES.includes(input.type)) throw invalidParameter(`unknown type ${input.type}`);
  // A slave catalog's item may sit in one of its master's categories: the slave shows them.
  const category = readRecord(site, 'categories', input.categoryid);
  if (!category || !catalogsSeenBy(site, input.catalogid).includes(category.catalogid)) {
    throw invalidParameter(`category ${input.categoryid} is not a category of catalog ${input.catalogid} or of its master`);
  }
  if (input.taxcode !== 0 && !readRecord(site, 'taxes', input.taxcode)) throw invalidParameter(`unknown tax ${input.taxcode}`);
  checkPriceTiers(input.prices);
  checkRequiredData(input.requireddata);
  if (input.enablehandler !== '' && !KNOWN_HANDLERS.has(input.enablehandler)) throw shopException('unknownhandler', input.enablehandler);
  checkSet(site, input);
  // Codes are unique within a catalog; a slave's item with a master item's code is an override, in another catalog.
  const taken = statement(site, 'SELECT id FROM mdl_local_shop_catalogitem WHERE catalogid = ? AND code = ? AND id <> ? LIMIT 1').get(
    input.catalogid,
    input.code,
    input.id,
  );
  if (taken) throw shopException('codetaken', `code ${input.code} in catalog ${input.catalogid}`);
}

function catalogsSeenBy(site: MoodleSite, catalogid: number): number[] {
  const catalog = readRecord(site, 'catalogs', catalogid);
  if (!catalog) return [];
  return catalog.groupid !== 0 && catalog.groupid !== catalog.id ? [catalogid, catalog.groupid] : [catalogid];
}

export function saveCatalogItem(site: MoodleSite, baseversion: number, input: CatalogItemInput): VersionedAnswer<CatalogItemRecord> {
  const fields = {
    catalogid: input.catalogid,
    categoryid: input.categoryid,
    code: input.code,
    shortname: input.shortname,
    name: input.name,
    idnumber: input.idnumber,
    description: cleanText(input.description),
    notes: cleanText(input.notes),
    eula: cleanText(input.eula),
    ...tierColumns(input.prices),
    taxcode: input.taxcode,
    stock: input.stock,
    status: input.status,
    maxdeliveryquant: input.maxdeliveryquant,
    onlyforloggedin: input.onlyforloggedin,
    seatmode: input.seatmode,
    renewable: input.renewable,
    type: input.type,
    setid: input.setid,
    requireddata: input.requireddata,
    enablehandler: input.enablehandler,
    handlerparams: input.handlerparams,
  };
  if (input.id === 0) {
    requireCreationBase(baseversion);
    checkItem(site, input);
    const id = site.nextId('local_shop_catalogitem');
    insertRow(site, 'local_shop_catalogitem', { id, ...fields, sold: 0, version: 1, timemodified: site.now() });
    return applied(site, 'catalogitems', id);
  }
  const base = checkBase(site, 'catalogitems', input.id, baseversion);
  if ('answer' in base) return base.answer;
  checkItem(site, input);
  updateVersioned(site, 'local_shop_catalogitem', input.id, fields);
  return applied(site, 'catalogitems', input.id);
}

export function deleteCatalogItem(site: MoodleSite, id: number, baseversion: number): VersionedAnswer<never> {
  const base = checkBase(site, 'catalogitems', id, baseversion, false);
  if ('answer' in base) return base.answer as VersionedAnswer<never>;
  const sold = statement(site, 'SELECT COUNT(*) AS n FROM mdl_local_shop_billitem WHERE catalogitemid = ?').get(id) as { n: number };
  if (sold.n > 0) throw shopException('itemsold', `${sold.n} bill lines refer to item ${id}`);
  deleteWithTombstone(site, 'catalogitems', 'local_shop_catalogitem', id, { catalogid: base.record.catalogid });
  return deleted(id, base.record.version + 1);
}
