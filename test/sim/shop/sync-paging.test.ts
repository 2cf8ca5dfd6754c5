import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShopApi } from '../../../main/shop-api/shop-client';
import type { SyncCursor, SyncEntity } from '../../../main/shop-api/sync-entities';
import { billFixture, customerFixture, seedSmallShop, shopFixture, T0 } from './fixtures';
import { errorCode, NOW, startShopSite, type ShopTestSite } from './shop-site';

/**
 * The keyset cursor through real HTTP and the real client: with many rows sharing a modification time and
 * deletions among them, every page size gives every row exactly once, in (timemodified, id) order.
 */

interface Pull {
  rows: { id: number; timemodified: number }[];
  deleted: number[];
  pages: number;
  /** Every change in the order received: rows and deletions merged, as the cursor saw them. */
  keys: SyncCursor[];
  next: SyncCursor;
}

async function pullAll(api: ShopApi, entity: SyncEntity, limit: number, since: SyncCursor = { timemodified: 0, id: 0 }, shopid = 0) {
  const pull: Pull = { rows: [], deleted: [], pages: 0, keys: [], next: since };
  for (;;) {
    // Pages after the first do not ask for the count, as the app's pull does.
    const page = await api.syncPage(entity, pull.next, limit, { shopid, countRemaining: pull.pages === 0 });
    if (pull.pages > 0) expect(page.remaining).toBe(-1);
    pull.pages += 1;
    expect(page.rows.length + page.deleted.length).toBeLessThanOrEqual(limit);
    const keys = [...page.rows, ...page.deleted].map((r) => ({ timemodified: r.timemodified, id: r.id }));
    keys.sort((a, b) => a.timemodified - b.timemodified || a.id - b.id);
    pull.keys.push(...keys);
    pull.rows.push(...page.rows.map((r) => ({ id: r.id, timemodified: r.timemodified })));
    pull.deleted.push(...page.deleted.map((d) => d.id));
    const last = keys.at(-1);
    expect(page.next).toEqual(last ?? pull.next);
    pull.next = page.next;
    if (page.remaining >= 0) expect(page.hasmore).toBe(page.remaining > 0 ? 1 : 0);
    if (!page.hasmore) return pull;
  }
}

function expectStrictlyIncreasing(keys: SyncCursor[]): void {
  for (let i = 1; i < keys.length; i += 1) {
    const a = keys[i - 1] as SyncCursor;
    const b = keys[i] as SyncCursor;
    expect(b.timemodified > a.timemodified || (b.timemodified === a.timemodified && b.id > a.id)).toBe(true);
  }
}

const CUSTOMERS = 2000;
const TIMES = 6; // 2,000 rows over 6 modification times: about 333 rows share each time.
const REMOVED = Array.from({ length: 60 }, (_, i) => 17 + i * 31);

let site: ShopTestSite;
beforeAll(async () => {
  site = await startShopSite();
  const { sim } = site;
  seedSmallShop(sim);
  // Ids and times in different orders, so that a cursor on time alone, or on id alone, would lose rows.
  for (let id = 2; id <= CUSTOMERS; id += 1) {
    sim.shop.insert('customers', customerFixture({ id, email: `c${id}@example.com`, timemodified: T0 + ((id * 7919) % TIMES) }));
  }
  // Deletions made at one of the shared times interleave with the rows of that time.
  sim.setNow(T0 + 3);
  for (const id of REMOVED) sim.shop.remove('customers', id);
  sim.setNow(NOW);
});
afterAll(async () => {
  await site.close();
});

describe('local_shopbackoffice_sync_customers: paging', () => {
  for (const limit of [1, 7, 500]) {
    it(`gives every row exactly once and every deletion, at ${limit} per page`, async () => {
      const pull = await pullAll(site.api, 'customers', limit);
      const ids = pull.rows.map((r) => r.id);
      const live = Array.from({ length: CUSTOMERS }, (_, i) => i + 1).filter((id) => !REMOVED.includes(id));
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort((a, b) => a - b)).toEqual(live);
      expect([...pull.deleted].sort((a, b) => a - b)).toEqual(REMOVED);
      expectStrictlyIncreasing(pull.keys);
      expect(pull.pages).toBe(Math.ceil(CUSTOMERS / limit));
    }, 60_000);
  }

  it('counts what remains after each page', async () => {
    const first = await site.api.syncPage('customers', { timemodified: 0, id: 0 }, 500);
    expect(first.remaining).toBe(CUSTOMERS - 500);
    expect(first.servertime).toBe(NOW);
    const empty = await site.api.syncPage('customers', { timemodified: NOW, id: 0 }, 500);
    expect(empty).toMatchObject({ rows: [], deleted: [], next: { timemodified: NOW, id: 0 }, hasmore: 0, remaining: 0 });
  });

  it('refuses a page size outside 1..2000', async () => {
    expect(await errorCode(site.api.syncPage('customers', { timemodified: 0, id: 0 }, 0))).toBe('invalidparameter');
    expect(await errorCode(site.api.syncPage('customers', { timemodified: 0, id: 0 }, 2001))).toBe('invalidparameter');
    expect((await site.api.syncPage('customers', { timemodified: 0, id: 0 }, 2000)).rows).toHaveLength(CUSTOMERS - REMOVED.length);
  });

  // Last: the touched record stays ahead of the frozen clock, hidden by the settling window, for the tests after it.
  it('sends a record changed after the cursor passed it again, once', async () => {
    const pull = await pullAll(site.api, 'customers', 500);
    site.sim.setNow(NOW + 100);
    site.sim.shop.touch('customers', 42, { city: 'Lyon' });
    site.sim.setNow(NOW + 200);
    const again = await pullAll(site.api, 'customers', 500, pull.next);
    expect(again.rows).toEqual([{ id: 42, timemodified: NOW + 100 }]);
    site.sim.setNow(NOW);
  });
});

describe('local_shopbackoffice_sync_*: the settling window', () => {
  it('holds back the last five seconds of changes until the clock moves on', async () => {
    const { sim, api } = site;
    const since = { timemodified: NOW - 100, id: 0 };
    for (const [id, age] of [
      [5001, 6],
      [5002, 5],
      [5003, 4],
      [5004, 0],
    ] as const) {
      sim.shop.insert('customers', customerFixture({ id, timemodified: NOW - age }));
    }
    const now = await api.syncPage('customers', since, 500);
    expect(now.rows.map((r) => r.id)).toEqual([5001, 5002]);
    expect(now).toMatchObject({ hasmore: 0, remaining: 0, servertime: NOW });
    sim.setNow(NOW + 5);
    const later = await api.syncPage('customers', now.next, 500);
    expect(later.rows.map((r) => r.id)).toEqual([5003, 5004]);
    sim.setNow(NOW);
    for (const id of [5001, 5002, 5003, 5004]) sim.shop.remove('customers', id);
  });
});

describe('local_shopbackoffice_sync_bills: nested rows and the shop filter', () => {
  it('pages bills with their lines, payments and history, and filters by shop', async () => {
    const fresh = await startShopSite();
    try {
      const { sim, api } = fresh;
      seedSmallShop(sim);
      sim.shop.insert('shops', shopFixture({ id: 2, name: 'Other shop' }));
      sim.shop.insert('customers', customerFixture({ id: 2, shopid: 2, email: 'b@example.com' }));
      const inserted = [];
      for (let id = 1; id <= 300; id += 1) {
        const shopid = id % 3 === 0 ? 2 : 1;
        const paid = id % 2 === 0;
        const bill = billFixture({
          id,
          shopid,
          customerid: shopid,
          status: paid ? 'SOLDOUT' : 'PENDING',
          paidcents: paid ? 12000 : 0,
          timemodified: T0 + (id % 4),
          payments: paid
            ? [{ id: id * 10 + 1, amountcents: 12000, paymode: 'check', paidon: T0, reference: `CHK${id}`, timecreated: T0 }]
            : [],
          history: [
            { id: id * 10 + 2, fromstatus: 'PLACED', tostatus: paid ? 'SOLDOUT' : 'PENDING', timecreated: T0, userid: 2, note: '' },
          ],
        });
        sim.shop.insert('bills', bill);
        inserted.push(bill);
      }
      sim.setNow(T0 + 2);
      sim.shop.remove('bills', 33);
      sim.shop.remove('bills', 34);
      sim.setNow(NOW);

      const pull = await pullAll(api, 'bills', 7);
      expect(pull.rows).toHaveLength(298);
      expect(pull.deleted.sort()).toEqual([33, 34]);
      const page = await api.syncPage('bills', { timemodified: 0, id: 0 }, 2000);
      const byId = new Map(page.rows.map((b) => [b.id, b]));
      for (const bill of inserted.filter((b) => b.id !== 33 && b.id !== 34)) expect(byId.get(bill.id)).toEqual(bill);

      const shop2 = await pullAll(api, 'bills', 50, { timemodified: 0, id: 0 }, 2);
      expect(shop2.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual(
        inserted.filter((b) => b.shopid === 2 && b.id !== 33).map((b) => b.id),
      );
      expect(shop2.deleted).toEqual([33]);
      const customers2 = await api.syncPage('customers', { timemodified: 0, id: 0 }, 500, { shopid: 2 });
      expect(customers2.rows.map((c) => c.id)).toEqual([2]);
      // Shops and taxes are not filtered by shop (the doc says so).
      expect((await api.syncPage('shops', { timemodified: 0, id: 0 }, 500, { shopid: 2 })).rows.map((s) => s.id)).toEqual([1, 2]);
    } finally {
      await fresh.close();
    }
  }, 30_000);
});
