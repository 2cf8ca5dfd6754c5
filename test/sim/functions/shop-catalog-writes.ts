import { single, value } from '../external/description';
import { defineFunction, type ExternalFunction } from '../external/function-registry';
import { PARAM_INT } from '../external/param-types';
import { requireSalesAdmin } from '../lib/shop/access';
import { deleteCatalogItem, saveCatalogItem, type CatalogItemInput } from '../lib/shop/catalog-items';
import { deleteCatalog, deleteCategory, saveCatalog, saveCategory, type CatalogInput, type CategoryInput } from '../lib/shop/catalogs';
import { applyOnce } from '../lib/shop/mutations';
import { catalogItemKeys, catalogKeys, categoryKeys } from '../lib/shop/structures';
import { withCurrentValues, type VersionedAnswer } from '../lib/shop/versioned';
import type { MoodleSite } from '../site';
import { baseVersion, catalogInput, catalogItemInput, categoryInput, clientMutationId, versionedAnswer } from './shop-write-descriptions';

/**
 * Catalog writes of docs/shop-api.md: save and delete for catalogs, categories and catalog items. Each is a
 * versioned write (baseversion, conflict/gone answers) under a client mutation id; the rules are in
 * lib/shop/catalogs.ts and lib/shop/catalog-items.ts.
 */
const COMPONENT = 'local_shopbackoffice';

const CATALOG_DEFAULTS: Omit<CatalogInput, 'id'> = {
  name: '',
  description: '',
  salesconditions: '',
  groupid: 0,
  countryrestrictions: '',
  billfooter: '',
};

const CATEGORY_DEFAULTS: Omit<CategoryInput, 'id'> = {
  catalogid: 0,
  parentid: 0,
  name: '',
  description: '',
  sortorder: 0,
  visible: 1,
  seoalias: '',
};

const ITEM_DEFAULTS: Omit<CatalogItemInput, 'id'> = {
  catalogid: 0,
  categoryid: 0,
  code: '',
  shortname: '',
  name: '',
  idnumber: '',
  description: '',
  notes: '',
  eula: '',
  prices: [],
  taxcode: 0,
  stock: 0,
  status: 'PREVIEW',
  maxdeliveryquant: 0,
  onlyforloggedin: 0,
  seatmode: 0,
  renewable: 0,
  type: 'plain',
  setid: 0,
  requireddata: '',
  enablehandler: '',
  handlerparams: '',
};

/** PARAM_BOOL arrives as a boolean; the records carry 0/1. */
const flag = (value: boolean | number | undefined) => (value === undefined ? undefined : Number(value));

function deleteFunction(
  name: string,
  remove: (site: MoodleSite, id: number, baseversion: number) => VersionedAnswer<never>,
): ExternalFunction {
  return defineFunction({
    name,
    component: COMPONENT,
    parameters: {
      clientmutationid: clientMutationId,
      id: value(PARAM_INT, 'Id of the record to delete'),
      baseversion: baseVersion,
    },
    // No `current`: the back-office's delete answer carries no record, conflict included (README, shop API).
    returns: versionedAnswer(null),
    execute: ({ clientmutationid, id, baseversion }, { site, user }) => {
      requireSalesAdmin(site, user.id);
      return applyOnce(site, name, user.id, clientmutationid, () => remove(site, id, baseversion));
    },
  });
}

const saveCatalogFunction = defineFunction({
  name: 'local_shopbackoffice_save_catalog',
  component: COMPONENT,
  parameters: { clientmutationid: clientMutationId, baseversion: baseVersion, catalog: single(catalogInput, 'The catalog') },
  returns: versionedAnswer(catalogKeys),
  execute: ({ clientmutationid, baseversion, catalog }, { site, user }) => {
    requireSalesAdmin(site, user.id);
    return applyOnce(site, 'local_shopbackoffice_save_catalog', user.id, clientmutationid, () =>
      saveCatalog(site, baseversion, withCurrentValues(site, 'catalogs', catalog, CATALOG_DEFAULTS)),
    );
  },
});

const saveCategoryFunction = defineFunction({
  name: 'local_shopbackoffice_save_category',
  component: COMPONENT,
  parameters: { clientmutationid: clientMutationId, baseversion: baseVersion, category: single(categoryInput, 'The category') },
  returns: versionedAnswer(categoryKeys),
  execute: ({ clientmutationid, baseversion, category }, { site, user }) => {
    requireSalesAdmin(site, user.id);
    const given = { ...category, visible: flag(category.visible) };
    return applyOnce(site, 'local_shopbackoffice_save_category', user.id, clientmutationid, () =>
      saveCategory(site, baseversion, withCurrentValues(site, 'categories', given, CATEGORY_DEFAULTS)),
    );
  },
});

const saveCatalogItemFunction = defineFunction({
  name: 'local_shopbackoffice_save_catalogitem',
  component: COMPONENT,
  parameters: { clientmutationid: clientMutationId, baseversion: baseVersion, item: single(catalogItemInput, 'The catalog item') },
  returns: versionedAnswer(catalogItemKeys),
  execute: ({ clientmutationid, baseversion, item }, { site, user }) => {
    requireSalesAdmin(site, user.id);
    const given = {
      ...item,
      status: item.status as CatalogItemInput['status'] | undefined,
      type: item.type as CatalogItemInput['type'] | undefined,
      onlyforloggedin: flag(item.onlyforloggedin),
      seatmode: flag(item.seatmode),
      renewable: flag(item.renewable),
    };
    return applyOnce(site, 'local_shopbackoffice_save_catalogitem', user.id, clientmutationid, () =>
      saveCatalogItem(site, baseversion, withCurrentValues(site, 'catalogitems', given, ITEM_DEFAULTS)),
    );
  },
});

export const shopCatalogWriteFunctions: readonly ExternalFunction[] = [
  saveCatalogFunction,
  deleteFunction('local_shopbackoffice_delete_catalog', deleteCatalog),
  saveCategoryFunction,
  deleteFunction('local_shopbackoffice_delete_category', deleteCategory),
  saveCatalogItemFunction,
  deleteFunction('local_shopbackoffice_delete_catalogitem', deleteCatalogItem),
];
