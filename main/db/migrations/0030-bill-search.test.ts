import { describe, expect, it } from 'vitest';
import type { Db } from '../open';
import { applyMigration, databaseBefore, indexColumns, insert, queryPlan, schema, schemaChange } from './migration.test-support';

const billsFound = (db: Db, query: string) =>
  db.prepare('SELECT rowid FROM bill_search WHERE bill_search MATCH ? ORDER BY rowid').pluck().all(query);
const customersFound = (db: Db, query: string) =>
  db.prepare('SELECT rowid FROM customer_search WHERE customer_search MATCH ? ORDER BY rowid').pluck().all(query);
const codes = (db: Db) => Object.fromEntries(db.prepare('SELECT billid, codes FROM bill_itemcodes').raw().all() as [number, string][]);
const counts = (db: Db) => Object.fromEntries(db.prepare('SELECT status, bills FROM bill_status_count').raw().all() as [string, number][]);

/** A cache synced before 0030: customers, bills and their lines that the migration must derive once. */
function syncedBefore(): Db {
  const db = databaseBefore(30);
  insert(db, 'customer', { id: 1, firstname: 'Éloïse', lastname: 'Lefèvre', email: 'eloise@example.fr', organisation: 'Cœur de Loire' });
  insert(db, 'customer', { id: 2, firstname: 'Paul', lastname: 'Martin', email: 'paul@example.com' });
  insert(db, 'bill', { id: 100, customerid: 1, status: 'PAID', title: 'Formation œnologie', transactionid: 'TX-100' });
  insert(db, 'bill', { id: 101, customerid: 2, status: 'PAID', idnumber: 'FA-2026-7' });
  insert(db, 'bill', { id: 102, customerid: 2, status: 'PENDING' });
  // Lines out of order, a code twice, a discount and a shipping line: codes in line order, each once, products only.
  insert(db, 'bill_item', { id: 1, billid: 100, ordering: 3, type: 'BILLING', itemcode: 'EXCEL' });
  insert(db, 'bill_item', { id: 2, billid: 100, ordering: 1, type: 'BILLING', itemcode: 'WORD' });
  insert(db, 'bill_item', { id: 3, billid: 100, ordering: 2, type: 'DISCOUNT', itemcode: 'PROMO' });
  insert(db, 'bill_item', { id: 4, billid: 100, ordering: 4, type: 'BILLING', itemcode: 'WORD' });
  insert(db, 'bill_item', { id: 5, billid: 100, ordering: 5, type: 'SHIPPING', itemcode: 'POST' });
  return db;
}

describe('migration 0030 bill search: full-text search, item codes, status counts and the sort indexes, kept by triggers', () => {
  it('derives search, item codes and status counts once from the bills already cached', () => {
    const db = syncedBefore();
    applyMigration(db, 30);

    // Folded for French: accents and case dropped by the tokenizer, ligatures spelled out by the migration.
    expect(billsFound(db, 'lefevre')).toEqual([100]);
    expect(billsFound(db, 'coeur')).toEqual([100]);
    expect(billsFound(db, 'oenologie')).toEqual([100]);
    expect(billsFound(db, 'martin')).toEqual([101, 102]);
    expect(billsFound(db, '"FA-2026-7"')).toEqual([101]);
    expect(customersFound(db, 'eloise')).toEqual([1]);
    expect(codes(db)).toEqual({ 100: 'WORD, EXCEL', 101: '', 102: '' });
    expect(counts(db)).toEqual({ PAID: 2, PENDING: 1 });
    // Prefix indexes of 2 and 3 characters: the search box's first letters find.
    expect(billsFound(db, 'lef*')).toEqual([100]);
  });

  it('keeps them in step with every later write, through the triggers', () => {
    const db = syncedBefore();
    applyMigration(db, 30);

    // A bill written before its customer in the same page gets the customer's name when the customer arrives.
    db.transaction(() => {
      insert(db, 'bill', { id: 103, customerid: 3, status: 'PENDING' });
      insert(db, 'customer', { id: 3, lastname: 'Dupré' });
    })();
    expect(billsFound(db, 'dupre')).toEqual([103]);
    expect(counts(db)).toEqual({ PAID: 2, PENDING: 2 });
    expect(codes(db)[103]).toBe('');

    insert(db, 'bill_item', { id: 6, billid: 103, ordering: 1, type: 'BILLING', itemcode: 'PPT' });
    expect(codes(db)[103]).toBe('PPT');
    db.prepare("UPDATE bill_item SET itemcode = 'ACCESS' WHERE id = 6").run();
    expect(codes(db)[103]).toBe('ACCESS');
    db.prepare('DELETE FROM bill_item WHERE id = 6').run();
    expect(codes(db)[103]).toBe('');

    db.prepare("UPDATE bill SET status = 'PAID' WHERE id = 102").run();
    expect(counts(db)).toEqual({ PAID: 3, PENDING: 1 });
    db.prepare("UPDATE bill SET title = 'Stage été' WHERE id = 102").run();
    expect(billsFound(db, 'ete')).toEqual([102]);

    db.prepare("UPDATE customer SET lastname = 'Moreau' WHERE id = 2").run();
    expect(billsFound(db, 'martin')).toEqual([]);
    expect(billsFound(db, 'moreau')).toEqual([101, 102]);
    expect(customersFound(db, 'moreau')).toEqual([2]);

    db.prepare('DELETE FROM bill WHERE id = 100').run();
    expect(billsFound(db, 'lefevre')).toEqual([]);
    expect(codes(db)[100]).toBeUndefined();
    expect(counts(db)).toEqual({ PAID: 2, PENDING: 1 });
    db.prepare('DELETE FROM customer WHERE id = 1').run();
    expect(customersFound(db, 'lefevre')).toEqual([]);
  });

  it("replaces 0020's bill_status_emission and bill_customer with wider indexes, and adds one per sort", () => {
    const db = syncedBefore();
    const before = schema(db);
    applyMigration(db, 30);
    const change = schemaChange(before, schema(db));
    expect(change.removed).toEqual(['index bill_status_emission']);
    expect(change.changed).toEqual(['index bill_customer']);
    expect(indexColumns(db, 'bill_customer')).toEqual(['customerid', 'id', 'status']);
    expect(indexColumns(db, 'bill_tabs')).toEqual(['status', 'emissiondate', 'id', 'amountcents', 'paymode', 'idnumber', 'customerid']);
    expect(change.added).toEqual(
      expect.arrayContaining(['table bill_search', 'table customer_search', 'table bill_itemcodes', 'table bill_status_count']),
    );
  });

  it('lets a status tab sorted by a column walk that column’s index, and count a tab from bill_tabs alone', () => {
    const db = syncedBefore();
    applyMigration(db, 30);
    const sorted = queryPlan(db, 'SELECT id FROM bill ORDER BY amountcents DESC, id DESC LIMIT 50');
    expect(sorted).toMatch(/SCAN bill USING COVERING INDEX bill_amount/);
    expect(sorted).not.toMatch(/TEMP B-TREE/);
    // In a tab the app names the index (bill-sql.ts): the status it carries spares reading a single bill row.
    const inTab = queryPlan(
      db,
      "SELECT id FROM bill INDEXED BY bill_amount WHERE status = 'PAID' ORDER BY amountcents DESC, id DESC LIMIT 50",
    );
    expect(inTab).toBe('SCAN bill USING COVERING INDEX bill_amount');
    expect(queryPlan(db, "SELECT count(*) FROM bill WHERE status = 'PAID' AND paymode = 'card'")).toMatch(
      /SEARCH bill USING COVERING INDEX bill_tabs \(status=\?\)/,
    );
    expect(queryPlan(db, "SELECT billid FROM bill_item WHERE itemcode = 'WORD'")).toMatch(
      /SEARCH bill_item USING COVERING INDEX bill_item_code \(itemcode=\?\)/,
    );
  });
});
