import type { PdfTarget } from './export-target';
import type { InvoicingSettings } from '../../shared/contract/invoicing';
import type { ReadableDb } from '../db/open';
import type { ExportJob } from './export-jobs';
import { invoiceReader, type Invoice } from './invoice-data';
import type { InvoiceFonts } from './invoice-fonts';
import type { InvoiceFormat } from './invoice-labels';
import { layoutInvoice, printedTexts } from './invoice-layout';
import { invoiceEInvoice } from './factur-x';
import { writePdfDocuments, type DocumentReader, type EInvoiceOutput, type PdfDocumentSource } from './pdf-documents';
import type { ExportLocale } from './spreadsheet-cells';

export interface InvoicesPdfRequest {
  db: ReadableDb;
  ids: readonly number[];
  /** Checked targets (checkFileTarget / checkFolderTarget): one document, or one file per bill in a folder. */
  target: PdfTarget;
  locale: ExportLocale;
  /** The site profile's invoicing settings (seller identity beyond the shop's, payment terms, exemptions). */
  invoicing: InvoicingSettings;
  job: ExportJob;
  /** The shared fonts by default; the benchmark passes others to compare. */
  fonts?: InvoiceFonts;
  /** Factur-X (PDF/A-3 with its CII XML), and/or the CII XML beside each PDF. */
  einvoice?: EInvoiceOutput;
}

/** An invoice (or a proforma) as a PDF document of the writer (pdf-documents.ts). */
export function invoiceDocument(invoice: Invoice): PdfDocumentSource {
  return {
    billId: invoice.billId,
    number: invoice.number,
    fileStem: invoice.proforma ? `PROFORMA-${invoice.orderReference}` : invoice.number,
    title: (format) => invoiceTitle(invoice, format),
    printed: (format) => printedTexts(invoice, format),
    mentions: invoice,
    layout: (doc, format, fonts, typesetter) => layoutInvoice(doc, invoice, format, fonts, typesetter),
    // A proforma is no invoice: no EN 16931 data, a plain PDF.
    einvoice: (format) => (invoice.proforma ? null : invoiceEInvoice(invoice, format)),
  };
}

export const readInvoiceDocument: DocumentReader = (context) => {
  let read: ((id: number) => Invoice) | undefined;
  return (id) => {
    // The statements need the connection of the export: they are prepared on the first read.
    read ??= invoiceReader(context.db, context);
    return invoiceDocument(read(id));
  };
};

function invoiceTitle(invoice: Invoice, format: InvoiceFormat): string {
  const { words } = format;
  return invoice.proforma ? `${words.proformaInvoice} ${words.order} ${invoice.orderReference}` : `${words.invoice} ${invoice.number}`;
}

/** PDF invoices of bills, in one file or one per bill (pdf-documents.ts says how). */
export async function writeInvoicesPdf(request: InvoicesPdfRequest): Promise<{ files: string[]; invoices: number }> {
  const { ids, ...rest } = request;
  const written = await writePdfDocuments({
    ...rest,
    documents: ids.map((id) => ({ read: readInvoiceDocument, id })),
    title: (format) => format.words.invoice,
  });
  return { files: written.files, invoices: written.documents };
}
