import { describe, expect, it } from 'vitest';
import { applyMigration, databaseBefore, insert, isStrict, queryPlan, schema, schemaChange } from './migration.test-support';

const TABLES = ['production_call', 'production_record', 'production_role', 'production_run'];

describe('migration 0060 production runs: every run of a handler, its Moodle calls, the products it recorded, the roles learned', () => {
  it('adds the production tables, strict, and changes nothing of the cache', () => {
    const db = databaseBefore(60);
    const before = schema(db);
    applyMigration(db, 60);
    const change = schemaChange(before, schema(db));
    expect(change).toMatchObject({ removed: [], changed: [] });
    expect(change.added.filter((o) => o.startsWith('table '))).toEqual(TABLES.map((t) => `table ${t}`));
    for (const table of TABLES) expect(isStrict(db, table), table).toBe(true);
  });

  it("deletes a run's calls and records with it, and refuses an unknown outcome", () => {
    const db = databaseBefore(60);
    applyMigration(db, 60);
    insert(db, 'production_run', { id: 1, bill_id: 10, bill_item_id: 11, handler: 'std_enrol', outcome: 'done', plan: '{}' });
    insert(db, 'production_call', { run_id: 1, function: 'enrol_manual_enrol_users', outcome: 'ok' });
    insert(db, 'production_record', { run_id: 1, bill_item_id: 11, eventtype: 'initial' });
    expect(() => insert(db, 'production_call', { run_id: 2, function: 'x', outcome: 'ok' })).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM production_run WHERE id = 1').run();
    expect(db.prepare('SELECT (SELECT count(*) FROM production_call) + (SELECT count(*) FROM production_record)').pluck().get()).toBe(0);
    expect(() => insert(db, 'production_run', { bill_id: 1, bill_item_id: 1, handler: 'x', outcome: 'maybe', plan: '{}' })).toThrow(
      /CHECK/,
    );
  });

  it("reads a bill's runs, and a line's, in order from their indexes", () => {
    const db = databaseBefore(60);
    applyMigration(db, 60);
    for (const [sql, index] of [
      ['SELECT * FROM production_run WHERE bill_id = ? ORDER BY id', 'production_run_bill (bill_id=?)'],
      ['SELECT * FROM production_run WHERE bill_item_id = ? ORDER BY id', 'production_run_line (bill_item_id=?)'],
      ['SELECT * FROM production_call WHERE run_id = ? ORDER BY id', 'production_call_run (run_id=?)'],
    ] as const) {
      const plan = queryPlan(db, sql, 1);
      expect(plan).toContain(`USING INDEX ${index}`);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    }
  });
});
