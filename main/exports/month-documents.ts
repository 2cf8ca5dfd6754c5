import type { InvoicingSettings } from '../../shared/contract/invoicing';
import type { ReadableDb } from '../db/open';
import { readCreditNoteDocument } from './credit-notes-pdf';
import type { ExportJob } from './export-jobs';
import { readInvoiceDocument } from './invoice-pdf';
import { writePdfDocuments, type EInvoiceOutput } from './pdf-documents';
import type { ExportLocale } from './spreadsheet-cells';

/**
 * A month's documents in one step (the accountant's monthly batch): every invoice issued that month (a bill with
 * its lettering, dated that month) and every credit note the shop issued that month, in date order, one file
 * each in a folder, named by its number. Written by the one PDF writer (pdf-documents.ts): checked first (fonts,
 * mandatory mentions), progress reported, a cancel or a failure leaves no file.
 */

/** The month's bounds in Unix seconds, in the machine's time zone, as the documents print their dates. */
export function monthBounds(month: string): { from: number; to: number } {
  const [year, index] = month.split('-').map(Number) as [number, number];
  return { from: new Date(year, index - 1, 1).getTime() / 1000, to: new Date(year, index, 1).getTime() / 1000 };
}

export function monthDocuments(db: ReadableDb, month: string): { invoices: number[]; creditNotes: number[] } {
  const { from, to } = monthBounds(month);
  return {
    invoices: db
      .prepare<[number, number], number>(
        "SELECT id FROM bill WHERE idnumber <> '' AND emissiondate >= ? AND emissiondate < ? ORDER BY emissiondate, idnumber, id",
      )
      .pluck()
      .all(from, to),
    creditNotes: db
      .prepare<[number, number], number>('SELECT id FROM bill_credit_note WHERE issuedat >= ? AND issuedat < ? ORDER BY issuedat, id')
      .pluck()
      .all(from, to),
  };
}

export async function writeMonthDocuments(request: {
  db: ReadableDb;
  month: string;
  folder: string;
  locale: ExportLocale;
  invoicing: InvoicingSettings;
  job: ExportJob;
  einvoice?: EInvoiceOutput;
}): Promise<{ files: string[]; invoices: number; creditNotes: number }> {
  const { invoices, creditNotes } = monthDocuments(request.db, request.month);
  const written = await writePdfDocuments({
    db: request.db,
    documents: [
      ...invoices.map((id) => ({ read: readInvoiceDocument, id })),
      ...creditNotes.map((id) => ({ read: readCreditNoteDocument, id })),
    ],
    target: { folder: request.folder },
    locale: request.locale,
    invoicing: request.invoicing,
    job: request.job,
    title: (format) => format.words.invoice,
    ...(request.einvoice ? { einvoice: request.einvoice } : {}),
  });
  return { files: written.files, invoices: invoices.length, creditNotes: creditNotes.length };
}
