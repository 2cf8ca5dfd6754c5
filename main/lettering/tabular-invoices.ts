import type { ColumnMapping, ImportProblem } from '../../shared/contract/lettering';
import { foldText } from '../../shared/lettering/customer-key';
import { decimalToCents } from '../../shared/lettering/decimal-cents';
import { fecDate } from './fec-format';
import { MAX_REFERENCE } from './fec-parser';
import type { ImportedInvoice, ParsedFile } from './imported-invoice';
import { problem } from './import-problem';

export type TabularRow = { line: number; cells: string[] };

/** The key a column mapping is remembered under: the kind of file and its header row, folded. */
export function sourceKeyOf(format: 'csv' | 'xlsx', headers: readonly string[]): string {
  return `${format}:${headers.map((h) => foldText(h).trim()).join('|')}`;
}

const GUESSES: [keyof ColumnMapping, RegExp][] = [
  ['reference', /^(n[°o ]*\s*(de )?facture|numero|num|invoice( ?(no|number|#))?|number|ref(erence)?|piece|pieceref|facture)$/],
  ['date', /^(date( (de )?facture)?|invoice date|piecedate|date piece|issued( on)?)$/],
  ['customer', /^(client|customer|nom( client)?|raison sociale|tiers|compauxlib|customer name|societe|company)$/],
  ['amount', /^(montant( ttc)?|total( ttc)?|amount|ttc|total (incl\.? )?tax|montant facture)$/],
  ['debit', /^debit$/],
  ['credit', /^credit$/],
  ['label', /^(libelle|label|description|ecriturelib|objet|memo)$/],
  ['email', /^(e-?mail|courriel)$/],
  ['currency', /^(devise|currency|idevise)$/],
];

/** A first mapping from the header names (French and English words accounting software uses). */
export function guessMapping(headers: readonly string[]): ColumnMapping | null {
  const found: Partial<ColumnMapping> = {};
  headers.forEach((header, i) => {
    const h = foldText(header).trim();
    for (const [field, pattern] of GUESSES) if (found[field] === undefined && pattern.test(h)) found[field] = i;
  });
  if (found.reference === undefined || found.date === undefined || found.customer === undefined) return null;
  if (found.amount === undefined && found.debit === undefined) return null;
  return found as ColumnMapping;
}

/** YYYY-MM-DD, YYYYMMDD, or DD/MM/YYYY (also with . or -) as French software writes it. */
export function tabularDate(text: string): number | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(t);
  if (m) return fecDate(`${m[1]}${m[2]}${m[3]}`);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (m) return fecDate(`${m[3]}${m[2]!.padStart(2, '0')}${m[1]!.padStart(2, '0')}`);
  return fecDate(t);
}

/** Invoices from the rows of a CSV or a sheet (the first row names the columns), through a mapping. */
export function invoicesFromRows(rows: readonly TabularRow[], mapping: ColumnMapping, encoding: string | null): ParsedFile {
  const problems: ImportProblem[] = [];
  const header = rows[0];
  if (!header)
    return {
      encoding,
      invoices: [],
      problems: [problem({ line: 1, code: 'empty', params: { headerOnly: false } })],
      rows: [],
      lineCount: 0,
    };
  const width = header.cells.length;
  const outside = Object.entries(mapping).filter(([, col]) => col !== undefined && col >= width);
  if (outside.length > 0 || (mapping.amount === undefined && mapping.debit === undefined && mapping.credit === undefined)) {
    return {
      encoding,
      invoices: [],
      problems: [problem({ line: header.line, code: 'mapping', params: { reason: 'misfit' } })],
      rows: [],
      lineCount: 0,
    };
  }
  const invoices: ImportedInvoice[] = [];
  const seen = new Map<string, number>();
  for (const row of rows.slice(1)) {
    const { line, cells } = row;
    const at = (col: number | undefined) => (col === undefined ? '' : (cells[col] ?? '').trim());
    const name = (col: number) => header.cells[col] ?? `#${col + 1}`;
    if (cells.length > width && cells.slice(width).some((c) => c.trim() !== '')) {
      problems.push(problem({ line, code: 'columns', params: { expected: width, found: cells.length, separator: null } }));
      continue;
    }
    const reference = at(mapping.reference);
    if (reference === '')
      problems.push(problem({ line, code: 'required', params: { column: name(mapping.reference), field: 'reference' } }));
    const date = tabularDate(at(mapping.date));
    if (date === null)
      problems.push(problem({ line, code: 'date', params: { column: name(mapping.date), value: at(mapping.date), formats: 'tabular' } }));
    const customer = at(mapping.customer);
    if (customer === '') problems.push(problem({ line, code: 'required', params: { column: name(mapping.customer), field: 'customer' } }));
    let cents: number | null = 0;
    for (const [col, sign] of [
      [mapping.amount, 1],
      [mapping.debit, 1],
      [mapping.credit, -1],
    ] as const) {
      if (col === undefined) continue;
      const text = at(col);
      if (text === '' && col !== mapping.amount) continue;
      const value = decimalToCents(text.replace(/[€$£]|EUR|USD|GBP|CHF/g, ''), { thousands: true });
      if (value === null) {
        problems.push(problem({ line, code: 'amount', params: { column: name(col), value: text } }));
        cents = null;
      } else if (cents !== null) cents += sign * value;
    }
    if (reference.length > MAX_REFERENCE)
      problems.push(problem({ line, code: 'tooLong', params: { column: name(mapping.reference), value: reference, max: MAX_REFERENCE } }));
    if (reference !== '' && seen.has(reference)) {
      problems.push(problem({ line, code: 'duplicate', params: { reference, firstLine: seen.get(reference)! } }));
      continue;
    }
    seen.set(reference, line);
    if (reference === '' || reference.length > MAX_REFERENCE || date === null || customer === '' || cents === null) continue;
    invoices.push({
      reference,
      date,
      customer,
      customerAccount: '',
      email: at(mapping.email),
      label: at(mapping.label),
      amountcents: cents,
      currency: (at(mapping.currency) || 'EUR').toUpperCase().slice(0, 3),
      lines: [line],
    });
  }
  if (rows.length === 1) problems.push(problem({ line: header.line, code: 'empty', params: { headerOnly: true } }));
  return { encoding, invoices, problems: problems.slice(0, 500), rows: [], lineCount: rows.length - 1 };
}
