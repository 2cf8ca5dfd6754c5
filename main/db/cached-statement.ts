import type Database from 'better-sqlite3';
import type { ReadableDb } from './open';

type Mode = 'rows' | 'pluck' | 'raw';
const MAX_STATEMENTS = 256;
const caches = new WeakMap<ReadableDb, Map<string, Database.Statement>>();

/**
 * A prepared statement kept for the connection's life. Preparing costs more than running the small reads
 * the tables make on every scroll (half a millisecond for a query with joins), and queries built from a
 * filter's fields come back with the same text. At most MAX_STATEMENTS are kept, the oldest used dropped.
 * Not for a statement iterated while another call may run it (better-sqlite3 allows one pass at a time).
 */
export function cachedStatement<Row = unknown>(db: ReadableDb, sql: string, mode: Mode = 'rows'): Database.Statement<unknown[], Row> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const key = `${mode}\u0000${sql}`;
  let statement = cache.get(key);
  if (statement) {
    cache.delete(key);
  } else {
    statement = db.prepare(sql);
    if (mode === 'pluck') statement.pluck();
    if (mode === 'raw') statement.raw();
    if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value!);
  }
  cache.set(key, statement);
  // The caller names the row its SQL selects, as with db.prepare<Params, Row>: one statement, one row shape.
  return statement as Database.Statement<unknown[], Row>;
}
