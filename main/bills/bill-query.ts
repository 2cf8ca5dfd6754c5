import type { BillColumn, BillFilter, BillRow } from '../../shared/contract/bills';
import { cachedStatement } from '../db/cached-statement';
import type { ReadableDb } from '../db/open';
import { bulkLoadPending } from '../sync/bulk-load';
import { billCache, matching, sum, where } from './bill-counts';
import { readBillRows } from './bill-rows';
import { listBillsWhileFilling } from './bills-while-filling';
import {
  customersWithMatches,
  filterWhere,
  keyExpr,
  keyParam,
  orderBy,
  OVERLAID,
  SERVER,
  SORTS,
  type Side,
  type SortKey,
  type SortPlan,
} from './bill-sql';
import { billIdsQuery } from './search-query';

export { countByStatus, forgetBillCaches } from './bill-counts';

/**
 * The bills table's reads at a million bills: a window of rows, and the ids of a selection for the
 * exporters (the status tabs' counts are in bill-counts.ts). Each query picks one of two shapes
 * (bill-sql.ts): walk the sort's index and stop after the window, or collect the matching bills and sort
 * them; which one from how many bills match, which the counts, cached until the database changes, tell
 * before any row is read.
 */

export interface BillSort {
  column: BillColumn;
  direction: 'asc' | 'desc';
}
export type BillSelection = { filter: BillFilter } | { ids: readonly number[] };
export const DEFAULT_SORT: BillSort = { column: 'emissiondate', direction: 'desc' };

/**
 * Walk the sort's index, or collect and sort? A walk reads about (offset + limit) × all / matching index
 * entries, each nearly free when the index answers every filter, else the price of reading a bill row;
 * collecting reads and sorts every matching bill.
 */
function shouldWalk(db: ReadableDb, filter: BillFilter, plan: SortPlan, matches: number, window: number): boolean {
  const fields = filterWhere(filter, SERVER, { withStatus: true }).fields;
  if (fields.length === 0) return true;
  const cache = billCache(db);
  const inTab = filter.status !== undefined && plan.walkInTab !== undefined;
  const universe = inTab ? cache.all[filter.status!] : sum(cache.all);
  const covered = inTab || fields.every((field) => plan.walkCovers.includes(field));
  const walked = (window * universe) / Math.max(1, matches);
  // A search for a name, walked in name order, finds nothing until that name: the matches come bunched,
  // not spread as the estimate above assumes, and the walk may read most of the index first.
  if (fields.some((field) => plan.bunches?.includes(field))) return false;
  return walked * (covered ? 0.05 : 1) <= matches * 1.5;
}

export interface IdsQuery {
  filter: BillFilter;
  sort: BillSort;
  walk: boolean;
  overlaid: boolean;
  /** Keyset paging: the keys of the last row already read. */
  after?: readonly unknown[];
}

/** The SELECT of ids (and sort keys k0…kn) for one shape: server rows, then the overlaid ones, merged in order. */
export function idsSql(query: IdsQuery): { sql: string; params: unknown[]; keyCount: number } {
  const { filter, sort } = query;
  const plan = SORTS[sort.column];
  const params: unknown[] = [];
  const select = (side: Side, from: string, walking: boolean, extra: string[]) => {
    const filtered = filterWhere(filter, side, { withStatus: true, customerTable: walking && plan.customerTable, walking });
    const keys = plan.keys(side);
    const conditions = [...filtered.conditions, ...extra];
    params.push(...filtered.params);
    const owners = walking && plan.customerTable ? customersWithMatches(filter) : null;
    if (owners) {
      conditions.push(owners.condition);
      params.push(...owners.params);
    }
    if (query.after) {
      const op = sort.direction === 'asc' ? '>' : '<';
      const row = (part: SortKey[]) => `(${part.map((k) => k.column).join(', ')}) ${op}`;
      const values = (part: SortKey[]) => `(${part.map(keyParam).join(', ')})`;
      // The outer table's own keys, as a range its index can seek to; the full comparison then settles ties.
      if (plan.outerKeys && walking) {
        const outer = keys.slice(0, plan.outerKeys);
        conditions.push(`${row(outer)}= ${values(outer)}`);
        params.push(...query.after.slice(0, plan.outerKeys));
      }
      conditions.push(`${row(keys)} ${values(keys)}`);
      params.push(...query.after);
    }
    // Sorting rows that were collected: + keeps SQLite from walking an index for the order instead.
    const outputs = keys.map((key, i) => `${walking ? '' : '+'}${keyExpr(key)} AS k${i}`);
    return `SELECT b.id AS id, ${outputs.join(', ')} FROM ${from}${where(conditions)}`;
  };
  const walkFrom = filter.status !== undefined && plan.walkInTab ? plan.walkInTab : plan.walk;
  const parts = [
    query.walk
      ? select(SERVER, walkFrom, true, query.overlaid ? ['b.id NOT IN (SELECT billid FROM temp.bill_overlay)'] : [])
      : select(
          SERVER,
          `${collectFrom(filter)}${plan.joins}`,
          false,
          query.overlaid ? ['b.id NOT IN (SELECT billid FROM temp.bill_overlay)'] : [],
        ),
  ];
  if (query.overlaid) parts.push(select(OVERLAID, `temp.bill_overlay o CROSS JOIN bill b ON b.id = o.billid${plan.joins}`, false, []));
  const keyCount = plan.keys(SERVER).length;
  return { sql: `${parts.join(' UNION ALL ')} ORDER BY ${orderBy(keyCount, sort.direction)}`, params, keyCount };
}

/** Collecting the ids a search or a product code found: their filtered columns are in bill_by_id. */
function collectFrom(filter: BillFilter): string {
  const idSet = (filter.search !== undefined && billIdsQuery(filter.search) !== null) || Boolean(filter.productCode);
  return idSet && filter.customerId === undefined ? 'bill b INDEXED BY bill_by_id' : 'bill b';
}

/** One window of the bills table, and how many bills match in all. */
export function listBills(
  db: ReadableDb,
  request: { filter: BillFilter; sort: BillSort; offset: number; limit: number },
): { rows: BillRow[]; total: number } {
  const { filter, sort, offset, limit } = request;
  // The first sync builds the search, the counts and the sort indexes at its end: until then, the rows there are.
  if (bulkLoadPending(db)) return listBillsWhileFilling(db, request);
  const total = matching(db, filter);
  if (total === 0 || offset >= total) return { rows: [], total };
  if (shouldWalk(db, filter, SORTS[sort.column], total, offset + limit))
    return { rows: readBillRows(db, walkedWindow(db, request)), total };
  return { rows: readBillRows(db, collected(db, filter, sort).slice(offset, offset + limit)), total };
}

const MAX_ANCHORS = 2000;

/**
 * One window of a walk. Each row read leaves an anchor (its position and sort keys); a later window starts
 * from the nearest anchor before it (keyset) and skips only the rows in between. Scrolling through a deep
 * part of the table thus costs its own rows, not the walk from the top (which, in customer order, steps
 * through each customer's bills: about 200 ms to reach the middle of a million).
 */
function walkedWindow(db: ReadableDb, request: { filter: BillFilter; sort: BillSort; offset: number; limit: number }): number[] {
  const { filter, sort, offset, limit } = request;
  const cache = billCache(db);
  const name = `${JSON.stringify(filter)} ${sort.column} ${sort.direction}`;
  let anchors = cache.anchors.get(name);
  if (!anchors) {
    if (cache.anchors.size >= MAX_COLLECTED_LISTS) cache.anchors.delete(cache.anchors.keys().next().value!);
    cache.anchors.set(name, (anchors = new Map()));
  }
  let from = 0;
  let after: unknown[] | undefined;
  for (const [position, keys] of anchors) {
    if (position <= offset && position > from) [from, after] = [position, keys];
  }
  const { sql, params, keyCount } = idsSql({ filter, sort, walk: true, overlaid: cache.overlaid > 0, ...(after ? { after } : {}) });
  const rows = cachedStatement<unknown[]>(db, `${sql} LIMIT ? OFFSET ?`, 'raw').all(...params, limit, offset - from);
  rows.forEach((row, index) => {
    anchors.delete(offset + index + 1);
    anchors.set(offset + index + 1, row.slice(1, 1 + keyCount));
  });
  for (const position of anchors.keys()) {
    if (anchors.size <= MAX_ANCHORS) break;
    anchors.delete(position);
  }
  return rows.map((row) => row[0] as number);
}

const MAX_COLLECTED_LISTS = 8;

/**
 * Every id a filter matches, sorted: read once, then each window of the table is a slice of it (scrolling
 * costs nothing more) until the data changes. Only reached for filters that match few bills (shouldWalk).
 */
function collected(db: ReadableDb, filter: BillFilter, sort: BillSort): number[] {
  const cache = billCache(db);
  const key = `${JSON.stringify(filter)} ${sort.column} ${sort.direction}`;
  let ids = cache.collected.get(key);
  if (!ids) {
    const { sql, params } = idsSql({ filter, sort, walk: false, overlaid: cache.overlaid > 0 });
    ids = cachedStatement<[id: number, ...keys: unknown[]]>(db, sql, 'raw')
      .all(...params)
      .map((row) => row[0]);
    if (cache.collected.size >= MAX_COLLECTED_LISTS) cache.collected.delete(cache.collected.keys().next().value!);
    cache.collected.set(key, ids);
  }
  return ids;
}

const BATCH = 1000;

/**
 * The ids of a selection, each once, in the sort's order (a filter: the table's default order when none is
 * given; ids: the order given when none is given). Read in batches, each its own statement, so the connection is free
 * between two ids (better-sqlite3 refuses other statements while one iterates) and a sync may commit
 * meanwhile: a filter's walk goes on from the last key read (keyset), so no bill is skipped or repeated.
 * Ids that are not (or no longer) in the cache are left out.
 */
export function* selectBillIds(db: ReadableDb, selection: BillSelection, sort?: BillSort): Generator<number, void, undefined> {
  if ('ids' in selection) {
    yield* selectedIds(db, selection.ids, sort);
    return;
  }
  const order = sort ?? DEFAULT_SORT;
  if (bulkLoadPending(db)) return;
  const total = matching(db, selection.filter);
  if (total === 0) return;
  if (!shouldWalk(db, selection.filter, SORTS[order.column], total, total)) {
    // Few bills: sorted in one statement, handed out from memory.
    yield* collected(db, selection.filter, order);
    return;
  }
  yield* walkedIds(db, selection.filter, order);
}

/** A filter's ids in the sort's order, `batch` at a time, each batch going on from the last key of the one before. */
export function* walkedIds(db: ReadableDb, filter: BillFilter, sort: BillSort, batch = BATCH): Generator<number, void, undefined> {
  let after: unknown[] | undefined;
  for (;;) {
    const query = { filter, sort, walk: true, overlaid: billCache(db).overlaid > 0, ...(after ? { after } : {}) };
    const { sql, params, keyCount } = idsSql(query);
    const rows = cachedStatement<[id: number, ...keys: unknown[]]>(db, `${sql} LIMIT ?`, 'raw').all(...params, batch);
    for (const row of rows) yield row[0];
    const last = rows.at(-1);
    if (rows.length < batch || !last) return;
    after = last.slice(1, 1 + keyCount);
  }
}

function* selectedIds(db: ReadableDb, selected: readonly number[], sort?: BillSort): Generator<number, void, undefined> {
  // Each bill once, where the operator first picked it.
  const ids = [...new Set(selected)];
  if (!sort) {
    for (let start = 0; start < ids.length; start += BATCH) {
      const chunk = ids.slice(start, start + BATCH);
      const present = new Set(
        cachedStatement<number>(db, 'SELECT id FROM bill WHERE id IN (SELECT value FROM json_each(?))', 'pluck').all(JSON.stringify(chunk)),
      );
      for (const id of chunk) if (present.has(id)) yield id;
    }
    return;
  }
  const plan = SORTS[sort.column];
  billCache(db);
  const keys = plan
    .keys({
      status: 'coalesce(o.status, b.status)',
      paymode: 'coalesce(o.paymode, b.paymode)',
      idnumber: 'coalesce(o.idnumber, b.idnumber)',
    })
    .map(keyExpr);
  const direction = sort.direction === 'asc' ? 'ASC' : 'DESC';
  // A selection is sorted once, whole: it was picked by hand, so it is as large as the operator made it.
  yield* db
    .prepare<[string], number>(
      `SELECT b.id FROM json_each(?) j CROSS JOIN bill b ON b.id = j.value${plan.joins}
       LEFT JOIN temp.bill_overlay o ON o.billid = b.id
       ORDER BY ${keys.map((key) => `${key} ${direction}`).join(', ')}`,
    )
    .pluck()
    .all(JSON.stringify(ids));
}
