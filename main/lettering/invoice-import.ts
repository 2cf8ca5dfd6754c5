import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/contract';
import type { ColumnMapping, ImportFormat, ImportPreview, ImportProblem, LetteringSource } from '../../shared/contract/lettering';
import type { Db } from '../db/open';
import { parseCsv } from '../imported-files/csv-parser';
import { FEC_COLUMNS } from './fec-format';
import { parseFec, previewFec } from './fec-parser';
import type { ParsedFile } from './imported-invoice';
import { problem } from './import-problem';
import { writeLog } from './lettering-log';
import { guessMapping, invoicesFromRows, sourceKeyOf, type TabularRow } from './tabular-invoices';
import { decodeText } from '../imported-files/text-decoding';
import { readXlsxRows } from '../imported-files/xlsx-reader';

/** A source the import reads directly: an upload is first resolved to its staged file (lettering handlers). */
export type ReadableSource = Exclude<LetteringSource, { upload: string }>;

/** The bytes and name of a file to import, read from disk or from what the window sent. */
export function readSource(source: ReadableSource): { name: string; bytes: Uint8Array } {
  if ('base64' in source) return { name: source.name, bytes: Buffer.from(source.base64, 'base64') };
  if (!path.isAbsolute(source.file)) throw fileProblem(`${source.file} is not an absolute path. Give the full path of the file.`);
  try {
    return { name: path.basename(source.file), bytes: fs.readFileSync(source.file) };
  } catch {
    throw fileProblem(`${source.file} cannot be read. Check the path and that the file exists.`);
  }
}

function fileProblem(message: string, problems: ImportProblem[] = []): AppError {
  return new AppError('lettering_file_invalid', message, { problems, total: problems.length });
}

/** XLSX by its zip signature; FEC by its header (the legal column names); CSV otherwise. */
export function detectFormat(name: string, bytes: Uint8Array): ImportFormat {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return 'xlsx';
  const head = Buffer.from(bytes.subarray(0, 600))
    .toString('latin1')
    .replace(/^\uFEFF|^ï»¿/, '');
  const first = head.split(/\r?\n/)[0] ?? '';
  for (const separator of ['\t', '|']) {
    const names = first.split(separator);
    if (names.length === FEC_COLUMNS.length && names[0]?.trim().toLowerCase() === 'journalcode') return 'fec';
  }
  if (/\.(txt|fec)$/i.test(name) && /journalcode/i.test(first)) return 'fec';
  return 'csv';
}

async function tabularRows(format: 'csv' | 'xlsx', bytes: Uint8Array): Promise<{ rows: TabularRow[]; encoding: string | null }> {
  if (format === 'xlsx') {
    try {
      return { rows: await readXlsxRows(bytes), encoding: null };
    } catch {
      throw fileProblem('This file cannot be read as an XLSX workbook. Save it again from the spreadsheet, or export a CSV.');
    }
  }
  const decoded = decodeText(bytes);
  if ('badLines' in decoded) {
    throw fileProblem(
      'This file mixes encodings or is not text. Save it again as CSV in UTF-8.',
      decoded.badLines.map((line) => problem({ line, code: 'encoding', params: { reason: decoded.reason } })),
    );
  }
  return { rows: parseCsv(decoded.text).rows, encoding: decoded.encoding };
}

function rememberedMapping(db: Db, sourceKey: string): ColumnMapping | null {
  const text = db.prepare('SELECT mapping FROM lettering_mapping WHERE source_key = ?').pluck().get(sourceKey) as string | undefined;
  return text ? (JSON.parse(text) as ColumnMapping) : null;
}

export async function previewImport(db: Db, source: ReadableSource): Promise<ImportPreview> {
  const { name, bytes } = readSource(source);
  const format = detectFormat(name, bytes);
  if (format === 'fec') {
    const { encoding, sample, lineCount } = previewFec(bytes);
    return { format, sourceKey: 'fec', encoding, headers: [...FEC_COLUMNS], sample, mapping: null, remembered: false, rows: lineCount };
  }
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
 * same FEC can be imported again after a month is added to it.
 */
export async function importInvoices(
  db: Db,
  input: { source: ReadableSource; mapping?: ColumnMapping | undefined },
  who: string,
): Promise<ImportResult> {
  const { name, bytes } = readSource(input.source);
  const format = detectFormat(name, bytes);
  let parsed: ParsedFile;
  let sourceKey = 'fec';
  let mapping: ColumnMapping | null = null;
  if (format === 'fec') parsed = parseFec(bytes);
  else {
    const { rows, encoding } = await tabularRows(format, bytes);
    sourceKey = sourceKeyOf(format, rows[0]?.cells ?? []);
    mapping = input.mapping ?? rememberedMapping(db, sourceKey) ?? guessMapping(rows[0]?.cells ?? []);
    if (!mapping)
      throw fileProblem('Say which columns hold the invoice number, date, customer and amount: no mapping is known for this file.', [
        problem({ line: 1, code: 'mapping', params: { reason: 'none' } }),
      ]);
    parsed = invoicesFromRows(rows, mapping, encoding);
  }
  if (parsed.problems.length > 0) {
    const first = parsed.problems[0]!;
    throw new AppError(
      'lettering_file_invalid',
      `${name}: ${parsed.problems.length === 1 ? 'one line is' : `${parsed.problems.length} lines are`} wrong, so nothing was imported. ${first.message} Correct the file, then import it again.`,
      { problems: parsed.problems.slice(0, 200), total: parsed.problems.length },
    );
  }
  return db.transaction(() => {
    const now = Math.floor(Date.now() / 1000);
    const importId = db
      .prepare(
        `INSERT INTO lettering_import (format, source_key, file_name, encoding, separator, imported_at, imported_by, invoice_count, line_count)
         VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?) RETURNING id`,
      )
      .pluck()
      .get(format, sourceKey, name, parsed.encoding, format === 'fec' ? detectSeparator(bytes) : '', now, who, parsed.lineCount) as number;
    const exists = db.prepare('SELECT id FROM lettering_invoice WHERE reference = ?').pluck();
    const insert = db
      .prepare(
        `INSERT INTO lettering_invoice (import_id, reference, invoice_date, customer, customer_account, email, label, amountcents, currency)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .pluck();
    const invoiceOfLine = new Map<number, number>();
    let added = 0;
    let skipped = 0;
    for (const inv of parsed.invoices) {
      const known = exists.get(inv.reference) as number | undefined;
      if (known !== undefined) {
        skipped += 1;
        continue;
      }
      const id = insert.get(
        importId,
        inv.reference,
        inv.date,
        inv.customer,
        inv.customerAccount,
        inv.email,
        inv.label,
        inv.amountcents,
        inv.currency,
      ) as number;
      for (const line of inv.lines) invoiceOfLine.set(line, id);
      added += 1;
    }
    const line = db.prepare('INSERT INTO lettering_fec_line (import_id, line, fields, invoice_id) VALUES (?, ?, ?, ?)');
    for (const row of parsed.rows) line.run(importId, row.line, JSON.stringify(row.fields), invoiceOfLine.get(row.line) ?? null);
    db.prepare('UPDATE lettering_import SET invoice_count = ? WHERE id = ?').run(added, importId);
    if (mapping) {
      db.prepare(
        'INSERT INTO lettering_mapping (source_key, mapping, updated_at) VALUES (?, ?, ?) ON CONFLICT (source_key) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at',
      ).run(sourceKey, JSON.stringify(mapping), now);
    }
    writeLog(db, who, null, {
      action: 'import',
      file: name,
      format,
      encoding: parsed.encoding,
      invoices: added,
      skipped,
    });
    return { importId, format, encoding: parsed.encoding, invoices: added, skipped, lines: parsed.lineCount };
  })();
}

function detectSeparator(bytes: Uint8Array): string {
  const first = Buffer.from(bytes.subarray(0, 600)).toString('latin1').split(/\r?\n/)[0] ?? '';
  return first.split('\t').length >= first.split('|').length ? '\t' : '|';
}
