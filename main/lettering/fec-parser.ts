import type { ImportProblem } from '../../shared/contract/lettering';
import { decimalToCents } from '../../shared/lettering/decimal-cents';
import { FEC, FEC_COLUMNS, fecDate } from './fec-format';
import type { ImportedInvoice, ParsedFile } from './imported-invoice';
import { problem } from './import-problem';
import { decodeText } from '../imported-files/text-decoding';

/** Past this many problems the report stops listing: the file is wrong as a whole. */
const MAX_PROBLEMS = 500;
/** The shop's idnumber holds 64 characters: a longer invoice number could not be a bill's lettering. */
export const MAX_REFERENCE = 64;

/**
 * Reads a FEC file as accounting software writes it, and takes the formal invoices from it: each entry
 * (journal + entry number) with lines on a customer account (411…) and none on a bank or cash account
 * (class 5, which would make it a payment) is a sale; its customer lines give the invoice's amount (debit
 * minus credit, so a credit note is negative), customer (CompAuxLib) and reference (PieceRef).
 * Every line is checked (column count, amounts, dates, balanced entries); any problem means the caller
 * imports nothing, and the report names every line at fault.
 */
export function parseFec(bytes: Uint8Array): ParsedFile {
  const decoded = decodeText(bytes);
  if ('badLines' in decoded) {
    const reason = decoded.reason;
    return empty(
      null,
      decoded.badLines.map((line) => problem({ line, code: 'encoding', params: { reason } })),
    );
  }
  const physical = decoded.text.split(/\r?\n/);
  const layout = fecLayout(physical[0] ?? '');
  if (!layout.ok) return empty(decoded.encoding, [layout.problem]);
  const { separator, fieldsOf } = layout;

  const problems: ImportProblem[] = [];
  const report = (p: ImportProblem) => {
    if (problems.length < MAX_PROBLEMS) problems.push(p);
  };
  const rows: { line: number; fields: string[] }[] = [];
  // An entry with a line already reported is not checked for balance: its missing line would be reported twice.
  const broken = new Set<string>();
  const entryKey = (fields: string[]) => `${(fields[FEC.JournalCode] ?? '').trim()}\u0000${(fields[FEC.EcritureNum] ?? '').trim()}`;
  const entries = new Map<
    string,
    { first: number; debit: number; credit: number; rows: { line: number; fields: string[]; debit: number; credit: number }[] }
  >();

  for (let i = 1; i < physical.length; i += 1) {
    const text = physical[i]!;
    const line = i + 1;
    if (text.trim() === '') continue;
    const fields = fieldsOf(text);
    if (fields.length !== FEC_COLUMNS.length) {
      report(
        problem({
          line,
          code: 'columns',
          params: { expected: FEC_COLUMNS.length, found: fields.length, separator: separator === '\t' ? 'tab' : 'pipe' },
        }),
      );
      broken.add(entryKey(fields));
      continue;
    }
    rows.push({ line, fields });
    const debit = amountOf(fields, 'Debit', line, report);
    const credit = amountOf(fields, 'Credit', line, report);
    for (const column of ['EcritureDate', 'PieceDate'] as const) dateOf(fields, column, line, report, true);
    for (const column of ['DateLet', 'ValidDate'] as const) dateOf(fields, column, line, report, false);
    if (fields[FEC.Montantdevise]!.trim() !== '' && decimalToCents(fields[FEC.Montantdevise]!) === null)
      report(problem({ line, code: 'amount', params: { column: 'Montantdevise', value: fields[FEC.Montantdevise]! } }));
    for (const column of ['JournalCode', 'EcritureNum', 'CompteNum'] as const) {
      if (fields[FEC[column]]!.trim() === '') report(problem({ line, code: 'required', params: { column, field: null } }));
    }
    const key = entryKey(fields);
    if (debit === null || credit === null) {
      broken.add(key);
      continue;
    }
    const entry = entries.get(key) ?? { first: line, debit: 0, credit: 0, rows: [] };
    entry.debit += debit;
    entry.credit += credit;
    entry.rows.push({ line, fields, debit, credit });
    entries.set(key, entry);
  }
  if (rows.length === 0 && problems.length === 0) report(problem({ line: 1, code: 'empty', params: { headerOnly: true } }));

  const invoices = new Map<string, ImportedInvoice>();
  for (const [key, entry] of entries) {
    if (broken.has(key)) continue;
    if (entry.debit !== entry.credit) {
      const [journal, num] = key.split('\u0000');
      report(
        problem({
          line: entry.first,
          code: 'unbalanced',
          params: { journal: journal ?? '', entry: num ?? '', differenceCents: entry.debit - entry.credit },
        }),
      );
      continue;
    }
    if (entry.rows.some((r) => r.fields[FEC.CompteNum]!.trim().startsWith('5'))) continue;
    for (const row of entry.rows) {
      if (!row.fields[FEC.CompteNum]!.trim().startsWith('411')) continue;
      const f = row.fields;
      const reference = f[FEC.PieceRef]!.trim();
      if (reference === '') {
        report(problem({ line: row.line, code: 'required', params: { column: 'PieceRef', field: 'reference' } }));
        continue;
      }
      if (reference.length > MAX_REFERENCE) {
        report(problem({ line: row.line, code: 'tooLong', params: { column: 'PieceRef', value: reference, max: MAX_REFERENCE } }));
        continue;
      }
      const signed = row.debit - row.credit;
      const currency = f[FEC.Idevise]!.trim().toUpperCase();
      const inCurrency =
        currency !== '' && f[FEC.Montantdevise]!.trim() !== ''
          ? Math.abs(decimalToCents(f[FEC.Montantdevise]!) ?? 0) * Math.sign(signed)
          : signed;
      const invoice = invoices.get(reference);
      if (invoice) {
        invoice.amountcents += inCurrency;
        invoice.lines.push(row.line);
        const label = f[FEC.EcritureLib]!.trim();
        if (label && !invoice.label.includes(label)) invoice.label = `${invoice.label} / ${label}`;
        continue;
      }
      invoices.set(reference, {
        reference,
        date: fecDate(f[FEC.PieceDate]!) ?? fecDate(f[FEC.EcritureDate]!) ?? 0,
        customer: f[FEC.CompAuxLib]!.trim() || f[FEC.CompteLib]!.trim(),
        customerAccount: f[FEC.CompAuxNum]!.trim(),
        email: '',
        label: f[FEC.EcritureLib]!.trim(),
        amountcents: inCurrency,
        currency: currency || 'EUR',
        lines: [row.line],
      });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return {
    encoding: decoded.encoding,
    invoices: [...invoices.values()].filter((i) => i.amountcents !== 0),
    problems,
    rows,
    lineCount: rows.length,
  };
}

/** The separator a FEC's header line uses (tab or |), and its fields read the same way for every line. */
function fecLayout(
  header: string,
): { ok: true; separator: string; fieldsOf(text: string): string[] } | { ok: false; problem: ImportProblem } {
  const separator = header.split('\t').length >= header.split('|').length ? '\t' : '|';
  // Some software ends every line with the separator: an empty 19th field, which is not a column.
  const trailing = header.endsWith(separator);
  const fieldsOf = (text: string) => {
    const fields = text.split(separator);
    if (trailing && fields.length === FEC_COLUMNS.length + 1 && fields.at(-1)!.trim() === '') fields.pop();
    return fields;
  };
  const names = fieldsOf(header).map((n) => n.trim());
  if (names.length !== FEC_COLUMNS.length || names.some((n, i) => n.toLowerCase() !== FEC_COLUMNS[i]!.toLowerCase())) {
    return { ok: false, problem: problem({ line: 1, code: 'header', params: { expected: FEC_COLUMNS.length, found: names.length } }) };
  }
  return { ok: true, separator, fieldsOf };
}

/**
 * What the import dialog shows before importing: the encoding, the first data rows and how many there are.
 * Nothing is checked here (the import checks every line), so a year's FEC previews in the time it takes to
 * decode, not to parse.
 */
export function previewFec(bytes: Uint8Array, sampleSize = 5): { encoding: string | null; sample: string[][]; lineCount: number } {
  const decoded = decodeText(bytes);
  if ('badLines' in decoded) return { encoding: null, sample: [], lineCount: 0 };
  const text = decoded.text;
  let end = text.indexOf('\n');
  const layout = fecLayout((end < 0 ? text : text.slice(0, end)).replace(/\r$/, ''));
  if (!layout.ok) return { encoding: decoded.encoding, sample: [], lineCount: 0 };
  const sample: string[][] = [];
  let lineCount = 0;
  while (end >= 0) {
    const start = end + 1;
    end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    if (line.trim() === '') continue;
    // Counted as the parse keeps rows: those with the 18 columns (the import reports the others).
    const fields = layout.fieldsOf(line.replace(/\r$/, ''));
    if (fields.length !== FEC_COLUMNS.length) continue;
    lineCount += 1;
    if (sample.length < sampleSize) sample.push(fields);
  }
  return { encoding: decoded.encoding, sample, lineCount };
}

function empty(encoding: string | null, problems: ImportProblem[]): ParsedFile {
  return { encoding, invoices: [], problems, rows: [], lineCount: 0 };
}

function amountOf(fields: string[], column: 'Debit' | 'Credit', line: number, report: (p: ImportProblem) => void): number | null {
  const text = fields[FEC[column]]!;
  if (text.trim() === '') return 0;
  const cents = decimalToCents(text);
  if (cents === null) {
    report(problem({ line, code: 'amount', params: { column, value: text } }));
    return null;
  }
  return cents;
}

function dateOf(
  fields: string[],
  column: 'EcritureDate' | 'PieceDate' | 'DateLet' | 'ValidDate',
  line: number,
  report: (p: ImportProblem) => void,
  required: boolean,
): void {
  const text = fields[FEC[column]]!;
  if (!required && text.trim() === '') return;
  if (fecDate(text) === null) report(problem({ line, code: 'date', params: { column, value: text, formats: 'fec' } }));
}
