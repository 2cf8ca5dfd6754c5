import type Database from 'better-sqlite3';
import type { MoodleSite, SqlValue } from '../../site';

/**
 * Low-level access to the shop tables. Statements are prepared once per database and kept: a page of the
 * sync API or a seeding run issues the same few statements thousands of times, and preparing is the cost.
 */
const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function statement(site: MoodleSite, sql: string): Database.Statement {
  let statements = cache.get(site.db);
  if (!statements) {
    statements = new Map();
    cache.set(site.db, statements);
  }
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = site.db.prepare(sql);
    statements.set(sql, prepared);
  }
  return prepared;
}

const rawCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The same, in raw mode: rows come back as arrays. Building the objects with rowsToObjects() is about twice as
 * fast as letting the driver do it, which matters for a page of 2,000 bills with their lines.
 */
export function rawStatement(site: MoodleSite, sql: string): Database.Statement {
  let statements = rawCache.get(site.db);
  if (!statements) {
    statements = new Map();
    rawCache.set(site.db, statements);
  }
  let prepared = statements.get(sql);
  if (!prepared) {
    prepared = site.db.prepare(sql).raw(true);
    statements.set(sql, prepared);
  }
  return prepared;
}

/** Objects from raw rows, every one built with its keys in the same order (one hidden class for V8). */
export function rowsToObjects(columns: readonly string[], rows: unknown[]): Record<string, SqlValue>[] {
  const out = new Array<Record<string, SqlValue>>(rows.length);
  for (let r = 0; r < rows.length; r += 1) {
    const values = rows[r] as SqlValue[];
    const object: Record<string, SqlValue> = {};
    for (let c = 0; c < columns.length; c += 1) object[columns[c] as string] = values[c] ?? null;
    out[r] = object;
  }
  return out;
}

/** `?, ?, ?` for a list of bound values. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(', ');
}

/** INSERT of the given columns, the id included (callers take it from the site's sequence or the data). */
export function insertSql(table: string, columns: readonly string[]): string {
  return `INSERT INTO mdl_${table} (${columns.join(', ')}) VALUES (${placeholders(columns.length)})`;
}

export function insertRow(site: MoodleSite, table: string, row: Record<string, SqlValue>): void {
  const columns = Object.keys(row);
  statement(site, insertSql(table, columns)).run(...columns.map((c) => row[c] ?? null));
}

/**
 * Every write to a versioned record goes through here: the fields change, the version goes up by one and
 * timemodified becomes the site's now, so the next sync page carries the record again.
 */
export function updateVersioned(site: MoodleSite, table: string, id: number, fields: Record<string, SqlValue>): void {
  const columns = Object.keys(fields).filter((c) => c !== 'id' && c !== 'version' && c !== 'timemodified');
  const sets = [...columns.map((c) => `${c} = ?`), 'version = version + 1', 'timemodified = ?'];
  statement(site, `UPDATE mdl_${table} SET ${sets.join(', ')} WHERE id = ?`).run(...columns.map((c) => fields[c] ?? null), site.now(), id);
}

export interface TombstoneScope {
  /** The shop the record belonged to (bills, customers, products...), 0 if none. */
  shopid?: number;
  /** The catalog it belonged to (catalogs, categories, items), 0 if none. */
  catalogid?: number;
}

/**
 * Deletes a row and leaves its tombstone in the same transaction. The table's sequence is started first:
 * were it started after the highest row is gone, that id would be given again, and a tombstone and a live
 * row would share it.
 */
export function deleteWithTombstone(site: MoodleSite, entity: string, table: string, id: number, scope: TombstoneScope): void {
  site.ensureSequence(table);
  statement(site, `DELETE FROM mdl_${table} WHERE id = ?`).run(id);
  insertRow(site, 'local_shop_tombstone', {
    id: site.nextId('local_shop_tombstone'),
    entity,
    entityid: id,
    shopid: scope.shopid ?? 0,
    catalogid: scope.catalogid ?? 0,
    timemodified: site.now(),
  });
}

export function hasTombstone(site: MoodleSite, entity: string, id: number): boolean {
  return statement(site, 'SELECT 1 FROM mdl_local_shop_tombstone WHERE entity = ? AND entityid = ?').get(entity, id) !== undefined;
}
