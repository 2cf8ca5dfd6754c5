import { multiple, single, value, VALUE_DEFAULT, VALUE_OPTIONAL, type Keys } from '../external/description';
import { invalidParameter } from '../external/exceptions';
import { defineFunction, type ExternalFunction } from '../external/function-registry';
import { PARAM_INT } from '../external/param-types';
import { requireSalesAdmin } from '../lib/shop/access';
import type { ShopEntity } from '../lib/shop/records';
import {
  billKeys,
  catalogItemKeys,
  catalogKeys,
  categoryKeys,
  customerKeys,
  productEventKeys,
  productKeys,
  shopKeys,
  taxKeys,
} from '../lib/shop/structures';
import { MAX_PAGE, syncPage } from '../lib/shop/sync';

/**
 * The nine incremental reads of docs/shop-api.md, `local_shopbackoffice_sync_<entity>`: one declaration, nine record
 * structures. The keyset, the settling window and the counts live in lib/shop/sync.ts.
 */
const cursorKeys = {
  timemodified: value(PARAM_INT, 'Modification time of the last change received', VALUE_DEFAULT, 0),
  id: value(PARAM_INT, 'Id of the last change received (ties on timemodified)', VALUE_DEFAULT, 0),
};

function syncFunction(entity: ShopEntity, recordKeys: Keys): ExternalFunction {
  return defineFunction({
    name: `local_shopbackoffice_sync_${entity}`,
    component: 'local_shopbackoffice',
    parameters: {
      // Optional rather than defaulted: the simulator's validate_parameters() does not validate a structure's
      // default, so an absent cursor is read as (0, 0) below, which is what the doc's defaults say.
      since: single(cursorKeys, 'The cursor: the last change already received', VALUE_OPTIONAL),
      limit: value(PARAM_INT, 'At most this many changes (rows and deletions), 1 to 2000', VALUE_DEFAULT, 500),
      shopid: value(PARAM_INT, "Only this shop's records (0: all; ignored for shops and taxes)", VALUE_DEFAULT, 0),
      countremaining: value(PARAM_INT, '1: count the changes after this page (a scan); 0: remaining is -1', VALUE_DEFAULT, 1),
    },
    returns: single({
      rows: multiple(single(recordKeys), 'Records created or changed since the cursor, in (timemodified, id) order'),
      deleted: multiple(
        single({ id: value(PARAM_INT, 'Id of the deleted record'), timemodified: value(PARAM_INT, 'Deletion time') }),
        'Records deleted since the cursor',
      ),
      next: single({ timemodified: value(PARAM_INT, 'Cursor time'), id: value(PARAM_INT, 'Cursor id') }, 'The cursor to send next'),
      hasmore: value(PARAM_INT, '1 when more changes follow next'),
      remaining: value(PARAM_INT, 'Changes after next, or -1 when not counted'),
      servertime: value(PARAM_INT, "The server's clock"),
    }),
    execute: ({ since, limit, shopid, countremaining }, { site, user }) => {
      requireSalesAdmin(site, user.id);
      if (limit < 1 || limit > MAX_PAGE) throw invalidParameter(`limit must be between 1 and ${MAX_PAGE}, not ${limit}`);
      const cursor = { timemodified: since?.timemodified ?? 0, id: since?.id ?? 0 };
      return syncPage(site, entity, cursor, limit, shopid, countremaining !== 0);
    },
  });
}

export const shopSyncFunctions: readonly ExternalFunction[] = [
  syncFunction('shops', shopKeys),
  syncFunction('taxes', taxKeys),
  syncFunction('catalogs', catalogKeys),
  syncFunction('categories', categoryKeys),
  syncFunction('catalogitems', catalogItemKeys),
  syncFunction('customers', customerKeys),
  syncFunction('bills', billKeys),
  syncFunction('products', productKeys),
  syncFunction('productevents', productEventKeys),
];
