import { assertNever } from '../../shared/assert-never';
import fs from 'node:fs';
import { once } from 'node:events';
import ExcelJS from 'exceljs';
import type { BillColumn } from '../../shared/contract';
import type { ReadableDb } from '../db/open';
import { batches, billRowReader, countLines, creditNoteRowReader, lineRowReader } from './bill-export-rows';
import {
  BILL_SHEET_COLUMNS,
  CREDIT_NOTE_SHEET_COLUMNS,
  LINE_SHEET_COLUMNS,
  SHEET_NAMES,
  TOTAL_LABEL,
  type SheetColumn,
} from './bill-sheet-columns';
import { yieldToEventLoop, type ExportJob, type ExportPhase } from './export-jobs';
import { StagedFiles, whenClosed } from './export-target';
import { YIELD_EVERY, zipCatchUp } from './zip-backlog';
import {
  amountOf,
  columnLetter,
  currencyFormat,
  DATE_TIME_FORMAT,
  INTEGER_FORMAT,
  PERCENT_FORMAT,
  safeText,
  spreadsheetDate,
  type ExportLocale,
} from './spreadsheet-cells';

export interface BillsXlsxRequest {
  db: ReadableDb;
  /** The bills, in sheet order (resolveBillIds). */
  ids: readonly number[];
  columns: readonly BillColumn[];
  /** Checked final path (checkFileTarget): written under a temporary name, renamed at the end. */
  file: string;
  locale: ExportLocale;
  job: ExportJob;
  /** Bills read and written per batch: the memory held at once, and the progress step. */
  batchSize?: number;
}

type Style = Partial<ExcelJS.Style>;

/**
 * The bills workbook, streamed with exceljs's WorkbookWriter: each row is committed (serialised and zipped)
 * as soon as it is written, so memory stays flat whatever the number of bills. The bills sheet is written and
 * committed before the lines sheet starts, because the zip takes its entries one after the other: rows of a
 * second sheet written meanwhile would wait in memory.
 */
export async function writeBillsXlsx(request: BillsXlsxRequest): Promise<{ bills: number; lines: number; creditNotes: number }> {
  const { db, ids, locale, job } = request;
  const batchSize = request.batchSize ?? 1000;
  const staged = new StagedFiles();
  const output = fs.createWriteStream(staged.stage(request.file));
  let writeError: Error | null = null;
  output.on('error', (error) => (writeError ??= error));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Shop Back-Office';
  const styles = new StyleCache(locale);
  const checkpoint = async (phase: ExportPhase, done: number, total: number) => {
    job.progress(phase, done, total);
    await yieldToEventLoop();
    // The zip writes to the file on its own schedule: wait when the disk is behind rather than queue in memory.
    if (output.writableNeedDrain) await once(output, 'drain');
    if (writeError) throw writeError;
    job.throwIfCancelled();
  };
  try {
    const readBills = billRowReader(db);
    const bills = await writeSheet(workbook, styles, {
      name: SHEET_NAMES[locale].bills,
      columns: request.columns.map((column) => BILL_SHEET_COLUMNS[column]),
      locale,
      rows: (function* () {
        for (const batch of batches(ids, batchSize)) yield readBills(batch);
      })(),
      currencyOf: (row) => row.currency,
      progress: (done) => checkpoint('bills', done, ids.length),
    });
    const readLines = lineRowReader(db);
    const lineTotal = countLines(db, ids);
    const lines = await writeSheet(workbook, styles, {
      name: SHEET_NAMES[locale].lines,
      columns: LINE_SHEET_COLUMNS,
      locale,
      // Batches of bills, not of lines: a batch's lines are a few times its bills, still bounded.
      rows: (function* () {
        for (const batch of batches(ids, batchSize)) yield readLines(batch);
      })(),
      currencyOf: (row) => row.currency,
      progress: (done) => checkpoint('lines', done, lineTotal),
    });
    const readCredits = creditNoteRowReader(db);
    const creditNotes = await writeSheet(workbook, styles, {
      name: SHEET_NAMES[locale].creditNotes,
      columns: CREDIT_NOTE_SHEET_COLUMNS,
      locale,
      rows: (function* () {
        for (const batch of batches(ids, batchSize)) yield readCredits(batch);
      })(),
      currencyOf: (row) => row.currency,
      progress: () => checkpoint('lines', lineTotal, lineTotal),
    });
    job.progress('finishing', bills + lines, bills + lines);
    await workbook.commit();
    if (!output.closed) await once(output, 'close');
    if (writeError) throw writeError;
    job.throwIfCancelled();
    staged.commit();
    return { bills, lines, creditNotes };
  } catch (error) {
    output.destroy();
    await whenClosed(output);
    staged.discard();
    throw error;
  }
}

interface SheetSpec<R> {
  name: string;
  columns: readonly SheetColumn<R>[];
  locale: ExportLocale;
  /** Rows by batches, in sheet order. */
  rows: Iterable<R[]>;
  currencyOf: (row: R) => string;
  /** After each batch: report, let the zip catch up, stop if cancelled. */
  progress: (done: number) => Promise<void>;
}

/** Writes one sheet: header (frozen, with an autofilter), the rows, then a totals row; returns the row count. */
async function writeSheet<R>(workbook: ExcelJS.stream.xlsx.WorkbookWriter, styles: StyleCache, spec: SheetSpec<R>): Promise<number> {
  const { columns, locale } = spec;
  const sheet = workbook.addWorksheet(spec.name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  const header = sheet.addRow(columns.map((column) => column.label[locale]));
  columns.forEach((_, index) => (header.getCell(index + 1).style = styles.header));
  header.commit();

  // Totals in integer cents per currency: the cell shows the formula's result without recalculation.
  const totals = new Map<string, number[]>();
  const moneyColumns = columns.flatMap((column, index) => (column.kind === 'money' ? [index] : []));
  let count = 0;
  for (const batch of spec.rows) {
    for (const source of batch) {
      const currency = spec.currencyOf(source);
      const row = sheet.addRow([]);
      // exceljs's types omit a row's own style; it is a plain property of its rows.
      (row as unknown as { style: Style }).style = styles.row;
      columns.forEach((column, index) => {
        const value = column.value(source, locale);
        if (value === '') return;
        const cell = row.getCell(index + 1);
        cell.value = cellValue(column, value);
        cell.style = styles.of(column.kind, currency);
      });
      const sums = totals.get(currency) ?? totals.set(currency, new Array<number>(columns.length).fill(0)).get(currency)!;
      for (const index of moneyColumns) sums[index] = (sums[index] ?? 0) + (columns[index]!.value(source, locale) as number);
      row.commit();
      count += 1;
      // zlib compresses on another thread, but each of its steps resumes on this one: turning the event
      // loop often lets it work alongside the rows instead of after them.
      if (count % YIELD_EVERY === 0) await yieldToEventLoop();
    }
    await zipCatchUp(sheet);
    await spec.progress(count);
  }

  const lastDataRow = count + 1;
  // The filter covers the data only: the totals row, one blank row below, stays out of sorts and filters.
  sheet.autoFilter = `A1:${columnLetter(columns.length)}${lastDataRow}`;
  if (count > 0 && moneyColumns.length > 0) {
    sheet.addRow([]).commit();
    const labelColumn = columns.findIndex((column) => column.kind !== 'money');
    // One currency: SUBTOTAL(9, …) is a SUM that follows the autofilter, so filtering shows the filtered total.
    // Several: a sum across currencies means nothing, so one row per currency, with its computed values only.
    const single = totals.size === 1;
    for (const [currency, sums] of totals) {
      const row = sheet.addRow([]);
      if (labelColumn >= 0) {
        const label = row.getCell(labelColumn + 1);
        label.value = single ? TOTAL_LABEL[locale] : `${TOTAL_LABEL[locale]} ${safeText(currency)}`;
        label.style = styles.header;
      }
      for (const index of moneyColumns) {
        const cell = row.getCell(index + 1);
        const result = amountOf(sums[index] ?? 0);
        const letter = columnLetter(index + 1);
        cell.value = single ? { formula: `SUBTOTAL(9,${letter}2:${letter}${lastDataRow})`, result } : result;
        cell.style = styles.total(currency);
      }
      row.commit();
    }
  }
  sheet.commit();
  return count;
}

function cellValue<R>(column: SheetColumn<R>, value: string | number): ExcelJS.CellValue {
  switch (column.kind) {
    case 'text':
      return safeText(String(value));
    case 'integer':
      return value;
    case 'datetime':
      return spreadsheetDate(value as number);
    case 'money':
      return amountOf(value as number);
    case 'percent':
      // Basis points to a fraction: 550 → 0.055, shown 5.5 % (exact for the same reason as amountOf).
      return (value as number) / 10_000;
    default:
      return assertNever(column.kind, 'column kind');
  }
}

/**
 * One style object per (kind, currency), reused for every cell: exceljs recognises a style object it has seen
 * (a WeakMap) instead of serialising each cell's style again, which is most of the cost of a styled export.
 */
class StyleCache {
  readonly header: Style = { font: { bold: true } };
  /** Rows have a style of their own too: a fresh {} per row would miss exceljs's WeakMap every time. */
  readonly row: Style = {};
  private readonly plain: Style = {};
  private readonly cache = new Map<string, Style>();

  constructor(private readonly locale: ExportLocale) {}

  of(kind: SheetColumn<unknown>['kind'], currency: string): Style {
    if (kind === 'text') return this.plain;
    const key = kind === 'money' ? `money:${currency}` : kind;
    let style = this.cache.get(key);
    if (!style) {
      style = { numFmt: this.numFmt(kind, currency) };
      this.cache.set(key, style);
    }
    return style;
  }

  total(currency: string): Style {
    const key = `total:${currency}`;
    let style = this.cache.get(key);
    if (!style) {
      style = { numFmt: currencyFormat(currency, this.locale), font: { bold: true } };
      this.cache.set(key, style);
    }
    return style;
  }

  private numFmt(kind: Exclude<SheetColumn<unknown>['kind'], 'text'>, currency: string): string {
    if (kind === 'money') return currencyFormat(currency, this.locale);
    if (kind === 'datetime') return DATE_TIME_FORMAT;
    if (kind === 'percent') return PERCENT_FORMAT;
    return INTEGER_FORMAT;
  }
}
