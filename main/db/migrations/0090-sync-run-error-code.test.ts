import { describe, expect, it } from 'vitest';
import { applyMigration, column, databaseBefore, schema, schemaChange } from './migration.test-support';

describe('migration 0090 sync run error code: a failed sync keeps its code, and a run counts what the shop refused', () => {
  it('adds error_code (null) and refused (0) to the runs already recorded, which keep their columns', () => {
    const db = databaseBefore(90);
    db.prepare(
      "INSERT INTO sync_run (trigger, started_at, finished_at, outcome, rows_applied, detail) VALUES ('manual', 1, 2, 'done', 12, NULL), ('nightly', 3, 4, 'failed', 0, 'Site unreachable')",
    ).run();
    const before = schema(db);

    applyMigration(db, 90);

    expect(schemaChange(before, schema(db))).toEqual({ added: [], removed: [], changed: ['table sync_run'] });
    expect(column(db, 'sync_run', 'error_code')).toMatchObject({ type: 'TEXT', notnull: 0, dflt_value: null });
    expect(column(db, 'sync_run', 'refused')).toMatchObject({ type: 'INTEGER', notnull: 1, dflt_value: '0' });
    expect(db.prepare('SELECT trigger, outcome, rows_applied, detail, error_code, refused FROM sync_run ORDER BY id').all()).toEqual([
      { trigger: 'manual', outcome: 'done', rows_applied: 12, detail: null, error_code: null, refused: 0 },
      { trigger: 'nightly', outcome: 'failed', rows_applied: 0, detail: 'Site unreachable', error_code: null, refused: 0 },
    ]);
  });

  it('gives a new run no refusals unless it says so, and refuses a missing count', () => {
    const db = databaseBefore(90);
    applyMigration(db, 90);
    db.prepare("INSERT INTO sync_run (trigger, started_at, outcome) VALUES ('manual', 1, 'running')").run();
    expect(db.prepare('SELECT refused, error_code FROM sync_run').get()).toEqual({ refused: 0, error_code: null });
    expect(() =>
      db.prepare("INSERT INTO sync_run (trigger, started_at, outcome, refused) VALUES ('manual', 1, 'running', NULL)").run(),
    ).toThrow(/NOT NULL/);
  });
});
