import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncRun } from '../../shared/contract';
import { startSimulatedSite, type SimulatedSite } from '../../test/sim/start-simulated-site';
import { createCore, type Core } from '../core/create-core';
import { silentLogger } from '../core/logger';

/**
 * A damaged cache (issue 14, item 2): every command answered db_corrupt "rebuild the cache", and the rebuild
 * answered db_corrupt too. Now the rebuild sets the damaged file aside, carries the unsent changes it still
 * yields into a fresh cache and fills that from the site.
 */

let sim: SimulatedSite;
let dataDir: string;
let core: Core;

const open = () => createCore({ dataDir, mode: 'cli', version: 'test', logger: silentLogger, autoSync: false });
const call = (name: string, input: unknown = {}) => core.dispatch(name, input, { transport: 'internal' });

beforeEach(async () => {
  sim = await startSimulatedSite({ demo: { bills: 300, seed: 4 } });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-damaged-'));
  core = open();
});
afterEach(async () => {
  core.close();
  await sim.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** A synced cache with one unsent change, closed (checkpointed), and its file. */
async function syncedWithOneChange(): Promise<{ file: string; billId: number }> {
  const created = await call('profiles.create', { name: 'Shop', url: sim.url, token: sim.adminToken });
  expect(await call('sync.start')).toMatchObject({ ok: true, value: { outcome: 'done' } });
  const db = core.services.activeSite().db;
  const billId = db.prepare("SELECT id FROM bill WHERE status = 'REFUSED' ORDER BY id LIMIT 1").pluck().get() as number;
  expect(await call('bills.transition', { id: billId, to: 'PENDING' })).toMatchObject({ ok: true });
  core.close();
  return { file: path.join(dataDir, 'profiles', (created as { value: { id: string } }).value.id, 'cache.sqlite'), billId };
}

describe('a damaged cache', () => {
  it('overwritten in the middle: commands say to rebuild; the rebuild sets it aside, keeps the unsent change and refills', async () => {
    const { file, billId } = await syncedWithOneChange();
    // Garbage over the bills' pages. Which pages those are is asked of SQLite (dbstat): a fixed stretch of the
    // file ("the middle third") also hit the schema's pages once a migration made the schema one page longer, and
    // the outbox this test wants kept must stay readable.
    const probe = new Database(file, { readonly: true });
    const pageSize = probe.pragma('page_size', { simple: true }) as number;
    const billPages = probe.prepare("SELECT pageno FROM dbstat WHERE name = 'bill'").pluck().all() as number[];
    probe.close();
    expect(billPages.length).toBeGreaterThan(10);
    const bytes = fs.readFileSync(file);
    for (const page of billPages) bytes.fill(0xa5, (page - 1) * pageSize, page * pageSize);
    fs.writeFileSync(file, bytes);

    core = open();
    const listed = await call('bills.list', { filter: {}, sort: { column: 'id', direction: 'asc' }, offset: 0, limit: 500 });
    expect(listed).toMatchObject({ ok: false, error: { code: 'db_corrupt', message: expect.stringMatching(/Rebuild it/) } });

    const rebuilt = await call('sync.rebuildCache');
    expect(rebuilt, JSON.stringify(rebuilt)).toMatchObject({ ok: true, value: { outcome: 'done' } });
    const run = (rebuilt as { value: SyncRun }).value;
    const folder = /set aside in (\S+) \(kept/.exec(run.detail ?? '')?.[1];
    expect(folder, run.detail ?? '').toBeDefined();
    expect(fs.existsSync(path.join(folder!, 'cache.sqlite'))).toBe(true);
    expect(run.detail).toMatch(/1 unsent change was carried into a fresh cache/);

    const db = core.services.activeSite().db;
    expect(db.prepare('SELECT count(*) FROM bill').pluck().get()).toBe(300);
    // The change was carried over, then sent once the fresh cache held its bill: the shop has it now.
    expect(db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    expect(sim.shop.read('bills', billId)?.status).toBe('PENDING');
    expect(await call('bills.list', { filter: {}, sort: { column: 'id', direction: 'asc' }, offset: 0, limit: 5 })).toMatchObject({
      ok: true,
    });
  }, 60_000);

  it('truncated to its first pages: the rebuild still finds a way out and says what it could not read', async () => {
    const { file } = await syncedWithOneChange();
    fs.truncateSync(file, 3 * 4096);

    core = open();
    expect(await call('sync.status')).toMatchObject({ ok: false, error: { code: 'db_corrupt' } });
    const rebuilt = await call('sync.rebuildCache');
    expect(rebuilt).toMatchObject({
      ok: true,
      value: { outcome: 'done', detail: expect.stringMatching(/The cache was damaged: it was set aside/) },
    });
    expect(core.services.activeSite().db.prepare('SELECT count(*) FROM bill').pluck().get()).toBe(300);
  }, 60_000);
});
