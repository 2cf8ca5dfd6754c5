import type { ImportProblem } from '../../shared/contract/lettering';
import { decimalToCents } from '../../shared/lettering/decimal-cents';
import { FEC, FEC_COLUMNS, fecDate } from './fec-format';
import type { ImportedInvoice, ParsedFile } from './imported-invoice';
import { problem } from './import-problem';
import { decodeText, type TextEncodingName } from '../imported-files/text-decoding';
import { LineSplitter } from '../imported-files/line-splitter';
import { readLines, type ByteSource, type ReadControl } from '../imported-files/byte-source';

/** Past this many problems the report stops listing (they are still counted): the file is wrong as a whole. */
const MAX_PROBLEMS = 500;
/** The shop's idnumber holds 64 characters: a longer invoice number could not be a bill's lettering. */
export const MAX_REFERENCE = 64;

/**
 * Where what is read goes: kept in memory for a small file, staged in SQLite by the import. `row` gets every
 * row with the 18 columns; `customer` the customer-account lines (411…) of entries that may be sales.
 */
export interface FecRowSink {
  row(line: number, fields: string[]): void;
  customer(line: CustomerLine): void;
}

/** What reading a FEC found: the problems that refuse it, and which entries are sales. */
export interface FecReading {
  separator: '\t' | '|' | null;
  /** The first problems (at most 500), by line. */
  problems: ImportProblem[];
  /** Every problem found, listed or not. */
  problemCount: number;
  /** Lines with at least one problem: a line with three bad dates is one line to correct. */
  problemLines: number;
  /** Rows read (the 18 columns), header excluded. */
  lineCount: number;
}

/** A customer-account line of an entry that may be a sale: the entry is known to be one at the file's end. */
export interface CustomerLine {
  line: number;
  entry: number;
  /** PieceRef, trimmed: the invoice number. */
  reference: string;
  date: number;
  customer: string;
  account: string;
  label: string;
  /** Debit minus credit in the invoice's currency (Montantdevise when given, with that sign), in cents. */
  amount: number;
  currency: string;
}

const BROKEN = 1;
const BANK = 2;

/**
 * Reads a FEC file line by line, as accounting software writes it. Every line is checked (column count,
 * amounts, dates, balanced entries); any problem means the caller imports nothing, and the report names every
 * line at fault. The formal invoices are then taken from the customer lines (`InvoiceFold`): each entry
 * (journal + entry number) with lines on a customer account (411…) and none on a bank or cash account (class
 * 5, which would make it a payment) is a sale; its customer lines give the invoice's amount (debit minus
 * credit, so a credit note is negative), customer (CompAuxLib) and reference (PieceRef).
 *
 * Memory: rows and customer lines go to the sink as they are read; the reader keeps a few numbers per entry
 * (its balance, its first line, whether it holds a bank line) and the problems, never the file's text.
 */
export class FecReader {
  separator: '\t' | '|' | null = null;
  /** The header is not a FEC's: nothing after it is read. */
  refused = false;
  private fieldsOf: ((text: string) => string[]) | null = null;
  private quoted = false;

  private problems: ImportProblem[] = [];
  private problemCount = 0;
  private readonly problemLines = new LineSet();
  private lineCount = 0;

  private readonly entryIndex = new Map<string, number>();
  private entries = 0;
  private debit = new Float64Array(1024);
  private credit = new Float64Array(1024);
  private first = new Int32Array(1024);
  private flags = new Uint8Array(1024);

  constructor(private readonly sink: FecRowSink) {}

  /** One physical line of the file; line 1 is the header. Returns false once the rest need not be read. */
  line(text: string, line: number): boolean {
    if (line === 1) return this.header(text);
    if (this.refused || !this.fieldsOf) return false;
    if (text.trim() === '') return true;
    const fields = this.fieldsOf(text);
    if (fields.length !== FEC_COLUMNS.length) {
      this.report(
        problem({
          line,
          code: 'columns',
          params: {
            expected: FEC_COLUMNS.length,
            found: fields.length,
            separator: this.separator === '\t' ? 'tab' : 'pipe',
            ...(this.quoted && text.includes('"') ? { quoted: true } : {}),
          },
        }),
      );
      this.flag(this.entryOf(fields, line), BROKEN);
      return true;
    }
    this.lineCount += 1;
    this.sink.row(line, fields);
    const debit = this.amountOf(fields, 'Debit', line);
    const credit = this.amountOf(fields, 'Credit', line);
    for (const column of ['EcritureDate', 'PieceDate'] as const) this.dateOf(fields, column, line, true);
    for (const column of ['DateLet', 'ValidDate'] as const) this.dateOf(fields, column, line, false);
    const foreign = fields[FEC.Montantdevise]!;
    if (foreign.trim() !== '' && decimalToCents(foreign) === null)
      this.report(problem({ line, code: 'amount', params: { column: 'Montantdevise', value: foreign } }));
    for (const column of ['JournalCode', 'EcritureNum', 'CompteNum'] as const) {
      if (fields[FEC[column]]!.trim() === '') this.report(problem({ line, code: 'required', params: { column, field: null } }));
    }
    const entry = this.entryOf(fields, line);
    if (debit === null || credit === null) {
      this.flag(entry, BROKEN);
      return true;
    }
    this.debit[entry] = this.debit[entry]! + debit;
    this.credit[entry] = this.credit[entry]! + credit;
    const account = fields[FEC.CompteNum]!.trim();
    if (account.startsWith('5')) this.flag(entry, BANK);
    // A payment's customer line read before its bank line is passed on too; `sales` says it is none.
    else if (account.startsWith('411') && (this.flags[entry]! & BANK) === 0)
      this.sink.customer(customerLine(fields, line, entry, debit - credit));
    return true;
  }

  /**
   * The file read: unbalanced entries reported, and which entries are sales (1 in `sales`, by entry number).
   * The invoices come from the customer lines of those entries (`InvoiceFold`), whose problems (an empty or
   * too long invoice number) the caller adds with `report`.
   */
  finish(): { sales: Uint8Array } {
    if (this.refused) return { sales: new Uint8Array(0) };
    if (this.lineCount === 0 && this.problemCount === 0) this.report(problem({ line: 1, code: 'empty', params: { headerOnly: true } }));
    const sales = new Uint8Array(this.entries);
    for (const [key, entry] of this.entryIndex) {
      if ((this.flags[entry]! & BROKEN) !== 0) continue;
      if (this.debit[entry] !== this.credit[entry]) {
        const [journal, num] = key.split('\u0000');
        this.report(
          problem({
            line: this.first[entry]!,
            code: 'unbalanced',
            params: { journal: journal ?? '', entry: num ?? '', differenceCents: this.debit[entry]! - this.credit[entry]! },
          }),
        );
        continue;
      }
      if ((this.flags[entry]! & BANK) === 0) sales[entry] = 1;
    }
    return { sales };
  }

  /** What was found, once the invoices' own problems are reported too. */
  reading(): FecReading {
    return {
      separator: this.separator,
      problems: [...this.problems].sort((a, b) => a.line - b.line),
      problemCount: this.problemCount,
      problemLines: this.problemLines.size,
      lineCount: this.lineCount,
    };
  }

  report(p: ImportProblem): void {
    this.problemCount += 1;
    this.problemLines.add(p.line);
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(p);
  }

  /** The separator (tab or |) and quoting the header uses, and its fields read the same way for every line. */
  private header(text: string): boolean {
    const layout = fecLayout(text);
    if (!layout.ok) {
      this.refused = true;
      this.report(layout.problem);
      return false;
    }
    this.separator = layout.separator;
    this.fieldsOf = layout.fieldsOf;
    this.quoted = layout.quoted;
    return true;
  }

  /** The entry (journal + entry number) of a row, numbered in the order entries first appear. */
  private entryOf(fields: string[], line: number): number {
    const key = `${(fields[FEC.JournalCode] ?? '').trim()}\u0000${(fields[FEC.EcritureNum] ?? '').trim()}`;
    const known = this.entryIndex.get(key);
    if (known !== undefined) return known;
    const entry = this.entries;
    if (entry === this.debit.length) this.grow();
    this.entries += 1;
    this.entryIndex.set(copyOf(key), entry);
    this.first[entry] = line;
    return entry;
  }

  private grow(): void {
    const size = this.debit.length * 2;
    const debit = new Float64Array(size);
    debit.set(this.debit);
    const credit = new Float64Array(size);
    credit.set(this.credit);
    const first = new Int32Array(size);
    first.set(this.first);
    const flags = new Uint8Array(size);
    flags.set(this.flags);
    [this.debit, this.credit, this.first, this.flags] = [debit, credit, first, flags];
  }

  /** BROKEN: a line of the entry was reported, so its balance is not checked. BANK: a payment, no invoice. */
  private flag(entry: number, flag: number): void {
    this.flags[entry] = this.flags[entry]! | flag;
  }

  private amountOf(fields: string[], column: 'Debit' | 'Credit', line: number): number | null {
    const text = fields[FEC[column]]!;
    if (text.trim() === '') return 0;
    const cents = decimalToCents(text);
    if (cents === null) {
      this.report(problem({ line, code: 'amount', params: { column, value: text } }));
      return null;
    }
    return cents;
  }

  private dateOf(fields: string[], column: 'EcritureDate' | 'PieceDate' | 'DateLet' | 'ValidDate', line: number, required: boolean): void {
    const text = fields[FEC[column]]!;
    if (!required && text.trim() === '') return;
    if (fecDate(text) === null) this.report(problem({ line, code: 'date', params: { column, value: text, formats: 'fec' } }));
  }
}

function customerLine(f: string[], line: number, entry: number, signed: number): CustomerLine {
  const currency = f[FEC.Idevise]!.trim().toUpperCase();
  const foreign = f[FEC.Montantdevise]!;
  return {
    line,
    entry,
    reference: f[FEC.PieceRef]!.trim(),
    date: fecDate(f[FEC.PieceDate]!) ?? fecDate(f[FEC.EcritureDate]!) ?? 0,
    customer: f[FEC.CompAuxLib]!.trim() || f[FEC.CompteLib]!.trim(),
    account: f[FEC.CompAuxNum]!.trim(),
    label: f[FEC.EcritureLib]!.trim(),
    amount: currency !== '' && foreign.trim() !== '' ? Math.abs(decimalToCents(foreign) ?? 0) * Math.sign(signed) : signed,
    currency: currency || 'EUR',
  };
}

/**
 * The invoices of a FEC, from its customer lines sorted by invoice number, then line: the lines of one
 * number make one invoice (amounts added, the first line's date and customer, labels joined with " / ").
 * Lines of entries that are no sales are passed over; an empty or too long number is a problem; an invoice
 * that comes to zero is no invoice. Fed line by line, it holds one invoice at a time.
 */
export class InvoiceFold {
  private current: ImportedInvoice | null = null;

  constructor(
    private readonly sales: Uint8Array,
    private readonly report: (p: ImportProblem) => void,
    private readonly emit: (invoice: ImportedInvoice) => void,
  ) {}

  add(c: CustomerLine): void {
    if (this.sales[c.entry] !== 1) return;
    if (c.reference === '') {
      this.report(problem({ line: c.line, code: 'required', params: { column: 'PieceRef', field: 'reference' } }));
      return;
    }
    if (c.reference.length > MAX_REFERENCE) {
      this.report(problem({ line: c.line, code: 'tooLong', params: { column: 'PieceRef', value: c.reference, max: MAX_REFERENCE } }));
      return;
    }
    const invoice = this.current;
    if (invoice && invoice.reference === c.reference) {
      invoice.amountcents += c.amount;
      invoice.lines.push(c.line);
      if (c.label && !invoice.label.includes(c.label)) invoice.label = `${invoice.label} / ${c.label}`;
      return;
    }
    this.end();
    this.current = {
      reference: c.reference,
      date: c.date,
      customer: c.customer,
      customerAccount: c.account,
      email: '',
      label: c.label,
      amountcents: c.amount,
      currency: c.currency,
      lines: [c.line],
    };
  }

  end(): void {
    if (this.current && this.current.amountcents !== 0) this.emit(this.current);
    this.current = null;
  }
}

/**
 * A string that owns its characters. V8 cuts substrings (split, slice, trim) as views into the string they
 * come from; kept for the whole import, such a view would keep a whole decoded chunk alive with it.
 */
function copyOf(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** Line numbers, one bit each: which lines had a problem, however many. */
class LineSet {
  private bits = new Uint8Array(1024);
  size = 0;

  add(line: number): void {
    const byte = line >>> 3;
    if (byte >= this.bits.length) {
      const bigger = new Uint8Array(Math.max(byte + 1, this.bits.length * 2));
      bigger.set(this.bits);
      this.bits = bigger;
    }
    const mask = 1 << (line & 7);
    if ((this.bits[byte]! & mask) !== 0) return;
    this.bits[byte] = this.bits[byte]! | mask;
    this.size += 1;
  }
}

/**
 * The layout a FEC's header line gives: tab or | between fields (the norm's two separators), a trailing
 * separator some software adds (an empty 19th field, which is not a column), and quotes. The norm (article
 * A47 A-1 of the LPF) quotes nothing, but some software puts every field, or every text field, in double
 * quotes, as in a CSV: when the header's names are quoted, a field wholly in quotes is read without them
 * ("" inside standing for one "). A quoted field cannot hold the separator: a FEC has no way to carry it.
 */
export function fecLayout(
  header: string,
): { ok: true; separator: '\t' | '|'; quoted: boolean; fieldsOf(text: string): string[] } | { ok: false; problem: ImportProblem } {
  const separator = header.split('\t').length >= header.split('|').length ? '\t' : '|';
  // Some software ends every line with the separator: an empty 19th field, which is not a column.
  const trailing = header.endsWith(separator);
  const quoted = header
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('"');
  const fieldsOf = (text: string) => {
    const fields = text.split(separator);
    if (trailing && fields.length === FEC_COLUMNS.length + 1 && fields.at(-1)!.trim() === '') fields.pop();
    if (quoted) for (let i = 0; i < fields.length; i += 1) fields[i] = unquote(fields[i]!);
    return fields;
  };
  const names = fieldsOf(header.replace(/^\uFEFF/, '')).map((n) => n.trim());
  if (names.length !== FEC_COLUMNS.length) {
    return { ok: false, problem: problem({ line: 1, code: 'header', params: { expected: FEC_COLUMNS.length, found: names.length } }) };
  }
  const wrong = names.findIndex((n, i) => n.toLowerCase() !== FEC_COLUMNS[i]!.toLowerCase());
  if (wrong >= 0) {
    return {
      ok: false,
      problem: problem({
        line: 1,
        code: 'header',
        params: {
          expected: FEC_COLUMNS.length,
          found: names.length,
          column: wrong + 1,
          name: names[wrong]!,
          expectedName: FEC_COLUMNS[wrong]!,
        },
      }),
    };
  }
  return { ok: true, separator, quoted, fieldsOf };
}

function unquote(field: string): string {
  const text = field.trim();
  if (text.length < 2 || text[0] !== '"' || text[text.length - 1] !== '"') return field;
  return text.slice(1, -1).replaceAll('""', '"');
}

/** Reads a FEC already in memory (tests, small files): the rows kept with the invoices, in file order. */
export function parseFec(bytes: Uint8Array): ParsedFile & { reading: FecReading } {
  const decoded = decodeText(bytes);
  if ('badLines' in decoded) return encodingRefusal(decoded.badLines, decoded.reason);
  const rows: { line: number; fields: string[] }[] = [];
  const customers: CustomerLine[] = [];
  const reader = new FecReader({ row: (line, fields) => rows.push({ line, fields }), customer: (c) => customers.push(c) });
  const splitter = new LineSplitter((text, line) => reader.line(text, line));
  splitter.push(decoded.text);
  splitter.end();
  const { sales } = reader.finish();
  const invoices: ImportedInvoice[] = [];
  const fold = new InvoiceFold(
    sales,
    (p) => reader.report(p),
    (invoice) => invoices.push(invoice),
  );
  customers.sort((a, b) => (a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : a.line - b.line));
  for (const c of customers) fold.add(c);
  fold.end();
  const reading = reader.reading();
  invoices.sort((a, b) => a.lines[0]! - b.lines[0]!);
  return {
    encoding: decoded.encoding,
    invoices: reading.problemCount > 0 ? [] : invoices,
    problems: reading.problems,
    rows,
    lineCount: reading.lineCount,
    reading,
  };
}

/** The refusal of a file whose bytes are not text in one encoding, as a reading with its problems. */
export function encodingRefusal(badLines: number[], reason: 'mixed' | 'binary'): ParsedFile & { reading: FecReading } {
  const problems = badLines.map((line) => problem({ line, code: 'encoding', params: { reason } }));
  return {
    encoding: null,
    invoices: [],
    problems,
    rows: [],
    lineCount: 0,
    reading: { separator: null, problems, problemCount: problems.length, problemLines: badLines.length, lineCount: 0 },
  };
}

export interface FecPreview {
  encoding: string | null;
  sample: string[][];
  lineCount: number;
}

/**
 * What the import dialog shows before importing: the first data rows and how many there are (those with the
 * 18 columns, as the import keeps them). Nothing is checked here: the import checks every line.
 */
export function previewFec(bytes: Uint8Array, sampleSize = 5): FecPreview {
  const decoded = decodeText(bytes);
  if ('badLines' in decoded) return { encoding: null, sample: [], lineCount: 0 };
  const counter = previewCounter(sampleSize);
  const splitter = new LineSplitter(counter.line);
  splitter.push(decoded.text);
  splitter.end();
  return { encoding: decoded.encoding, ...counter.result() };
}

/** The same from a file read chunk by chunk, in the encoding found beforehand. */
export async function previewFecSource(
  source: ByteSource,
  encoding: TextEncodingName,
  control: ReadControl = {},
  sampleSize = 5,
): Promise<FecPreview> {
  const counter = previewCounter(sampleSize);
  await readLines(source, encoding, counter.line, control);
  return { encoding, ...counter.result() };
}

function previewCounter(sampleSize: number) {
  let fieldsOf: ((text: string) => string[]) | null = null;
  let refused = false;
  const sample: string[][] = [];
  let lineCount = 0;
  return {
    line: (text: string, line: number): boolean => {
      if (line === 1) {
        const layout = fecLayout(text);
        if (layout.ok) fieldsOf = layout.fieldsOf;
        else refused = true;
        return !refused;
      }
      if (!fieldsOf || text.trim() === '') return true;
      const fields = fieldsOf(text);
      if (fields.length !== FEC_COLUMNS.length) return true;
      lineCount += 1;
      if (sample.length < sampleSize) sample.push(fields);
      return true;
    },
    result: () => ({ sample: refused ? [] : sample, lineCount: refused ? 0 : lineCount }),
  };
}
