import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { zipBacklog, zipCatchUp } from './zip-backlog';

it('finds the XML waiting for the zip inside exceljs, and waits until it is compressed', async () => {
  // Pins the reach into exceljs's and archiver's internals: if they change shape, this fails, rather than
  // the exports silently losing their memory brake.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-zip-'));
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path.join(dir, 'backlog.xlsx') });
    const sheet = workbook.addWorksheet('Sheet');
    const text = 'x'.repeat(200);
    for (let i = 0; i < 40_000; i += 1) sheet.addRow([i, text, text]).commit();
    expect(zipBacklog(sheet)).toBeGreaterThan(8 * 2 ** 20);
    await zipCatchUp(sheet);
    expect(zipBacklog(sheet)).toBeLessThanOrEqual(4 * 2 ** 20);
    await workbook.commit();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
