import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandOutput, SyncRun } from '../../shared/contract';
import { enrolAsSold, type Sale } from '../../test/sim/audit-seed';
import { startSimulatedSite, type SimulatedSite } from '../../test/sim/start-simulated-site';
import { createCore, type Core } from '../core/create-core';
import { silentLogger } from '../core/logger';

/**
 * The audit reruns by itself after a sync that brought changes, on the courses of what changed, once an
 * operator has run a first audit: through the core, as the window and the status bar see it.
 */
const T0 = Math.floor(Date.now() / 1000);

let sim: SimulatedSite;
let core: Core;
let dataDir: string;
let sales: Sale[];

async function ok<T>(name: string, input: unknown = {}): Promise<T> {
  const result = await core.dispatch(name, input, { transport: 'internal' });
  if (!result.ok) throw new Error(`${name}: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

beforeAll(async () => {
  sim = await startSimulatedSite({ now: T0, demo: { bills: 150, seed: 11 } });
  sales = enrolAsSold(sim.site, T0);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-audit-after-sync-'));
  core = createCore({ dataDir, mode: 'browser', version: 'test', logger: silentLogger, autoSync: false });
  await ok<unknown>('profiles.create', { name: 'Shop', url: sim.url, token: sim.adminToken });
  expect(await ok<SyncRun>('sync.start')).toMatchObject({ outcome: 'done' });
}, 60_000);

afterAll(async () => {
  core?.close();
  await sim?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the audit after a sync', () => {
  it('does not run before a first audit; then audits the courses of what a sync changed, by itself', async () => {
    const audits = () => core.services.activeSite().db.prepare('SELECT count(*) FROM audit_run').pluck().get() as number;
    // A sync before any audit starts none.
    sim.setNow(T0 + 20);
    await ok<SyncRun>('sync.start');
    expect(audits()).toBe(0);

    const first = await ok<CommandOutput<'audit.run'>>('audit.run', { runId: 'first-audit' });
    expect(first).toMatchObject({ total: 0, run: { scope: 'full', outcome: 'done' } });

    const alone = (s: Sale) => sales.filter((o) => o.userId === s.userId && o.courseId === s.courseId).length === 1;
    const sale = sales.find((s) => s.productId > 0 && s.groupId === 0 && s.timeend > T0 + 86_400 && alone(s))!;
    sim.site.transaction(() =>
      sim.db
        .prepare('UPDATE mdl_local_shop_product SET enddate = enddate + 86400, timemodified = ? WHERE id = ?')
        .run(T0 + 25, sale.productId),
    );
    sim.setNow(T0 + 40);
    const changed = new Promise<void>((resolve) => {
      const stop = core.services.bus.subscribe((name) => {
        if (name === 'audit.changed') {
          stop();
          resolve();
        }
      });
    });
    expect(await ok<SyncRun>('sync.start')).toMatchObject({ outcome: 'done' });
    await changed;
    const list = await ok<CommandOutput<'audit.list'>>('audit.list', {});
    expect(list.lastRun).toMatchObject({ scope: 'changed', outcome: 'done', courses: 1 });
    expect(list.rows.map((f) => ({ kind: f.kind, productId: f.productId }))).toEqual([{ kind: 'ended_early', productId: sale.productId }]);
  }, 60_000);
});
