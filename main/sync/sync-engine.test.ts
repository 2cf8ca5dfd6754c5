import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tableHashes } from '../../test/support/cache-hash';
import { startSimulatedSite, type SimulatedSite } from '../../test/sim/start-simulated-site';
import { EventBus } from '../core/event-bus';
import { silentLogger } from '../core/logger';
import { openDatabase, type Db } from '../db/open';
import { createMoodleClient, type MoodleClient } from '../moodle/rest-client';
import { ShopApi } from '../shop-api/shop-client';
import { finishBulkLoad } from './bulk-load';
import { enqueue, listEntries, postpone } from './outbox';
import { emptyServerCopy } from './server-copy';
import { SyncEngine } from './sync-engine';
import type { SyncProgress } from '../../shared/contract/sync';

let sim: SimulatedSite;
let reference: Record<string, string>;
const BILLS = 600;

function engineOn(
  db: Db,
  pageSize: number,
  afterCommit?: (entity: string, page: number) => void,
): { engine: SyncEngine; client: MoodleClient } {
  const client = createMoodleClient({ url: sim.url, token: sim.adminToken, logger: silentLogger, sleep: async () => {} });
  const api = new ShopApi(client);
  const engine = new SyncEngine({
    db,
    api: () => api,
    bus: new EventBus(),
    logger: silentLogger,
    pageSize,
    ...(afterCommit ? { afterCommit } : {}),
  });
  return { engine, client };
}

beforeAll(async () => {
  sim = await startSimulatedSite({ demo: { bills: BILLS } });
  // What an uninterrupted sync with large pages gives: the truth the other runs are compared with.
  const db = openDatabase(':memory:');
  const run = await engineOn(db, 2000).engine.start('manual');
  expect(run.outcome).toBe('done');
  reference = tableHashes(db);
  db.close();
});
afterAll(async () => {
  await sim.close();
});

let db: Db;
beforeEach(() => {
  db = openDatabase(':memory:');
  sim.clearFaults();
});
afterEach(() => db.close());

describe('pull', () => {
  it('mirrors the shop exactly, whatever the page size', async () => {
    expect(reference['bill']).toMatch(new RegExp(`^${BILLS}:`));
    const run = await engineOn(db, 37).engine.start('manual');
    expect(run).toMatchObject({ outcome: 'done', rowsApplied: expect.any(Number) });
    expect(tableHashes(db)).toEqual(reference);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('makes one call per entity when nothing changed', async () => {
    const { engine, client } = engineOn(db, 500);
    await engine.start('manual');
    const before = client.log.stats();
    const run = await engine.start('manual');
    expect(run.outcome).toBe('done');
    const after = client.log.stats();
    const syncCalls = Object.entries(after.byFunction).filter(([fn]) => fn.startsWith('local_shopbackoffice_sync_'));
    expect(syncCalls).toHaveLength(9);
    for (const [fn, stats] of syncCalls) expect(stats.calls - (before.byFunction[fn]?.calls ?? 0), fn).toBe(1);
  });

  it('stops on a fault in the middle with no partly applied page, and the next run resumes', async () => {
    let pages = 0;
    const { engine } = engineOn(db, 25, (entity) => {
      if (entity === 'bills' && ++pages === 3) sim.injectFault('local_shopbackoffice_sync_bills', { kind: 'http-error' }, Infinity);
    });
    const failed = await engine.start('manual');
    expect(failed.outcome).toBe('failed');
    expect(failed.detail).toMatch(/HTTP 500/);
    // Exactly three pages of bills, each with all its lines: a page is applied whole or not at all.
    expect(db.prepare('SELECT count(*) FROM bill').pluck().get()).toBe(75);
    expect(db.prepare('SELECT count(*) FROM bill_item WHERE billid NOT IN (SELECT id FROM bill)').pluck().get()).toBe(0);
    sim.clearFaults();
    expect((await engine.start('manual')).outcome).toBe('done');
    expect(tableHashes(db)).toEqual(reference);
  });

  it.each([
    ['truncated JSON', { kind: 'truncated-json' } as const, /cut off/],
    ['a PHP error page', { kind: 'php-fatal' } as const, /web page instead of data/],
    ['a stall past the timeout', { kind: 'stall', ms: 1500 } as const, /did not answer/],
  ])('ends %s with a clear error, then resumes', async (_label, fault, message) => {
    const client = createMoodleClient({
      url: sim.url,
      token: sim.adminToken,
      logger: silentLogger,
      sleep: async () => {},
      timeoutMs: 500,
      retry: { attempts: 2 },
    });
    const api = new ShopApi(client);
    const engine = new SyncEngine({ db, api: () => api, bus: new EventBus(), logger: silentLogger, pageSize: 100 });
    sim.injectFault('local_shopbackoffice_sync_customers', fault, Infinity);
    const failed = await engine.start('manual');
    expect(failed).toMatchObject({ outcome: 'failed' });
    expect(failed.detail).toMatch(message);
    expect(db.prepare('SELECT count(*) FROM customer').pluck().get()).toBe(0);
    sim.clearFaults();
    expect((await engine.start('manual')).outcome).toBe('done');
    expect(tableHashes(db)).toEqual(reference);
  });

  it('is cancelled after the page in progress, keeping what was received', async () => {
    const holder: { engine?: SyncEngine } = {};
    const { engine } = engineOn(db, 20, (entity, page) => {
      if (entity === 'bills' && page === 2) holder.engine?.cancel();
    });
    holder.engine = engine;
    const run = await engine.start('manual');
    expect(run.outcome).toBe('cancelled');
    expect(db.prepare('SELECT count(*) FROM bill').pluck().get()).toBe(40);
  });

  it('reports progress with totals, rate and time left', async () => {
    const bus = new EventBus();
    const seen: { entity: string | null; done: number; total: number | null }[] = [];
    bus.subscribe((name, payload) => {
      if (name === 'sync.progressed') seen.push(payload as (typeof seen)[number]);
    });
    const client = createMoodleClient({ url: sim.url, token: sim.adminToken, logger: silentLogger });
    const api = new ShopApi(client);
    await new SyncEngine({ db, api: () => api, bus, logger: silentLogger, pageSize: 100 }).start('manual');
    const bills = seen.filter((p) => p.entity === 'bills');
    expect(bills.map((p) => p.done)).toEqual([100, 200, 300, 400, 500, 600]);
    expect(bills.every((p) => p.total === BILLS)).toBe(true);
  });

  it('reports a first sync phase by phase: receiving, sending, then building, to the end of the build', async () => {
    const fresh = openDatabase(':memory:');
    const bus = new EventBus();
    const seen: SyncProgress[] = [];
    bus.subscribe((name, payload) => {
      if (name === 'sync.progressed') seen.push(payload as SyncProgress);
    });
    const api = new ShopApi(createMoodleClient({ url: sim.url, token: sim.adminToken, logger: silentLogger }));
    expect((await new SyncEngine({ db: fresh, api: () => api, bus, logger: silentLogger, pageSize: 100 }).start('manual')).outcome).toBe(
      'done',
    );
    const phases = seen.map((p) => p.phase).filter((phase, i, all) => phase !== all[i - 1]);
    expect(phases).toEqual(['pull', 'push', 'build']);
    expect(seen.every((p) => p.filling === true)).toBe(true);
    const build = seen.filter((p) => p.phase === 'build');
    expect(build.length).toBeGreaterThan(10);
    expect(build[0]!.done).toBe(0);
    expect(build.at(-1)!.done).toBe(build.at(-1)!.total);
    expect(build.every((p, i) => p.total === build[0]!.total && (i === 0 || p.done >= build[i - 1]!.done))).toBe(true);
    // A later sync of the same cache is not a first one: no build.
    seen.length = 0;
    await new SyncEngine({ db: fresh, api: () => api, bus, logger: silentLogger, pageSize: 100 }).start('manual');
    expect(seen.some((p) => p.phase === 'build' || p.filling)).toBe(false);
    fresh.close();
  });

  it('rebuilds the cache from scratch and keeps unsent changes', async () => {
    const { engine } = engineOn(db, 500);
    await engine.start('manual');
    db.prepare("UPDATE bill SET title = 'damaged by hand'").run();
    // A change the shop will refuse as a conflict (the bill is COMPLETE, not PENDING): it stays in the outbox.
    const complete = db.prepare("SELECT id FROM bill WHERE status = 'COMPLETE' LIMIT 1").pluck().get() as number;
    enqueue(db, {
      kind: 'bill.transition',
      entityId: complete,
      baseVersion: 0,
      payload: { fromstatus: 'PENDING', tostatus: 'SOLDOUT', note: '' },
    });
    const run = await engine.rebuild();
    // Done, but the run says one change did not get through (the CLI exits 1 on it).
    expect(run).toMatchObject({ trigger: 'rebuild', outcome: 'done', refused: 1 });
    expect(listEntries(db)).toMatchObject([{ entityId: complete, state: 'conflict' }]);
    // A conflict already parked is not refused again by the next run: it waits for a decision.
    expect(await engine.start('manual')).toMatchObject({ outcome: 'done', refused: 0 });
    expect(tableHashes(db)).toEqual(reference);
  });

  it('runs its long transactions where it is told, joining the run meanwhile, with the same cache in the end', async () => {
    // As the app's core thread does: the work goes elsewhere (here, after a turn of the event loop), and the
    // engine only awaits it.
    const jobs: string[] = [];
    const elsewhere = (name: string, work: () => void) => async () => {
      jobs.push(name);
      await new Promise((resolve) => setImmediate(resolve));
      work();
    };
    const api = new ShopApi(createMoodleClient({ url: sim.url, token: sim.adminToken, logger: silentLogger, sleep: async () => {} }));
    const engine = new SyncEngine({
      db,
      api: () => api,
      bus: new EventBus(),
      logger: silentLogger,
      pageSize: 500,
      offload: {
        buildIndexes: elsewhere('buildIndexes', () => finishBulkLoad(db)),
        emptyServerCopy: elsewhere('emptyServerCopy', () => emptyServerCopy(db)),
      },
    });
    expect(await engine.start('manual')).toMatchObject({ outcome: 'done' });
    expect(jobs).toEqual(['buildIndexes']);
    expect(tableHashes(db)).toEqual(reference);

    const rebuilding = engine.rebuild();
    // A sync asked for while the cache is being emptied joins the rebuild, and a second rebuild is refused.
    expect(engine.running).toBe(true);
    const joined = engine.start('manual');
    expect(() => engine.rebuild()).toThrow(/A sync is running/);
    const run = await rebuilding;
    expect(await joined).toEqual(run);
    expect(run).toMatchObject({ trigger: 'rebuild', outcome: 'done' });
    expect(jobs).toEqual(['buildIndexes', 'emptyServerCopy', 'buildIndexes']);
    expect(tableHashes(db)).toEqual(reference);
    expect(engine.running).toBe(false);
  });

  it('sends an entry waiting out its backoff when the operator asks for a sync, not on the schedule', async () => {
    const { engine } = engineOn(db, 500);
    await engine.start('manual');
    const pending = db.prepare("SELECT id, version FROM bill WHERE status = 'PENDING' LIMIT 1").get() as { id: number; version: number };
    const { seq } = enqueue(db, {
      kind: 'bill.transition',
      entityId: pending.id,
      baseVersion: pending.version,
      payload: { fromstatus: 'PENDING', tostatus: 'CANCELLED', note: 'backoff test' },
    });
    // As after a failed attempt while the site was down: not due for another five minutes.
    postpone(db, seq, Date.now() + 5 * 60_000, { code: 'moodle_unreachable', message: 'down' });
    await engine.start('schedule');
    expect(listEntries(db).map((e) => e.seq)).toEqual([seq]);
    await engine.start('manual');
    expect(listEntries(db)).toEqual([]);
    expect(sim.shop.read('bills', pending.id)?.status).toBe('CANCELLED');
  });
});
