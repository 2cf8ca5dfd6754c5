import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import type { Db } from '../db/open';
import { yieldToEventLoop, type ExportJob } from './export-jobs';
import { fileNameFrom, StagedFiles, whenClosed } from './export-target';
import { invoiceReader, type Invoice } from './invoice-data';
import { invoiceFonts, type InvoiceFonts } from './invoice-fonts';
import { InvoiceFormat } from './invoice-labels';
import { layoutInvoice, PAGE_MARGINS } from './invoice-layout';
import type { ExportLocale } from './spreadsheet-cells';

export interface InvoicesPdfRequest {
  db: Db;
  ids: readonly number[];
  /** Checked targets (checkFileTarget / checkFolderTarget): one document, or one file per bill in a folder. */
  target: { file: string } | { folder: string };
  locale: ExportLocale;
  job: ExportJob;
  /** The shared fonts by default; the benchmark passes others to compare. */
  fonts?: InvoiceFonts;
}

/** Progress every this many invoices: often enough for a progress bar, rarely enough to cost nothing. */
const PROGRESS_EVERY = 25;

/**
 * PDF invoices, all in one document (a page or more per invoice, numbered per invoice) or one document per
 * bill. Every file is written under a temporary name and renamed once all are done; a cancel or a failure
 * removes them all, so a folder never holds half a batch that looks complete.
 */
export async function writeInvoicesPdf(request: InvoicesPdfRequest): Promise<{ files: string[]; invoices: number }> {
  const { ids, job } = request;
  const fonts = request.fonts ?? invoiceFonts();
  const format = new InvoiceFormat(request.locale);
  const read = invoiceReader(request.db);
  const staged = new StagedFiles();
  const open: fs.WriteStream[] = [];
  try {
    if ('file' in request.target) {
      const title = ids.length === 1 ? undefined : format.words.invoice;
      const { doc, output } = startDocument(staged.stage(request.target.file), fonts, format, title);
      open.push(output);
      for (const [index, id] of ids.entries()) {
        const invoice = read(id);
        if (ids.length === 1) doc.info.Title = `${format.words.invoice} ${invoice.number}`;
        layoutInvoice(doc, invoice, format, fonts);
        // Pages are kept only until the invoice's page numbers are printed: memory stays flat.
        doc.flushPages();
        await checkpoint(job, index + 1, ids.length, output);
      }
      await finishDocument(doc, output);
    } else {
      const names = new Set<string>();
      for (const [index, id] of ids.entries()) {
        const invoice = read(id);
        const file = path.join(request.target.folder, uniqueName(invoice, names));
        const { doc, output } = startDocument(staged.stage(file), fonts, format, `${format.words.invoice} ${invoice.number}`);
        open.push(output);
        layoutInvoice(doc, invoice, format, fonts);
        await finishDocument(doc, output);
        open.pop();
        await checkpoint(job, index + 1, ids.length, null);
      }
    }
    job.progress('finishing', ids.length, ids.length);
    job.throwIfCancelled();
    return { files: staged.commit(), invoices: ids.length };
  } catch (error) {
    for (const output of open) {
      output.destroy();
      await whenClosed(output);
    }
    staged.discard();
    throw error;
  }
}

async function checkpoint(job: ExportJob, done: number, total: number, output: fs.WriteStream | null): Promise<void> {
  if (done % PROGRESS_EVERY === 0 || done === total) job.progress('invoices', done, total);
  await yieldToEventLoop();
  if (output?.writableNeedDrain) await once(output, 'drain');
  job.throwIfCancelled();
}

/** The file name of a bill's invoice: its number, or PROFORMA-<transaction>, once per folder. */
function uniqueName(invoice: Invoice, taken: Set<string>): string {
  let name = fileNameFrom(invoice.proforma ? `PROFORMA-${invoice.number}` : invoice.number, '.pdf');
  // Two numbers can differ only by characters a file name cannot hold (FA/1 and FA:1): the bill id settles it.
  if (taken.has(name.toLowerCase())) name = fileNameFrom(`${path.basename(name, '.pdf')}-${invoice.billId}`, '.pdf');
  taken.add(name.toLowerCase());
  return name;
}

function startDocument(
  file: string,
  fonts: InvoiceFonts,
  format: InvoiceFormat,
  title: string | undefined,
): { doc: PDFKit.PDFDocument; output: fs.WriteStream } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: PAGE_MARGINS,
    autoFirstPage: false,
    bufferPages: true,
    // Parsed fonts remember their shaping across documents (invoice-fonts.ts); pdfkit's per-document cache
    // would only grow with every name and number of a batch. Bytes or a path keep pdfkit's cache.
    fontLayoutCache: typeof fonts.regular !== 'object' || Buffer.isBuffer(fonts.regular),
    lang: format.locale === 'fr' ? 'fr-FR' : 'en-GB',
    info: { Creator: 'Shop Back-Office', ...(title ? { Title: title } : {}) },
  });
  // pdfkit takes a parsed fontkit font as well as bytes or a path (see invoice-fonts.ts); its types do not.
  doc.registerFont('regular', fonts.regular as Buffer);
  doc.registerFont('bold', fonts.bold as Buffer);
  const output = fs.createWriteStream(file);
  doc.pipe(output);
  return { doc, output };
}

async function finishDocument(doc: PDFKit.PDFDocument, output: fs.WriteStream): Promise<void> {
  const closed = once(output, 'close');
  doc.end();
  await closed;
}
