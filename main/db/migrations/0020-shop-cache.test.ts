import { describe, expect, it } from 'vitest';
import { applyMigration, databaseBefore, indexColumns, insert, isStrict, schema, schemaChange } from './migration.test-support';

const TABLES = [
  'bill',
  'bill_history',
  'bill_item',
  'bill_payment',
  'catalog',
  'catalog_item',
  'category',
  'customer',
  'local_id_map',
  'outbox',
  'product',
  'product_event',
  'shop',
  'sync_cursor',
  'sync_run',
  'tax',
];

function migrated() {
  const db = databaseBefore(20);
  applyMigration(db, 20);
  return db;
}

describe("migration 0020 shop cache: the server's copy of the shop, the sync's cursors and runs, and the outbox", () => {
  it('adds one strict table per entity with its indexes, and keeps what 0010 held', () => {
    const db = databaseBefore(20);
    db.prepare("INSERT INTO site_meta VALUES ('site_name', 'Formations', 1)").run();
    const before = schema(db);

    applyMigration(db, 20);

    const change = schemaChange(before, schema(db));
    expect(change.removed).toEqual([]);
    expect(change.changed).toEqual([]);
    expect(change.added.filter((o) => o.startsWith('table '))).toEqual(TABLES.map((t) => `table ${t}`));
    for (const table of TABLES) expect(isStrict(db, table), table).toBe(true);
    expect(indexColumns(db, 'bill_status_emission')).toEqual(['status', 'emissiondate']);
    expect(indexColumns(db, 'outbox_entity')).toEqual(['entity', 'entity_id', 'seq']);
    expect(db.prepare('SELECT value FROM site_meta').pluck().all()).toEqual(['Formations']);
  });

  it("checks a page's references when it commits: the order of its rows does not matter, a missing parent refuses it", () => {
    const db = migrated();
    db.transaction(() => {
      insert(db, 'bill', { id: 1, customerid: 5, status: 'PAID' });
      insert(db, 'bill_item', { id: 10, billid: 1, itemcode: 'A' });
      insert(db, 'customer', { id: 5, lastname: 'Martin' });
    })();
    expect(db.prepare('SELECT count(*) FROM bill').pluck().get()).toBe(1);

    expect(() => db.transaction(() => insert(db, 'bill', { id: 2, customerid: 99 }))()).toThrow(/FOREIGN KEY/);
    expect(db.prepare('SELECT count(*) FROM bill').pluck().get()).toBe(1);
  });

  it("deletes a bill's lines, payments and history with it, and a product's events with it", () => {
    const db = migrated();
    insert(db, 'customer', { id: 5 });
    insert(db, 'bill', { id: 1, customerid: 5 });
    insert(db, 'bill_item', { id: 10, billid: 1 });
    insert(db, 'bill_payment', { id: 20, billid: 1, amountcents: 100 });
    insert(db, 'bill_history', { id: 30, billid: 1 });
    insert(db, 'product', { id: 40, customerid: 5 });
    insert(db, 'product_event', { id: 50, productid: 40 });
    db.prepare('DELETE FROM bill WHERE id = 1').run();
    db.prepare('DELETE FROM product WHERE id = 40').run();
    for (const table of ['bill_item', 'bill_payment', 'bill_history', 'product_event']) {
      expect(db.prepare(`SELECT count(*) FROM ${table}`).pluck().get(), table).toBe(0);
    }
  });

  it("refuses what the sync's bookkeeping must never hold: an unknown run outcome or outbox state, a reused mutation id, a positive local id", () => {
    const db = migrated();
    expect(() => db.prepare("INSERT INTO sync_run (trigger, started_at, outcome) VALUES ('manual', 1, 'maybe')").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO sync_run (trigger, started_at, outcome) VALUES ('manual', 1, 'running')").run();
    expect(db.prepare('SELECT rows_applied FROM sync_run').pluck().get()).toBe(0);

    const entry = { mutation_id: 'm1', kind: 'bill.pay', entity: 'bill', entity_id: 1, payload: '{}', created_at: 1 };
    expect(() => insert(db, 'outbox', { ...entry, state: 'sent' })).toThrow(/CHECK/);
    insert(db, 'outbox', { ...entry, state: 'pending' });
    expect(db.prepare('SELECT attempts, next_attempt_at FROM outbox').get()).toEqual({ attempts: 0, next_attempt_at: 0 });
    expect(() => insert(db, 'outbox', { ...entry, state: 'pending' })).toThrow(/UNIQUE/);

    expect(() => db.prepare("INSERT INTO local_id_map VALUES ('bill', 3, 30)").run()).toThrow(/CHECK/);
    db.prepare("INSERT INTO local_id_map VALUES ('bill', -3, 30)").run();
  });
});
