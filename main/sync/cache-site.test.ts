import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KeptCache, SyncRun, SyncStatus } from '../../shared/contract';
import { startSimulatedSite, type SimulatedSite } from '../../test/sim/start-simulated-site';
import { createCore, type Core } from '../core/create-core';
import { silentLogger } from '../core/logger';

/**
 * A cache belongs to the site it was filled from. Two simulated sites with their own identifiers: a profile
 * switched from the first to the second must not push the first's edits there, nor mix the two in one cache.
 */

let first: SimulatedSite;
let second: SimulatedSite;
let core: Core;
let dataDir: string;

beforeEach(async () => {
  [first, second] = await Promise.all([
    startSimulatedSite({ demo: { bills: 12, seed: 1 }, randomSeed: 1 }),
    startSimulatedSite({ demo: { bills: 7, seed: 2 }, randomSeed: 2 }),
  ]);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-cache-site-'));
  core = createCore({ dataDir, mode: 'cli', version: 'test', logger: silentLogger, autoSync: false });
});
afterEach(async () => {
  core.close();
  await Promise.all([first.close(), second.close()]);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function ok<T>(name: string, input: unknown = {}): Promise<T> {
  const result = await core.dispatch(name, input, { transport: 'internal' });
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

const WRITES = /^local_shopbackoffice_(transition_bill|record_payment|set_bill_lettering|update_customer|save_|delete_|record_production)/;

describe("a cache's site", () => {
  it('refuses to sync into a cache of another site, keeps its unsent changes from it, and starts a new cache', async () => {
    const profile = await ok<{ id: string }>('profiles.create', { name: 'Shop', url: first.url, token: first.adminToken });
    expect(await ok<SyncRun>('sync.start')).toMatchObject({ outcome: 'done', errorCode: null });
    const status = await ok<SyncStatus>('sync.status');
    expect(status.site).toMatchObject({ wwwroot: first.url, identifier: expect.stringMatching(/.{32}/) });

    // An edit made offline waits in the outbox...
    const db = core.services.activeSite().db;
    const billId = db.prepare("SELECT id FROM bill WHERE status = 'REFUSED' ORDER BY id LIMIT 1").pluck().get() as number;
    await ok('bills.transition', { id: billId, to: 'PENDING' });
    // ...when the profile is pointed at another site.
    await ok('profiles.update', { id: profile.id, url: second.url, token: second.adminToken });
    const secondBefore = second.requests.length;

    const refused = await ok<SyncRun>('sync.start');
    expect(refused).toMatchObject({ outcome: 'failed', errorCode: 'site_changed' });
    expect(refused.detail).toContain(second.url);
    expect(refused.detail).toContain(first.url);
    expect(refused.detail).toMatch(/1 unsent change stays with it/);
    const asked = second.requests.slice(secondBefore).map((r) => r.wsfunction);
    expect(asked).toEqual(['local_shopbackoffice_get_site']);
    // Product handlers refuse the same way: they act on the site the bills came from, or not at all.
    const lineId = db.prepare('SELECT id FROM bill_item WHERE billid = ? LIMIT 1').pluck().get(billId) as number;
    const plan = await core.dispatch('production.plan', { billId, billItemId: lineId }, { transport: 'internal' });
    expect(plan).toMatchObject({ ok: false, error: { code: 'site_changed' } });

    const { kept } = await ok<{ kept: KeptCache }>('profiles.startNewCache', { id: profile.id });
    expect(kept).toMatchObject({ unsent: 1, site: { wwwroot: first.url } });
    expect(await ok<SyncRun>('sync.start')).toMatchObject({ outcome: 'done' });
    const bills = core.services.activeSite().db.prepare('SELECT count(*) FROM bill').pluck().get() as number;
    expect(bills).toBe([...second.demo!.bills()].length);
    expect((await ok<SyncStatus>('sync.status')).site).toMatchObject({ wwwroot: second.url });
    expect(second.requests.map((r) => r.wsfunction).filter((fn) => WRITES.test(fn ?? ''))).toEqual([]);

    // The old cache's change is there to read, write to a file, and delete.
    expect(await ok('profiles.keptCaches', { id: profile.id })).toEqual({ caches: [kept] });
    const file = path.join(dataDir, 'unsent.json');
    expect(await ok('profiles.exportKeptCache', { id: profile.id, name: kept.name, file })).toEqual({ file, entries: 1 });
    const exported = JSON.parse(fs.readFileSync(file, 'utf8')) as { site: { wwwroot: string }; unsentChanges: { entityId: number }[] };
    expect(exported.site.wwwroot).toBe(first.url);
    expect(exported.unsentChanges.map((c) => c.entityId)).toEqual([billId]);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(first.adminToken);
    expect(await ok('profiles.discardKeptCache', { id: profile.id, name: kept.name })).toEqual({ caches: [] });
    const again = await core.dispatch('profiles.discardKeptCache', { id: profile.id, name: kept.name }, { transport: 'internal' });
    expect(again).toMatchObject({ ok: false, error: { code: 'kept_cache_not_found' } });
  });

  it('stops the sync with what to do when the site does not have the shop plugin', async () => {
    const bare = await startSimulatedSite({ withoutComponents: ['local_shopbackoffice'] });
    try {
      await ok('profiles.create', { name: 'Bare', url: bare.url, token: bare.adminToken });
      const run = await ok<SyncRun>('sync.start');
      expect(run).toMatchObject({ outcome: 'failed', errorCode: 'moodle_function_not_installed' });
      expect(run.detail).toMatch(/local_shopbackoffice is not installed.*install or upgrade it/);
    } finally {
      await bare.close();
    }
  });
});
