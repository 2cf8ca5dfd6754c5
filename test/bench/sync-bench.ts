import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventBus } from '../../main/core/event-bus';
import { silentLogger } from '../../main/core/logger';
import { openDatabase, type Db } from '../../main/db/open';
import { createMoodleClient, type MoodleClient } from '../../main/moodle/rest-client';
import { ShopApi } from '../../main/shop-api/shop-client';
import { SyncEngine } from '../../main/sync/sync-engine';
import { CACHE_TABLES } from '../support/cache-hash';
import { peakRssMiB, rate, report, timed } from './measure';
import { startSimProcess } from './sim-process';

const countRows = (db: Db) =>
  CACHE_TABLES.reduce((sum, table) => sum + (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number), 0);
const syncCalls = (client: MoodleClient) =>
  Object.entries(client.log.stats().byFunction)
    .filter(([fn]) => fn.startsWith('local_shopbackoffice_sync_'))
    .reduce((sum, [, s]) => sum + s.calls, 0);

/**
 * Issue "Sync engine": a full sync from the simulated site over loopback (in its own process) into a cache
 * file, beside a raw baseline measured in the same run (plain better-sqlite3 upserts of the same rows, no
 * HTTP); then an incremental sync with nothing changed, and one after 100 bills changed.
 */
export async function syncBench(bills: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-bench-sync-'));
  const seeded = await timed(() => startSimProcess(['--bills', String(bills), '--catalog-items', '2000']));
  const sim = seeded.value;
  report('Simulated site (separate process)', [['seeding seconds', (seeded.ms / 1000).toFixed(1)]]);
  try {
    const db = openDatabase(path.join(dir, 'cache.sqlite'));
    const client = createMoodleClient({ url: sim.url, token: sim.token, logger: silentLogger, timeoutMs: 120_000 });
    const api = new ShopApi(client);
    const engine = new SyncEngine({ db, api: () => api, bus: new EventBus(), logger: silentLogger, pageSize: 2000 });

    const cpuBefore = process.cpuUsage();
    const full = await timed(() => engine.start('manual'));
    const cpu = process.cpuUsage(cpuBefore);
    const appCpuMs = (cpu.user + cpu.system) / 1000;
    if (full.value.outcome !== 'done') throw new Error(`full sync ${full.value.outcome}: ${full.value.detail}`);
    const rows = countRows(db);
    const syncRss = peakRssMiB();
    const counts = Object.fromEntries(
      ['bill', 'bill_item', 'customer', 'catalog_item'].map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]),
    );

    const baseline = await timed(() => rawUpserts(db, path.join(dir, 'baseline.sqlite')));
    report(`Full sync, ${bills.toLocaleString('en')} bills`, [
      [
        'bills / bill items / customers / catalog items',
        `${counts['bill']} / ${counts['bill_item']} / ${counts['customer']} / ${counts['catalog_item']}`,
      ],
      ['rows written (all tables)', rows],
      ['seconds', (full.ms / 1000).toFixed(1)],
      ['rows/s', rate(rows, full.ms)],
      ['HTTP calls', syncCalls(client)],
      ['app-side CPU seconds (parse, validate, write)', (appCpuMs / 1000).toFixed(1)],
      ['app-side rows per CPU second', rate(rows, appCpuMs)],
      ['peak RSS of the app side (MiB)', syncRss],
      ['raw baseline rows/s (same rows, no HTTP)', rate(baseline.value, baseline.ms)],
      ['sync rate / baseline rate', (rate(rows, full.ms) / rate(baseline.value, baseline.ms)).toFixed(2)],
    ]);

    // Twice: the first one right after the full sync also pays for SQLite's WAL checkpoint of it.
    for (const label of ['first', 'second']) {
      const before = syncCalls(client);
      const msBefore = client.log.stats().totalMs;
      const idle = await timed(() => engine.start('manual'));
      report(`Incremental sync, nothing changed (${label})`, [
        ['HTTP calls', syncCalls(client) - before],
        ['milliseconds', Math.round(idle.ms)],
        ['of which waiting for the site', Math.round(client.log.stats().totalMs - msBefore)],
      ]);
    }

    // 100 bills change on the site: an offline payment recorded on each (through the shop API, as another
    // back-office would), then the settling window passes.
    const payable = db
      .prepare(
        "SELECT id, currency, amountcents - paidcents AS due FROM bill WHERE status IN ('PENDING', 'PLACED') AND amountcents > paidcents LIMIT 100",
      )
      .all() as {
      id: number;
      currency: string;
      due: number;
    }[];
    for (const [i, bill] of payable.entries()) {
      await api.recordPayment(`bench${Date.now()}x${i}`.padEnd(12, '0'), bill.id, {
        amountcents: 1,
        currency: bill.currency,
        paymode: 'check',
        paidon: Math.floor(Date.now() / 1000),
        reference: `bench ${i}`,
      });
    }
    await new Promise((resolve) => setTimeout(resolve, 6000));
    const changed = await timed(() => engine.start('manual'));
    report(`Incremental sync after ${payable.length} bills changed`, [
      ['bills received', changed.value.rowsApplied],
      ['milliseconds', Math.round(changed.ms)],
    ]);
    db.close();
  } finally {
    sim.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Every cached row upserted into a fresh cache with plain prepared statements, 1,000 per transaction. */
function rawUpserts(source: Db, file: string): number {
  const target = openDatabase(file);
  target.pragma('foreign_keys = OFF');
  let rows = 0;
  for (const table of CACHE_TABLES) {
    const columns = (source.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).filter(Boolean);
    const upsert = target.prepare(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ON CONFLICT (id) DO UPDATE SET ${columns.map((c) => `${c} = excluded.${c}`).join(', ')}`,
    );
    const flush = target.transaction((batch: unknown[][]) => {
      for (const values of batch) upsert.run(values);
    });
    let batch: unknown[][] = [];
    for (const row of source
      .prepare(`SELECT ${columns.join(', ')} FROM ${table}`)
      .raw()
      .iterate() as Iterable<unknown[]>) {
      batch.push(row);
      if (batch.length === 1000) {
        flush(batch);
        rows += batch.length;
        batch = [];
      }
    }
    flush(batch);
    rows += batch.length;
  }
  target.close();
  return rows;
}
