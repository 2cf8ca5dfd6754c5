import fs from 'node:fs';
import path from 'node:path';
import type { AppError } from '../../shared/contract';
import { refusal, type ParamsOf } from '../../shared/errors/error-text';
import type { ErrorTextKey } from '../../shared/errors/texts';
import type { ColumnMapping, ImportFormat, ImportPreview, ImportProblem, LetteringSource } from '../../shared/contract/lettering';
import type { Db } from '../db/open';
import { oneValue } from '../db/single-value';
import { bytesSource, fileSource, sniffSource, type ByteSource } from '../imported-files/byte-source';
import { parseCsv } from '../imported-files/csv-parser';
import { FEC_COLUMNS } from './fec-format';
import { importFecStream, type ImportControl } from './fec-import';
import { previewFecSource } from './fec-parser';
import type { ParsedFile } from './imported-invoice';
import { problem, refusedFile } from './import-problem';
import { writeLog } from './lettering-log';
import { guessMapping, invoicesFromRows, sourceKeyOf, type TabularRow } from './tabular-invoices';
import { decodeText } from '../imported-files/text-decoding';
import { readXlsxRows } from '../imported-files/xlsx-reader';

/** A source the import reads directly: an upload is first resolved to its staged file (lettering handlers). */
export type ReadableSource = Exclude<LetteringSource, { upload: string }>;

/** The file to import, read from disk chunk by chunk, or from what the window sent inline. */
export function openSource(source: ReadableSource): ByteSource {
  if ('base64' in source) return bytesSource(source.name, Buffer.from(source.base64, 'base64'));
  if (!path.isAbsolute(source.file)) throw fileProblem('file.pathRelative', { file: source.file });
  try {
    if (!fs.statSync(source.file).isFile()) throw new Error('not a file');
    return fileSource(source.file);
  } catch {
    throw fileProblem('lettering.fileUnreadable', { file: source.file });
  }
}

/** A file refused as a whole, with the problems the window lists (none when the file could not be read at all). */
function fileProblem<K extends ErrorTextKey>(key: K, params: ParamsOf<K>, problems: ImportProblem[] = []): AppError {
  return refusal('lettering_file_invalid', key, params, {
    problems,
    total: problems.length,
    lines: new Set(problems.map((p) => p.line)).size,
  });
}

/** Bytes enough to tell the format: the FEC's header line. */
const HEAD_BYTES = 4096;

/**
 * XLSX by its zip signature; FEC by its header (the legal column names, tab or | separated, quoted or not);
 * CSV otherwise.
 */
export function detectFormat(name: string, bytes: Uint8Array): ImportFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  const head = Buffer.from(bytes.subarray(0, 600))
    .toString('latin1')
    .replace(/^\uFEFF|^ï»¿/, '');
  // The first line, whatever its line end (CR alone in old Mac exports).
  const first = head.split(/\r\n|\n|\r/)[0] ?? '';
  for (const separator of ['\t', '|']) {
    const names = first.split(separator).map((n) => n.trim().replace(/^"(.*)"$/, '$1'));
    if (names.length === FEC_COLUMNS.length && names[0]?.toLowerCase() === 'journalcode') return 'fec';
  }
  if (/\.(txt|fec)$/i.test(name) && /journalcode/i.test(first)) return 'fec';
  return 'csv';
}

async function formatOf(source: ByteSource): Promise<ImportFormat> {
  try {
    return detectFormat(source.name, await source.head(HEAD_BYTES));
  } catch {
    throw fileProblem('lettering.fileUnreadable', { file: source.name });
  }
}

async function tabularRows(format: 'csv' | 'xlsx', bytes: Uint8Array): Promise<{ rows: TabularRow[]; encoding: string | null }> {
  if (format === 'xlsx') {
    try {
      return { rows: await readXlsxRows(bytes), encoding: null };
    } catch {
      throw fileProblem('lettering.notXlsx', {});
    }
  }
  const decoded = decodeText(bytes);
  if ('badLines' in decoded) {
    throw fileProblem(
      'lettering.notText',
      {},
      decoded.badLines.map((line) => problem({ line, code: 'encoding', params: { reason: decoded.reason } })),
    );
  }
  return { rows: parseCsv(decoded.text).rows, encoding: decoded.encoding };
}

function rememberedMapping(db: Db, sourceKey: string): ColumnMapping | null {
  const text = db.prepare<[string], string>('SELECT mapping FROM lettering_mapping WHERE source_key = ?').pluck().get(sourceKey);
  return text ? (JSON.parse(text) as ColumnMapping) : null;
}

export async function previewImport(db: Db, source: ReadableSource): Promise<ImportPreview> {
  const opened = openSource(source);
  const format = await formatOf(opened);
  if (format === 'fec') {
    // Read as a stream, as the import reads it: a year's FEC is never held whole.
    const sniffed = await sniffSource(opened);
    const { encoding, sample, lineCount } =
      'badLines' in sniffed ? { encoding: null, sample: [], lineCount: 0 } : await previewFecSource(opened, sniffed.encoding);
    return { format, sourceKey: 'fec', encoding, headers: [...FEC_COLUMNS], sample, mapping: null, remembered: false, rows: lineCount };
  }
  const bytes = await opened.all();
  const { rows, encoding } = await tabularRows(format, bytes);
  const headers = rows[0]?.cells ?? [];
  const sourceKey = sourceKeyOf(format, headers);
  const remembered = rememberedMapping(db, sourceKey);
  return {
    format,
    sourceKey,
    encoding,
    headers,
    sample: rows.slice(1, 6).map((r) => r.cells),
    mapping: remembered ?? guessMapping(headers),
    remembered: remembered !== null,
    rows: Math.max(0, rows.length - 1),
  };
}

export interface ImportResult {
  importId: number;
  format: ImportFormat;
  encoding: string | null;
  invoices: number;
  skipped: number;
  lines: number;
}

/**
 * Imports the whole file or nothing: every row is checked first, and one problem anywhere refuses the file
 * with the list of lines at fault. Invoices already imported (same reference) are left as they are, so the
 * same FEC can be imported again after a month is added to it. A FEC is read as a stream, with progress and
 * cancel (`fec-import.ts`); CSV and XLSX files, a spreadsheet's size, are read at once.
 */
export async function importInvoices(
  db: Db,
  input: { source: ReadableSource; mapping?: ColumnMapping | undefined },
  who: string,
  control: ImportControl = {},
): Promise<ImportResult> {
  const opened = openSource(input.source);
  const format = await formatOf(opened);
  if (format === 'fec') return { format, ...(await importFecStream(db, opened, who, control)) };
  const name = opened.name;
  const bytes = await opened.all();
  const { rows, encoding } = await tabularRows(format, bytes);
  const sourceKey = sourceKeyOf(format, rows[0]?.cells ?? []);
  const mapping = input.mapping ?? rememberedMapping(db, sourceKey) ?? guessMapping(rows[0]?.cells ?? []);
  if (!mapping) throw fileProblem('lettering.noMapping', {}, [problem({ line: 1, code: 'mapping', params: { reason: 'none' } })]);
  const parsed: ParsedFile = invoicesFromRows(rows, mapping, encoding);
  if (parsed.problems.length > 0) throw refusedFile(name, parsed.problems);
  return db.transaction(() => {
    const now = Math.floor(Date.now() / 1000);
    const importId = oneValue(
      db
        .prepare<unknown[], number>(
          `INSERT INTO lettering_import (format, source_key, file_name, encoding, separator, imported_at, imported_by, invoice_count, line_count)
         VALUES (?, ?, ?, ?, '', ?, ?, 0, ?) RETURNING id`,
        )
        .pluck()
        .get(format, sourceKey, name, parsed.encoding, now, who, parsed.lineCount),
    );
    const exists = db.prepare<[string], number>('SELECT id FROM lettering_invoice WHERE reference = ?').pluck();
    const insert = db.prepare(
      `INSERT INTO lettering_invoice (import_id, reference, invoice_date, customer, customer_account, email, label, amountcents, currency)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    let added = 0;
    let skipped = 0;
    for (const inv of parsed.invoices) {
      if (exists.get(inv.reference) !== undefined) {
        skipped += 1;
        continue;
      }
      insert.run(importId, inv.reference, inv.date, inv.customer, inv.customerAccount, inv.email, inv.label, inv.amountcents, inv.currency);
      added += 1;
    }
    db.prepare('UPDATE lettering_import SET invoice_count = ? WHERE id = ?').run(added, importId);
    db.prepare(
      'INSERT INTO lettering_mapping (source_key, mapping, updated_at) VALUES (?, ?, ?) ON CONFLICT (source_key) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at',
    ).run(sourceKey, JSON.stringify(mapping), now);
    writeLog(db, who, null, { action: 'import', file: name, format, encoding: parsed.encoding, invoices: added, skipped });
    return { importId, format, encoding: parsed.encoding, invoices: added, skipped, lines: parsed.lineCount };
  })();
}
