import type { PdfTarget } from './export-target';
import type { InvoicingSettings } from '../../shared/contract/invoicing';
import type { ReadableDb } from '../db/open';
import { creditNoteReader, type CreditNoteDocument } from './credit-note-data';
import { creditNotePrintedTexts, layoutCreditNote } from './credit-note-layout';
import type { ExportJob } from './export-jobs';
import { creditNoteEInvoice } from './factur-x';
import { writePdfDocuments, type DocumentReader, type EInvoiceOutput, type PdfDocumentSource } from './pdf-documents';
import type { ExportLocale } from './spreadsheet-cells';

/** A credit note as a PDF document of the writer (pdf-documents.ts): named by its number, checked like an invoice. */
export function creditNoteDocument(note: CreditNoteDocument): PdfDocumentSource {
  return {
    billId: note.billId,
    number: note.number,
    fileStem: note.number,
    title: (format) => `${format.words.creditNote} ${note.number}`,
    printed: (format) => creditNotePrintedTexts(note, format),
    // The mentions an invoice to this customer needs, a credit note needs too; it is never a proforma.
    mentions: { billId: note.billId, proforma: false, buyer: note.invoice.buyer, lines: note.lines },
    layout: (doc, format, fonts, typesetter) => layoutCreditNote(doc, note, format, fonts, typesetter),
    einvoice: (format) => creditNoteEInvoice(note, format),
  };
}

export const readCreditNoteDocument: DocumentReader = (context) => {
  const read = creditNoteReader(context);
  return (id) => creditNoteDocument(read(id));
};

/** PDF credit notes, in one file or one per credit note (named by its number). */
export async function writeCreditNotesPdf(request: {
  db: ReadableDb;
  ids: readonly number[];
  target: PdfTarget;
  locale: ExportLocale;
  invoicing: InvoicingSettings;
  job: ExportJob;
  einvoice?: EInvoiceOutput;
}): Promise<{ files: string[]; creditNotes: number }> {
  const { ids, ...rest } = request;
  const written = await writePdfDocuments({
    ...rest,
    documents: ids.map((id) => ({ read: readCreditNoteDocument, id })),
    title: (format) => format.words.creditNote,
  });
  return { files: written.files, creditNotes: written.documents };
}
