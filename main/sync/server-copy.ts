import type { Db } from '../db/open';
import { markFilling } from './cache-filling';
import { ENTITY_TABLE, PULL_ORDER } from './cache-tables';

/**
 * Before a rebuild: empties the server's copy and the cursors in one transaction, keeping the outbox; the cache
 * is marked as being filled (cache-filling.ts). Its deletes go through the deriving triggers row by row: tens of
 * seconds at 100,000 bills, so the app runs it on a thread of its own (core-thread/cache-jobs.ts).
 */
export function emptyServerCopy(db: Db): void {
  db.transaction(() => {
    for (const entity of [...PULL_ORDER].reverse()) db.prepare(`DELETE FROM ${ENTITY_TABLE[entity]}`).run();
    db.prepare('DELETE FROM sync_cursor').run();
    markFilling(db);
  })();
}
