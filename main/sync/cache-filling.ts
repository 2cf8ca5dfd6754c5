import type { Db } from '../db/open';
import { refusal } from '../../shared/errors/error-text';

/**
 * A cache being filled from empty (a first sync, or a rebuild) holds only part of the shop until a run ends
 * well. Marked in the same transaction that empties it (or finds it empty), cleared by the run that completes
 * it: a long read that starts meanwhile refuses rather than write a file missing bills, and says why.
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

/** For a long read, in its snapshot: refuses a cache that is still being filled. */
export function assertCacheComplete(db: Db): void {
  if (db.prepare('SELECT 1 FROM site_meta WHERE key = ?').get(KEY) === undefined) return;
  const bills = db.prepare('SELECT count(*) FROM bill').pluck().get() as number;
  throw refusal('cache_filling', 'sync.cacheFilling', { bills }, { bills });
}
