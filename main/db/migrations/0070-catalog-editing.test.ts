import { describe, expect, it } from 'vitest';
import { applyMigration, columns, databaseBefore, isStrict, schema, schemaChange } from './migration.test-support';

describe('migration 0070 catalog editing: the base of a catalog edit, kept per outbox entry', () => {
  it('adds catalog_edit_base, one record per mutation id, and nothing else', () => {
    const db = databaseBefore(70);
    const before = schema(db);
    applyMigration(db, 70);
    expect(schemaChange(before, schema(db))).toEqual({ added: ['table catalog_edit_base'], removed: [], changed: [] });
    expect(isStrict(db, 'catalog_edit_base')).toBe(true);
    expect(columns(db, 'catalog_edit_base').map((c) => [c.name, c.type, c.notnull, c.pk])).toEqual([
      ['mutation_id', 'TEXT', 1, 1], // a STRICT table's primary key is never null
      ['record', 'TEXT', 1, 0],
    ]);
    db.prepare("INSERT INTO catalog_edit_base VALUES ('m-1', '{}')").run();
    // One base per edit: a second save of the same entry is a programming error, not a new base.
    expect(() => db.prepare("INSERT INTO catalog_edit_base VALUES ('m-1', '{\"x\":1}')").run()).toThrow(/UNIQUE/);
  });
});
