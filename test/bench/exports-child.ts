/**
 * One XLSX export in a process of its own, so its peak RSS (the kernel's high-water mark, process-wide) is
 * the export's alone. Usage:
 *   node --import tsx test/bench/exports-child.ts <app|raw> <cache file> <out.xlsx>
 * Prints one JSON line: milliseconds, peak RSS and the RSS before the export started, rows written.
 *
 * app: the exporter as the app runs it (formats, neutralisation, totals, progress, staged file).
 * raw: the same rows, read by the same batches, through a plain exceljs WorkbookWriter: no styles, no
 * neutralisation, no totals; it still yields to the event loop between batches, as any streaming writer
 * must or the zip's queue holds the whole workbook.
 */
import ExcelJS from 'exceljs';
import { billColumns } from '../../shared/contract/bills';
import { openDatabase } from '../../main/db/open';
import { batches, billRowReader, lineRowReader } from '../../main/exports/bill-export-rows';
import { resolveBillIds } from '../../main/exports/bill-selection';
import { writeBillsXlsx } from '../../main/exports/bills-xlsx';
import { yieldToEventLoop } from '../../main/exports/export-jobs';
import { peakRssMiB } from './measure';

const [mode, cacheFile, out] = process.argv.slice(2);
if ((mode !== 'app' && mode !== 'raw') || !cacheFile || !out) throw new Error('usage: exports-child.ts <app|raw> <cache file> <out.xlsx>');

async function raw(db: ReturnType<typeof openDatabase>, ids: number[]): Promise<{ bills: number; lines: number }> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, useStyles: false, useSharedStrings: false });
  const readBills = billRowReader(db);
  const readLines = lineRowReader(db);
  const bills = workbook.addWorksheet('Bills');
  bills.addRow([...billColumns]).commit();
  let billCount = 0;
  for (const batch of batches(ids, 1000)) {
    for (const r of readBills(batch)) {
      bills
        .addRow([
          r.id,
          r.transactionid,
          r.idnumber,
          r.title,
          r.status,
          new Date(r.emissiondate * 1000),
          new Date(r.lastactiondate * 1000),
          r.untaxedcents / 100,
          r.taxcents / 100,
          r.amountcents / 100,
          r.currency,
          r.paymode,
          r.customer,
          r.organisation,
          r.items,
        ])
        .commit();
      billCount += 1;
    }
    await yieldToEventLoop();
  }
  bills.commit();
  const lines = workbook.addWorksheet('Lines');
  let lineCount = 0;
  for (const batch of batches(ids, 1000)) {
    for (const r of readLines(batch)) {
      const label = r.description === '' ? r.abstract : `${r.abstract} — ${r.description}`;
      lines
        .addRow([
          r.billid,
          r.transactionid,
          r.itemcode,
          label,
          r.quantity,
          r.unitcents / 100,
          r.totalcents / 100,
          r.taxratio / 10_000,
          r.taxcents / 100,
          (r.totalcents + r.taxcents) / 100,
        ])
        .commit();
      lineCount += 1;
    }
    await yieldToEventLoop();
  }
  await workbook.commit();
  return { bills: billCount, lines: lineCount };
}

async function main(): Promise<void> {
  const db = openDatabase(cacheFile!);
  const ids = resolveBillIds(db, { filter: {} }, { column: 'id', direction: 'asc' });
  const rssBefore = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const started = performance.now();
  const job = { exportId: 'bench', signal: new AbortController().signal, progress: () => {}, throwIfCancelled: () => {} };
  const written =
    mode === 'raw' ? await raw(db, ids) : await writeBillsXlsx({ db, ids, columns: billColumns, file: out!, locale: 'fr', job });
  const ms = performance.now() - started;
  db.close();
  console.log(JSON.stringify({ mode, ms, peakRssMiB: peakRssMiB(), rssBeforeMiB: rssBefore, ...written }));
}

main().catch((error: unknown) => {
  console.error((error as Error).stack);
  process.exit(1);
});
