import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogItemRecord } from '../../../main/shop-api/records';
import { billFixture, catalogFixture, categoryFixture, editable, itemFixture, seedSmallShop, T0 } from './fixtures';
import { countRows, errorCode, mutationId, NOW, startShopSite, type ShopTestSite } from './shop-site';

/** Catalog, category and catalog item writes through the real client: applied, replayed, conflict, gone, refused. */

let site: ShopTestSite;
beforeEach(async () => {
  site = await startShopSite();
  seedSmallShop(site.sim);
});
afterEach(async () => {
  await site.close();
});

const catalogInput = (overrides: Parameters<typeof catalogFixture>[0] = {}) => editable(catalogFixture(overrides));
const categoryInput = (overrides: Parameters<typeof categoryFixture>[0] = {}) => editable(categoryFixture(overrides));

type ItemInput = Omit<CatalogItemRecord, 'sold' | 'version' | 'timemodified'>;
function itemInput(overrides: Partial<ItemInput> = {}): ItemInput {
  const { sold: _sold, version: _version, timemodified: _time, ...input } = itemFixture({ id: 0, code: 'NEW', ...overrides });
  return input;
}

describe('local_shopbackoffice_save_catalog and local_shopbackoffice_delete_catalog', () => {
  it('creates, updates, replays, conflicts, deletes and reports gone', async () => {
    const { api, sim } = site;
    const create = mutationId();
    const created = await api.saveCatalog(create, 0, catalogInput({ id: 0, name: 'Slave FR', groupid: 1 }));
    expect(created).toMatchObject({
      status: 'applied',
      replayed: 0,
      version: 1,
      current: { name: 'Slave FR', groupid: 1, timemodified: NOW },
    });
    const id = created.id;
    expect(await api.saveCatalog(create, 0, catalogInput({ id: 0, name: 'Slave FR', groupid: 1 }))).toEqual({ ...created, replayed: 1 });
    expect(countRows(sim, 'local_shop_catalog', 'name = ?', 'Slave FR')).toBe(1);

    const renamed = await api.saveCatalog(mutationId(), 1, catalogInput({ id, name: 'Esclave FR', groupid: 1 }));
    expect(renamed).toMatchObject({ status: 'applied', version: 2, current: { name: 'Esclave FR' } });
    const stale = await api.saveCatalog(mutationId(), 1, catalogInput({ id, name: 'Lost edit', groupid: 1 }));
    expect(stale).toMatchObject({ status: 'conflict', replayed: 0, id, version: 2, current: { name: 'Esclave FR', version: 2 } });
    expect(countRows(sim, 'local_shop_catalog', 'name = ?', 'Lost edit')).toBe(0);

    expect(await api.deleteCatalog(mutationId(), id, 1)).toEqual({ status: 'conflict', replayed: 0, id, version: 2 });
    const remove = mutationId();
    expect(await api.deleteCatalog(remove, id, 2)).toEqual({ status: 'applied', replayed: 0, id, version: 3 });
    expect(await api.deleteCatalog(remove, id, 2)).toEqual({ status: 'applied', replayed: 1, id, version: 3 });
    expect(countRows(sim, 'local_shop_tombstone', 'entity = ? AND entityid = ?', 'catalogs', id)).toBe(1);
    expect(await api.saveCatalog(mutationId(), 2, catalogInput({ id, name: 'Too late' }))).toEqual({
      status: 'gone',
      replayed: 0,
      id,
      version: 0,
    });
    expect(await api.deleteCatalog(mutationId(), id, 2)).toMatchObject({ status: 'gone' });
    expect(await errorCode(api.saveCatalog(mutationId(), 1, catalogInput({ id: 999 })))).toBe('invalidrecordunknown');
  });

  it('keeps the master and slave rules', async () => {
    const { api } = site;
    const standalone = await api.saveCatalog(mutationId(), 0, catalogInput({ id: 0, name: 'Alone', groupid: 0 }));
    expect(await errorCode(api.saveCatalog(mutationId(), 0, catalogInput({ id: 0, name: 'Bad', groupid: standalone.id })))).toBe(
      'invalidmastercatalog',
    );
    await api.saveCatalog(mutationId(), 0, catalogInput({ id: 0, name: 'Slave', groupid: 1 }));
    // Catalog 1 has a slave now: it may not become standalone or a slave itself.
    expect(await errorCode(api.saveCatalog(mutationId(), 1, catalogInput({ groupid: 0 })))).toBe('invalidmastercatalog');
    expect(await errorCode(api.saveCatalog(mutationId(), 1, catalogInput({ groupid: standalone.id })))).toBe('invalidmastercatalog');
    expect(await errorCode(api.deleteCatalog(mutationId(), 1, 1))).toBe('catalognotempty');
  });

  it("keeps catalog names unique and a shop's catalog undeletable, as local_shop's schema and pages do", async () => {
    const { api, sim } = site;
    const other = await api.saveCatalog(mutationId(), 0, catalogInput({ id: 0, name: 'Other', groupid: 0 }));
    expect(await errorCode(api.saveCatalog(mutationId(), 0, catalogInput({ id: 0, name: 'Other', groupid: 0 })))).toBe('catalognametaken');
    expect(
      await errorCode(api.saveCatalog(mutationId(), other.version, catalogInput({ id: other.id, name: 'Master catalog', groupid: 0 }))),
    ).toBe('catalognametaken');
    sim.shop.insert('catalogs', catalogFixture({ id: 90, name: 'Empty shop catalog', groupid: 0 }));
    sim.shop.touch('shops', 1, { catalogid: 90 });
    expect(await errorCode(api.deleteCatalog(mutationId(), 90, 1))).toBe('catalognotempty');
    expect((await api.deleteCatalog(mutationId(), other.id, other.version)).status).toBe('applied');
  });

  it('cleans HTML fields as clean_text() would', async () => {
    const saved = await site.api.saveCatalog(
      mutationId(),
      1,
      catalogInput({ description: '<p onclick="steal()">Hello<script>alert(1)</script></p>' }),
    );
    expect(saved.current?.description).toBe('<p>Hello</p>');
  });
});

describe('local_shopbackoffice_save_category and local_shopbackoffice_delete_category', () => {
  it('applies, conflicts, refuses bad parents and non-empty deletes', async () => {
    const { api, sim } = site;
    const child = await api.saveCategory(mutationId(), 0, categoryInput({ id: 0, name: 'Excel', parentid: 1 }));
    expect(child).toMatchObject({ status: 'applied', version: 1, current: { parentid: 1, catalogid: 1 } });
    // A cycle: category 1 under its own child.
    expect(await errorCode(api.saveCategory(mutationId(), 1, categoryInput({ parentid: child.id })))).toBe('invalidparent');
    expect(await errorCode(api.saveCategory(mutationId(), 1, categoryInput({ parentid: 1 })))).toBe('invalidparent');
    sim.shop.insert('catalogs', catalogFixture({ id: 2, name: 'Other', groupid: 0 }));
    sim.shop.insert('categories', categoryFixture({ id: 50, catalogid: 2 }));
    expect(await errorCode(api.saveCategory(mutationId(), 0, categoryInput({ id: 0, parentid: 50 })))).toBe('invalidparent');

    expect(await errorCode(api.deleteCategory(mutationId(), 1, 1))).toBe('categorynotempty'); // items and a subcategory
    sim.shop.touch('categories', child.id, { name: 'Changed on the site' });
    const stale = await api.saveCategory(mutationId(), 1, categoryInput({ id: child.id, name: 'Mine', parentid: 1 }));
    expect(stale).toMatchObject({ status: 'conflict', version: 2, current: { name: 'Changed on the site' } });
    expect(await api.deleteCategory(mutationId(), child.id, 2)).toMatchObject({ status: 'applied', version: 3 });
    const page = await api.syncPage('categories', { timemodified: T0, id: 50 }, 10);
    expect(page.rows).toEqual([]);
    sim.setNow(NOW + 5);
    expect((await api.syncPage('categories', { timemodified: T0, id: 50 }, 10)).deleted).toEqual([{ id: child.id, timemodified: NOW }]);
  });
});

describe('deletes of categories and items', () => {
  it('are applied once per mutation id, refused on a stale base version, and gone afterwards', async () => {
    const { api, sim } = site;
    const category = await api.saveCategory(mutationId(), 0, categoryInput({ id: 0, name: 'Empty' }));
    const item = await api.saveCatalogItem(mutationId(), 0, itemInput({ code: 'SPARE' }));
    const cases = [
      {
        entity: 'categories',
        id: category.id,
        remove: api.deleteCategory.bind(api),
        save: () => api.saveCategory(mutationId(), 1, categoryInput({ id: category.id })),
      },
      {
        entity: 'catalogitems',
        id: item.id,
        remove: api.deleteCatalogItem.bind(api),
        save: () => api.saveCatalogItem(mutationId(), 1, itemInput({ id: item.id, code: 'SPARE' })),
      },
    ] as const;
    for (const { entity, id, remove, save } of cases) {
      expect(await remove(mutationId(), id, 7)).toEqual({ status: 'conflict', replayed: 0, id, version: 1 });
      const mutation = mutationId();
      expect(await remove(mutation, id, 1)).toEqual({ status: 'applied', replayed: 0, id, version: 2 });
      expect(await remove(mutation, id, 1)).toEqual({ status: 'applied', replayed: 1, id, version: 2 });
      expect(countRows(sim, 'local_shop_tombstone', 'entity = ? AND entityid = ?', entity, id)).toBe(1);
      expect(await save()).toEqual({ status: 'gone', replayed: 0, id, version: 0 });
    }
  });
});

describe('local_shopbackoffice_save_catalogitem and local_shopbackoffice_delete_catalogitem', () => {
  it('creates once per mutation id and detects changes made on the site', async () => {
    const { api, sim } = site;
    const id = mutationId();
    const created = await api.saveCatalogItem(id, 0, itemInput());
    expect(created).toMatchObject({ status: 'applied', version: 1, current: { code: 'NEW', sold: 0, prices: itemFixture().prices } });
    expect((await api.saveCatalogItem(id, 0, itemInput())).replayed).toBe(1);
    expect(countRows(sim, 'local_shop_catalogitem', "code = 'NEW'")).toBe(1);
    expect(countRows(sim, 'local_shop_mutation', 'clientmutationid = ?', id)).toBe(1);

    sim.shop.touchCatalogItem(created.id, { prices: [{ fromquantity: 1, unitcents: 12345 }] });
    const stale = await api.saveCatalogItem(mutationId(), 1, itemInput({ id: created.id, name: 'Mine' }));
    expect(stale).toMatchObject({ status: 'conflict', version: 2, current: { prices: [{ fromquantity: 1, unitcents: 12345 }] } });
    const fresh = await api.saveCatalogItem(mutationId(), 2, itemInput({ id: created.id, name: 'Mine' }));
    expect(fresh).toMatchObject({ status: 'applied', version: 3, current: { name: 'Mine', prices: itemFixture().prices } });
  });

  it('refuses every invalid item with its own error code', async () => {
    const { api, sim } = site;
    const refused = (overrides: Partial<ItemInput>) => errorCode(api.saveCatalogItem(mutationId(), 0, itemInput(overrides)));
    expect(await refused({ code: 'EXCEL' })).toBe('codetaken');
    for (const prices of [
      [{ fromquantity: 2, unitcents: 100 }],
      [
        { fromquantity: 1, unitcents: 100 },
        { fromquantity: 1, unitcents: 90 },
      ],
      [{ fromquantity: 1, unitcents: -1 }],
      Array.from({ length: 6 }, (_, i) => ({ fromquantity: i + 1, unitcents: 100 })),
    ]) {
      expect(await refused({ prices })).toBe('invalidpricetiers');
    }
    expect(await refused({ requireddata: '{"field":"x"}' })).toBe('invalidrequireddata');
    expect(await refused({ requireddata: 'not json' })).toBe('invalidrequireddata');
    expect(await refused({ enablehandler: 'std_teleport' })).toBe('unknownhandler');
    expect(await refused({ setid: 1 })).toBe('invalidsetid'); // item 1 is plain
    const set = await api.saveCatalogItem(mutationId(), 0, itemInput({ code: 'PACK', type: 'bundle' }));
    expect((await api.saveCatalogItem(mutationId(), 0, itemInput({ code: 'IN-PACK', setid: set.id }))).status).toBe('applied');
    const requireddata = '[{"field":"productcode","label":"Code","type":"textfield"}]';
    expect((await api.saveCatalogItem(mutationId(), 0, itemInput({ requireddata, code: 'RD' }))).status).toBe('applied');
    expect(countRows(sim, 'local_shop_mutation')).toBe(3); // refused writes leave no mutation behind
  });

  it('lets a slave catalog override a master item by its code', async () => {
    const { api, sim } = site;
    sim.shop.insert('catalogs', catalogFixture({ id: 2, name: 'Slave', groupid: 1 }));
    const override = await api.saveCatalogItem(mutationId(), 0, itemInput({ catalogid: 2, code: 'EXCEL', name: 'Excel (EN)' }));
    expect(override).toMatchObject({ status: 'applied', current: { catalogid: 2, categoryid: 1, code: 'EXCEL' } });
    expect(countRows(sim, 'local_shop_catalogitem', "code = 'EXCEL'")).toBe(2);
  });

  it('refuses to delete an item that bills refer to', async () => {
    const { api, sim } = site;
    sim.shop.insert('bills', billFixture({ id: 1 }));
    expect(await errorCode(api.deleteCatalogItem(mutationId(), 1, 1))).toBe('itemsold');
    const lone = await api.saveCatalogItem(mutationId(), 0, itemInput({ code: 'LONE' }));
    expect(await api.deleteCatalogItem(mutationId(), lone.id, 1)).toMatchObject({ status: 'applied' });
    expect(await api.saveCatalogItem(mutationId(), 1, itemInput({ id: lone.id, code: 'LONE' }))).toMatchObject({ status: 'gone' });
  });
});
