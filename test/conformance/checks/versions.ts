import type { CatalogItemRecord, CatalogRecord, CategoryRecord, CustomerRecord } from '../../../main/shop-api/records';
import { expectEqual, fail, type Check } from '../check';
import { customerInput } from '../fixtures';
import type { SiteUnderTest } from '../site-under-test';

/**
 * Versions (docs/shop-api.md, "Writes"): a record is version 1 when created and every write adds one; a write
 * on a stale base version writes nothing and answers `conflict` with the server's record; a deleted record
 * is `gone`. Seen on catalogs, categories, items and customers.
 */
interface Versioned {
  id: number;
  version: number;
  timemodified: number;
}

interface VersionedAnswer<R> {
  status: string;
  replayed: number;
  id: number;
  version: number;
  current?: R | undefined;
}

type Save<R> = (clientmutationid: string, baseversion: number, record: R) => Promise<VersionedAnswer<R>>;

function strip<R extends Versioned>(record: R) {
  const { version: _version, timemodified: _time, ...rest } = record;
  return rest;
}

function saves(site: SiteUnderTest) {
  const api = site.api;
  return {
    catalog: ((m, base, r) => api.saveCatalog(m, base, strip(r))) as Save<CatalogRecord>,
    category: ((m, base, r) => api.saveCategory(m, base, strip(r))) as Save<CategoryRecord>,
    item: ((m, base, r) => {
      const { sold: _sold, ...rest } = strip(r);
      return api.saveCatalogItem(m, base, rest);
    }) as Save<CatalogItemRecord>,
    customer: ((m, base, r) => api.updateCustomer(m, base, customerInput(r))) as Save<CustomerRecord>,
  };
}

/** Saves the record as it is (applied, version + 1), then an edit on the version before: conflict, nothing written. */
async function applyThenConflict<R extends Versioned>(site: SiteUnderTest, what: string, record: R, save: Save<R>, edit: (r: R) => R) {
  const applied = await save(site.mutationId(), record.version, record);
  if (applied.status !== 'applied' || !applied.current) fail(`saving ${what} on its version ${record.version} answered ${applied.status}`);
  expectEqual(`version of ${what} after a save`, applied.version, record.version + 1);
  const stale = await save(site.mutationId(), record.version, edit(record));
  expectEqual(`saving ${what} on the stale version ${record.version}`, stale, {
    status: 'conflict',
    replayed: 0,
    id: record.id,
    version: applied.version,
    current: applied.current,
  });
  return applied.current;
}

export const versionChecks: Check[] = [
  {
    name: 'versions: a save on a stale base version is conflict with the current record, and writes nothing',
    async run({ site, fixtures }) {
      const save = saves(site);
      const { catalog, category, item } = await fixtures.createCatalogTree('versions');
      const customer = await fixtures.takeCustomer();
      const renamed = <R extends { name: string }>(r: R): R => ({ ...r, name: `${r.name} (stale edit)` });
      const kept = {
        catalogs: await applyThenConflict(site, `catalog ${catalog.id}`, catalog, save.catalog, renamed),
        categories: await applyThenConflict(site, `category ${category.id}`, category, save.category, renamed),
        catalogitems: await applyThenConflict(site, `item ${item.id}`, item, save.item, renamed),
        customers: await applyThenConflict(site, `customer ${customer.id}`, customer, save.customer, (c) => ({ ...c, city: 'Stale edit' })),
      };

      return async () => {
        // What the site serves is the applied save: the stale edit never landed.
        for (const [entity, record] of Object.entries(kept) as [keyof typeof kept, Versioned][]) {
          const served = (await fixtures.changesSinceSnapshot(entity)).rows.find((row) => row.id === record.id);
          expectEqual(`sync_${entity} ${record.id} after the conflict`, served, record);
        }
      };
    },
  },
  {
    name: 'versions: a delete on a stale base version is conflict, without the record; a deleted record is gone',
    async run({ site, fixtures }) {
      const api = site.api;
      const save = saves(site).item;
      const item = await fixtures.createItem();
      expectEqual('version of a new item', item.version, 1);
      const saved = await save(site.mutationId(), 1, item);
      expectEqual('version after a save', [saved.status, saved.version], ['applied', 2]);
      expectEqual(`deleting item ${item.id} on the stale version 1`, await api.deleteCatalogItem(site.mutationId(), item.id, 1), {
        status: 'conflict',
        replayed: 0,
        id: item.id,
        version: 2,
      });
      expectEqual(`deleting item ${item.id} on its version 2`, await api.deleteCatalogItem(site.mutationId(), item.id, 2), {
        status: 'applied',
        replayed: 0,
        id: item.id,
        version: 3,
      });
      const again = await save(site.mutationId(), 2, item);
      expectEqual(
        `saving item ${item.id} after its delete`,
        [again.status, again.replayed, again.id, again.current],
        ['gone', 0, item.id, undefined],
      );
      const deleteAgain = await api.deleteCatalogItem(site.mutationId(), item.id, 3);
      expectEqual(`deleting item ${item.id} again`, [deleteAgain.status, deleteAgain.replayed, deleteAgain.id], ['gone', 0, item.id]);
    },
  },
];
