import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../main/core/logger';
import { createMoodleClient } from '../../main/moodle/rest-client';
import { ShopApi } from '../../main/shop-api/shop-client';
import type { SyncCursor, SyncEntity } from '../../main/shop-api/sync-entities';
import { startSimulatedSite } from '../sim/start-simulated-site';
import { rate, report, timed } from './measure';

/**
 * Issue "The shop's side": a live site serving the shop API, a real Moodle with local_shopbackoffice (SITE_URL
 * and SITE_TOKEN in the environment) or, without them, the simulated site seeded with the demo shop. Prints:
 * - the serving rate of the incremental reads (customers; bills with their lines, payments and history), 500 per
 *   page, through the back-office's own client;
 * - the cost of a sync call with nothing changed (the cursor at the end): on a real site this includes a scan
 *   for changes whenever one is due (the plugin's scan interval), so the slowest calls show the scan;
 * - the first sync of the whole shop by the app's CLI (sync.start) into a new data folder.
 * The token is read from the environment and never printed.
 */
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function pullAll(shop: ShopApi, entity: SyncEntity): Promise<{ rows: number; next: SyncCursor }> {
  let rows = 0;
  let cursor: SyncCursor = { timemodified: 0, id: 0 };
  for (let first = true; ; first = false) {
    const page = await shop.syncPage(entity, cursor, 500, { countRemaining: first });
    rows += page.rows.length + page.deleted.length;
    cursor = page.next;
    if (!page.hasmore) return { rows, next: cursor };
  }
}

/** The app's CLI in a child process; asynchronous, since the simulated site answers from this process's event loop. */
function cli(args: string[], dataDir: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'main/cli/main.ts', ...args, '--data-dir', dataDir],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => (error ? reject(new Error(`cli ${args[0]} failed: ${stderr.slice(0, 500)}`)) : resolve(stdout)),
    );
  });
}

export async function siteBench(bills: number): Promise<void> {
  const given = process.env['SITE_URL'] && process.env['SITE_TOKEN'];
  const sim = given ? undefined : await startSimulatedSite({ demo: { bills } });
  const url = given ? (process.env['SITE_URL'] as string) : (sim?.url as string);
  const token = given ? (process.env['SITE_TOKEN'] as string) : (sim?.adminToken as string);
  const label = given ? `Site ${url}` : `Simulated site, ${bills.toLocaleString('en')} bills`;
  try {
    const moodle = createMoodleClient({ url, token, logger: silentLogger, timeoutMs: 300_000 });
    const shop = new ShopApi(moodle);
    const ends: Partial<Record<SyncEntity, SyncCursor>> = {};
    for (const entity of ['customers', 'bills'] as const) {
      const pulled = await timed(() => pullAll(shop, entity));
      ends[entity] = pulled.value.next;
      report(`${label}: local_shopbackoffice_sync_${entity}, 500 per page`, [
        ['rows', pulled.value.rows],
        ['rows/s', rate(pulled.value.rows, pulled.ms)],
        ['seconds', (pulled.ms / 1000).toFixed(1)],
      ]);
    }
    for (const entity of ['customers', 'bills'] as const) {
      const times: number[] = [];
      for (let i = 0; i < 20; i += 1) {
        times.push((await timed(() => shop.syncPage(entity, ends[entity] as SyncCursor, 500, { countRemaining: false }))).ms);
      }
      report(`${label}: a sync_${entity} call with nothing changed (20 calls, cursor at the end)`, [
        ['median ms', median(times).toFixed(1)],
        ['fastest ms', Math.min(...times).toFixed(1)],
        ['slowest ms', Math.max(...times).toFixed(1)],
      ]);
    }
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'site-bench-'));
    try {
      await cli(['profiles.create', JSON.stringify({ name: 'Bench', url, token })], dataDir);
      const synced = await timed(
        async () => JSON.parse(await cli(['sync.start', '{}'], dataDir)) as { outcome: string; rowsApplied: number },
      );
      report(`${label}: first sync by the app (npm run cli -- sync.start, a new data folder)`, [
        ['outcome', synced.value.outcome],
        ['rows applied', synced.value.rowsApplied],
        ['rows/s', rate(synced.value.rowsApplied, synced.ms)],
        ['seconds', (synced.ms / 1000).toFixed(1)],
      ]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  } finally {
    await sim?.close();
  }
}
