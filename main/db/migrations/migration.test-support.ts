import { expect } from 'vitest';
import { migrate, migrationsUpTo, readUserVersion } from '../migrate';
import { openDatabase, type Db } from '../open';
import { migrations } from '.';

/**
 * For the tests of one migration each (NNNN-name.test.ts beside it): a cache as the version before that
 * migration left it, the migration applied alone through the runner, and readers of what the schema holds.
 */

/** The version of the migration just before `version` (0 before the first). */
export function versionBefore(version: number): number {
  const index = migrations.findIndex((m) => m.version === version);
  if (index < 0) throw new Error(`No migration has version ${version}`);
  return migrations[index - 1]?.version ?? 0;
}

/**
 * A new in-memory cache at the version before `version`, opened as the app opens one (foreign keys on, the
 * runner's transaction): the state a user's cache is in when this migration first meets it.
 */
export function databaseBefore(version: number): Db {
  const db = openDatabase(':memory:', { migrations: migrationsUpTo(migrations, versionBefore(version)) });
  expect(readUserVersion(db)).toBe(versionBefore(version));
  return db;
}

/** Applies the migration `version`, and only it, as an upgrade does; checks the runner recorded it. */
export function applyMigration(db: Db, version: number): void {
  const before = readUserVersion(db);
  expect(migrate(db, migrationsUpTo(migrations, version))).toEqual({ from: before, to: version });
  expect(db.prepare('SELECT version FROM migration_log ORDER BY version DESC LIMIT 1').pluck().get()).toBe(version);
}

export interface Column {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

export function columns(db: Db, table: string): Column[] {
  return db.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)').all(table) as Column[];
}

export function column(db: Db, table: string, name: string): Column | undefined {
  return columns(db, table).find((c) => c.name === name);
}

/** The indexed columns of an index, in order ('<expr>' for an expression). */
export function indexColumns(db: Db, index: string): string[] {
  return (db.prepare('SELECT name FROM pragma_index_info(?) ORDER BY seqno').pluck().all(index) as (string | null)[]).map(
    (name) => name ?? '<expr>',
  );
}

/** Every table, index and trigger of the schema (SQLite's own and FTS5's shadow tables aside), with its SQL. */
export function schema(db: Db): Map<string, string> {
  const rows = db
    .prepare(
      `SELECT s.type, s.name, s.sql FROM sqlite_schema s
       WHERE s.name NOT LIKE 'sqlite_%' AND s.sql IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM sqlite_schema v WHERE v.sql LIKE 'CREATE VIRTUAL%' AND s.type = 'table' AND s.name GLOB v.name || '_*')`,
    )
    .all() as { type: string; name: string; sql: string }[];
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, r.sql]));
}

/** What a migration did to the schema: objects ("table x", "index y", "trigger z") added, removed, or changed. */
export function schemaChange(before: Map<string, string>, after: Map<string, string>) {
  const sorted = (keys: Iterable<string>) => [...keys].sort();
  return {
    added: sorted([...after.keys()].filter((k) => !before.has(k))),
    removed: sorted([...before.keys()].filter((k) => !after.has(k))),
    changed: sorted([...after.keys()].filter((k) => before.has(k) && before.get(k) !== after.get(k))),
  };
}

/** Whether a table was declared STRICT. */
export function isStrict(db: Db, table: string): boolean {
  return db.prepare("SELECT strict FROM pragma_table_list WHERE schema = 'main' AND name = ?").pluck().get(table) === 1;
}

/** SQLite's plan for a statement, one line per step ("SEARCH bill USING COVERING INDEX bill_tabs (status=?)"). */
export function queryPlan(db: Db, sql: string, ...params: unknown[]): string {
  const steps = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return steps.map((s) => s.detail).join('\n');
}

/**
 * Inserts a row giving every column the statement does not name an empty value of its type (0, ''), so a test
 * names only what it is about. Columns with a default, or nullable, are left to the table.
 */
export function insert(db: Db, table: string, values: Record<string, unknown>): void {
  const row: Record<string, unknown> = {};
  const declared = columns(db, table);
  for (const name of Object.keys(values)) {
    if (!declared.some((c) => c.name === name)) throw new Error(`${table} has no column ${name}`);
  }
  for (const c of declared) {
    if (c.name in values) row[c.name] = values[c.name];
    else if (c.notnull && c.dflt_value === null && !c.pk) row[c.name] = c.type === 'TEXT' ? '' : 0;
  }
  const names = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((n) => `@${n}`).join(', ')})`).run(row);
}

export function all(db: Db, sql: string, ...params: unknown[]): unknown[] {
  return db.prepare(sql).all(...params);
}

export function value(db: Db, sql: string, ...params: unknown[]): unknown {
  return db
    .prepare(sql)
    .pluck()
    .get(...params);
}
