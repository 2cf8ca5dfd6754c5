import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billColumns, type BillFilter } from '../../shared/contract/bills';
import { syncedCache, type SyncedCache } from '../../test/support/synced-cache';
import { listCustomers } from '../customers/customer-query';
import { openDatabase, type Db } from '../db/open';
import { beginBulkLoad, bulkLoadPending, finishBulkLoad } from '../sync/bulk-load';
import { ENTITY_TABLE, PULL_ORDER } from '../sync/cache-tables';
import { enqueue } from '../sync/outbox';
import { countByStatus, listBills, type BillSort } from './bill-query';
import { fold } from './bills-while-filling';

/**
 * While a first sync fills the cache, the lists answer from the rows there are (bills-while-filling.ts), without
 * the indexes, search and counts built at the end. Checked against the same lists on the same rows once built:
 * the same rows in the same order, the same totals and counts, so nothing moves when the build completes. Search
 * is the exception: without its index it finds a word anywhere, not only at a word's start (more, never fewer).
 */
let cache: SyncedCache;
/** The same shop and outbox, in a cache whose first sync has not built anything yet. */
let filling: Db;

beforeAll(async () => {
  cache = await syncedCache({ bills: 600 });
  const db = cache.db;
  // Changes waiting in the outbox: the lists show bills as the shop will have them.
  const [paid, moved, lettered] = db.prepare("SELECT id FROM bill WHERE status = 'PENDING' ORDER BY id LIMIT 3").pluck().all() as number[];
  const version = (id: number) => db.prepare('SELECT version FROM bill WHERE id = ?').pluck().get(id) as number;
  enqueue(db, {
    kind: 'bill.payment',
    entityId: paid!,
    baseVersion: version(paid!),
    payload: { amountcents: 100, currency: 'EUR', paymode: 'check', paidon: 1_767_225_600, reference: 'CHQ 1' },
  });
  enqueue(db, {
    kind: 'bill.transition',
    entityId: moved!,
    baseVersion: version(moved!),
    payload: { fromstatus: 'PENDING', tostatus: 'CANCELLED', note: '' },
  });
  enqueue(db, { kind: 'bill.lettering', entityId: lettered!, baseVersion: version(lettered!), payload: { idnumber: 'FA-TEST-000001' } });

  filling = openDatabase(':memory:');
  expect(beginBulkLoad(filling)).toBe(true);
  copyShop(db, filling);
  expect(bulkLoadPending(filling)).toBe(true);
}, 60_000);
afterAll(async () => {
  filling?.close();
  await cache?.close();
});

/** Every row of the server's copy and the outbox, as committed pages would leave them (no derived rows). */
function copyShop(from: Db, to: Db): void {
  const tables = [...PULL_ORDER.map((entity) => ENTITY_TABLE[entity]), 'bill_item', 'bill_payment', 'bill_history', 'outbox'];
  to.transaction(() => {
    for (const table of tables) {
      const rows = from.prepare(`SELECT * FROM ${table}`).raw().all() as unknown[][];
      if (rows.length === 0) continue;
      const insert = to.prepare(`INSERT INTO ${table} VALUES (${rows[0]!.map(() => '?').join(', ')})`);
      for (const row of rows) insert.run(row);
    }
  })();
  expect(to.prepare('SELECT count(*) FROM bill_search').pluck().get()).toBe(0);
  expect(to.prepare('SELECT count(*) FROM bill_itemcodes').pluck().get()).toBe(0);
}

function sample() {
  const db = cache.db;
  const value = (sql: string) => db.prepare(sql).pluck().get() as number | string;
  return {
    from: value('SELECT emissiondate FROM bill ORDER BY emissiondate LIMIT 1 OFFSET 150') as number,
    to: value('SELECT emissiondate FROM bill ORDER BY emissiondate LIMIT 1 OFFSET 450') as number,
    minCents: value('SELECT amountcents FROM bill ORDER BY amountcents LIMIT 1 OFFSET 200') as number,
    customerId: value('SELECT customerid FROM bill GROUP BY customerid ORDER BY count(*) DESC, customerid LIMIT 1') as number,
    productCode: value(
      "SELECT itemcode FROM bill_item WHERE type NOT IN ('DISCOUNT', 'SHIPPING') GROUP BY itemcode ORDER BY count(*) DESC LIMIT 1",
    ) as string,
  };
}

describe('the bills list while a first sync fills the cache', () => {
  it('answers the rows the built cache answers, in the same order, for every sort and filter', () => {
    const s = sample();
    const filters: BillFilter[] = [
      {},
      { status: 'CANCELLED' },
      { status: 'PENDING' },
      { from: s.from, to: s.to },
      { paymode: 'check' },
      { minCents: s.minCents, lettered: false },
      { lettered: true },
      { customerId: s.customerId },
      { productCode: s.productCode },
      { status: 'SOLDOUT', paymode: 'transfer', from: s.from },
    ];
    let compared = 0;
    for (const filter of filters) {
      for (const column of billColumns) {
        for (const direction of ['asc', 'desc'] as const) {
          const sort: BillSort = { column, direction };
          for (const [offset, limit] of [
            [0, 40],
            [37, 25],
          ] as const) {
            const built = listBills(cache.db, { filter, sort, offset, limit });
            const interim = listBills(filling, { filter, sort, offset, limit });
            expect(interim, `${JSON.stringify(filter)} by ${column} ${direction} from ${offset}`).toEqual(built);
            compared += built.rows.length;
          }
        }
      }
      expect(countByStatus(filling, filter), JSON.stringify(filter)).toEqual(countByStatus(cache.db, filter));
    }
    // The comparison was not between empty lists, and the queued changes were among what it compared.
    expect(compared).toBeGreaterThan(10_000);
    expect(bulkLoadPending(filling)).toBe(true);
    const pending = listBills(filling, { filter: {}, sort: { column: 'id', direction: 'asc' }, offset: 0, limit: 1000 }).rows.filter(
      (row) => row.pending !== null,
    );
    expect(pending.map((row) => row.pending!.kind).sort()).toEqual(['bill.lettering', 'bill.payment', 'bill.transition']);
  }, 60_000);

  it('finds by search every bill the search index finds, and only bills holding each word', () => {
    const words = cache.db
      .prepare("SELECT lastname FROM customer WHERE lastname <> '' GROUP BY lastname ORDER BY count(*) DESC LIMIT 3")
      .pluck()
      .all() as string[];
    const transaction = cache.db.prepare('SELECT transactionid FROM bill ORDER BY id LIMIT 1 OFFSET 99').pluck().get() as string;
    for (const search of [
      ...words,
      fold(words[0]!).toUpperCase(),
      `${words[1]!.slice(0, 3)} ${words[2]!.slice(0, 4)}`,
      transaction,
      'zzqx%_',
    ]) {
      const sort: BillSort = { column: 'id', direction: 'asc' };
      const built = listBills(cache.db, { filter: { search }, sort, offset: 0, limit: 1000 });
      const interim = listBills(filling, { filter: { search }, sort, offset: 0, limit: 1000 });
      const ids = new Set(interim.rows.map((row) => row.id));
      expect(
        built.rows.filter((row) => !ids.has(row.id)),
        search,
      ).toEqual([]);
      expect(interim.total).toBe(interim.rows.length);
      for (const row of interim.rows) {
        const text = fold(`${row.customer} ${row.organisation} ${row.title} ${row.transactionid} ${row.idnumber} ${row.id}`);
        const email = fold(cache.db.prepare('SELECT email FROM customer WHERE id = ?').pluck().get(row.customerId) as string);
        const online = fold(cache.db.prepare('SELECT onlinetransactionid FROM bill WHERE id = ?').pluck().get(row.id) as string);
        for (const word of fold(search).split(/\s+/)) expect(`${text} ${email} ${online}`, `${search}: bill ${row.id}`).toContain(word);
      }
      if (search === 'zzqx%_') expect(interim.total).toBe(0);
      else expect(interim.total).toBeGreaterThan(0);
    }
  });

  it('lists the customers as the built cache does, with their totals added up from their bills', () => {
    for (const sort of ['name', 'organisation', 'paid', 'pending'] as const) {
      for (const direction of [undefined, 'asc', 'desc'] as const) {
        for (const offset of [0, 45]) {
          const request = { search: '', sort, direction, offset, limit: 60 };
          expect(listCustomers(filling, request), `${sort} ${direction} ${offset}`).toEqual(listCustomers(cache.db, request));
        }
      }
    }
    const name = cache.db.prepare('SELECT lastname FROM customer ORDER BY id LIMIT 1').pluck().get() as string;
    const built = listCustomers(cache.db, { search: name, sort: 'name', offset: 0, limit: 1000 });
    const interim = listCustomers(filling, { search: name, sort: 'name', offset: 0, limit: 1000 });
    expect(interim.rows.map((row) => row.id)).toEqual(expect.arrayContaining(built.rows.map((row) => row.id)));
    expect(built.total).toBeGreaterThan(0);
  });

  it('answers as before once the build is over', () => {
    const copy = openDatabase(':memory:');
    expect(beginBulkLoad(copy)).toBe(true);
    copyShop(cache.db, copy);
    const request = { filter: {}, sort: { column: 'customer', direction: 'asc' } as BillSort, offset: 10, limit: 30 };
    const before = listBills(copy, request);
    finishBulkLoad(copy);
    expect(bulkLoadPending(copy)).toBe(false);
    expect(listBills(copy, request)).toEqual(before);
    expect(before.rows.length).toBe(30);
    copy.close();
  });
});
