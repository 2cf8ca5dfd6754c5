import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCoreHost, type CoreHost } from './host';
import { DataDir } from '../data-dir';
import type { CallContext } from '../commands';
import { silentLogger } from '../logger';
import { startSimulatedSite, type SimulatedSite } from '../../../test/sim/start-simulated-site';

/**
 * The Electron app starts its core's threads from the bundle (dist/electron/core-worker.cjs), not from the
 * sources the other tests run through tsx. Electron's binary cannot be downloaded here, so the bundle is run as
 * Electron would run it, on worker threads of a plain Node process: each of its three roles (the core, the
 * reader, a cache job) must load from the one CommonJS file, its dynamic imports included.
 */
const root = path.resolve(__dirname, '../../..');
const bundle = path.join(root, 'dist', 'electron', 'core-worker.cjs');
const context: CallContext = { transport: 'ipc' };

let sim: SimulatedSite;
let dataDir: string;
let host: CoreHost;

beforeAll(async () => {
  // As `npm run build:electron` does (npm test builds first; a lone run of this file builds here).
  execFileSync(process.execPath, ['build/scripts/build-electron.mjs'], { cwd: root, stdio: 'pipe' });
  sim = await startSimulatedSite({ demo: { bills: 120 } });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-core-bundle-'));
  host = await startCoreHost({
    script: { file: bundle },
    core: { dataDir, mode: 'electron', version: 'test', autoSync: false },
    logger: silentLogger,
  });
}, 120_000);

afterAll(async () => {
  await host?.close();
  await sim?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the Electron bundle's core thread", () => {
  it('answers commands, fills a first cache with its index build on a cache job thread, and lists from the reader', async () => {
    expect(await host.dispatch('app.info', {}, context)).toMatchObject({ ok: true, value: { mode: 'electron', dataDir } });
    expect(await host.dispatch('profiles.create', { name: 'Bundle', url: sim.url, token: sim.adminToken }, context)).toMatchObject({
      ok: true,
    });
    expect(await host.dispatch('sync.start', {}, context)).toMatchObject({ ok: true, value: { outcome: 'done' } });
    await expect
      .poll(() => fs.readFileSync(new DataDir(dataDir).logFile, 'utf8'))
      .toMatch(/"message":"cache job done on its own thread","job":"buildIndexes"/);
    const list = { filter: {}, sort: { column: 'emissiondate', direction: 'desc' }, offset: 0, limit: 10 };
    expect(await host.dispatch('bills.list', list, context)).toMatchObject({ ok: true, value: { total: 120 } });
    // Nothing the threads failed at: a role whose import the bundle lost would have logged it.
    expect(fs.readFileSync(new DataDir(dataDir).logFile, 'utf8')).not.toMatch(/could not start|thread lost|thread failed/);
  }, 120_000);
});
