import { refusal } from '../../shared/errors/error-text';
import type { Db } from '../db/open';
import type { SyncCursorTableRow } from '../db/tables';
import type { ShopApi } from '../shop-api/shop-client';
import type { SyncCursor, SyncEntity, SyncPage } from '../shop-api/sync-entities';
import { entityWriter } from './cache-tables';

export interface PullProgress {
  entity: SyncEntity;
  /** Rows and deletions applied for this entity in this run. */
  applied: number;
  /** What the server still has after the last page; null before the first page. */
  remaining: number | null;
  ratePerSecond: number;
}

export interface PullOptions {
  pageSize: number;
  signal?: AbortSignal;
  onProgress?: (progress: PullProgress) => void;
  /** Told after each committed page: tests use it to kill the process at a chosen moment. */
  afterCommit?: (entity: SyncEntity, page: number) => void;
}

/** Thrown when a page names a parent row the cache does not have (a foreign key failed at commit). */
export class MissingParentError extends Error {
  constructor(readonly entity: SyncEntity) {
    super(`A ${entity} page refers to rows the cache does not have yet`);
  }
}

export function readCursor(db: Db, entity: SyncEntity): SyncCursor {
  const row = db
    .prepare<[SyncEntity], { timemodified: SyncCursorTableRow['cursor_time']; id: SyncCursorTableRow['cursor_id'] }>(
      'SELECT cursor_time AS timemodified, cursor_id AS id FROM sync_cursor WHERE entity = ?',
    )
    .get(entity);
  return row ?? { timemodified: 0, id: 0 };
}

/**
 * Pulls one entity until the server has nothing more after the cursor. Each page is applied in one
 * transaction that also moves the cursor, so a crash at any moment leaves the cache at a page boundary, and
 * the next run continues from the last committed page: nothing repeated, nothing missed. Pages are applied
 * as they arrive; the data set is never held in memory.
 */
export async function pullEntity(db: Db, api: ShopApi, entity: SyncEntity, options: PullOptions): Promise<number> {
  const writer = entityWriter(db, entity);
  const saveCursor = db.prepare(
    `INSERT INTO sync_cursor (entity, cursor_time, cursor_id, synced_at, rows_applied) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (entity) DO UPDATE SET cursor_time = excluded.cursor_time, cursor_id = excluded.cursor_id,
       synced_at = excluded.synced_at, rows_applied = rows_applied + excluded.rows_applied`,
  );
  const apply = db.transaction((page: SyncPage<SyncEntity>) => {
    writer.upsertAll(page.rows as Record<string, unknown>[]);
    for (const gone of page.deleted) writer.remove(gone.id);
    saveCursor.run(entity, page.next.timemodified, page.next.id, Date.now(), page.rows.length + page.deleted.length);
  });

  const started = performance.now();
  let applied = 0;
  // Counted by the shop on the first page only; then estimated from what has arrived since.
  let firstRemaining: number | null = null;
  // The next page is requested as soon as this one has arrived, before it is applied: the shop prepares it
  // while this process writes, instead of each side waiting for the other. Its cursor comes from the page
  // in hand; the stored cursor still moves only with the page it follows, so a crash loses nothing.
  let cursor = readCursor(db, entity);
  let pending: Promise<SyncPage<SyncEntity>> | null = api.syncPage(entity, cursor, options.pageSize, { countRemaining: true });
  for (let pageNumber = 1; pending; pageNumber += 1) {
    const page = await pending;
    pending = null;
    if (options.signal?.aborted) throw refusal('sync_cancelled', 'sync.cancelled', {});
    assertMovesForward(entity, cursor, page);
    cursor = page.next;
    if (page.hasmore) {
      pending = api.syncPage(entity, cursor, options.pageSize, { countRemaining: false });
      // Applied below; if applying fails, this request's outcome is not awaited: keep it from being reported as unhandled.
      pending.catch(() => {});
    }
    try {
      apply(page);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new MissingParentError(entity);
      throw error;
    }
    options.afterCommit?.(entity, pageNumber);
    const pageChanges = page.rows.length + page.deleted.length;
    applied += pageChanges;
    if (pageNumber === 1 && page.remaining >= 0) firstRemaining = page.remaining + pageChanges;
    const remaining = !page.hasmore ? 0 : firstRemaining === null ? null : Math.max(0, firstRemaining - applied);
    const seconds = (performance.now() - started) / 1000;
    options.onProgress?.({ entity, applied, remaining, ratePerSecond: seconds > 0 ? Math.round(applied / seconds) : 0 });
  }
  return applied;
}

/** A server that answers "more" without moving the cursor would make the pull loop forever. */
function assertMovesForward(entity: SyncEntity, cursor: SyncCursor, page: SyncPage<SyncEntity>): void {
  const forward =
    page.next.timemodified > cursor.timemodified || (page.next.timemodified === cursor.timemodified && page.next.id > cursor.id);
  const empty = page.rows.length === 0 && page.deleted.length === 0;
  if ((page.hasmore && !forward) || (!empty && !forward)) {
    throw refusal('moodle_bad_response', 'sync.cursorStuck', { entity }, { entity });
  }
}
