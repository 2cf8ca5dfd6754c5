import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openDatabase, type Db } from '../../main/db/open';
import type { ExportJob } from '../../main/exports/export-jobs';
import { dejaVuFile, invoiceFonts, type InvoiceFonts } from '../../main/exports/invoice-fonts';
import { writeInvoicesPdf } from '../../main/exports/invoice-pdf';
import { ENTITY_TABLE, entityWriter } from '../../main/sync/cache-tables';
import type { SyncEntity } from '../../main/shop-api/sync-entities';
import { createDemoData } from '../sim/demo-data';
import { DEMO_INVOICING_WITH_SELLER } from '../support/demo-invoicing';
import { rate, report, timed } from './measure';

const run = promisify(execFile);

/**
 * Issue "Exports": the bills workbook of `bills` bills, each export in a child process so its peak RSS is its
 * own, beside a plain exceljs writer streaming the same rows in the same run; then PDF invoices, 1,000 in one
 * file and 1,000 as separate files, beside the naive way (each document reading the font from disk) and the
 * font's bytes kept in memory, measured in the same run. Prints figures; passes or fails nothing.
 */
export async function exportsBench(bills: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bo-bench-exports-'));
  try {
    const cacheFile = path.join(dir, 'cache.sqlite');
    const built = await timed(() => buildCache(cacheFile, bills));
    report('Cache (demo data written by the sync’s own writer, no HTTP)', [
      ['bills / lines', `${built.value.bills} / ${built.value.lines}`],
      ['seconds', (built.ms / 1000).toFixed(1)],
    ]);
    await xlsxRounds(cacheFile, dir, bills);
    const db = openDatabase(cacheFile);
    try {
      await pdfRounds(db, dir, Math.min(1000, bills));
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The demo shop's records straight into a cache file, parents first, 1,000 per transaction. */
function buildCache(file: string, bills: number): { bills: number; lines: number } {
  const demo = createDemoData({ bills });
  const db = openDatabase(file);
  const sources: [SyncEntity, Iterable<unknown>][] = [
    ['shops', [demo.shop]],
    ['taxes', demo.taxes],
    ['catalogs', demo.catalogs],
    ['categories', demo.categories],
    ['catalogitems', demo.catalogItems],
    ['customers', demo.customers()],
    ['bills', demo.bills()],
  ];
  for (const [entity, records] of sources) {
    const writer = entityWriter(db, entity);
    const flush = db.transaction((page: Record<string, unknown>[]) => writer.upsertAll(page));
    let page: Record<string, unknown>[] = [];
    for (const record of records) {
      page.push(record as Record<string, unknown>);
      if (page.length === 1000) {
        flush(page);
        page = [];
      }
    }
    flush(page);
  }
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  const result = { bills: count(ENTITY_TABLE.bills), lines: count('bill_item') };
  db.close();
  return result;
}

interface ChildFigures {
  mode: string;
  ms: number;
  peakRssMiB: number;
  rssBeforeMiB: number;
  bills: number;
  lines: number;
}

async function xlsxChild(mode: 'app' | 'raw', cacheFile: string, out: string): Promise<ChildFigures & { bytes: number }> {
  const entry = path.resolve(import.meta.dirname, 'exports-child.ts');
  const { stdout } = await run(process.execPath, ['--import', 'tsx', entry, mode, cacheFile, out], { maxBuffer: 1 << 20 });
  const figures = JSON.parse(stdout.trim().split('\n').at(-1)!) as ChildFigures;
  const bytes = fs.statSync(out).size;
  fs.rmSync(out);
  return { ...figures, bytes };
}

/** Alternating raw and app twice each, so a machine slowing down mid-run weighs on both alike; best of two. */
async function xlsxRounds(cacheFile: string, dir: string, bills: number): Promise<void> {
  const runs: Record<'app' | 'raw', (ChildFigures & { bytes: number })[]> = { app: [], raw: [] };
  for (let round = 0; round < 2; round += 1) {
    for (const mode of ['raw', 'app'] as const) runs[mode].push(await xlsxChild(mode, cacheFile, path.join(dir, `${mode}.xlsx`)));
  }
  const best = (mode: 'app' | 'raw') => runs[mode].reduce((a, b) => (b.ms < a.ms ? b : a));
  const app = best('app');
  const raw = best('raw');
  report(`XLSX of ${bills.toLocaleString('en')} bills (each in its own process; best of 2)`, [
    ['bills / lines written', `${app.bills} / ${app.lines}`],
    ['app exporter seconds', (app.ms / 1000).toFixed(1)],
    ['raw exceljs seconds (same rows, no styles)', (raw.ms / 1000).toFixed(1)],
    ['app / raw time', (app.ms / raw.ms).toFixed(2)],
    ['app rows/s (bills + lines)', rate(app.bills + app.lines, app.ms)],
    ['app peak RSS MiB (RSS before the export)', `${Math.max(...runs.app.map((r) => r.peakRssMiB))} (${app.rssBeforeMiB})`],
    ['raw peak RSS MiB (RSS before the export)', `${Math.max(...runs.raw.map((r) => r.peakRssMiB))} (${raw.rssBeforeMiB})`],
    ['app / raw file MiB', `${(app.bytes / 2 ** 20).toFixed(1)} / ${(raw.bytes / 2 ** 20).toFixed(1)}`],
    [
      'all runs app / raw seconds',
      `${runs.app.map((r) => (r.ms / 1000).toFixed(1)).join(', ')} / ${runs.raw.map((r) => (r.ms / 1000).toFixed(1)).join(', ')}`,
    ],
  ]);
}

const quietJob: ExportJob = { exportId: 'bench', signal: new AbortController().signal, progress: () => {}, throwIfCancelled: () => {} };

async function pdfRounds(db: Db, dir: string, count: number): Promise<void> {
  const ids = db.prepare('SELECT id FROM bill ORDER BY id LIMIT ?').pluck().all(count) as number[];
  const loading = await timed(() => invoiceFonts());
  const variants: Record<string, InvoiceFonts> = {
    'naive (each document reads the font files)': { regular: dejaVuFile('DejaVuSans.ttf'), bold: dejaVuFile('DejaVuSans-Bold.ttf') },
    'font bytes in memory, parsed per document': {
      regular: fs.readFileSync(dejaVuFile('DejaVuSans.ttf')),
      bold: fs.readFileSync(dejaVuFile('DejaVuSans-Bold.ttf')),
    },
    'app (font parsed once, shaping shared)': loading.value,
  };
  const folderMs: Record<string, number> = {};
  // Warm-up: the first documents pay for compiling the code paths, whichever variant comes first.
  await writeInvoicesPdf({
    db,
    ids: ids.slice(0, 20),
    target: { file: path.join(dir, 'warm.pdf') },
    locale: 'fr',
    invoicing: DEMO_INVOICING_WITH_SELLER,
    job: quietJob,
  });
  for (const [name, fonts] of Object.entries(variants)) {
    const folder = fs.mkdtempSync(path.join(dir, 'invoices-'));
    folderMs[name] = (
      await timed(() =>
        writeInvoicesPdf({ db, ids, target: { folder }, locale: 'fr', invoicing: DEMO_INVOICING_WITH_SELLER, job: quietJob, fonts }),
      )
    ).ms;
    fs.rmSync(folder, { recursive: true, force: true });
  }
  const file = path.join(dir, 'invoices.pdf');
  const rssBefore = process.memoryUsage().rss;
  const single = await timed(() =>
    writeInvoicesPdf({ db, ids, target: { file }, locale: 'fr', invoicing: DEMO_INVOICING_WITH_SELLER, job: quietJob }),
  );
  const rssAfter = process.memoryUsage().rss;
  const app = folderMs['app (font parsed once, shaping shared)']!;
  const naive = folderMs['naive (each document reads the font files)']!;
  report(`PDF invoices, ${count.toLocaleString('en')} bills`, [
    ['fonts loaded and parsed once (ms)', Math.round(loading.ms)],
    [`one file: seconds (${(fs.statSync(file).size / 2 ** 20).toFixed(1)} MiB)`, (single.ms / 1000).toFixed(1)],
    ['one file: ms per invoice', (single.ms / count).toFixed(1)],
    ['one file: RSS change MiB (this process)', Math.round((rssAfter - rssBefore) / 2 ** 20)],
    ...Object.entries(folderMs).map(([name, ms]): [string, string] => [`separate files, ${name}: ms per invoice`, (ms / count).toFixed(1)]),
    ['separate files, app / naive time', (app / naive).toFixed(2)],
  ]);
}
