import { describe, expect, it } from 'vitest';
import { applyMigration, databaseBefore, insert, isStrict, queryPlan, schema, schemaChange } from './migration.test-support';

describe('migration 0140 audit of sales: the runs of the audit and what they found, kept for offline use', () => {
  it('adds the audit tables and their indexes, and changes nothing of the cache', () => {
    const db = databaseBefore(140);
    const before = schema(db);
    applyMigration(db, 140);
    expect(schemaChange(before, schema(db))).toEqual({
      added: ['index audit_finding_course', 'index audit_finding_kind', 'table audit_account', 'table audit_finding', 'table audit_run'],
      removed: [],
      changed: [],
    });
    for (const table of ['audit_run', 'audit_finding', 'audit_account']) expect(isStrict(db, table), table).toBe(true);
  });

  it('starts a run with its counters at zero, no error, and marks at 0 (the first audit compares everything)', () => {
    const db = databaseBefore(140);
    applyMigration(db, 140);
    db.prepare("INSERT INTO audit_run (scope, startedat, outcome) VALUES ('all', 1, 'running')").run();
    expect(db.prepare('SELECT products, enrolments, courses, calls, ms, error, bill_mark, product_mark FROM audit_run').get()).toEqual({
      products: 0,
      enrolments: 0,
      courses: 0,
      calls: 0,
      ms: 0,
      error: '',
      bill_mark: 0,
      product_mark: 0,
    });
  });

  it('keeps one finding per key, and never gives a finding id to another', () => {
    const db = databaseBefore(140);
    applyMigration(db, 140);
    const finding = (key: string) => insert(db, 'audit_finding', { key, kind: 'not_enrolled', expected: 'enrolled' });
    finding('bill:1:not_enrolled');
    finding('bill:2:not_enrolled');
    expect(() => finding('bill:1:not_enrolled')).toThrow(/UNIQUE/);
    db.prepare('DELETE FROM audit_finding WHERE id = 2').run();
    finding('bill:3:not_enrolled');
    expect(db.prepare('SELECT id FROM audit_finding ORDER BY id').pluck().all()).toEqual([1, 3]);
  });

  it('lists findings of a kind, or of a course, from their indexes', () => {
    const db = databaseBefore(140);
    applyMigration(db, 140);
    expect(queryPlan(db, 'SELECT * FROM audit_finding WHERE kind = ?', 'x')).toBe(
      'SEARCH audit_finding USING INDEX audit_finding_kind (kind=?)',
    );
    expect(queryPlan(db, 'SELECT * FROM audit_finding WHERE courseid = ?', 1)).toBe(
      'SEARCH audit_finding USING INDEX audit_finding_course (courseid=?)',
    );
  });
});
