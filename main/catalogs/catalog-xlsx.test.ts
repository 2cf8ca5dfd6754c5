import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncedCache, type SyncedCache } from '../../test/support/synced-cache';
import { listEntries } from '../sync/outbox';
import { getCatalogDetail } from './catalog-read';
import { exportCatalogXlsx, importCatalogXlsx } from './catalog-xlsx';

let cache: SyncedCache;
let dir: string;
beforeAll(async () => {
  cache = await syncedCache({ bills: 5 });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalog-xlsx-'));
}, 60_000);
afterAll(async () => {
  await cache.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('catalog XLSX', () => {
  it('an unchanged round trip changes nothing, for a master and for a slave', async () => {
    for (const id of [1, 2]) {
      const file = path.join(dir, `catalog-${id}.xlsx`);
      const written = await exportCatalogXlsx(cache.db, id, file);
      const own = getCatalogDetail(cache.db, id).items.filter((i) => i.catalogid === id);
      expect(written.items).toBe(own.length);
      const preview = await importCatalogXlsx(cache.db, id, file, true);
      expect(preview).toEqual({ changes: [], issues: [], unchanged: written.items + written.categories });
    }
    expect(listEntries(cache.db)).toEqual([]);
  });

  it('imports what was changed in the sheet, and only that, exact to the cent', async () => {
    const file = path.join(dir, 'edited.xlsx');
    await exportCatalogXlsx(cache.db, 1, file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('Items')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const row = sheet.getRow(2);
    const code = String(row.getCell(col('code')).value);
    row.getCell(col('name')).value = 'Nom changé dans le tableur';
    row.getCell(col('price1')).value = 1234.56;
    row.commit();
    const bad = sheet.getRow(3);
    const broken = sheet.getRow(4);
    await book.xlsx.writeFile(file);

    const preview = await importCatalogXlsx(cache.db, 1, file, false);
    expect(preview.issues).toEqual([]);
    expect(preview.changes).toHaveLength(1);
    expect(preview.changes[0]!.code).toBe(code);
    expect(preview.changes[0]!.fields.map((f) => f.field).sort()).toEqual(['name', 'prices']);
    expect(listEntries(cache.db)).toEqual([]);

    await importCatalogXlsx(cache.db, 1, file, true);
    const item = getCatalogDetail(cache.db, 1).items.find((i) => i.code === code)!;
    expect(item).toMatchObject({ name: 'Nom changé dans le tableur', localState: 'pending' });
    expect(item.prices[0]!.unitcents).toBe(123456);
    const run = await cache.engine.start('manual');
    expect(run.outcome).toBe('done');
    expect(cache.sim.shop.read('catalogitems', item.id)).toMatchObject({ name: 'Nom changé dans le tableur' });

    // A price with a third decimal or a broken JSON is refused, and nothing is queued.
    bad.getCell(col('price1')).value = 10.005;
    bad.commit();
    broken.getCell(col('requireddata')).value = '[{"field":';
    broken.commit();
    await book.xlsx.writeFile(file);
    const refused = await importCatalogXlsx(cache.db, 1, file, false);
    expect(refused.issues.map((i) => i.field).sort()).toEqual(['price1', 'requireddata']);
    await expect(importCatalogXlsx(cache.db, 1, file, true)).rejects.toMatchObject({ code: 'catalog_import_invalid' });
    expect(listEntries(cache.db)).toEqual([]);
  });
});
