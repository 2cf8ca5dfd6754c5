import type { Db, ReadableDb } from '../db/open';
import { refusal } from '../../shared/errors/error-text';
import { cachedStatement } from '../db/cached-statement';
import { oneValue } from '../db/single-value';

/**
 * A cache being filled from empty (a first sync, or a rebuild) holds only part of the shop until a run ends
 * well. Marked in the same transaction that empties it (or finds it empty), cleared by the run that completes
 * it: a long read that starts meanwhile refuses rather than write a file missing bills, and says why. The lists
 * answer meanwhile with what is there, and say how much of it there is (fillingState).
 *
 * The marker's value holds what the shop announced it would send, per entity, once the sync knows it (the first
 * page of an entity counts what remains): `{"bills": 100000, "customers": 20000}`; `1` before anything is known.
 */
const KEY = 'cache_filling';

export function markFilling(db: Db): void {
  db.prepare(
    'INSERT INTO site_meta (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  ).run(KEY, '1', Date.now());
}

export function markFilled(db: Db): void {
  db.prepare('DELETE FROM site_meta WHERE key = ?').run(KEY);
}

/** While the cache is being filled: how many rows of `table` the shop announced in all (the count at its first page). */
export function noteExpected(db: Db, table: 'bill' | 'customer', rows: number): void {
  const current = readMarker(db);
  if (current === undefined || current[table] === rows) return;
  db.prepare('UPDATE site_meta SET value = ?, updated_at = ? WHERE key = ?').run(
    JSON.stringify({ ...current, [table]: rows }),
    Date.now(),
    KEY,
  );
}

export interface FillingState {
  /** Rows in the cache so far. */
  received: number;
  /** What the shop announced, when known. */
  expected: number | null;
}

/**
 * Null once the cache is complete; while it is being filled (or a first sync ended before completing it), how
 * many of the table's rows it holds and how many the shop announced. Asked by each list read: a primary-key
 * lookup, and a count only while filling.
 */
export function fillingState(db: ReadableDb, table: 'bill' | 'customer'): FillingState | null {
  const marker = readMarker(db);
  if (marker === undefined) return null;
  const received = oneValue(cachedStatement<number>(db, `SELECT count(*) FROM ${table === 'bill' ? 'bill' : 'customer'}`, 'pluck').get());
  const expected = marker[table];
  return { received, expected: typeof expected === 'number' ? Math.max(expected, received) : null };
}

function readMarker(db: ReadableDb): Partial<Record<'bill' | 'customer', number>> | undefined {
  const value = cachedStatement<string>(db, 'SELECT value FROM site_meta WHERE key = ?', 'pluck').get(KEY);
  if (value === undefined) return undefined;
  try {
    const parsed = JSON.parse(value) as unknown;
    return parsed !== null && typeof parsed === 'object' ? (parsed as Partial<Record<'bill' | 'customer', number>>) : {};
  } catch {
    return {};
  }
}

/** For a long read, in its snapshot: refuses a cache that is still being filled. */
export function assertCacheComplete(db: ReadableDb): void {
  if (db.prepare('SELECT 1 FROM site_meta WHERE key = ?').get(KEY) === undefined) return;
  const bills = oneValue(db.prepare<[], number>('SELECT count(*) FROM bill').pluck().get());
  throw refusal('cache_filling', 'sync.cacheFilling', { bills }, { bills });
}
