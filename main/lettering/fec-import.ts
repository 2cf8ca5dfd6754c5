import type { AppError } from '../../shared/contract';
import type { Db } from '../db/open';
import { oneValue } from '../db/single-value';
import { readLines, sniffSource, yieldToEventLoop, type ByteSource, type ReadControl } from '../imported-files/byte-source';
import { FecReader, InvoiceFold, encodingRefusal, type CustomerLine, type FecReading, type FecRowSink } from './fec-parser';
import { refusedFile } from './import-problem';
import type { ImportedInvoice } from './imported-invoice';
import { writeLog } from './lettering-log';
import { refusal } from '../../shared/errors/error-text';

/** How a long import tells where it is, and learns that it should stop. */
export interface ImportControl {
  progress?(phase: 'checking' | 'reading' | 'saving', done: number, total: number | null): void;
  /** Aborted by lettering.cancelImport: the import stops at the next chunk and imports nothing. */
  signal?: AbortSignal;
  chunkBytes?: number;
}

export interface FecImportResult {
  importId: number;
  encoding: string | null;
  invoices: number;
  skipped: number;
  lines: number;
}

export function cancelledError(): AppError {
  return refusal('lettering_import_cancelled', 'lettering.importCancelled', {});
}

/** Staged rows per INSERT statement (two parameters each, well under SQLite's 32,766). */
const ROWS_PER_INSERT = 64;
/** Customer lines read back per page, to make the invoices: each page is a few ms. */
const STAGE_BATCH = 2000;
let stagingTables = 0;

/**
 * Imports a FEC read as a stream: one pass finds its encoding (nothing decoded yet), a second decodes it chunk
 * by chunk and reads it line by line. Its rows go to a staging table as they are read, in the connection's
 * temporary database (a file beside the cache's, never the cache itself, gone with the connection if the
 * app is killed), and only the entries' balances and the customer lines stay in memory. Between chunks the
 * event loop runs (other commands are answered) and a cancel is looked at.
 *
 * All or nothing, as before: any problem in the file, a cancel or an error drops the staging table and leaves
 * the cache as it was; a clean file is written by one transaction at the end (the import, its invoices, its
 * lines with their invoice, the log). That transaction is one SQL copy of the staged rows, the only stretch
 * that holds the event loop: about a second per 40 MB of FEC on the project's machine.
 */
export async function importFecStream(db: Db, source: ByteSource, who: string, control: ImportControl): Promise<FecImportResult> {
  const refusal = (reading: FecReading) =>
    refusedFile(source.name, reading.problems, { problems: reading.problemCount, lines: reading.problemLines });
  const checkpoint = () => {
    if (control.signal?.aborted) throw cancelledError();
  };
  const read = (phase: 'checking' | 'reading'): ReadControl => ({
    progress: (done, total) => control.progress?.(phase, done, total),
    checkpoint,
    ...(control.chunkBytes !== undefined ? { chunkBytes: control.chunkBytes } : {}),
  });
  checkpoint();
  const sniffed = await sniffSource(source, read('checking'));
  if ('badLines' in sniffed) throw refusal(encodingRefusal(sniffed.badLines, sniffed.reason).reading);

  const stage = new Staging(db);
  try {
    const reader = new FecReader(stage);
    await readLines(source, sniffed.encoding, (text, line) => reader.line(text, line), {
      ...read('reading'),
      afterChunk: () => stage.flush(),
    });
    checkpoint();
    const { sales } = reader.finish();
    // The invoices, from the customer lines staged in invoice-number order, a page at a time; they are
    // staged too, with the line each comes from: the final transaction only copies.
    const fold = new InvoiceFold(
      sales,
      (p) => reader.report(p),
      (invoice) => stage.invoice(invoice),
    );
    for (let page = stage.customers(null); page.length > 0; page = stage.customers(page.at(-1)!)) {
      for (const c of page) {
        // A payment's customer line read before its bank line was staged as an invoice's: it is none.
        if (sales[c.entry] !== 1) stage.unlink(c.line);
        fold.add(c);
      }
      stage.flush();
      checkpoint();
      await yieldToEventLoop();
    }
    fold.end();
    stage.flush();
    const reading = reader.reading();
    if (reading.problemCount > 0) throw refusal(reading);
    control.progress?.('saving', 0, reading.lineCount);
    const saved = stage.commit({
      name: source.name,
      encoding: sniffed.encoding,
      separator: reading.separator ?? '\t',
      who,
      lines: reading.lineCount,
    });
    control.progress?.('saving', reading.lineCount, reading.lineCount);
    return { ...saved, encoding: sniffed.encoding, lines: reading.lineCount };
  } finally {
    stage.drop();
  }
}

/** The staging tables of one import, in the connection's temporary database. */
class Staging implements FecRowSink {
  private readonly lines: string;
  private readonly customerTable: string;
  private readonly invoiceTable: string;
  /** Line number, fields (JSON) and invoice number (customer lines) of each row, one after the other. */
  private pendingRows: (number | string | null)[] = [];
  private pendingUnlinks: number[] = [];
  private pendingCustomers: CustomerLine[] = [];
  private pendingInvoices: ImportedInvoice[] = [];
  private invoices = 0;
  private readonly insertLine;
  private readonly insertLines;
  private readonly insertInvoices;
  private readonly insertCustomer;
  private readonly insertInvoice;
  private readonly unlinkLine;
  private readonly firstCustomers;
  private readonly nextCustomers;

  constructor(private readonly db: Db) {
    stagingTables += 1;
    this.lines = `temp.lettering_stage_lines_${stagingTables}`;
    this.customerTable = `temp.lettering_stage_customers_${stagingTables}`;
    this.invoiceTable = `temp.lettering_stage_invoices_${stagingTables}`;
    db.exec(`CREATE TABLE ${this.lines} (line INTEGER PRIMARY KEY, fields TEXT NOT NULL, reference TEXT)`);
    db.exec(
      `CREATE TABLE ${this.customerTable} (reference TEXT NOT NULL, line INTEGER NOT NULL, entry INTEGER NOT NULL, invoice_date INTEGER NOT NULL,
       customer TEXT NOT NULL, account TEXT NOT NULL, label TEXT NOT NULL, amount INTEGER NOT NULL, currency TEXT NOT NULL,
       PRIMARY KEY (reference, line)) WITHOUT ROWID`,
    );
    db.exec(
      `CREATE TABLE ${this.invoiceTable} (seq INTEGER PRIMARY KEY, reference TEXT NOT NULL, invoice_date INTEGER NOT NULL,
       customer TEXT NOT NULL, customer_account TEXT NOT NULL, email TEXT NOT NULL, label TEXT NOT NULL,
       amountcents INTEGER NOT NULL, currency TEXT NOT NULL)`,
    );
    this.insertLine = db.prepare(`INSERT INTO ${this.lines} (line, fields, reference) VALUES (?, ?, ?)`);
    this.insertLines = db.prepare(
      `INSERT INTO ${this.lines} (line, fields, reference) VALUES ${Array(ROWS_PER_INSERT).fill('(?, ?, ?)').join(', ')}`,
    );
    this.insertInvoices = db.prepare(
      `INSERT INTO ${this.invoiceTable} (seq, reference, invoice_date, customer, customer_account, email, label, amountcents, currency)
       VALUES ${Array(ROWS_PER_INSERT).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
    );
    this.insertCustomer = db.prepare(
      `INSERT INTO ${this.customerTable} (reference, line, entry, invoice_date, customer, account, label, amount, currency)
       VALUES (@reference, @line, @entry, @date, @customer, @account, @label, @amount, @currency)`,
    );
    this.insertInvoice = db.prepare(
      `INSERT INTO ${this.invoiceTable} (seq, reference, invoice_date, customer, customer_account, email, label, amountcents, currency)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.unlinkLine = db.prepare(`UPDATE ${this.lines} SET reference = NULL WHERE line = ?`);
    const columns = 'reference, line, entry, invoice_date AS date, customer, account, label, amount, currency';
    this.firstCustomers = db.prepare<[], CustomerLine>(
      `SELECT ${columns} FROM ${this.customerTable} ORDER BY reference, line LIMIT ${STAGE_BATCH}`,
    );
    this.nextCustomers = db.prepare<[string, number], CustomerLine>(
      `SELECT ${columns} FROM ${this.customerTable} WHERE (reference, line) > (?, ?) ORDER BY reference, line LIMIT ${STAGE_BATCH}`,
    );
  }

  /** A row read: its fields as the FEC written back will need them (JSON). */
  row(line: number, fields: string[]): void {
    this.pendingRows.push(line, JSON.stringify(fields), null);
  }

  /** The customer line of the row just read: the row is staged with its invoice number, to link it at the end. */
  customer(line: CustomerLine): void {
    if (this.pendingRows[this.pendingRows.length - 3] === line.line) this.pendingRows[this.pendingRows.length - 1] = line.reference;
    this.pendingCustomers.push(line);
  }

  /** A customer line that belongs to no invoice after all (a payment's). */
  unlink(line: number): void {
    this.pendingUnlinks.push(line);
  }

  invoice(invoice: ImportedInvoice): void {
    this.pendingInvoices.push(invoice);
  }

  /** Writes what the chunk (or page) just read gave, in one transaction of the temporary database. */
  flush(): void {
    const [rows, customers, invoices, unlinks] = [this.pendingRows, this.pendingCustomers, this.pendingInvoices, this.pendingUnlinks];
    if (rows.length + customers.length + invoices.length + unlinks.length === 0) return;
    this.pendingRows = [];
    this.pendingCustomers = [];
    this.pendingInvoices = [];
    this.pendingUnlinks = [];
    this.db.transaction(() => {
      // Rows go by ROWS_PER_INSERT in one statement: a chunk's 2,000 rows in 32 calls instead of 2,000.
      const width = 3 * ROWS_PER_INSERT;
      const whole = rows.length - (rows.length % width);
      for (let at = 0; at < whole; at += width) this.insertLines.run(rows.slice(at, at + width));
      for (let at = whole; at < rows.length; at += 3) this.insertLine.run(rows[at], rows[at + 1], rows[at + 2]);
      for (const c of customers) this.insertCustomer.run(c);
      for (const line of unlinks) this.unlinkLine.run(line);
      const values = invoices.flatMap((inv) => [
        inv.lines[0]!,
        inv.reference,
        inv.date,
        inv.customer,
        inv.customerAccount,
        inv.email,
        inv.label,
        inv.amountcents,
        inv.currency,
      ]);
      const invoiceWidth = 9 * ROWS_PER_INSERT;
      for (let at = 0; at < values.length; at += invoiceWidth) {
        const part = values.slice(at, at + invoiceWidth);
        if (part.length === invoiceWidth) this.insertInvoices.run(part);
        else for (let k = 0; k < part.length; k += 9) this.insertInvoice.run(part.slice(k, k + 9));
      }
      this.invoices += invoices.length;
    })();
  }

  /** The customer lines staged after `after` (from the first when null), in invoice-number order: a page. */
  customers(after: CustomerLine | null): CustomerLine[] {
    return after === null ? this.firstCustomers.all() : this.nextCustomers.all(after.reference, after.line);
  }

  /**
   * The one transaction that imports: the import, its invoices not imported before (an invoice whose
   * reference is known is left as it is: the monthly re-import of a growing FEC), its lines with the
   * invoice each belongs to, the log.
   */
  commit(meta: { name: string; encoding: string; separator: string; who: string; lines: number }): {
    importId: number;
    invoices: number;
    skipped: number;
  } {
    return this.db.transaction(() => {
      const now = Math.floor(Date.now() / 1000);
      const importId = oneValue(
        this.db
          .prepare<unknown[], number>(
            `INSERT INTO lettering_import (format, source_key, file_name, encoding, separator, imported_at, imported_by, invoice_count, line_count)
             VALUES ('fec', 'fec', ?, ?, ?, ?, ?, 0, ?) RETURNING id`,
          )
          .pluck()
          .get(meta.name, meta.encoding, meta.separator, now, meta.who, meta.lines),
      );
      const total = this.invoices;
      const added = this.db
        .prepare(
          `INSERT INTO main.lettering_invoice (import_id, reference, invoice_date, customer, customer_account, email, label, amountcents, currency)
             SELECT ?, s.reference, s.invoice_date, s.customer, s.customer_account, s.email, s.label, s.amountcents, s.currency
             FROM ${this.invoiceTable} s WHERE NOT EXISTS (SELECT 1 FROM main.lettering_invoice i WHERE i.reference = s.reference)
             ORDER BY s.seq`,
        )
        .run(importId).changes;
      this.db
        .prepare(
          `INSERT INTO main.lettering_fec_line (import_id, line, fields, invoice_id)
             SELECT ?, s.line, s.fields, i.id FROM ${this.lines} s
             LEFT JOIN main.lettering_invoice i ON s.reference IS NOT NULL AND i.reference = s.reference AND i.import_id = ?
             ORDER BY s.line`,
        )
        .run(importId, importId);
      this.db.prepare('UPDATE lettering_import SET invoice_count = ? WHERE id = ?').run(added, importId);
      const skipped = total - added;
      writeLog(this.db, meta.who, null, {
        action: 'import',
        file: meta.name,
        format: 'fec',
        encoding: meta.encoding,
        invoices: added,
        skipped,
      });
      return { importId, invoices: added, skipped };
    })();
  }

  drop(): void {
    this.pendingRows = [];
    this.pendingCustomers = [];
    this.pendingInvoices = [];
    this.pendingUnlinks = [];
    for (const table of [this.lines, this.customerTable, this.invoiceTable]) this.db.exec(`DROP TABLE IF EXISTS ${table}`);
  }
}
