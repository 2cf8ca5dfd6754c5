import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../main/core/event-bus';
import { silentLogger } from '../../main/core/logger';
import { openDatabase, type Db } from '../../main/db/open';
import { createMoodleClient } from '../../main/moodle/rest-client';
import type { CatalogItemRecord } from '../../main/shop-api/records';
import { ShopApi } from '../../main/shop-api/shop-client';
import { enqueue, listEntries, outboxCounts } from '../../main/sync/outbox';
import { pushOutbox } from '../../main/sync/push';
import { SyncEngine } from '../../main/sync/sync-engine';
import { runSyncChild } from '../support/run-sync-child';
import { startSimulatedSite, type SimulatedSite } from '../sim/start-simulated-site';

/**
 * 1,000 catalog edits made while the site is down reach it exactly once when it is back, even when the app is
 * killed in the middle of sending them; edits the site changed meanwhile are parked as conflicts, never
 * written over.
 */
const EDITS = 1000;
let sim: SimulatedSite;
let dir: string;

beforeAll(async () => {
  sim = await startSimulatedSite({ demo: { bills: 50 } });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-outage-'));
});
afterAll(async () => {
  await sim.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const pushChild = (file: string, killAfterMs?: number) =>
  runSyncChild({ mode: 'push', url: sim.url, token: sim.adminToken, file }, killAfterMs);

const cachedItems = (db: Db) =>
  (db.prepare('SELECT * FROM catalog_item ORDER BY id').all() as (Omit<CatalogItemRecord, 'prices'> & { prices: string })[]).map((row) => ({
    ...row,
    prices: JSON.parse(row.prices) as CatalogItemRecord['prices'],
  }));

describe('the outbox through an outage', () => {
  it('applies 1,000 offline edits exactly once, through kills, and parks every conflict', async () => {
    const file = path.join(dir, 'cache.sqlite');
    const db = openDatabase(file);
    const api = new ShopApi(createMoodleClient({ url: sim.url, token: sim.adminToken, logger: silentLogger, sleep: async () => {} }));
    expect((await new SyncEngine({ db, api: () => api, bus: new EventBus(), logger: silentLogger }).start('manual')).outcome).toBe('done');
    const items = cachedItems(db);
    expect(items.length).toBeGreaterThan(40);

    // The site goes down; the manager keeps editing: 1,000 edits over all the items, several per item.
    sim.injectFault('*', { kind: 'connection-reset' }, Infinity);
    const lastName = new Map<number, string>();
    const editsPerItem = new Map<number, number>();
    db.transaction(() => {
      for (let i = 0; i < EDITS; i += 1) {
        const item = items[i % items.length]!;
        const { version, timemodified: _t, sold: _s, ...fields } = item;
        const name = `${item.name.split(' ✎')[0]} ✎${i}`;
        enqueue(db, { kind: 'catalogItem.save', entityId: item.id, baseVersion: version, payload: { ...fields, name } });
        lastName.set(item.id, name);
        editsPerItem.set(item.id, (editsPerItem.get(item.id) ?? 0) + 1);
      }
    })();
    const offline = await pushOutbox(db, api);
    expect(offline.stoppedBy?.code).toBe('moodle_unreachable');
    expect(outboxCounts(db)).toEqual({ pending: EDITS, parked: 0, conflict: 0 });

    // Meanwhile, someone changes five of the items on the site itself.
    const changedOnSite = items.slice(0, 5).map((item) => item.id);
    for (const id of changedOnSite) sim.shop.touchCatalogItem(id, { name: `Changed on the site ${id}` });
    const versionsBefore = new Map(items.map((item) => [item.id, sim.shop.read('catalogitems', item.id)!.version]));

    // The site is back. Time has passed, so postponed entries are due. The app is killed three times mid-push.
    sim.clearFaults();
    db.prepare('UPDATE outbox SET next_attempt_at = 0').run();
    db.close();
    let kills = 0;
    for (const delay of [900, 1400, 1100]) {
      const outcome = await pushChild(file, delay);
      if (outcome.signal === 'SIGKILL') kills += 1;
      else expect(outcome.code, outcome.stderr).toBe(0);
    }
    expect(kills).toBeGreaterThan(0);
    const last = await pushChild(file);
    expect(last.code, last.stderr).toBe(0);

    const after = openDatabase(file);
    const counts = outboxCounts(after);
    expect(counts.conflict).toBe(changedOnSite.length);
    expect(counts.parked).toBe(0);
    // The edits queued behind a conflict wait for its resolution; nothing else is left.
    const waiting = listEntries(after).filter((e) => !('damaged' in e) && e.state === 'pending');
    expect(waiting.every((e) => !('damaged' in e) && changedOnSite.includes(e.entityId))).toBe(true);
    for (const entry of listEntries(after)) {
      if ('damaged' in entry || entry.state !== 'conflict') continue;
      expect(entry.remote).toMatchObject({ name: `Changed on the site ${entry.entityId}` });
    }

    for (const item of items) {
      const server = sim.shop.read('catalogitems', item.id)!;
      if (changedOnSite.includes(item.id)) {
        // Not written over: the site's change stands until someone resolves the conflict.
        expect(server.name).toBe(`Changed on the site ${item.id}`);
        expect(server.version).toBe(versionsBefore.get(item.id));
      } else {
        // Each edit applied exactly once: one version per edit, and the last edit's name.
        expect(server.version, `item ${item.id}`).toBe(versionsBefore.get(item.id)! + editsPerItem.get(item.id)!);
        expect(server.name).toBe(lastName.get(item.id));
      }
    }
    const applied = EDITS - listEntries(after).length;
    expect(
      sim.db
        .prepare("SELECT count(*) FROM mdl_local_shop_mutation WHERE functionname = 'local_shopbackoffice_save_catalogitem'")
        .pluck()
        .get(),
    ).toBe(applied);
    after.close();
  }, 240_000);
});
