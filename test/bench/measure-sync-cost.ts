/**
 * What migrations 0030 and 0040 (search, item codes, counts, customer totals, sort indexes) cost the sync:
 * the same demo pages written by the pull's own writer into a cache at schema 20 and one at the head.
 * A benchmark: it prints figures and passes or fails nothing.
 *
 *   node --import tsx test/bench/measure-sync-cost.ts [--bills 100000] [--cache-mib 16]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDemoData } from '../sim/demo-data';
import { migrations } from '../../main/db/migrations';
import { openDatabase, type Db } from '../../main/db/open';
import type { SyncEntity } from '../../main/shop-api/sync-entities';
import { beginBulkLoad, finishBulkLoad } from '../../main/sync/bulk-load';
import { entityWriter } from '../../main/sync/cache-tables';

const args = process.argv.slice(2);
const BILLS = Number(args.includes('--bills') ? args[args.indexOf('--bills') + 1] : 100_000);
const PAGE = 500;
const demo = createDemoData({ bills: BILLS });

/** Writes an entity page by page, one transaction each, as pull.ts does; returns the rows written and the seconds spent. */
function write(
  db: Db,
  entity: SyncEntity,
  records: Iterable<unknown>,
  touch?: (record: Record<string, unknown>) => void,
): [number, number] {
  const writer = entityWriter(db, entity);
  const apply = db.transaction((page: Record<string, unknown>[]) => writer.upsertAll(page));
  let page: Record<string, unknown>[] = [];
  let rows = 0;
  let seconds = 0;
  const flush = () => {
    const started = performance.now();
    apply(page);
    seconds += (performance.now() - started) / 1000;
    rows += page.length;
    page = [];
  };
  for (const record of records) {
    const copy = { ...(record as Record<string, unknown>) };
    touch?.(copy);
    page.push(copy);
    if (page.length === PAGE) flush();
  }
  if (page.length) flush();
  return [rows, seconds];
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-sync-cost-'));
console.log(`${BILLS.toLocaleString('en')} demo bills, pages of ${PAGE}, written by the pull's writer (cache-tables.ts)`);
const rates: Record<string, number> = {};
const HEAD = migrations.at(-1)!.version;
for (const [label, version, bulk] of [
  ['schema 20 (before)', 20, false],
  ['head, row by row', HEAD, false],
  ['head, first sync bulk', HEAD, true],
] as const) {
  const file = path.join(dir, `${version}-${bulk}.sqlite`);
  const db = openDatabase(file, { migrations: migrations.filter((m) => m.version <= version) });
  // The first sync into an empty cache sets the derived tables aside and builds them at the end (sync/bulk-load.ts).
  if (bulk) beginBulkLoad(db);
  // --cache-mib N: SQLite's page cache (the app keeps better-sqlite3's default, 16 MiB).
  if (args.includes('--cache-mib')) db.pragma(`cache_size = ${-1024 * Number(args[args.indexOf('--cache-mib') + 1])}`);
  const [customers, customerSeconds] = write(db, 'customers', demo.customers());
  const [bills, writeSeconds] = write(db, 'bills', demo.bills());
  const finishing = performance.now();
  if (bulk) finishBulkLoad(db);
  const finishSeconds = (performance.now() - finishing) / 1000;
  const billSeconds = writeSeconds + finishSeconds;
  // A later sync: every bill again, a third of them in another state (what changes a tab count, a total).
  const [, againSeconds] = write(db, 'bills', demo.bills(), (bill) => {
    if ((bill['id'] as number) % 3 === 0) bill['status'] = bill['status'] === 'CANCELLED' ? 'PENDING' : 'CANCELLED';
  });
  rates[label] = bills / billSeconds;
  db.pragma('wal_checkpoint(TRUNCATE)');
  console.log(
    `${label.padEnd(20)} customers ${Math.round(customers / customerSeconds).toLocaleString('en')}/s, ` +
      `bills ${Math.round(bills / billSeconds).toLocaleString('en')}/s first time` +
      (bulk ? ` (${finishSeconds.toFixed(1)} s of it building the derived tables and indexes at the end)` : '') +
      `, ${Math.round(bills / againSeconds).toLocaleString('en')}/s again; ` +
      `file ${(fs.statSync(file).size / 2 ** 20).toFixed(0)} MiB`,
  );
  db.close();
}
const [before, rowByRow, inBulk] = Object.values(rates);
console.log(
  `first sync, bills written at head / at schema 20: row by row ${(rowByRow! / before!).toFixed(2)}, in bulk ${(inBulk! / before!).toFixed(2)}`,
);
fs.rmSync(dir, { recursive: true, force: true });
