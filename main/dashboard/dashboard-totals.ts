import { cachedStatement } from '../db/cached-statement';
import type { Db, ReadableDb } from '../db/open';
import { bulkLoadPending } from '../sync/bulk-load';
import type { Span } from './months';
import { DERIVE_DASHBOARD_TOTALS, REFRESH_STALE, STALE_DAYS, ZONE, ZONE_KEY } from './dashboard-derive';

/**
 * The dashboard's totals per local day (migration 0170): how they are added up from the rows, and when the
 * dashboard may read them instead of the rows.
 */

/** Adds every day up (in a transaction of its own unless one is open). */
export function deriveDashboardTotals(db: Db): void {
  db.transaction(() => db.exec(DERIVE_DASHBOARD_TOTALS))();
}

/**
 * After a sync, or on opening a cache (the writer only): the stale days added up again; everything when the
 * totals were never added up (a cache from before migration 0170) or were in another zone. Nothing while a
 * first sync is filling the cache: its end adds everything up.
 */
export function refreshDashboardTotals(db: Db): void {
  if (bulkLoadPending(db)) return;
  const kept = db.prepare<[string], string>('SELECT value FROM site_meta WHERE key = ?').pluck().get(ZONE_KEY);
  if (kept !== db.prepare(ZONE).pluck().get()) return deriveDashboardTotals(db);
  if (db.prepare('SELECT 1 FROM dashboard_stale LIMIT 1').get() === undefined) return;
  db.transaction(() => db.exec(REFRESH_STALE))();
}

/** YYYY-MM-DD of a time, in the core's local time (months.ts reckons months the same way). */
export function localDay(time: number): string {
  const date = new Date(time * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const isLocalMidnight = (time: number) => {
  const date = new Date(time * 1000);
  return date.getHours() === 0 && date.getMinutes() === 0 && date.getSeconds() === 0;
};

/**
 * The zone the totals were added up in, or undefined while they are not (a cache from before 0170 not opened
 * for writing yet, or a first sync filling the cache). The per-customer bounds and the stages, kept by the
 * triggers alone, are right whenever the totals were added up, whatever the zone.
 */
export function totalsZone(db: ReadableDb): string | undefined {
  if (bulkLoadPending(db)) return undefined;
  return cachedStatement<string>(db, 'SELECT value FROM site_meta WHERE key = ?', 'pluck').get(ZONE_KEY);
}

/** A span of whole local days, as the totals name them: its first and last day. */
export type DaySpan = [string, string];

/**
 * The spans as whole local days when the totals can answer for them: added up, in the zone this process
 * runs in, with no first sync filling the cache, and each span from a local midnight to the second before
 * one. Undefined otherwise: the figures are then read from the rows.
 */
export function daySpans(db: ReadableDb, spans: Span[]): DaySpan[] | undefined {
  if (!spans.every((span) => isLocalMidnight(span.from) && isLocalMidnight(span.to + 1))) return undefined;
  const zone = totalsZone(db);
  if (zone === undefined || zone !== cachedStatement(db, ZONE, 'pluck').get()) return undefined;
  // SQLite's local days must be this process's (the same zone, read the same way).
  const edges = spans.flatMap((span) => [span.from, span.to + 1]);
  const theirs = cachedStatement<string>(
    db,
    "SELECT json_group_array(date(value, 'unixepoch', 'localtime')) FROM json_each(?)",
    'pluck',
  ).get(JSON.stringify(edges));
  if (theirs !== JSON.stringify(edges.map(localDay))) return undefined;
  return spans.map((span) => [localDay(span.from), localDay(span.to)]);
}

/** The stale days between two days (usually none: a sync adds them up at its end), each as a span of seconds. */
export function staleDays(db: ReadableDb, first: string, last: string): { day: string; span: Span }[] {
  const rows = cachedStatement<{
    day: string;
    lo: number;
    hi: number;
  }>(db, `SELECT day, lo, hi FROM (${STALE_DAYS}) WHERE day BETWEEN ? AND ?`).all(first, last);
  return rows.map(({ day, lo, hi }) => ({ day, span: { from: lo, to: hi } }));
}
