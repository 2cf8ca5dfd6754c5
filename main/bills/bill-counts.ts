import { BILL_STATUSES, type BillStatus } from '../../shared/bills/bill-status';
import type { BillFilter } from '../../shared/contract/bills';
import { cachedStatement } from '../db/cached-statement';
import type { Db, ReadableDb } from '../db/open';
import { oneValue } from '../db/single-value';
import { bulkLoadPending } from '../sync/bulk-load';
import { freshBillOverlay } from './bill-overlay';
import { countByStatusWhileFilling } from './bills-while-filling';
import { filterWhere, isBlankFilter, OVERLAID, SERVER, withoutStatus, type Where } from './bill-sql';
import { billIdsQuery } from './search-query';

/**
 * How many bills match, per status tab, and what is worth keeping about the data between two requests. All
 * of it is stamped with the data key (bill-overlay.ts) and dropped when the database changes: a sync page,
 * an action, another process. Until then a table scrolling through a filter reads each count once.
 */

export type StatusCounts = Record<BillStatus, number>;
/** One status and how many bills have it, as the counting queries select them. */
export interface StatusCount {
  status: BillStatus;
  n: number;
}

export interface CacheState {
  key: string;
  overlaid: number;
  /** The status counts of the whole cache, overlay included. */
  all: StatusCounts;
  byFilter: Map<string, StatusCounts>;
  totals: Map<string, number>;
  /** The sorted ids of a filter that matches few bills, collected once and then paged through. */
  collected: Map<string, number[]>;
  /** Per filter and sort: the sort keys of rows already read, by position (bill-query.ts walkedWindow). */
  anchors: Map<string, Map<number, unknown[]>>;
}
const caches = new WeakMap<ReadableDb, CacheState>();
const MAX_CACHED_FILTERS = 64;

/** The cached facts about this connection's data, recomputed when the data changed (bill-overlay.ts dataKey). */
export function billCache(db: ReadableDb): CacheState {
  const key = freshBillOverlay(db);
  const cached = caches.get(db);
  if (cached?.key === key) return cached;
  const overlaid = oneValue(cachedStatement<number>(db, 'SELECT count(*) FROM temp.bill_overlay', 'pluck').get());
  const all = zeroCounts();
  for (const row of cachedStatement<{ status: BillStatus; bills: number }>(db, 'SELECT status, bills FROM bill_status_count').all())
    all[row.status] = row.bills;
  if (overlaid > 0) {
    const moved = cachedStatement<{ was: BillStatus; now: BillStatus }>(
      db,
      'SELECT b.status AS was, o.status AS now FROM temp.bill_overlay o CROSS JOIN bill b ON b.id = o.billid WHERE o.status <> b.status',
    ).all();
    for (const { was, now } of moved) {
      all[was] -= 1;
      all[now] += 1;
    }
  }
  const fresh: CacheState = { key, overlaid, all, byFilter: new Map(), totals: new Map(), collected: new Map(), anchors: new Map() };
  caches.set(db, fresh);
  return fresh;
}

/** Drops what is cached for this connection (a benchmark measuring uncached reads). */
export function forgetBillCaches(db: Db): void {
  caches.delete(db);
}

function zeroCounts(): StatusCounts {
  return Object.fromEntries(BILL_STATUSES.map((s) => [s, 0])) as StatusCounts;
}

export const sum = (counts: StatusCounts) => Object.values(counts).reduce((a, b) => a + b, 0);
export const where = (conditions: readonly string[]) => (conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '');

/** How many bills match the filter in each status; the filter's own status is not applied (the tabs show every status). */
function statusCounts(db: ReadableDb, filter: BillFilter): StatusCounts {
  const cache = billCache(db);
  const scope = withoutStatus(filter);
  const server = filterWhere(scope, SERVER, { withStatus: false });
  if (server.fields.length === 0) return cache.all;
  const cacheKey = JSON.stringify(scope);
  const known = cache.byFilter.get(cacheKey);
  if (known) return known;

  // Counted on the server's copy, then corrected for the few bills with queued changes: out as the server
  // has them, in as the shop will (cheaper than asking every counted bill whether it has changes).
  const counts = zeroCounts();
  const grouped = (from: string) =>
    cachedStatement<StatusCount>(db, `SELECT b.status, count(*) AS n FROM ${from}${where(server.conditions)} GROUP BY b.status`).all(
      ...server.params,
    );
  const rows =
    scope.customerId !== undefined
      ? // One customer's bills are few: read them.
        grouped('bill b INDEXED BY bill_customer')
      : server.fields.includes('search') || server.fields.includes('productCode')
        ? // The ids a search or a product code found, looked up in id order in bill_by_id (every filtered column).
          grouped('bill b INDEXED BY bill_by_id')
        : // Each status's slice of the tabs index, which holds every filtered column: no bill row is read.
          cachedStatement<StatusCount>(
            db,
            `SELECT s.value AS status, (SELECT count(*) FROM bill b INDEXED BY bill_tabs${where(['b.status = s.value', ...server.conditions])}) AS n
             FROM json_each(?) s`,
          ).all(...server.params, JSON.stringify(BILL_STATUSES));
  for (const row of rows) counts[row.status] += row.n;
  if (cache.overlaid > 0) {
    const overlay = filterWhere(scope, OVERLAID, { withStatus: false });
    const changed = (side: Where, status: string) =>
      cachedStatement<{ status: BillStatus; n: number }>(
        db,
        `SELECT ${status} AS status, count(*) AS n FROM temp.bill_overlay o CROSS JOIN bill b ON b.id = o.billid${where(side.conditions)} GROUP BY 1`,
      ).all(...side.params);
    for (const row of changed(server, 'b.status')) counts[row.status] -= row.n;
    for (const row of changed(overlay, 'o.status')) counts[row.status] += row.n;
  }
  if (cache.byFilter.size >= MAX_CACHED_FILTERS) cache.byFilter.delete(cache.byFilter.keys().next().value!);
  cache.byFilter.set(cacheKey, counts);
  return counts;
}

export function countByStatus(db: ReadableDb, filter: BillFilter): { byStatus: Record<string, number>; total: number } {
  // The first sync builds the counts and the indexes they read at its end (sync/bulk-load.ts): until then, counted.
  if (bulkLoadPending(db)) return countByStatusWhileFilling(db, filter);
  const byStatus = { ...statusCounts(db, filter) };
  return { byStatus, total: sum(byStatus) };
}

/** How many bills match the filter, status included. */
export function matching(db: ReadableDb, filter: BillFilter): number {
  const { search, ...rest } = filter;
  const found = search === undefined ? null : billIdsQuery(search);
  if (found && isBlankFilter(rest)) {
    // A search alone: the full-text index counts its own rows, one per bill, without reading a bill.
    const cache = billCache(db);
    const key = `search:${JSON.stringify(found.params)}`;
    let total = cache.totals.get(key);
    if (total === undefined) {
      total = oneValue(cachedStatement<number>(db, `SELECT count(*) FROM (${found.sql})`, 'pluck').get(...found.params));
      cache.totals.set(key, total);
    }
    return total;
  }
  const counts = statusCounts(db, filter);
  return filter.status === undefined ? sum(counts) : counts[filter.status];
}
