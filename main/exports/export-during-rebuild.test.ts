import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatedSite, type SimulatedSite } from '../../test/sim/start-simulated-site';
import { createCore, type Core } from '../core/create-core';
import { silentLogger } from '../core/logger';

/**
 * An export overlapping a rebuild of the cache (issue 14, item 1): it read statement by statement while the
 * rebuild emptied and refilled the tables, and reported success with most lines missing. Now each run must
 * either write the same workbook as an export without the overlap, or fail with a clear error and no file.
 */

let sim: SimulatedSite;
let core: Core;
let dataDir: string;

beforeAll(async () => {
  sim = await startSimulatedSite({ demo: { bills: 2500, seed: 3 } });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-export-rebuild-'));
  core = createCore({ dataDir, mode: 'cli', version: 'test', logger: silentLogger, autoSync: false });
  const created = await core.dispatch('profiles.create', { name: 'Shop', url: sim.url, token: sim.adminToken }, { transport: 'internal' });
  expect(created.ok).toBe(true);
  expect(await core.dispatch('sync.start', {}, { transport: 'internal' })).toMatchObject({ ok: true, value: { outcome: 'done' } });
}, 120_000);
afterAll(async () => {
  core?.close();
  await sim?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const exportTo = (file: string) =>
  core.dispatch('exports.billsXlsx', { bills: { filter: {} }, file, locale: 'en' }, { transport: 'internal' });
const rebuild = () => core.dispatch('sync.rebuildCache', {}, { transport: 'internal' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every cell of every sheet, as read back by exceljs: what the accountant gets, whatever the zip's bytes. */
async function contentOf(file: string): Promise<{ rows: number; hash: string }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const hash = createHash('sha256');
  let rows = 0;
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      rows += 1;
      hash.update(JSON.stringify(row.values));
    });
  }
  return { rows, hash: hash.digest('hex') };
}

describe('an export overlapping a rebuild of the cache', () => {
  it('writes the whole workbook at every delay, or refuses a cache still being filled, never a partial file', async () => {
    const reference = await exportTo(path.join(dataDir, 'reference.xlsx'));
    expect(reference.ok).toBe(true);
    const expected = await contentOf(path.join(dataDir, 'reference.xlsx'));
    expect(expected.rows).toBeGreaterThan(2500);

    // The rebuild starts while the export runs, at several points of it.
    for (const delay of [0, 20, 80, 200, 400, 800]) {
      const file = path.join(dataDir, `during-${delay}.xlsx`);
      const exported = exportTo(file);
      await sleep(delay);
      const [answer, rebuilt] = await Promise.all([exported, rebuild()]);
      expect(rebuilt, `rebuild at ${delay} ms`).toMatchObject({ ok: true, value: { outcome: 'done' } });
      expect(answer.ok, `export with a rebuild at ${delay} ms`).toBe(true);
      expect(await contentOf(file), `export with a rebuild at ${delay} ms`).toEqual(expected);
    }

    // An export started while a rebuild is filling the cache would miss bills: it says so and writes nothing.
    let refused = 0;
    for (const delay of [10, 60, 150]) {
      const file = path.join(dataDir, `after-${delay}.xlsx`);
      const rebuilding = rebuild();
      await sleep(delay);
      const answer = await exportTo(file);
      expect(await rebuilding).toMatchObject({ ok: true, value: { outcome: 'done' } });
      if (answer.ok) {
        expect(await contentOf(file), `export ${delay} ms into a rebuild`).toEqual(expected);
      } else {
        refused += 1;
        expect(answer.error.code).toBe('cache_filling');
        expect(answer.error.message).toMatch(/being filled.*Wait for the sync to finish/);
        expect(fs.existsSync(file)).toBe(false);
        expect(fs.readdirSync(dataDir).filter((name) => name.endsWith('.part'))).toEqual([]);
      }
    }
    // At least the earliest one met the cache half filled: the refusal was exercised, not only the success.
    expect(refused).toBeGreaterThan(0);
  }, 300_000);
});
