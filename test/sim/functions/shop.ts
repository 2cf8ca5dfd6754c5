import { moodleExceptionWithoutString } from '../external/exceptions';
import { defineFunction, type ExternalFunction } from '../external/function-registry';
import { multiple, single, value } from '../external/description';
import { PARAM_ALPHA, PARAM_INT, PARAM_TEXT } from '../external/param-types';

/**
 * local_shop's five web service functions as the public (community) edition has them: parameters validated
 * like any function, then the stub error, whoever calls (even a user without local/shop:export, because
 * Moodle's REST server does not enforce a function's declared capabilities). Their bodies ship only in the
 * Pro edition (reference/local_shop.md). The back-office's own local_shop_* functions will be registered
 * beside these; to simulate a Pro site, register replacements with `{ replace: true }`.
 */
const LOCAL_SHOP = 'local_shop';

function notAvailable(): never {
  throw moodleExceptionWithoutString('WS Not available in this distribution');
}

const itemStructure = single({
  id: value(PARAM_INT, 'Item id'),
  catalogid: value(PARAM_INT, 'Catalog id'),
  categoryid: value(PARAM_INT, 'Item category id'),
  code: value(PARAM_TEXT, 'Item code'),
  shortname: value(PARAM_TEXT, 'Item shortname (for web UI)'),
  name: value(PARAM_TEXT, 'Item name'),
  description: value(PARAM_TEXT, 'Item description'),
  eulas: value(PARAM_TEXT, 'Item eulas'),
  notes: value(PARAM_TEXT, 'Item notes'),
  type: value(PARAM_TEXT, 'Item type, plain, set or bundle'),
  status: value(PARAM_TEXT, 'Item status'),
  unitcost: value(PARAM_TEXT, 'Unit cost for input quantity'),
  tax: value(PARAM_TEXT, 'Tax cost'),
  requireddata: value(PARAM_TEXT, 'Required data from the front customer'),
  leafleturl: value(PARAM_TEXT, 'Leaflet url'),
  thumburl: value(PARAM_TEXT, 'Thumb url'),
  imageurl: value(PARAM_TEXT, 'Image url'),
});

const getShop = defineFunction({
  name: 'local_shop_get_shop',
  component: LOCAL_SHOP,
  parameters: { shopid: value(PARAM_INT, 'Id of the shop') },
  returns: single({
    id: value(PARAM_INT, 'Shop id'),
    name: value(PARAM_TEXT, 'Shop name'),
    catalogid: value(PARAM_TEXT, 'Master shop catalog'),
    description: value(PARAM_TEXT, 'Shop description'),
    allowtax: value(PARAM_INT, 'Do the shop apply VAT tax'),
    eulas: value(PARAM_TEXT, 'Shop eulas'),
    paymodes: value(PARAM_TEXT, 'Enabled paymodes'),
    defaultpaymode: value(PARAM_TEXT, 'Default paymode'),
  }),
  execute: notAvailable,
});

const getCatalog = defineFunction({
  name: 'local_shop_get_catalog',
  component: LOCAL_SHOP,
  parameters: { catalogid: value(PARAM_INT, 'Id of the catalog') },
  returns: single({
    id: value(PARAM_INT, 'Catalog id'),
    name: value(PARAM_TEXT, 'Catalog name'),
    description: value(PARAM_TEXT, 'Catalog description'),
    salesconditions: value(PARAM_TEXT, 'Catalog Eulas'),
    countryrestrictions: value(PARAM_TEXT, 'Countries deserved'),
    categories: multiple(single({ id: value(PARAM_INT, 'Category id'), name: value(PARAM_TEXT, 'Category name') })),
  }),
  execute: notAvailable,
});

const getCatalogCategory = defineFunction({
  name: 'local_shop_get_catalogcategory',
  component: LOCAL_SHOP,
  parameters: { categoryid: value(PARAM_INT, 'Id of the category') },
  returns: single({
    id: value(PARAM_INT, 'Category id'),
    catalogid: value(PARAM_INT, 'Catalog id'),
    name: value(PARAM_TEXT, 'Category name'),
    description: value(PARAM_TEXT, 'Category description'),
    visible: value(PARAM_INT, 'Is category visible'),
  }),
  execute: notAvailable,
});

const getCatalogItem = defineFunction({
  name: 'local_shop_get_catalogitem',
  component: LOCAL_SHOP,
  parameters: {
    itemidsource: value(PARAM_ALPHA, 'Source field of the catalog item'),
    itemid: value(PARAM_TEXT, 'Id of the catalogitem, depending on required source '),
    q: value(PARAM_INT, 'Quantity required for pricing'),
  },
  returns: itemStructure,
  execute: notAvailable,
});

const getCatalogItems = defineFunction({
  name: 'local_shop_get_catalogitems',
  component: LOCAL_SHOP,
  parameters: {
    catalogid: value(PARAM_INT, 'Catalog ID'),
    // Documented as 'Category id, "*" for any', but declared PARAM_INT: "*" is refused as invalidparameter.
    categoryid: value(PARAM_INT, 'Category id, "*" for any'),
    status: value(PARAM_TEXT, 'Status filter, such as AVAILABLE or "*" for any'),
    type: value(PARAM_TEXT, 'Product type such as : plain, set or bundle or "*" for any'),
    q: value(PARAM_INT, 'Quantity required for pricing'),
  },
  returns: multiple(itemStructure),
  execute: notAvailable,
});

export const shopFunctions: readonly ExternalFunction[] = [getShop, getCatalog, getCatalogCategory, getCatalogItem, getCatalogItems];
