import { describe, expect, it } from 'vitest';
import type { Db } from '../open';
import { applyMigration, databaseBefore, indexColumns, insert, queryPlan, schema, schemaChange } from './migration.test-support';

// The dashboard's reads, in the shape main/dashboard/ asks them (there with INDEXED BY; the planner must agree).
const INVOICED = `SELECT sum(untaxedcents) FROM bill WHERE currency = ? AND emissiondate BETWEEN ? AND ? AND idnumber <> '' AND shopid = ?`;
const PAID = 'SELECT sum(amountcents) FROM bill_payment WHERE paidon BETWEEN ? AND ?';
const STAGES =
  "SELECT status, count(*), sum(amountcents) FROM bill WHERE status IN ('PENDING', 'PARTIAL') AND currency = ? AND shopid = ? GROUP BY status";
const LINES =
  "SELECT itemcode, catalogitemid, sum(totalcents) FROM bill_item WHERE billid = ? AND type NOT IN ('DISCOUNT', 'SHIPPING') GROUP BY itemcode, catalogitemid";

function syncedBefore(): Db {
  const db = databaseBefore(150);
  insert(db, 'customer', { id: 1 });
  insert(db, 'bill', {
    id: 1,
    customerid: 1,
    currency: 'EUR',
    shopid: 1,
    emissiondate: 100,
    idnumber: 'FA-1',
    untaxedcents: 1000,
    status: 'PENDING',
    amountcents: 1200,
  });
  insert(db, 'bill', {
    id: 2,
    customerid: 1,
    currency: 'EUR',
    shopid: 1,
    emissiondate: 200,
    idnumber: 'FA-2',
    untaxedcents: 500,
    status: 'PARTIAL',
    amountcents: 600,
  });
  insert(db, 'bill', {
    id: 3,
    customerid: 1,
    currency: 'USD',
    shopid: 1,
    emissiondate: 150,
    idnumber: 'FA-3',
    untaxedcents: 9000,
    status: 'PENDING',
    amountcents: 9000,
  });
  insert(db, 'bill_payment', { billid: 1, amountcents: 300, paidon: 120 });
  insert(db, 'bill_item', { billid: 1, type: 'BILLING', itemcode: 'WORD', catalogitemid: 7, totalcents: 1000 });
  return db;
}

describe('migration 0150 dashboard indexes: every dashboard figure a sum over an index range', () => {
  it('adds the four indexes, over the bills already cached, and nothing else', () => {
    const db = syncedBefore();
    const before = schema(db);
    applyMigration(db, 150);
    expect(schemaChange(before, schema(db))).toEqual({
      added: ['index bill_dashboard', 'index bill_item_dashboard', 'index bill_payment_paidon', 'index bill_stage'],
      removed: [],
      changed: [],
    });
    expect(indexColumns(db, 'bill_dashboard')).toEqual(['currency', 'emissiondate', 'shopid', 'idnumber', 'untaxedcents', 'customerid']);
    // The rows cached before are in the new indexes: the sums read through them find them.
    expect(db.prepare(INVOICED).pluck().get('EUR', 0, 1000, 1)).toBe(1500);
    expect(db.prepare(PAID).pluck().get(0, 1000)).toBe(300);
    expect(db.prepare(STAGES).raw().all('EUR', 1)).toEqual([
      ['PARTIAL', 1, 600],
      ['PENDING', 1, 1200],
    ]);
  });

  it('answers invoiced, paid, stages and lines from the indexes alone, never reading a bill row', () => {
    const db = syncedBefore();
    const beforePlans = [queryPlan(db, INVOICED, 'EUR', 0, 1, 1), queryPlan(db, PAID, 0, 1)];
    expect(beforePlans.join('\n')).not.toMatch(/bill_dashboard|bill_payment_paidon/);
    applyMigration(db, 150);
    expect(queryPlan(db, INVOICED, 'EUR', 0, 1, 1)).toBe(
      'SEARCH bill USING COVERING INDEX bill_dashboard (currency=? AND emissiondate>? AND emissiondate<?)',
    );
    expect(queryPlan(db, PAID, 0, 1)).toBe('SEARCH bill_payment USING COVERING INDEX bill_payment_paidon (paidon>? AND paidon<?)');
    expect(queryPlan(db, STAGES, 'EUR', 1)).toMatch(
      /^SEARCH bill USING COVERING INDEX bill_stage \(status=\? AND currency=\? AND shopid=\?\)/,
    );
    expect(queryPlan(db, LINES, 1)).toMatch(/^SEARCH bill_item USING COVERING INDEX bill_item_dashboard \(billid=\?\)/);
  });
});
