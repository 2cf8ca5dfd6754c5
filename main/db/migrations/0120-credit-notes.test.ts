import { describe, expect, it } from 'vitest';
import type { Db } from '../open';
import { applyMigration, databaseBefore, insert, isStrict, queryPlan, schema, schemaChange } from './migration.test-support';

function syncedBefore(): Db {
  const db = databaseBefore(120);
  insert(db, 'customer', { id: 1 });
  insert(db, 'bill', { id: 10, customerid: 1, status: 'PAID', amountcents: 1200 });
  insert(db, 'bill_item', { id: 100, billid: 10, totalcents: 1000 });
  return db;
}

describe("migration 0120 credit notes: the shop's credit notes and credit lines, and their lettering", () => {
  it('adds the credit note tables and their indexes; the bills already cached keep their rows and have none', () => {
    const db = syncedBefore();
    const before = schema(db);
    applyMigration(db, 120);
    expect(schemaChange(before, schema(db))).toEqual({
      added: [
        'index bill_credit_line_bill',
        'index bill_credit_line_note',
        'index bill_credit_note_bill',
        'index bill_credit_note_issued',
        'index bill_credit_note_number',
        'index lettering_credit_link_note',
        'table bill_credit_line',
        'table bill_credit_note',
        'table lettering_credit_link',
      ],
      removed: [],
      changed: [],
    });
    for (const table of ['bill_credit_note', 'bill_credit_line', 'lettering_credit_link']) expect(isStrict(db, table), table).toBe(true);
    expect(db.prepare('SELECT id, amountcents FROM bill').all()).toEqual([{ id: 10, amountcents: 1200 }]);
    expect(db.prepare('SELECT count(*) FROM bill_credit_note').pluck().get()).toBe(0);
  });

  it('are replaced with their bill: checked when the page commits, deleted with it', () => {
    const db = syncedBefore();
    applyMigration(db, 120);
    db.transaction(() => {
      // A page may carry the credit note before its bill: the reference is checked at commit.
      insert(db, 'bill_credit_note', { id: 1, billid: 11, number: 'AV-2026-1', amountcents: 1200, refundcents: 1200 });
      insert(db, 'bill', { id: 11, customerid: 1, status: 'CANCELLED' });
    })();
    insert(db, 'bill_credit_line', { id: 1, billid: 11, creditnoteid: 1, billitemid: 100, totalcents: -1000 });
    expect(() => db.transaction(() => insert(db, 'bill_credit_note', { billid: 99, number: 'AV-2026-2' }))()).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM bill WHERE id = 11').run();
    expect(db.prepare('SELECT (SELECT count(*) FROM bill_credit_note) + (SELECT count(*) FROM bill_credit_line)').pluck().get()).toBe(0);
  });

  it("letters a credit note by its match, with no foreign key to the shop's copy, which may be rebuilt", () => {
    const db = syncedBefore();
    applyMigration(db, 120);
    insert(db, 'lettering_match', { id: 1, state: 'closed', rule: 'credit', currency: 'EUR', created_by: 'ops' });
    insert(db, 'lettering_credit_link', { match_id: 1, credit_note_id: 404, number: 'AV-2026-9', allocated_cents: 500 });
    expect(() => insert(db, 'lettering_credit_link', { match_id: 1, credit_note_id: 405, number: 'AV-2026-10' })).toThrow(/UNIQUE/);
    expect(() => insert(db, 'lettering_credit_link', { match_id: 2, credit_note_id: 405, number: 'AV-2026-10' })).toThrow(/FOREIGN KEY/);
  });

  it('finds the credit notes issued in a period, and one by its number, from their indexes', () => {
    const db = syncedBefore();
    applyMigration(db, 120);
    const plan = queryPlan(db, 'SELECT id FROM bill_credit_note WHERE issuedat BETWEEN ? AND ? ORDER BY issuedat, id', 0, 1);
    expect(plan).toBe('SEARCH bill_credit_note USING COVERING INDEX bill_credit_note_issued (issuedat>? AND issuedat<?)');
    expect(queryPlan(db, 'SELECT * FROM bill_credit_note WHERE number = ?', 'AV-2026-1')).toContain(
      'INDEX bill_credit_note_number (number=?)',
    );
  });
});
