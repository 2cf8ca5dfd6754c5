import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, Result } from '../../shared/contract';
import { startBrowserMode, type BrowserMode } from '../../main/browser-mode/start-browser-mode';
import { fecText, type FecInvoice } from '../support/lettering-fec';
import { startSimulatedSite, type SimulatedSite } from '../sim/start-simulated-site';

/**
 * Issue 14, item 3: the core on threads of its own. While one client runs a long job (a first sync building its
 * indexes, an export, a FEC import), another client's list and cancel are answered before the job ends. Each
 * test asserts the order the answers arrive in, never a duration: the figures are in the benchmark
 * (`npm run bench -- responsive`, docs/benchmarks.md).
 */
const BILLS = 20_000;
const LIST = { filter: {}, sort: { column: 'emissiondate', direction: 'desc' }, offset: 0, limit: 100 };

let sim: SimulatedSite;
let dataDir: string;
let app: BrowserMode;

/** A client of the browser-mode server, as a second window (or a script) would be. */
function client(): (name: string, input: unknown) => Promise<Result<unknown>> {
  const secret = new URL(app.transport.launchUrl).searchParams.get('secret')!;
  return async (name, input) => {
    const response = await fetch(`${app.transport.origin}/api/invoke/${name}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
    return (await response.json()) as Result<unknown>;
  };
}

function nextEvent(accept: (name: EventName, payload: unknown) => boolean): Promise<void> {
  return new Promise((resolve) => {
    const off = app.core.bus.subscribe((name, payload) => {
      if (accept(name, payload)) {
        off();
        resolve();
      }
    });
  });
}

beforeAll(async () => {
  sim = await startSimulatedSite({ demo: { bills: BILLS } });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-e2e-responsive-'));
  app = await startBrowserMode({ dataDir, autoSync: false });
  const created = await client()('profiles.create', { name: 'Formations Lumière', url: sim.url, token: sim.adminToken });
  expect(created).toMatchObject({ ok: true });
}, 120_000);

afterAll(async () => {
  await app?.close();
  await sim?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('the core answers another client while a long job runs', () => {
  it('during the index build of a first sync: a list and a cancel', async () => {
    const first = client();
    const second = client();
    const order: string[] = [];
    // The pull is over and the run pushes what waits (nothing), then builds the indexes set aside.
    let pulled = false;
    const building = nextEvent((name, payload) => {
      const phase = name === 'sync.progressed' ? (payload as { phase: string }).phase : null;
      if (phase === 'pull') pulled = true;
      return pulled && phase === 'push';
    });
    const sync = first('sync.start', {}).then((answer) => (order.push('sync'), answer));
    await building;
    const list = await second('bills.list', LIST);
    order.push('list');
    const cancel = await second('sync.cancel', {});
    order.push('cancel');

    expect(await sync).toMatchObject({ ok: true, value: { outcome: 'done' } });
    expect(order).toEqual(['list', 'cancel', 'sync']);
    // Until the indexes are built the list answers from the bills received, all of them by now, saying the cache
    // is still being filled (bills-while-filling.ts); the cancel came after the last page, so the run still ends
    // done, its cache complete.
    expect(list).toMatchObject({ ok: true, value: { total: BILLS, filling: { received: BILLS, expected: BILLS } } });
    expect((list as { value: { rows: unknown[] } }).value.rows).toHaveLength(100);
    expect(cancel).toEqual({ ok: true, value: { cancelled: true } });
    expect(await second('bills.counts', { filter: {} })).toMatchObject({ ok: true, value: { total: BILLS } });
  }, 180_000);

  it('during an export: a search, then a cancel that stops it', async () => {
    const first = client();
    const second = client();
    const order: string[] = [];
    const exportId = 'responsive-export';
    const file = path.join(dataDir, 'all-bills.xlsx');
    const running = nextEvent((name, payload) => name === 'exports.progressed' && (payload as { exportId: string }).exportId === exportId);
    const exported = first('exports.billsXlsx', { exportId, bills: { filter: {} }, file }).then((answer) => (order.push('export'), answer));
    await running;
    const list = await second('bills.list', { ...LIST, filter: { search: 'formation' } });
    order.push('list');
    const cancel = await second('exports.cancel', { exportId });
    order.push('cancel');

    expect(await exported).toMatchObject({ ok: false, error: { code: 'export_cancelled' } });
    expect(order).toEqual(['list', 'cancel', 'export']);
    expect(list).toMatchObject({ ok: true });
    expect((list as { value: { total: number } }).value.total).toBeGreaterThan(0);
    expect(cancel).toEqual({ ok: true, value: { cancelled: true } });
    expect(fs.readdirSync(dataDir).filter((name) => name.includes('all-bills'))).toEqual([]);
  }, 120_000);

  it('during a FEC import: a list, then a cancel that stops it', async () => {
    const invoices: FecInvoice[] = Array.from({ length: 30_000 }, (_, i) => ({
      reference: `FA-RESP-${String(i + 1).padStart(6, '0')}`,
      date: '20260115',
      customer: `Client ${i % 997}`,
      account: `411C${String(i % 997).padStart(4, '0')}`,
      label: `Formation ${i}`,
      amountcents: 10_000 + (i % 5000),
    }));
    const file = path.join(dataDir, 'year.fec.txt');
    fs.writeFileSync(file, fecText(invoices, { withPayments: true }));
    const second = client();
    const order: string[] = [];
    const importId = 'responsive-import';
    const reading = nextEvent(
      (name, payload) =>
        name === 'lettering.progressed' &&
        (payload as { importId: string; phase: string }).importId === importId &&
        (payload as { phase: string }).phase === 'reading',
    );
    // As a nightly script would (a path comes from the command line only), through the same host.
    const imported = app.core
      .dispatch('lettering.import', { source: { file }, importId }, { transport: 'cli' })
      .then((answer) => (order.push('import'), answer));
    await reading;
    const list = await second('bills.list', LIST);
    order.push('list');
    const cancel = await second('lettering.cancelImport', { importId });
    order.push('cancel');

    expect(await imported).toMatchObject({ ok: false, error: { code: 'lettering_import_cancelled' } });
    expect(order).toEqual(['list', 'cancel', 'import']);
    expect(list).toMatchObject({ ok: true, value: { total: BILLS } });
    expect(cancel).toEqual({ ok: true, value: { cancelled: true } });
    // All or nothing: the same file imports whole afterwards.
    expect(await app.core.dispatch('lettering.import', { source: { file } }, { transport: 'cli' })).toMatchObject({
      ok: true,
      value: { invoices: 30_000 },
    });
  }, 180_000);
});
