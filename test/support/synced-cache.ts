import { EventBus } from '../../main/core/event-bus';
import { silentLogger } from '../../main/core/logger';
import { openDatabase, type Db } from '../../main/db/open';
import { createMoodleClient } from '../../main/moodle/rest-client';
import { ShopApi } from '../../main/shop-api/shop-client';
import { SyncEngine } from '../../main/sync/sync-engine';
import { startSimulatedSite, type SimulatedSite } from '../sim/start-simulated-site';

export interface SyncedCache {
  sim: SimulatedSite;
  db: Db;
  engine: SyncEngine;
  bus: EventBus;
  close(): Promise<void>;
}

/** A demo shop on a simulated site, and an in-memory cache synced from it through the real sync engine. */
export async function syncedCache(options: { bills: number; pageSize?: number }): Promise<SyncedCache> {
  const sim = await startSimulatedSite({ demo: { bills: options.bills } });
  const db = openDatabase(':memory:');
  const api = new ShopApi(createMoodleClient({ url: sim.url, token: sim.adminToken, logger: silentLogger, sleep: async () => {} }));
  const bus = new EventBus();
  const engine = new SyncEngine({ db, api: () => api, bus, logger: silentLogger, pageSize: options.pageSize ?? 500 });
  const run = await engine.start('manual');
  if (run.outcome !== 'done') throw new Error(`The first sync did not finish: ${run.outcome} ${run.detail ?? ''}`);
  return {
    sim,
    db,
    engine,
    bus,
    close: async () => {
      engine.dispose();
      db.close();
      await sim.close();
    },
  };
}
