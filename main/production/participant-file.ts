import fs from 'node:fs';
import { AppError } from '../../shared/contract';
import { participantsFromCells, type PastedRows } from '../../shared/production/participants';
import { parseCsv } from '../imported-files/csv-parser';
import { decodeText } from '../imported-files/text-decoding';
import { readXlsxRows } from '../imported-files/xlsx-reader';

export interface ParticipantFile extends PastedRows {
  format: 'xlsx' | 'csv';
}

function unreadable(message: string): AppError {
  return new AppError('production_file_unreadable', message);
}

/**
 * The learners and tutors of a session from the spreadsheet the customer sent: the first sheet of an XLSX,
 * or a CSV (UTF-8 or Windows-1252, separator guessed). Rows are read as a paste is (the email cell, the name
 * before it, the role after it); the rows not read come back with the sheet's row numbers.
 */
export async function readParticipantFile(file: string): Promise<ParticipantFile> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    throw unreadable(`${file} cannot be read. Check that the file exists and that you may open it.`);
  }
  // An XLSX is a zip: its first bytes are "PK".
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    let rows: Awaited<ReturnType<typeof readXlsxRows>>;
    try {
      rows = await readXlsxRows(bytes);
    } catch {
      throw unreadable('This workbook cannot be read. Save it again from the spreadsheet as XLSX, or as CSV.');
    }
    return { format: 'xlsx', ...participantsFromCells(rows) };
  }
  const decoded = decodeText(bytes);
  if ('badLines' in decoded) {
    throw unreadable(
      decoded.reason === 'binary'
        ? 'This file is neither an XLSX workbook nor CSV text. Save the list as XLSX or CSV.'
        : `This file mixes two text encodings (line ${decoded.badLines[0]}). Save it again as CSV in UTF-8.`,
    );
  }
  return { format: 'csv', ...participantsFromCells(parseCsv(decoded.text).rows) };
}
