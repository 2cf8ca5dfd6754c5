import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedSite, type SimulatedSite } from '../../test/sim/start-simulated-site';
import { EventBus } from '../core/event-bus';
import { silentLogger } from '../core/logger';
import { migrations } from '../db/migrations';
import { migration0110 } from '../db/migrations/0110-sync-sent';
import { migration0120 } from '../db/migrations/0120-credit-notes';
import { openDatabase, type Db } from '../db/open';
import { createMoodleClient } from '../moodle/rest-client';
import { ShopApi } from '../shop-api/shop-client';
import { beginBulkLoad, bulkLoadPending } from '../sync/bulk-load';
import { countByStatus, listBills } from './bill-query';
import { listCustomers } from '../customers/customer-query';
import { entityWriter } from '../sync/cache-tables';
import { SyncEngine } from '../sync/sync-engine';
import { ProfileCaches } from '../core/profile-caches';
import { DataDir } from '../core/data-dir';

/**
 * What migrations 0030 and 0040 derive from the server's copy (search rows, item codes, counts per status,
 * customer totals) is kept by triggers. Whatever the pull does (new rows, changed rows, deletions, a rebuild)
 * and whether the cache was synced before those migrations existed, it must equal a recomputation.
 */

let sim: SimulatedSite;
let dir: string;
const NOW = 1_767_225_600;
beforeAll(async () => {
  // A frozen clock: changes made on the site reach the client once the clock has moved past their settling time.
  sim = await startSimulatedSite({ demo: { bills: 300, now: NOW }, now: NOW + 60 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-derived-'));
}, 60_000);
afterAll(async () => {
  await sim.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function engineOn(db: Db): SyncEngine {
  const api = new ShopApi(createMoodleClient({ url: sim.url, token: sim.adminToken, logger: silentLogger, sleep: async () => {} }));
  return new SyncEngine({ db, api: () => api, bus: new EventBus(), logger: silentLogger, pageSize: 70 });
}

const all = (db: Db, sql: string, ...params: unknown[]) => db.prepare(sql).all(...params);

function expectDerivedTablesTrue(db: Db): void {
  expect(all(db, 'SELECT status, bills FROM bill_status_count WHERE bills <> 0 ORDER BY status')).toEqual(
    all(db, 'SELECT status, count(*) AS bills FROM bill GROUP BY status ORDER BY status'),
  );
  const codes = all(
    db,
    `SELECT b.id AS billid, coalesce((SELECT group_concat(itemcode, ', ') FROM (
        SELECT itemcode FROM bill_item WHERE billid = b.id AND type NOT IN ('DISCOUNT', 'SHIPPING')
        GROUP BY itemcode ORDER BY min(ordering), itemcode)), '') AS codes
     FROM bill b ORDER BY b.id`,
  );
  expect(all(db, 'SELECT billid, codes FROM bill_itemcodes ORDER BY billid')).toEqual(codes);
  expect(all(db, 'SELECT * FROM customer_totals WHERE customerid IN (SELECT id FROM customer) ORDER BY customerid')).toEqual(
    all(
      db,
      `SELECT c.id AS customerid,
         count(b.id) FILTER (WHERE b.status NOT IN ('WORKING', 'CANCELLED')) AS placed_count,
         coalesce(sum(b.amountcents) FILTER (WHERE b.status NOT IN ('WORKING', 'CANCELLED')), 0) AS placed_cents,
         count(b.id) FILTER (WHERE b.status IN ('PLACED', 'PENDING', 'PARTIAL')) AS pending_count,
         coalesce(sum(max(b.amountcents - b.paidcents, 0)) FILTER (WHERE b.status IN ('PLACED', 'PENDING', 'PARTIAL')), 0) AS pending_cents,
         count(b.id) FILTER (WHERE b.paidcents > 0) AS paid_count,
         coalesce(sum(b.paidcents), 0) AS paid_cents
       FROM customer c LEFT JOIN bill b ON b.customerid = c.id GROUP BY c.id ORDER BY c.id`,
    ),
  );
  expect(db.prepare('SELECT count(*) FROM bill_search').pluck().get()).toBe(db.prepare('SELECT count(*) FROM bill').pluck().get());
  expect(db.prepare('SELECT count(*) FROM customer_search').pluck().get()).toBe(db.prepare('SELECT count(*) FROM customer').pluck().get());
  // Every bill is found by its own transaction id and by its customer's email.
  const search = db.prepare('SELECT rowid FROM bill_search WHERE bill_search MATCH ?').pluck();
  for (const bill of all(db, 'SELECT b.id, b.transactionid, c.email FROM bill b JOIN customer c ON c.id = b.customerid') as {
    id: number;
    transactionid: string;
    email: string;
  }[]) {
    expect(search.all(`"${bill.transactionid}"`), `bill ${bill.id}`).toContain(bill.id);
    expect(search.all(`"${bill.email}"`), `bill ${bill.id}`).toContain(bill.id);
  }
}

describe('the derived tables', () => {
  it('follow a sync, changes on the site, deletions and a rebuild', async () => {
    const db = openDatabase(':memory:');
    const engine = engineOn(db);
    expect((await engine.start('manual')).outcome).toBe('done');
    expectDerivedTablesTrue(db);

    const customerId = db.prepare('SELECT customerid FROM bill GROUP BY customerid HAVING count(*) > 1 LIMIT 1').pluck().get() as number;
    sim.shop.touch('customers', customerId, { lastname: 'Œhlenschläger', email: 'oehlen@example.org' });
    const [first, second, third] = db.prepare('SELECT id FROM bill ORDER BY id DESC LIMIT 3').pluck().all() as number[];
    sim.shop.touch('bills', first!, { title: 'Formation révisée', status: 'CANCELLED' });
    sim.shop.touch('bills', second!, { customerid: customerId, paidcents: 1 });
    sim.shop.remove('bills', third!);
    sim.setNow(NOW + 70);
    expect((await engine.start('manual')).outcome).toBe('done');
    expectDerivedTablesTrue(db);
    const billsOf = db.prepare('SELECT id FROM bill WHERE customerid = ? ORDER BY id').pluck().all(customerId);
    expect(db.prepare("SELECT rowid FROM bill_search WHERE bill_search MATCH 'oehlenschlager' ORDER BY rowid").pluck().all()).toEqual(
      billsOf,
    );
    expect(db.prepare("SELECT rowid FROM bill_search WHERE bill_search MATCH 'revisee'").pluck().all()).toEqual([first]);

    expect((await engine.rebuild()).outcome).toBe('done');
    expectDerivedTablesTrue(db);
    db.close();
  }, 30_000);

  it('are derived once from a cache synced before they existed', async () => {
    const file = path.join(dir, 'cache.sqlite');
    const old = openDatabase(file, { migrations: migrations.filter((m) => m.version <= 20) });
    // Today's engine records a run's error code and refused changes (0090), what it sent (0110) and bills' credit
    // notes (0120): the columns and tables are lent for the sync, then taken back, so the file is what a schema-20
    // build left.
    old.exec('ALTER TABLE sync_run ADD COLUMN error_code TEXT; ALTER TABLE sync_run ADD COLUMN refused INTEGER NOT NULL DEFAULT 0');
    old.exec(migration0110.sql);
    old.exec(migration0120.sql);
    expect((await engineOn(old).start('manual')).outcome).toBe('done');
    old.exec('DROP TABLE sync_sent; ALTER TABLE sync_run DROP COLUMN error_code; ALTER TABLE sync_run DROP COLUMN refused');
    old.exec('DROP TABLE bill_credit_line; DROP TABLE bill_credit_note; DROP TABLE lettering_credit_link');
    old.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    expectDerivedTablesTrue(db);
    db.close();
  });

  it('are built at the end of a first sync, with the triggers and indexes back exactly as the migrations made them', async () => {
    const schema = (db: Db) =>
      all(db, "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') AND sql IS NOT NULL ORDER BY name");
    const fresh = openDatabase(':memory:');
    const db = openDatabase(':memory:');
    const seen: boolean[] = [];
    const listed: { bills: number; counted: number; checks: number; received: number; customers: number }[] = [];
    const api = new ShopApi(createMoodleClient({ url: sim.url, token: sim.adminToken, logger: silentLogger, sleep: async () => {} }));
    const engine = new SyncEngine({
      db,
      api: () => api,
      bus: new EventBus(),
      logger: silentLogger,
      pageSize: 70,
      // During the first sync the deriving triggers are aside: a page of bills commits without search rows.
      afterCommit: (entity) => {
        if (entity !== 'bills') return;
        seen.push(bulkLoadPending(db));
        // The screens' reads do without the indexes set aside meanwhile: they answer the bills received so far.
        const sort = { column: 'amountcents', direction: 'desc' } as const;
        listed.push({
          bills: listBills(db, { filter: { paymode: 'check', minCents: 100 }, sort, offset: 0, limit: 50 }).total,
          counted: countByStatus(db, { paymode: 'check' }).total,
          checks: db.prepare("SELECT count(*) FROM bill WHERE paymode = 'check'").pluck().get() as number,
          received: db.prepare('SELECT count(*) FROM bill').pluck().get() as number,
          customers: listCustomers(db, { search: '', sort: 'paid', offset: 0, limit: 50 }).total,
        });
      },
    });
    expect((await engine.start('manual')).outcome).toBe('done');
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every(Boolean)).toBe(true);
    expect(listed.length).toBeGreaterThan(1);
    // Page after page, more bills listed, each time as many as the cache then held.
    for (const [i, seen] of listed.entries()) {
      expect(seen.counted).toBe(seen.checks);
      expect(seen.bills).toBeLessThanOrEqual(seen.counted);
      if (i > 0) expect(seen.received).toBeGreaterThan(listed[i - 1]!.received);
      expect(seen.customers).toBeGreaterThan(0);
    }
    expect(listed.at(-1)!.bills).toBeGreaterThan(0);
    expect(
      listBills(db, {
        filter: { paymode: 'check', minCents: 100 },
        sort: { column: 'amountcents', direction: 'desc' },
        offset: 0,
        limit: 50,
      }).total,
    ).toBeGreaterThan(0);
    expect(bulkLoadPending(db)).toBe(false);
    expect(schema(db)).toEqual(schema(fresh));
    expectDerivedTablesTrue(db);
    // A cache that holds bills syncs the ordinary way, triggers in place.
    expect(beginBulkLoad(db)).toBe(false);
    fresh.close();
    db.close();
  });

  it('are built when a cache whose first sync was killed midway is opened', async () => {
    const dataDir = new DataDir(fs.mkdtempSync(path.join(dir, 'killed-')));
    const caches = new ProfileCaches(dataDir);
    const db = caches.get('p1');
    expect(beginBulkLoad(db)).toBe(true);
    // What committed pages leave behind: rows without their derived rows, then the process is gone.
    const api = new ShopApi(createMoodleClient({ url: sim.url, token: sim.adminToken, logger: silentLogger, sleep: async () => {} }));
    const start = { timemodified: 0, id: 0 };
    const customers = (await api.syncPage('customers', start, 500)).rows as unknown as Record<string, unknown>[];
    const known = new Set(customers.map((customer) => customer['id']));
    const ownBills = ((await api.syncPage('bills', start, 500)).rows as unknown as Record<string, unknown>[]).filter((bill) =>
      known.has(bill['customerid']),
    );
    expect(ownBills.length).toBeGreaterThan(10);
    db.transaction(() => {
      entityWriter(db, 'customers').upsertAll(customers);
      entityWriter(db, 'bills').upsertAll(ownBills);
    })();
    expect(db.prepare('SELECT count(*) FROM bill_search').pluck().get()).toBe(0);
    caches.closeAll();

    const reopened = new ProfileCaches(dataDir).get('p1');
    expect(bulkLoadPending(reopened)).toBe(false);
    expect(reopened.prepare('SELECT count(*) FROM bill').pluck().get()).toBe(ownBills.length);
    expectDerivedTablesTrue(reopened);
    reopened.close();
  });
});
