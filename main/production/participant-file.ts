import fs from 'node:fs';
import type { AppError } from '../../shared/contract';
import { refusal, type ParamsOf } from '../../shared/errors/error-text';
import { participantsFromCells, type PastedRows } from '../../shared/production/participants';
import { parseCsv } from '../imported-files/csv-parser';
import { decodeText } from '../imported-files/text-decoding';
import { readXlsxRows } from '../imported-files/xlsx-reader';

export interface ParticipantFile extends PastedRows {
  format: 'xlsx' | 'csv';
}

const unreadable = <
  K extends 'participantFile.unreadable' | 'participantFile.badWorkbook' | 'participantFile.binary' | 'participantFile.mixedEncodings',
>(
  key: K,
  params: ParamsOf<K>,
): AppError => refusal('production_file_unreadable', key, params);

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
    throw unreadable('participantFile.unreadable', { file });
  }
  // An XLSX is a zip: its first bytes are "PK".
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    let rows: Awaited<ReturnType<typeof readXlsxRows>>;
    try {
      rows = await readXlsxRows(bytes);
    } catch {
      throw unreadable('participantFile.badWorkbook', {});
    }
    return { format: 'xlsx', ...participantsFromCells(rows) };
  }
  const decoded = decodeText(bytes);
  if ('badLines' in decoded) {
    throw decoded.reason === 'binary'
      ? unreadable('participantFile.binary', {})
      : unreadable('participantFile.mixedEncodings', { line: decoded.badLines[0] ?? '?' });
  }
  return { format: 'csv', ...participantsFromCells(parseCsv(decoded.text).rows) };
}
