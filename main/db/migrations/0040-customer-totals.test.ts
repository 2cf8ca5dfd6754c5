import { describe, expect, it } from 'vitest';
import type { Db } from '../open';
import { applyMigration, databaseBefore, insert, queryPlan, schema, schemaChange } from './migration.test-support';

const totals = (db: Db, customerid: number) =>
  db
    .prepare(
      'SELECT placed_count, placed_cents, pending_count, pending_cents, paid_count, paid_cents FROM customer_totals WHERE customerid = ?',
    )
    .get(customerid);
const ZERO = { placed_count: 0, placed_cents: 0, pending_count: 0, pending_cents: 0, paid_count: 0, paid_cents: 0 };

/** Bills of every kind the totals tell apart, cached before 0040. */
function syncedBefore(): Db {
  const db = databaseBefore(40);
  insert(db, 'customer', { id: 1 });
  insert(db, 'customer', { id: 2 });
  insert(db, 'customer', { id: 3 }); // no bill: a row of zeros all the same
  const bill = (id: number, customerid: number, status: string, amountcents: number, paidcents: number) =>
    insert(db, 'bill', { id, customerid, status, amountcents, paidcents });
  bill(1, 1, 'WORKING', 1000, 0); // not placed
  bill(2, 1, 'CANCELLED', 2000, 0); // not placed
  bill(3, 1, 'PLACED', 3000, 0); // placed, owes 3000
  bill(4, 1, 'PARTIAL', 4000, 1500); // placed, owes 2500, paid
  bill(5, 1, 'COMPLETE', 5000, 5000); // placed, paid
  bill(6, 2, 'PENDING', 600, 900); // overpaid: owes nothing, not less than nothing
  return db;
}

describe('migration 0040 customer totals: what each customer placed, owes and paid, kept by triggers on bill', () => {
  it('adds up the bills already cached, giving every customer a row', () => {
    const db = syncedBefore();
    const before = schema(db);
    applyMigration(db, 40);
    const change = schemaChange(before, schema(db));
    expect(change).toEqual({
      added: [
        'index customer_totals_paid',
        'index customer_totals_pending',
        'table customer_totals',
        'trigger customer_totals_bill_delete',
        'trigger customer_totals_bill_insert',
        'trigger customer_totals_bill_update',
        'trigger customer_totals_customer',
        'trigger customer_totals_customer_gone',
      ],
      removed: [],
      changed: [],
    });

    expect(totals(db, 1)).toEqual({
      placed_count: 3,
      placed_cents: 12000,
      pending_count: 2,
      pending_cents: 5500,
      paid_count: 2,
      paid_cents: 6500,
    });
    expect(totals(db, 2)).toEqual({
      placed_count: 1,
      placed_cents: 600,
      pending_count: 1,
      pending_cents: 0,
      paid_count: 1,
      paid_cents: 900,
    });
    expect(totals(db, 3)).toEqual(ZERO);
  });

  it('keeps the totals exact through inserts, updates and deletes of bills and customers', () => {
    const db = syncedBefore();
    applyMigration(db, 40);

    insert(db, 'customer', { id: 4 });
    expect(totals(db, 4)).toEqual(ZERO);
    insert(db, 'bill', { id: 7, customerid: 4, status: 'PENDING', amountcents: 700 });
    expect(totals(db, 4)).toEqual({ ...ZERO, placed_count: 1, placed_cents: 700, pending_count: 1, pending_cents: 700 });

    db.prepare("UPDATE bill SET status = 'COMPLETE', paidcents = 700 WHERE id = 7").run();
    expect(totals(db, 4)).toEqual({ ...ZERO, placed_count: 1, placed_cents: 700, paid_count: 1, paid_cents: 700 });

    // A bill moved to another customer leaves one's totals for the other's.
    db.prepare('UPDATE bill SET customerid = 3 WHERE id = 7').run();
    expect(totals(db, 4)).toEqual(ZERO);
    expect(totals(db, 3)).toEqual({ ...ZERO, placed_count: 1, placed_cents: 700, paid_count: 1, paid_cents: 700 });

    db.prepare('DELETE FROM bill WHERE id = 7').run();
    expect(totals(db, 3)).toEqual(ZERO);
    db.prepare('DELETE FROM customer WHERE id = 4').run();
    expect(totals(db, 4)).toBeUndefined();
  });

  it('sorts customers by what they paid or owe by walking an index', () => {
    const db = syncedBefore();
    applyMigration(db, 40);
    for (const [column, index] of [
      ['paid_cents', 'customer_totals_paid'],
      ['pending_cents', 'customer_totals_pending'],
    ]) {
      const plan = queryPlan(db, `SELECT customerid FROM customer_totals ORDER BY ${column} DESC LIMIT 50`);
      expect(plan).toBe(`SCAN customer_totals USING COVERING INDEX ${index}`);
    }
  });
});
