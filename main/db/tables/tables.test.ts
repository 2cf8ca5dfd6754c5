import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../open';
import { TABLES } from './index';

/**
 * The row types are declared once (main/db/tables) and must say what the migrated schema says: every table,
 * every column, its type and whether it may be NULL. A migration that adds a column, or a declaration that
 * misspells one, fails here rather than in a query that reads `undefined`.
 */

let db: Db | null = null;
afterEach(() => db?.close());

function schemaColumns(database: Db, name: string): Record<string, string> {
  const rows = database.prepare('SELECT name, type, "notnull", pk FROM pragma_table_info(?)').all(name) as {
    name: string;
    type: string;
    notnull: number;
    pk: number;
  }[];
  return Object.fromEntries(rows.map((row) => [row.name, `${row.type.toLowerCase()}${row.notnull || row.pk ? '' : '?'}`]));
}

describe('the declared tables', () => {
  it('are every table of the migrated cache, but the full-text indexes', () => {
    db = openDatabase(':memory:');
    const inSchema = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[];
    const searchIndexes = inSchema.filter((name) => /^(bill|customer)_search(_|$)/.test(name));
    expect(searchIndexes.length).toBeGreaterThan(0);
    expect(TABLES.map((t) => t.name).sort()).toEqual(inSchema.filter((name) => !searchIndexes.includes(name)));
  });

  it('have the schema’s columns, types and nullability', () => {
    db = openDatabase(':memory:');
    for (const declared of TABLES) expect(declared.columns, declared.name).toEqual(schemaColumns(db, declared.name));
  });
});
