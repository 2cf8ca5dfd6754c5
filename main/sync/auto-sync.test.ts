import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncRun } from '../../shared/contract';
import { startSimulatedSite, type SimulatedSite } from '../../test/sim/start-simulated-site';
import { createCore, type Core } from '../core/create-core';
import { silentLogger } from '../core/logger';
import { startAutoSync } from './auto-sync';

let sim: SimulatedSite;
let core: Core;
let dataDir: string;

beforeEach(async () => {
  sim = await startSimulatedSite({ demo: { bills: 20 } });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-autosync-'));
  core = createCore({ dataDir, mode: 'browser', version: 'test', logger: silentLogger, autoSync: false });
});
afterEach(async () => {
  core.close();
  await sim.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function nextRun(trigger: string): Promise<SyncRun> {
  return new Promise((resolve) => {
    const off = core.bus.subscribe((name, payload) => {
      if (name === 'sync.finished' && (payload as SyncRun).trigger === trigger) {
        off();
        resolve(payload as SyncRun);
      }
    });
  });
}

describe('auto sync', () => {
  it('syncs a site as soon as it becomes active, and again when it comes back online', async () => {
    const stop = startAutoSync(core.services, 0.1);
    try {
      const first = nextRun('startup');
      await core.dispatch('profiles.create', { name: 'Demo', url: sim.url, token: sim.adminToken }, { transport: 'internal' });
      expect((await first).outcome).toBe('done');

      // The site goes away: a sync fails and the status bar says offline.
      sim.injectFault('*', { kind: 'connection-reset' }, Infinity);
      const failed = await core.dispatch('sync.start', {}, { transport: 'internal' });
      expect(failed).toMatchObject({ ok: true, value: { outcome: 'failed' } });
      expect(core.services.status.snapshot().connection).toBe('offline');

      // It comes back: the probe notices, and a sync runs on its own.
      const back = nextRun('online');
      sim.clearFaults();
      expect((await back).outcome).toBe('done');
      expect(core.services.status.snapshot().connection).toBe('online');
    } finally {
      stop();
    }
  });
});
