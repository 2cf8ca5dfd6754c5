import { markFilling } from './cache-filling';
import { cachedStatement } from '../db/cached-statement';
import type { Db, ReadableDb } from '../db/open';
import { DERIVE_BILL_SEARCH } from '../db/migrations/0030-bill-search';
import { DERIVE_CUSTOMER_TOTALS } from '../db/migrations/0040-customer-totals';
import { DASHBOARD_TRIGGERS } from '../db/migrations/0170-dashboard-totals';
import { oneValue } from '../db/single-value';
import { DERIVE_DASHBOARD_TOTALS } from '../dashboard/dashboard-derive';

/**
 * The first sync into an empty cache, without keeping the derived tables in step row by row.
 *
 * Migrations 0030 and 0040 keep search, item codes, status counts and customer totals in step with triggers,
 * and give every sort its index. That is right for a sync that brings a few changed bills, and costly for
 * the first one, which brings all of them: each bill inserted then costs a full-text row, a recount of its
 * item codes, two upserts and a dozen index entries (6–7× the bill's own write, test/bench/measure-sync-cost.ts).
 * So when the cache is empty, those triggers and the read-only indexes are set aside, the pages are written
 * bare, and at the end the derived tables are computed in one pass (the migrations' own "derive once" SQL)
 * and the indexes built by sorting, which SQLite does far faster than by insertion.
 *
 * What was set aside is saved in site_meta in the same transaction that drops it, so a process killed during
 * the first sync leaves a cache that says so: the next sync goes on in bulk and finishes it, and opening the
 * cache for reading finishes it at once (finishBulkLoad), so no screen ever reads a cache without its
 * indexes. A later migration that redefines one of these triggers or indexes must finish a pending bulk load
 * first (the saved SQL would bring back the old definition).
 */

/** Triggers that derive rows from bill, its lines, payments and credit notes, and customer (0030, 0040, 0170). */
const DERIVING_TRIGGERS = [
  'bill_derived_insert',
  'bill_search_update',
  'bill_status_update',
  'bill_derived_delete',
  'bill_item_codes_insert',
  'bill_item_codes_update',
  'bill_item_codes_delete',
  'customer_search_insert',
  'customer_search_update',
  'customer_search_delete',
  'customer_totals_customer',
  'customer_totals_customer_gone',
  'customer_totals_bill_insert',
  'customer_totals_bill_delete',
  'customer_totals_bill_update',
  ...DASHBOARD_TRIGGERS,
] as const;

/**
 * Indexes only the screens read (sorts, tabs, filters). Those the pull's own writes look things up in stay:
 * primary keys, a bill's lines (replaced whole on each pull), and bill_customer (a customer deleted by the
 * shop is checked against its bills). bill_emission stays too: it is the Bills table's default order, so
 * while the first sync runs the table reads its windows from it instead of sorting every bill received
 * (bills-while-filling.ts); bills come in roughly that order, so keeping it costs the writes little
 * (docs/benchmarks.md).
 */
const READ_INDEXES = [
  'bill_lastaction',
  'bill_amount',
  'bill_untaxed',
  'bill_tax',
  'bill_transaction',
  'bill_idnumber',
  'bill_title',
  'bill_paymode',
  'bill_currency',
  'bill_tabs',
  'bill_by_id',
  'bill_item_code',
  'customer_name',
  'customer_organisation',
  'customer_totals_paid',
  'customer_totals_pending',
  'bill_dashboard',
  'bill_payment_paidon',
  'bill_stage',
  'bill_item_dashboard',
] as const;

/** What finishBulkLoad computes. */
const DERIVED_TABLES = ['bill_search', 'customer_search', 'bill_itemcodes', 'bill_status_count', 'customer_totals'] as const;

const STATE_KEY = 'bulk_load';

interface SetAside {
  type: 'trigger' | 'index';
  name: string;
  sql: string;
}

/** Asked by every list read (bills, customers): a cached statement, a primary-key lookup. */
export function bulkLoadPending(db: ReadableDb): boolean {
  return cachedStatement(db, 'SELECT 1 FROM site_meta WHERE key = ?').get(STATE_KEY) !== undefined;
}

/**
 * Before a sync: if the cache holds no bill and no customer (a first sync, or a rebuild), sets the deriving
 * triggers and read indexes aside. True when the sync runs in bulk (just begun, or an interrupted one going on).
 */
export function beginBulkLoad(db: Db): boolean {
  if (bulkLoadPending(db)) return true;
  // A cache opened at an older schema (tests, tools) has no derived tables to build.
  const derived = db
    .prepare<[string], number>("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN (SELECT value FROM json_each(?))")
    .pluck()
    .get(JSON.stringify(DERIVED_TABLES));
  if (oneValue(derived) < DERIVED_TABLES.length) return false;
  const empty = db.prepare<[], number>(
    'SELECT (SELECT count(*) FROM (SELECT 1 FROM bill LIMIT 1)) + (SELECT count(*) FROM (SELECT 1 FROM customer LIMIT 1))',
  );
  if (oneValue(empty.pluck().get()) > 0) return false;
  db.transaction(() => {
    const names = JSON.stringify([...DERIVING_TRIGGERS, ...READ_INDEXES]);
    const setAside = db
      .prepare<[string], SetAside>(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'index') AND name IN (SELECT value FROM json_each(?))",
      )
      .all(names);
    db.prepare('INSERT INTO site_meta (key, value, updated_at) VALUES (?, ?, ?)').run(STATE_KEY, JSON.stringify(setAside), Date.now());
    // Empty until a run completes it: long reads wait for that (cache-filling.ts).
    markFilling(db);
    for (const { type, name } of setAside) db.exec(`DROP ${type === 'trigger' ? 'TRIGGER' : 'INDEX'} ${name}`);
  })();
  return true;
}

/** How far the final build is, in units of work (roughly proportional to its time): for a progress bar. */
export interface BuildProgress {
  done: number;
  total: number;
}

interface BuildStep {
  /** Relative cost, from the rows the step reads (measured: docs/benchmarks.md, the first sync's build). */
  cost: number;
  run(): void;
}

/** Each statement of a "derive once" SQL text, to run (and report) one at a time. */
function statements(sql: string): string[] {
  return sql
    .split(/;\s*\n/)
    .map((statement) => statement.trim())
    .filter(Boolean);
}

/**
 * After the first sync (finished, failed or cancelled), or on opening a cache whose first sync was cut
 * short: computes every derived table from the rows, builds the indexes, puts the triggers back, in one
 * transaction. Does nothing when no bulk load is pending. `onProgress` is told after each step (a derived
 * table, an index), with the share of the work done.
 */
export function finishBulkLoad(db: Db, onProgress?: (progress: BuildProgress) => void): void {
  const state = db.prepare<[string], string>('SELECT value FROM site_meta WHERE key = ?').pluck().get(STATE_KEY);
  if (state === undefined) return;
  const setAside = JSON.parse(state) as SetAside[];
  const rows = (table: string) => oneValue(db.prepare<[], number>(`SELECT count(*) FROM ${table}`).pluck().get());
  const [bills, lines, customers] = [rows('bill'), rows('bill_item'), rows('customer')];
  const exec = (sql: string) => () => db.exec(sql);
  // Each step's cost per row it reads, in half-microseconds as measured at 100,000 bills: the search index
  // (23 µs a bill) and the item codes (9 µs a line) take most of the build; an index about 1 µs a row.
  const derive = [
    ...statements(DERIVE_BILL_SEARCH).map((sql, i) => ({ sql, cost: [customers * 12, bills * 46, lines * 18, bills][i] ?? bills })),
    ...statements(DERIVE_CUSTOMER_TOTALS).map((sql, i) => ({ sql, cost: i === 0 ? customers : bills * 9 })),
    // The dashboard's totals (0170): a pass over the bills, their lines and payments (measured: docs/benchmarks.md).
    ...statements(DERIVE_DASHBOARD_TOTALS).map((sql) => ({
      sql,
      cost: /bill_item/.test(sql) ? lines * 4 : /FROM bill\b|bill b/.test(sql) ? bills * 2 : 1,
    })),
  ];
  const indexCost = (item: SetAside) => {
    const table = /\bON\s+(\w+)/i.exec(item.sql)?.[1] ?? 'bill';
    return table === 'bill' ? bills * 2 : table === 'bill_item' ? lines * 2 : customers;
  };
  // Indexes first: built by sorting the filled tables. Triggers last, so they see none of the derived rows.
  const byKind = [...setAside].sort((a, b) => (a.type === b.type ? 0 : a.type === 'index' ? -1 : 1));
  const steps: BuildStep[] = [
    {
      cost: 1,
      run: exec(`
        INSERT INTO bill_search (bill_search) VALUES ('delete-all');
        INSERT INTO customer_search (customer_search) VALUES ('delete-all');
        DELETE FROM bill_itemcodes;
        DELETE FROM bill_status_count;
        DELETE FROM customer_totals;
      `),
    },
    ...derive.map(({ sql, cost }) => ({ cost, run: exec(sql) })),
    ...byKind.map((item) => ({
      cost: item.type === 'index' ? indexCost(item) : 1,
      run: () => {
        const exists = db.prepare('SELECT 1 FROM sqlite_master WHERE type = ? AND name = ?').get(item.type, item.name);
        if (!exists) db.exec(item.sql);
      },
    })),
    { cost: 1, run: () => db.prepare('DELETE FROM site_meta WHERE key = ?').run(STATE_KEY) },
  ];
  const total = steps.reduce((sum, step) => sum + step.cost, 0);
  let done = 0;
  db.transaction(() => {
    onProgress?.({ done, total });
    for (const step of steps) {
      step.run();
      done += step.cost;
      onProgress?.({ done, total });
    }
  })();
}
