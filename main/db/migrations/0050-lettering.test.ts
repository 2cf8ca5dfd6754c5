import { describe, expect, it } from 'vitest';
import type { Db } from '../open';
import { applyMigration, column, databaseBefore, insert, isStrict, queryPlan, schema, schemaChange } from './migration.test-support';

const TABLES = [
  'lettering_fec_line',
  'lettering_import',
  'lettering_invoice',
  'lettering_link',
  'lettering_log',
  'lettering_mapping',
  'lettering_match',
];

function migrated(): Db {
  const db = databaseBefore(50);
  applyMigration(db, 50);
  insert(db, 'lettering_import', { id: 1, format: 'fec', source_key: 'fec', file_name: 'FEC.txt', separator: '|' });
  insert(db, 'lettering_invoice', { id: 1, import_id: 1, reference: 'F-1', amountcents: 1000, currency: 'EUR' });
  insert(db, 'lettering_match', { id: 1, state: 'open', rule: 'amount', currency: 'EUR', created_by: 'ops' });
  return db;
}

describe("migration 0050 lettering: imported invoices, their matches with the shop's bills, the log and the mappings", () => {
  it('adds the lettering tables, strict, and changes nothing of the cache', () => {
    const db = databaseBefore(50);
    const before = schema(db);
    applyMigration(db, 50);
    const change = schemaChange(before, schema(db));
    expect(change).toMatchObject({ removed: [], changed: [] });
    expect(change.added.filter((o) => o.startsWith('table '))).toEqual(TABLES.map((t) => `table ${t}`));
    for (const table of TABLES) expect(isStrict(db, table), table).toBe(true);
  });

  it('links an amount to a bill or to an invoice, never both nor neither; a bill link starts unlettered', () => {
    const db = migrated();
    insert(db, 'lettering_link', { match_id: 1, bill_id: 100, allocated_cents: 1000 });
    insert(db, 'lettering_link', { match_id: 1, invoice_id: 1, allocated_cents: 1000 });
    expect(db.prepare('SELECT lettering FROM lettering_link').pluck().all()).toEqual(['', '']);
    expect(column(db, 'lettering_link', 'lettering')).toMatchObject({ notnull: 1, dflt_value: "''" });
    expect(() => insert(db, 'lettering_link', { match_id: 1, bill_id: 100, invoice_id: 1, allocated_cents: 1 })).toThrow(/CHECK/);
    expect(() => insert(db, 'lettering_link', { match_id: 1, allocated_cents: 1 })).toThrow(/CHECK/);
    // The bill side has no foreign key: the shop's copy may be rebuilt, the lettering stays. The others do.
    expect(() => insert(db, 'lettering_link', { match_id: 9, bill_id: 100, allocated_cents: 1 })).toThrow(/FOREIGN KEY/);
  });

  it('refuses an invoice imported twice, an unknown format, state or action', () => {
    const db = migrated();
    expect(() => insert(db, 'lettering_invoice', { import_id: 1, reference: 'F-1', currency: 'EUR' })).toThrow(/UNIQUE/);
    expect(() => insert(db, 'lettering_import', { format: 'pdf', source_key: 'x', file_name: 'x', separator: ';' })).toThrow(/CHECK/);
    expect(() => insert(db, 'lettering_match', { state: 'maybe', rule: 'x', currency: 'EUR', created_by: 'ops' })).toThrow(/CHECK/);
    expect(() => insert(db, 'lettering_log', { who: 'ops', action: 'delete', detail: '' })).toThrow(/CHECK/);
  });

  it("finds a bill's links through its partial index", () => {
    const db = migrated();
    expect(queryPlan(db, 'SELECT match_id FROM lettering_link WHERE bill_id = ?', 100)).toMatch(
      /SEARCH lettering_link USING INDEX lettering_link_bill \(bill_id=\?\)/,
    );
    expect(queryPlan(db, "SELECT id FROM lettering_match WHERE state = 'open'")).toMatch(/lettering_match_state \(state=\?\)/);
  });
});
