import { describe, expect, it } from 'vitest';
import { applyMigration, databaseBefore, insert, isStrict, queryPlan, schema, schemaChange } from './migration.test-support';

describe('migration 0110 sync sent changes: what each sync run sent to the shop, and its answer', () => {
  it('adds sync_sent beside the runs already recorded, which it leaves as they were', () => {
    const db = databaseBefore(110);
    db.prepare("INSERT INTO sync_run (trigger, started_at, outcome) VALUES ('manual', 1, 'done')").run();
    const before = schema(db);
    applyMigration(db, 110);
    expect(schemaChange(before, schema(db))).toEqual({ added: ['index sync_sent_run', 'table sync_sent'], removed: [], changed: [] });
    expect(isStrict(db, 'sync_sent')).toBe(true);
    expect(db.prepare('SELECT count(*) FROM sync_run').pluck().get()).toBe(1);
  });

  it("goes with its run, refuses an unknown outcome, and never gives a row's id to another", () => {
    const db = databaseBefore(110);
    applyMigration(db, 110);
    db.prepare("INSERT INTO sync_run (id, trigger, started_at, outcome) VALUES (1, 'manual', 1, 'done')").run();
    const sent = { run_id: 1, seq: 1, kind: 'bill.pay', entity: 'bill', entity_id: 5, description: 'Payment of 10 €' };
    insert(db, 'sync_sent', { ...sent, outcome: 'applied' });
    insert(db, 'sync_sent', { ...sent, outcome: 'parked', message: 'Refused' });
    expect(() => insert(db, 'sync_sent', { ...sent, outcome: 'lost' })).toThrow(/CHECK/);
    expect(() => insert(db, 'sync_sent', { ...sent, run_id: 2, outcome: 'applied' })).toThrow(/FOREIGN KEY/);

    // AUTOINCREMENT: the last row deleted, its id is still not given again.
    db.prepare('DELETE FROM sync_sent WHERE id = 2').run();
    insert(db, 'sync_sent', { ...sent, outcome: 'conflict' });
    expect(db.prepare('SELECT id FROM sync_sent ORDER BY id').pluck().all()).toEqual([1, 3]);

    db.prepare('DELETE FROM sync_run WHERE id = 1').run();
    expect(db.prepare('SELECT count(*) FROM sync_sent').pluck().get()).toBe(0);
  });

  it("reads a run's changes in order from sync_sent_run", () => {
    const db = databaseBefore(110);
    applyMigration(db, 110);
    const plan = queryPlan(db, 'SELECT * FROM sync_sent WHERE run_id = ? ORDER BY id', 1);
    expect(plan).toBe('SEARCH sync_sent USING INDEX sync_sent_run (run_id=?)');
  });
});
