import { describe, expect, it } from 'vitest';
import type { Db } from '../open';
import { applyMigration, databaseBefore, indexColumns, insert, isStrict, queryPlan, schema, schemaChange } from './migration.test-support';

// Renewals (main/followup/renewals.ts): does the customer hold a product of the same item ending later?
const RENEWED = 'SELECT 1 FROM product WHERE customerid = ? AND catalogitemid = ? AND enddate > ?';

function syncedBefore(): Db {
  const db = databaseBefore(160);
  insert(db, 'customer', { id: 1 });
  insert(db, 'product', { id: 1, customerid: 1, catalogitemid: 7, enddate: 100 });
  insert(db, 'product', { id: 2, customerid: 1, catalogitemid: 7, enddate: 200 });
  return db;
}

const reminder = {
  bill_id: 10,
  kind: 'payment',
  channel: 'moodle',
  language: 'fr',
  customer_id: 1,
  currency: 'EUR',
  text: 'Bonjour',
  outcome: 'sent',
};

describe('migration 0160 reminders: every reminder sent, kept on its bill, and the index of renewals', () => {
  it('adds bill_reminder and its indexes, and indexes the products already cached by customer and item', () => {
    const db = syncedBefore();
    const before = schema(db);
    applyMigration(db, 160);
    expect(schemaChange(before, schema(db))).toEqual({
      added: ['index bill_reminder_bill', 'index bill_reminder_product', 'index product_customer_item', 'table bill_reminder'],
      removed: [],
      changed: [],
    });
    expect(isStrict(db, 'bill_reminder')).toBe(true);
    expect(indexColumns(db, 'product_customer_item')).toEqual(['customerid', 'catalogitemid', 'enddate']);
    expect(db.prepare(RENEWED).pluck().get(1, 7, 100)).toBe(1);
    expect(db.prepare(RENEWED).pluck().get(1, 7, 200)).toBeUndefined();
  });

  it("answers a renewal's question from product_customer_item alone", () => {
    const db = syncedBefore();
    expect(queryPlan(db, RENEWED, 1, 7, 100)).not.toContain('product_customer_item');
    applyMigration(db, 160);
    expect(queryPlan(db, RENEWED, 1, 7, 100)).toBe(
      'SEARCH product USING COVERING INDEX product_customer_item (customerid=? AND catalogitemid=? AND enddate>?)',
    );
    expect(queryPlan(db, 'SELECT * FROM bill_reminder WHERE bill_id = ? ORDER BY id', 10)).toBe(
      'SEARCH bill_reminder USING INDEX bill_reminder_bill (bill_id=?)',
    );
  });

  it("survives a rebuild of the server's copy (no foreign key), and refuses an unknown kind, channel, language or outcome", () => {
    const db = syncedBefore();
    applyMigration(db, 160);
    insert(db, 'bill_reminder', { ...reminder, bill_id: 404 });
    insert(db, 'bill_reminder', { ...reminder, kind: 'renewal', product_id: 2, channel: 'mailmerge', outcome: 'exported' });
    db.prepare('DELETE FROM product').run();
    expect(db.prepare('SELECT count(*) FROM bill_reminder').pluck().get()).toBe(2);
    for (const wrong of [{ kind: 'thanks' }, { channel: 'sms' }, { language: 'de' }, { outcome: 'queued' }]) {
      expect(() => insert(db, 'bill_reminder', { ...reminder, ...wrong }), JSON.stringify(wrong)).toThrow(/CHECK/);
    }
  });
});
