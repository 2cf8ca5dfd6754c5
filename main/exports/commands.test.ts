import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../shared/contract';
import { DEMO_INVOICING } from '../../test/support/demo-invoicing';
import { spyCommands } from '../../test/support/spy-commands';
import { syncedCache, type SyncedCache } from '../../test/support/synced-cache';
import { runCli } from '../cli/cli';
import { createDispatch, type Dispatch } from '../core/dispatch';
import { silentLogger } from '../core/logger';
import type { CoreServices } from '../core/services';
import { exportsCommands } from './commands';

let cache: SyncedCache;
let dispatch: Dispatch;
let dir: string;

beforeAll(async () => {
  cache = await syncedCache({ bills: 300 });
  const services = {
    bus: cache.bus,
    logger: silentLogger,
    activeSite: () => ({
      profileId: 'test',
      db: cache.db,
      snapshot: async <T>(work: (db: typeof cache.db) => Promise<T> | T) => work(cache.db),
    }),
    invoicing: { get: () => DEMO_INVOICING },
  } as unknown as CoreServices;
  dispatch = createDispatch(spyCommands(exportsCommands(services)).commands, silentLogger);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-export-handlers-'));
}, 60_000);
afterAll(async () => {
  await cache.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const invoke = (name: string, input: unknown) => dispatch(name, input, { transport: 'internal' });

describe('where an export may write', () => {
  it('refuses a relative path, a missing folder, another extension and a folder in place of a file', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['exports.billsXlsx', { bills: { ids: [1] }, file: 'bills.xlsx' }, /absolute path/],
      ['exports.billsXlsx', { bills: { ids: [1] }, file: path.join(dir, 'missing', 'bills.xlsx') }, /does not exist/],
      ['exports.billsXlsx', { bills: { ids: [1] }, file: path.join(dir, 'bills.csv') }, /must end with \.xlsx/],
      ['exports.invoicesPdf', { ids: [1], target: { file: path.join(dir, 'invoice.xlsx') } }, /must end with \.pdf/],
      ['exports.invoicesPdf', { ids: [1], target: { folder: path.join(dir, 'nowhere') } }, /does not exist/],
    ];
    fs.mkdirSync(path.join(dir, 'a-folder.xlsx'));
    cases.push(['exports.billsXlsx', { bills: { ids: [1] }, file: path.join(dir, 'a-folder.xlsx') }, /is not a file/]);
    for (const [name, input, message] of cases) {
      const result = await invoke(name, input);
      expect(result, JSON.stringify(input)).toMatchObject({
        ok: false,
        error: { code: 'export_target_invalid', message: expect.stringMatching(message) },
      });
    }
    expect(fs.readdirSync(dir)).toEqual(['a-folder.xlsx']);
  });

  it('refuses bills that are not in the local data, naming them', async () => {
    const result = await invoke('exports.invoicesPdf', { ids: [1, 999_001, 999_002], target: { folder: dir } });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'export_bills_missing', details: { missing: [999_001, 999_002], count: 2 } },
    });
  });
});

describe('running exports', () => {
  it('exports what a filter selects, under an id it makes up when none is given', async () => {
    const file = path.join(dir, 'soldout.xlsx');
    const result = await invoke('exports.billsXlsx', { bills: { filter: { status: 'SOLDOUT' } }, file, columns: ['id', 'amountcents'] });
    const soldout = cache.db.prepare("SELECT count(*) FROM bill WHERE status = 'SOLDOUT'").pluck().get() as number;
    expect(soldout).toBeGreaterThan(0);
    expect(result).toMatchObject({ ok: true, value: { exportId: expect.stringMatching(/^export-/), file, bills: soldout } });
    expect(fs.existsSync(file)).toBe(true);
  });

  it('reports progress, and a cancel makes the command fail with export_cancelled and no file', async () => {
    const file = path.join(dir, 'cancelled.xlsx');
    const seen: EventPayload<'exports.progressed'>[] = [];
    const cancels: unknown[] = [];
    const unsubscribe = cache.bus.subscribe((name, payload) => {
      if (name !== 'exports.progressed') return;
      seen.push(payload as EventPayload<'exports.progressed'>);
      if (seen.length === 1) cancels.push(invoke('exports.cancel', { exportId: 'nightly-cancel-1' }));
    });
    const result = await invoke('exports.billsXlsx', { exportId: 'nightly-cancel-1', bills: { filter: {} }, file });
    unsubscribe();
    expect(result).toMatchObject({ ok: false, error: { code: 'export_cancelled' } });
    expect(await Promise.all(cancels)).toEqual([{ ok: true, value: { cancelled: true } }]);
    expect(seen[0]).toEqual({ exportId: 'nightly-cancel-1', phase: 'bills', done: 300, total: 300 });
    expect(fs.readdirSync(dir).filter((name) => name.includes('cancelled'))).toEqual([]);
    expect(await invoke('exports.cancel', { exportId: 'nightly-cancel-1' })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('refuses a second export under the id of one still running', async () => {
    const first = invoke('exports.invoicesPdf', {
      exportId: 'same-id-twice',
      ids: [1, 2, 3],
      target: { file: path.join(dir, 'first.pdf') },
    });
    const second = await invoke('exports.invoicesPdf', {
      exportId: 'same-id-twice',
      ids: [1],
      target: { file: path.join(dir, 'second.pdf') },
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'export_running' } });
    expect(await first).toMatchObject({
      ok: true,
      value: { exportId: 'same-id-twice', invoices: 3, files: [path.join(dir, 'first.pdf')] },
    });
  });
});

describe('from the command line, as a nightly script', () => {
  it('syncs, then writes the workbook and the invoices', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-nightly-'));
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-nightly-out-'));
    try {
      const cli = async (...argv: string[]) => {
        let stdout = '';
        let stderr = '';
        const code = await runCli([...argv, '--data-dir', dataDir], { out: (t) => (stdout += t), err: (t) => (stderr += t) });
        return { code, stdout, stderr };
      };
      expect((await cli('profiles.create', JSON.stringify({ name: 'Shop', url: cache.sim.url, token: cache.sim.adminToken }))).code).toBe(
        0,
      );
      expect((await cli('sync.start')).code).toBe(0);
      const file = path.join(out, 'bills.xlsx');
      const xlsx = await cli('exports.billsXlsx', JSON.stringify({ bills: { filter: {} }, file, locale: 'en' }));
      expect(xlsx.stderr).toBe('');
      expect(JSON.parse(xlsx.stdout)).toMatchObject({ file, bills: 300 });
      // A new profile's invoices lack what the shop does not know (legal form, payment terms...): refused, no file.
      const refused = await cli('exports.invoicesPdf', JSON.stringify({ ids: [1, 2], target: { folder: out } }));
      expect(refused).toMatchObject({ code: 1, stdout: '' });
      expect(JSON.parse(refused.stderr)).toMatchObject({ error: { code: 'invoice_mentions_missing' } });
      expect(fs.readdirSync(out).filter((name) => name.endsWith('.pdf'))).toEqual([]);
      expect((await cli('invoicing.updateSettings', JSON.stringify({ settings: DEMO_INVOICING }))).code).toBe(0);
      const pdf = await cli('exports.invoicesPdf', JSON.stringify({ ids: [1, 2], target: { folder: out } }));
      expect(JSON.parse(pdf.stdout)).toMatchObject({ invoices: 2 });
      expect(fs.readdirSync(out).filter((name) => name.endsWith('.pdf'))).toHaveLength(2);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);
});
