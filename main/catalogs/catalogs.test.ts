import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CatalogDetail, ItemDraftInput, ItemView } from '../../shared/contract/catalogs';
import { syncedCache, type SyncedCache } from '../../test/support/synced-cache';
import { createDispatch, type Dispatch } from '../core/dispatch';
import { silentLogger } from '../core/logger';
import type { CoreServices } from '../core/services';
import { createMoodleClient } from '../moodle/rest-client';
import { listEntries, type OutboxEntry } from '../sync/outbox';
import { catalogsCommands } from './commands';
import { spyCommands } from '../../test/support/spy-commands';

const MASTER = 1;
const SLAVE = 2;

let cache: SyncedCache;
let dispatch: Dispatch;

beforeEach(async () => {
  cache = await syncedCache({ bills: 5 });
  const moodle = createMoodleClient({ url: cache.sim.url, token: cache.sim.adminToken, logger: silentLogger, sleep: async () => {} });
  const services = {
    bus: cache.bus,
    logger: silentLogger,
    activeSite: () => ({
      db: cache.db,
      engine: cache.engine,
      profileId: 'p1',
      snapshot: async <T>(work: (db: typeof cache.db) => Promise<T> | T) => work(cache.db),
    }),
    moodle: () => moodle,
  } as unknown as CoreServices;
  dispatch = createDispatch(spyCommands(catalogsCommands(services)).commands, silentLogger);
}, 60_000);
afterEach(() => cache.close());

async function call<T = unknown>(name: string, input: unknown): Promise<T> {
  const result = await dispatch(name, input, { transport: 'internal' });
  if (!result.ok) throw Object.assign(new Error(result.error.message), { shape: result.error });
  return result.value as T;
}
async function refusal(name: string, input: unknown) {
  const result = await dispatch(name, input, { transport: 'internal' });
  if (result.ok) throw new Error(`${name} was accepted`);
  return result.error as { code: string; message: string; details?: { issues?: { field: string; code: string }[] } };
}

const detail = (id: number) => call<CatalogDetail>('catalogs.get', { id });
const byCode = (d: CatalogDetail, code: string) => d.items.filter((i) => i.code === code);
const draftOf = (item: ItemView): ItemDraftInput => {
  const { sold: _s, origin: _o, masterItemId: _m, localState: _l, localOnly: _lo, undoable: _u, ...draft } = item;
  return draft;
};
const outbox = () => listEntries(cache.db).filter((e): e is OutboxEntry => !('damaged' in e));
const sync = async () => {
  const run = await cache.engine.start('manual');
  expect(run.outcome).toBe('done');
};

describe('master and slave catalogs', () => {
  it('a slave shows the master items it does not override, and its overrides in their place', async () => {
    const master = await detail(MASTER);
    const slave = await detail(SLAVE);
    expect(slave.catalog.role).toBe('slave');
    expect(slave.master).toEqual({ id: MASTER, name: master.catalog.name });
    const excel = byCode(slave, 'EXCEL-BASE');
    expect(excel).toHaveLength(1);
    expect(excel[0]).toMatchObject({ origin: 'override', catalogid: SLAVE, masterItemId: byCode(master, 'EXCEL-BASE')[0]!.id });
    // Every master item shows in the slave, once: overridden ones as the slave's copy.
    for (const item of master.items) expect(byCode(slave, item.code)).toHaveLength(1);
    expect(slave.categories.some((c) => c.inherited && c.catalogid === MASTER)).toBe(true);
    expect(master.items.every((i) => i.origin === 'own')).toBe(true);
  });

  it('an override hides the master item in the slave only; freeing it shows the master’s again', async () => {
    const master = await detail(MASTER);
    const target = master.items.find((i) => i.code === 'WORD-PRO') ?? master.items.find((i) => byCode(master, i.code)[0]!.setid === 0)!;
    expect(byCode(await detail(SLAVE), target.code)[0]!.origin).toBe('master');

    const { itemId } = await call<{ itemId: number }>('catalogs.overrideItem', { catalogId: SLAVE, masterItemId: target.id });
    expect(itemId).toBeLessThan(0);
    const copy = byCode(await detail(SLAVE), target.code)[0]!;
    expect(copy).toMatchObject({ id: itemId, origin: 'override', catalogid: SLAVE, masterItemId: target.id, localState: 'pending' });
    await call('catalogs.saveItem', { item: { ...draftOf(copy), name: 'Word for professionals' } });
    expect(byCode(await detail(SLAVE), target.code).map((i) => i.name)).toEqual(['Word for professionals']);
    // The master is untouched.
    expect(byCode(await detail(MASTER), target.code).map((i) => [i.name, i.localState])).toEqual([[target.name, null]]);

    await sync();
    const pushed = byCode(await detail(SLAVE), target.code)[0]!;
    expect(pushed.id).toBeGreaterThan(0);
    expect(cache.sim.shop.read('catalogitems', pushed.id)).toMatchObject({
      catalogid: SLAVE,
      code: target.code,
      name: 'Word for professionals',
    });

    await call('catalogs.freeItem', { id: pushed.id });
    expect(byCode(await detail(SLAVE), target.code).map((i) => [i.id, i.origin, i.name])).toEqual([[target.id, 'master', target.name]]);
    await sync();
    expect(cache.sim.shop.read('catalogitems', pushed.id)).toBeUndefined();
    expect(byCode(await detail(SLAVE), target.code).map((i) => i.origin)).toEqual(['master']);
  });

  it('the master’s later edits show through in the slave where it does not override them', async () => {
    const master = await detail(MASTER);
    const overridden = byCode(master, 'EXCEL-BASE')[0]!;
    const plain =
      master.items.find(
        (i) =>
          byCode(master, i.code)[0] &&
          byCode(master, i.code)[0]!.code !== 'EXCEL-BASE' &&
          byCode(master, i.code).length === 1 &&
          i.code === 'WORD-PRO',
      ) ?? master.items.find((i) => i.code !== 'EXCEL-BASE' && byCode(master, i.code).length === 1)!;
    const slaveBefore = await detail(SLAVE);
    const plainInSlave = byCode(slaveBefore, plain.code)[0]!;
    if (plainInSlave.origin !== 'master') throw new Error(`${plain.code} is overridden in the demo slave`);
    await call('catalogs.saveItem', { item: { ...draftOf(overridden), name: 'Excel : les bases (nouveau)' } });
    await call('catalogs.saveItem', { item: { ...draftOf(plain), name: `${plain.name} (édition 2)` } });
    const slave = await detail(SLAVE);
    expect(byCode(slave, plain.code)[0]).toMatchObject({ origin: 'master', name: `${plain.name} (édition 2)`, localState: 'pending' });
    expect(byCode(slave, 'EXCEL-BASE')[0]!.name).toBe(byCode(slaveBefore, 'EXCEL-BASE')[0]!.name);
    // And once pushed and pulled back, the same.
    await sync();
    const after = await detail(SLAVE);
    expect(byCode(after, plain.code)[0]).toMatchObject({ origin: 'master', name: `${plain.name} (édition 2)`, localState: null });
    expect(byCode(after, 'EXCEL-BASE')[0]!.origin).toBe('override');
  });
});

describe('item edits', () => {
  it('are saved locally at once and queued in one entry, then pushed', async () => {
    const item = (await detail(MASTER)).items[0]!;
    const next = await call<CatalogDetail>('catalogs.saveItem', {
      item: { ...draftOf(item), name: 'Renamed', description: '<p onclick="x()">Hi<script>alert(1)</script></p>' },
    });
    const saved = next.items.find((i) => i.id === item.id)!;
    expect(saved).toMatchObject({ name: 'Renamed', description: '<p>Hi</p>', localState: 'pending', undoable: true });
    expect(outbox().map((e) => [e.kind, e.entityId])).toEqual([['catalogItem.save', item.id]]);
    await sync();
    expect(cache.sim.shop.read('catalogitems', item.id)).toMatchObject({ name: 'Renamed', description: '<p>Hi</p>' });
    expect(outbox()).toEqual([]);
  });

  it('refuse invalid input on its field and queue nothing', async () => {
    const items = (await detail(MASTER)).items;
    const [a, b] = [items[0]!, items[1]!];
    const cases: [Partial<ItemDraftInput>, string, string][] = [
      [{ code: b.code }, 'code', 'codeTaken'],
      [
        {
          prices: [
            { fromquantity: 1, unitcents: 1000 },
            { fromquantity: 1, unitcents: 900 },
          ],
        },
        'prices.1.fromquantity',
        'tiersNotIncreasing',
      ],
      [{ prices: [{ fromquantity: 2, unitcents: 1000 }] }, 'prices.0.fromquantity', 'tiersFirstNotOne'],
      [{ prices: [{ fromquantity: 1, unitcents: -1 }] }, 'prices.0.unitcents', 'priceNegative'],
      [{ prices: [] }, 'prices', 'tiersNone'],
      [{ requireddata: '[{"field": "x",}]' }, 'requireddata', 'requiredDataNotJson'],
      [{ requireddata: '{"field": "x"}' }, 'requireddata', 'requiredDataShape'],
      [{ enablehandler: 'std_enrolonecourse', handlerparams: 'role=student' }, 'handlerparams.course', 'handlerParamRequired'],
      [{ enablehandler: 'std_nothing' }, 'enablehandler', 'handlerUnknown'],
    ];
    for (const [change, field, code] of cases) {
      const error = await refusal('catalogs.saveItem', { item: { ...draftOf(a), ...change } });
      expect(error.code).toBe('catalog_invalid');
      expect(error.details?.issues).toContainEqual(expect.objectContaining({ field, code }));
    }
    expect(outbox()).toEqual([]);
  });

  it('refuse an unknown course when checked against Moodle, and accept a known one', async () => {
    const item = (await detail(MASTER)).items.find((i) => i.enablehandler === 'std_enrolonecourse')!;
    const error = await refusal('catalogs.saveItem', {
      item: { ...draftOf(item), handlerparams: 'coursename=NO-SUCH-COURSE&role=student' },
      checkOnSite: true,
    });
    expect(error.details?.issues).toContainEqual(expect.objectContaining({ field: 'handlerparams.course', code: 'courseUnknown' }));
    expect(outbox()).toEqual([]);
    const check = await call<{ checks: { key: string; outcome: string; code: string }[] }>('catalogs.checkHandler', {
      handler: item.enablehandler,
      handlerparams: item.handlerparams,
    });
    expect(check.checks).toContainEqual(expect.objectContaining({ key: 'course', outcome: 'ok' }));
    expect(check.checks).toContainEqual(expect.objectContaining({ key: 'role', outcome: 'ok' }));
    await call('catalogs.saveItem', { item: { ...draftOf(item), stock: 7 }, checkOnSite: true });
    expect(outbox()).toHaveLength(1);
  });

  it('undo drops the last unsent change and shows the record as before', async () => {
    const item = (await detail(MASTER)).items[2]!;
    await call('catalogs.saveItem', { item: { ...draftOf(item), name: 'First' } });
    await call('catalogs.saveItem', { item: { ...draftOf(item), name: 'Second' } });
    await call('catalogs.undo', { entity: 'catalogitems', id: item.id });
    expect((await detail(MASTER)).items.find((i) => i.id === item.id)!.name).toBe('First');
    await call('catalogs.undo', { entity: 'catalogitems', id: item.id });
    expect((await detail(MASTER)).items.find((i) => i.id === item.id)).toMatchObject({ name: item.name, localState: null });
    expect((await refusal('catalogs.undo', { entity: 'catalogitems', id: item.id })).code).toBe('catalog_nothing_to_undo');
    // A creation undone disappears.
    const created = await call<CatalogDetail>('catalogs.saveItem', { item: { ...draftOf(item), id: 0, code: 'NEW-ONE' } });
    const fresh = byCode(created, 'NEW-ONE')[0]!;
    expect(fresh.localOnly).toBe(true);
    await call('catalogs.undo', { entity: 'catalogitems', id: fresh.id });
    expect(byCode(await detail(MASTER), 'NEW-ONE')).toEqual([]);
    expect(outbox()).toEqual([]);
  });
});

describe('categories', () => {
  it('are created, hidden, re-parented and reordered; a new category’s items follow it to its real id', async () => {
    const before = await detail(MASTER);
    const roots = before.categories.filter((c) => c.parentid === 0).sort((a, b) => a.sortorder - b.sortorder);
    let d = await call<CatalogDetail>('catalogs.saveCategory', {
      category: {
        id: 0,
        catalogid: MASTER,
        parentid: roots[0]!.id,
        name: 'Nouveautés',
        description: '',
        sortorder: 0,
        visible: 1,
        seoalias: 'nouveautes',
      },
    });
    const created = d.categories.find((c) => c.name === 'Nouveautés')!;
    expect(created.id).toBeLessThan(0);
    const item = d.items[3]!;
    await call('catalogs.saveItem', { item: { ...draftOf(item), categoryid: created.id } });
    // Moved to the root, before the first root category.
    d = await call<CatalogDetail>('catalogs.moveCategory', { id: created.id, parentid: 0, beforeId: roots[0]!.id });
    const rootOrder = d.categories
      .filter((c) => c.parentid === 0 && !c.inherited)
      .sort((a, b) => a.sortorder - b.sortorder)
      .map((c) => c.id);
    expect(rootOrder).toEqual([created.id, ...roots.map((c) => c.id)]);
    // A category cannot go below itself.
    const child = before.categories.find((c) => c.parentid === roots[0]!.id)!;
    expect(
      (await refusal('catalogs.moveCategory', { id: roots[0]!.id, parentid: child.id, beforeId: null })).details?.issues,
    ).toContainEqual(expect.objectContaining({ field: 'parentid', code: 'parentInvalid' }));
    await call('catalogs.saveCategory', { category: { ...pickCategory(roots[1]!), visible: 0 } });
    await sync();
    const after = await detail(MASTER);
    const real = after.categories.find((c) => c.name === 'Nouveautés')!;
    expect(real.id).toBeGreaterThan(0);
    expect(cache.sim.shop.read('categories', real.id)).toMatchObject({ parentid: 0, catalogid: MASTER });
    expect(cache.sim.shop.read('catalogitems', item.id)).toMatchObject({ categoryid: real.id });
    expect(after.items.find((i) => i.id === item.id)!.categoryid).toBe(real.id);
    expect(cache.sim.shop.read('categories', roots[1]!.id)).toMatchObject({ visible: 0 });
    const siteOrder = after.categories
      .filter((c) => c.parentid === 0 && !c.inherited)
      .map((c) => [c.id, cache.sim.shop.read('categories', c.id)!.sortorder] as const)
      .sort((a, b) => a[1] - b[1])
      .map(([id]) => id);
    expect(siteOrder).toEqual([real.id, ...roots.map((c) => c.id)]);
  });
});

function pickCategory(c: CatalogDetail['categories'][number]) {
  return {
    id: c.id,
    catalogid: c.catalogid,
    parentid: c.parentid,
    name: c.name,
    description: c.description,
    sortorder: c.sortorder,
    visible: c.visible,
    seoalias: c.seoalias,
  };
}

describe('conflicts', () => {
  async function conflictOn(field: 'name' | 'stock') {
    const item = (await detail(MASTER)).items[4]!;
    await call('catalogs.saveItem', { item: { ...draftOf(item), name: 'Mine', stock: 11 } });
    // Meanwhile, on the site:
    cache.sim.shop.touchCatalogItem(item.id, field === 'name' ? { name: 'Theirs' } : { stock: 99 });
    await sync();
    const { conflicts } = await call<{
      conflicts: { seq: number; fields: { field: string; base: unknown; mine: unknown; theirs: unknown }[] }[];
    }>('catalogs.conflicts', { catalogId: MASTER });
    expect(conflicts).toHaveLength(1);
    return { item, conflict: conflicts[0]! };
  }

  it('shows base, mine and theirs field by field; take mine is queued on the site’s version and applied', async () => {
    const { item, conflict } = await conflictOn('name');
    expect(conflict.fields).toContainEqual({
      field: 'name',
      base: item.name,
      mine: 'Mine',
      theirs: 'Theirs',
      changedByMe: true,
      changedByThem: true,
    });
    expect(conflict.fields).toContainEqual(
      expect.objectContaining({ field: 'stock', base: item.stock, mine: 11, changedByMe: true, changedByThem: false }),
    );
    expect((await refusal('catalogs.saveItem', { item: { ...draftOf(item), name: 'Again' } })).code).toBe('catalog_not_editable');
    await call('catalogs.resolveConflict', { seq: conflict.seq, take: 'mine' });
    await sync();
    expect(cache.sim.shop.read('catalogitems', item.id)).toMatchObject({ name: 'Mine', stock: 11 });
    expect(outbox()).toEqual([]);
  });

  it('take theirs drops the local change and shows the site’s record', async () => {
    const { item } = await conflictOn('name');
    const { conflicts } = await call<{ conflicts: { seq: number }[] }>('catalogs.conflicts', {});
    await call('catalogs.resolveConflict', { seq: conflicts[0]!.seq, take: 'theirs' });
    expect((await detail(MASTER)).items.find((i) => i.id === item.id)).toMatchObject({
      name: 'Theirs',
      stock: item.stock,
      localState: null,
    });
    expect(outbox()).toEqual([]);
    await sync();
    expect(cache.sim.shop.read('catalogitems', item.id)).toMatchObject({ name: 'Theirs' });
  });

  it('edit settles each field; the result is validated and queued again', async () => {
    const { item, conflict } = await conflictOn('stock');
    const bad = await refusal('catalogs.resolveConflict', {
      seq: conflict.seq,
      take: 'edit',
      values: { prices: [{ fromquantity: 1, unitcents: -5 }] },
    });
    expect(bad.code).toBe('catalog_invalid');
    await call('catalogs.resolveConflict', { seq: conflict.seq, take: 'edit', values: { name: 'Mine', stock: 99 } });
    await sync();
    expect(cache.sim.shop.read('catalogitems', item.id)).toMatchObject({ name: 'Mine', stock: 99 });
  });

  it('retrying a conflict from the Sync workspace sends it on the site’s version (mine wins)', async () => {
    const { item, conflict } = await conflictOn('name');
    const { retryEntry } = await import('../sync/outbox');
    retryEntry(cache.db, conflict.seq);
    await sync();
    expect(cache.sim.shop.read('catalogitems', item.id)).toMatchObject({ name: 'Mine' });
    expect(outbox()).toEqual([]);
  });
});

describe('bulk edits', () => {
  it('preview then apply prices by percent (rounded half away from zero to the cent), status and tax code', async () => {
    const d = await detail(SLAVE);
    const own = d.items.filter((i) => i.origin !== 'master').slice(0, 3);
    const inherited = d.items.find((i) => i.origin === 'master')!;
    const ids = [...own.map((i) => i.id), inherited.id];
    const preview = await call<{ rows: { id: number; before: unknown; after: unknown; skipped: string | null }[]; changed: number }>(
      'catalogs.bulkPreview',
      { catalogId: SLAVE, ids, change: { kind: 'pricePercent', basisPoints: 333 } },
    );
    expect(preview.changed).toBe(own.length);
    expect(preview.rows.find((r) => r.id === inherited.id)!.skipped).toBe('master');
    for (const item of own) {
      const row = preview.rows.find((r) => r.id === item.id)!;
      expect(row.after).toEqual(
        item.prices.map((t) => {
          // The stated rule, computed here independently with BigInt: cents × 10333 / 10000, halves away from zero.
          const n = BigInt(t.unitcents) * 10333n;
          const q = n / 10000n;
          const r = n % 10000n;
          return { fromquantity: t.fromquantity, unitcents: Number(r * 2n >= 10000n ? q + 1n : q) };
        }),
      );
    }
    expect(outbox()).toEqual([]);
    await call('catalogs.bulkApply', { catalogId: SLAVE, ids, change: { kind: 'pricePercent', basisPoints: 333 } });
    await call('catalogs.bulkApply', { catalogId: SLAVE, ids, change: { kind: 'status', status: 'SUSPENDED' } });
    expect(outbox()).toHaveLength(own.length * 2);
    await sync();
    for (const item of own) {
      const row = preview.rows.find((r) => r.id === item.id)!;
      expect(cache.sim.shop.read('catalogitems', item.id)).toMatchObject({ prices: row.after, status: 'SUSPENDED' });
    }
  });
});

describe('side by side', () => {
  it('tells which master items the slave has not translated or priced', async () => {
    const { rows } = await call<{ rows: { code: string; translated: boolean; priced: boolean; slaveItemId: number | null }[] }>(
      'catalogs.compare',
      {
        id: SLAVE,
      },
    );
    expect(rows.find((r) => r.code === 'EXCEL-BASE')).toMatchObject({ translated: true, priced: false });
    expect(rows.find((r) => r.code === 'ANGLAIS-B2')).toMatchObject({ translated: true, priced: true });
    expect(rows.filter((r) => r.slaveItemId === null).every((r) => !r.translated && !r.priced)).toBe(true);
  });
});

describe('catalogs', () => {
  it('a master and its slave created offline reach the site as master and slave (a master takes two saves)', async () => {
    const master = await call<CatalogDetail>('catalogs.saveCatalog', {
      catalog: {
        id: 0,
        name: 'Catalogue Belgique',
        description: '',
        salesconditions: '',
        role: 'master',
        countryrestrictions: 'BE',
        billfooter: '',
      },
    });
    expect(master.catalog).toMatchObject({ role: 'master', localOnly: true });
    const slave = await call<CatalogDetail>('catalogs.saveCatalog', {
      catalog: {
        id: 0,
        name: 'Catalogue flamand',
        description: '',
        salesconditions: '',
        role: 'slave',
        masterId: master.catalog.id,
        countryrestrictions: 'BE',
        billfooter: '',
      },
    });
    expect(slave.catalog).toMatchObject({ role: 'slave', masterId: master.catalog.id });
    expect(
      (await refusal('catalogs.saveCatalog', { catalog: { ...draftCatalog(master), role: 'standalone' } })).details?.issues,
    ).toContainEqual(expect.objectContaining({ field: 'role' }));
    await sync();
    const list = await call<{ catalogs: { id: number; name: string; role: string; masterId: number | null }[] }>('catalogs.list', {});
    const m = list.catalogs.find((c) => c.name === 'Catalogue Belgique')!;
    const s = list.catalogs.find((c) => c.name === 'Catalogue flamand')!;
    expect(m).toMatchObject({ role: 'master' });
    expect(s).toMatchObject({ role: 'slave', masterId: m.id });
    expect(cache.sim.shop.read('catalogs', m.id)).toMatchObject({ groupid: m.id });
    expect(cache.sim.shop.read('catalogs', s.id)).toMatchObject({ groupid: m.id });
    expect(outbox()).toEqual([]);
  });
});

function draftCatalog(d: CatalogDetail) {
  const c = d.catalog;
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    salesconditions: c.salesconditions,
    role: c.role,
    countryrestrictions: c.countryrestrictions,
    billfooter: c.billfooter,
  };
}
