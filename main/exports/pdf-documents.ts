import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { Invoice as EInvoice } from '@e-invoice-eu/core';
import PDFDocument from 'pdfkit';
import { coded, refusal } from '../../shared/errors/error-text';
import type { InvoicingSettings } from '../../shared/contract/invoicing';
import type { ReadableDb } from '../db/open';
import { invoicingContext, type InvoicingContext } from '../invoicing/invoicing-context';
import { MentionsCheck, type MentionSubject } from '../invoicing/invoice-mentions';
import { yieldToEventLoop, type ExportJob } from './export-jobs';
import { fileNameFrom, StagedFiles, whenClosed, type PdfTarget } from './export-target';
import { ciiXml, FACTUR_X_FILE, facturXMetadata } from './factur-x-writer';
import { invoiceFonts, type InvoiceFonts } from './invoice-fonts';
import { InvoiceFormat } from './invoice-labels';
import { PAGE_MARGINS } from './invoice-page';
import type { PrintedText } from './invoice-printed-texts';
import { describeCharacter, Typesetter } from './invoice-text';
import type { ExportLocale } from './spreadsheet-cells';

/**
 * PDF documents of the shop's sales, invoices and credit notes alike, all in one file (a page or more each,
 * numbered per document) or one file per document in a folder, named by its number. Every document is first
 * read and checked: a character no font can print (export_unprintable_text) or a mandatory mention nothing
 * gives (invoice_mentions_missing) fails the export before any file is made. Every file is written under a
 * temporary name and renamed once all are done; a cancel or a failure removes them all, so a folder never
 * holds half a batch that looks complete.
 */

/** One document as the writer needs it; invoice-pdf.ts and credit-notes-pdf.ts make them. */
export interface PdfDocumentSource {
  billId: number;
  /** Its number, as printed and in messages. */
  number: string;
  /** The file name (without .pdf) of a document in a folder: its number, or PROFORMA-<order>. */
  fileStem: string;
  title(format: InvoiceFormat): string;
  printed(format: InvoiceFormat): PrintedText[];
  mentions: MentionSubject;
  /** Lays it out from a new page of `doc`; returns its page count. */
  layout(doc: PDFKit.PDFDocument, format: InvoiceFormat, fonts: InvoiceFonts, typesetter: Typesetter): number;
  /** Its EN 16931 data (factur-x.ts); null for what is no invoice (a proforma), written as a plain PDF. */
  einvoice(format: InvoiceFormat): EInvoice | null;
}

/** What an export writes besides (or instead of) a plain PDF: Factur-X (PDF/A-3 with its CII XML), the XML alone. */
export interface EInvoiceOutput {
  facturX: boolean;
  /** Also `<number>.xml` beside each document (folder targets only). */
  xml: boolean;
}

export type DocumentReader = (context: InvoicingContext) => (id: number) => PdfDocumentSource;

export interface PdfDocumentsRequest {
  db: ReadableDb;
  /** What to write, in order: each with the reader of its kind and its id. */
  documents: readonly { read: DocumentReader; id: number }[];
  /** Checked targets (checkFileTarget / checkFolderTarget): one document, or one file per document in a folder. */
  target: PdfTarget;
  locale: ExportLocale;
  /** The site profile's invoicing settings (seller identity beyond the shop's, payment terms, exemptions). */
  invoicing: InvoicingSettings;
  job: ExportJob;
  /** The title of a file of several documents (a single one is titled after itself). */
  title: (format: InvoiceFormat) => string;
  /** The shared fonts by default; the benchmark passes others to compare. */
  fonts?: InvoiceFonts;
  einvoice?: EInvoiceOutput;
}

/** Progress every this many documents: often enough for a progress bar, rarely enough to cost nothing. */
const PROGRESS_EVERY = 25;
/** While checking the texts, the event loop runs (and a cancel is seen) every this many documents. */
const CHECK_YIELD_EVERY = 200;
/** Unprintable texts listed in the error's details; the message names the first few. */
const PROBLEMS_LISTED = 100;
const PROBLEMS_IN_MESSAGE = 3;

export async function writePdfDocuments(request: PdfDocumentsRequest): Promise<{ files: string[]; documents: number }> {
  const { job } = request;
  const fonts = request.fonts ?? invoiceFonts();
  const typesetter = typesetterFor(fonts);
  const format = new InvoiceFormat(request.locale);
  const context = invoicingContext(request.db, request.invoicing);
  // One reader per kind of document, its statements prepared once.
  const readers = new Map<DocumentReader, (id: number) => PdfDocumentSource>();
  const read = ({ read: reader, id }: { read: DocumentReader; id: number }) => {
    let bound = readers.get(reader);
    if (!bound) readers.set(reader, (bound = reader(context)));
    return bound(id);
  };
  const list = request.documents;
  const einvoice = request.einvoice ?? { facturX: false, xml: false };
  if ((einvoice.facturX || einvoice.xml) && 'file' in request.target && list.length > 1) {
    throw refusal('export_target_invalid', 'export.oneFilePerInvoice', {}, { target: request.target.file });
  }
  await checkDocuments(
    list.map((entry) => () => read(entry)),
    format,
    typesetter,
    new MentionsCheck(context),
    job,
  );
  const staged = new StagedFiles();
  const open: fs.WriteStream[] = [];
  try {
    if ('file' in request.target && (einvoice.facturX || einvoice.xml)) {
      // One document (checked above), Factur-X: laid out in memory, then the XML joined to it.
      const document = read(list[0]!);
      await writeEInvoice(document, request.target.file, format, fonts, typesetter, einvoice, staged);
      await checkpoint(job, 1, 1, null);
    } else if ('file' in request.target) {
      const { doc, output } = startDocument(
        staged.stage(request.target.file),
        fonts,
        format,
        list.length === 1 ? undefined : request.title(format),
      );
      open.push(output);
      for (const [index, entry] of list.entries()) {
        const document = read(entry);
        if (list.length === 1) doc.info.Title = document.title(format);
        document.layout(doc, format, fonts, typesetter);
        // Pages are kept only until the document's page numbers are printed: memory stays flat.
        doc.flushPages();
        await checkpoint(job, index + 1, list.length, output);
      }
      await finishDocument(doc, output);
    } else {
      const names = new Set<string>();
      for (const [index, entry] of list.entries()) {
        const document = read(entry);
        const file = path.join(request.target.folder, uniqueName(document, names));
        if (einvoice.facturX || einvoice.xml) {
          await writeEInvoice(document, file, format, fonts, typesetter, einvoice, staged);
        } else {
          const { doc, output } = startDocument(staged.stage(file), fonts, format, document.title(format));
          open.push(output);
          document.layout(doc, format, fonts, typesetter);
          await finishDocument(doc, output);
          open.pop();
        }
        await checkpoint(job, index + 1, list.length, null);
      }
    }
    job.progress('finishing', list.length, list.length);
    job.throwIfCancelled();
    return { files: staged.commit(), documents: list.length };
  } catch (error) {
    for (const output of open) {
      output.destroy();
      await whenClosed(output);
    }
    staged.discard();
    throw error;
  }
}

/** The typesetter of a set of fonts, kept with them: it remembers the widths of words across exports. */
const typesetters = new WeakMap<InvoiceFonts, Typesetter>();

function typesetterFor(fonts: InvoiceFonts): Typesetter {
  let typesetter = typesetters.get(fonts);
  if (!typesetter) {
    // Fonts given without fallbacks (the benchmark's variants of DejaVu) still print every script.
    typesetter = new Typesetter(fonts, fonts.fallbacks ?? invoiceFonts().fallbacks);
    typesetters.set(fonts, typesetter);
  }
  return typesetter;
}

interface UnprintableText {
  billId: number;
  invoice: string;
  field: string;
  text: string;
  characters: string[];
}

/**
 * Reads every document and checks each text it prints against the fonts, before any file is made: a character
 * that no font has would print as an empty box, and a legal document must not silently lose a name. Throws
 * export_unprintable_text naming the bills, the fields and the characters; then, when every text prints,
 * invoice_mentions_missing if a mandatory mention is missing.
 */
async function checkDocuments(
  documents: readonly (() => PdfDocumentSource)[],
  format: InvoiceFormat,
  typesetter: Typesetter,
  mentions: MentionsCheck,
  job: ExportJob,
): Promise<void> {
  const problems: UnprintableText[] = [];
  let count = 0;
  for (const [index, readOne] of documents.entries()) {
    const document = readOne();
    mentions.add(document.mentions);
    for (const printed of document.printed(format)) {
      const characters = typesetter.unprintable(printed.text, printed.weight);
      if (characters.length === 0) continue;
      count += 1;
      if (problems.length < PROBLEMS_LISTED) {
        problems.push({
          billId: document.billId,
          invoice: document.number,
          field: printed.field,
          text: printed.text,
          characters: characters.map(describeCharacter),
        });
      }
    }
    if ((index + 1) % CHECK_YIELD_EVERY === 0) {
      await yieldToEventLoop();
      job.throwIfCancelled();
    }
  }
  if (count === 0) {
    mentions.assertComplete();
    return;
  }
  const named = problems.slice(0, PROBLEMS_IN_MESSAGE).map((problem) => {
    const text = shortened(problem.text);
    const characters = problem.characters.join(', ');
    return {
      code: 'unprintable',
      message: `bill ${problem.billId} (${problem.invoice}), ${problem.field} “${text}”: ${characters}`,
      params: { bill: problem.billId, invoice: problem.invoice, field: problem.field, text, characters },
    };
  });
  const details = { problems, count };
  throw count > named.length
    ? refusal(
        'export_unprintable_text',
        'export.unprintableTextsMore',
        { named: coded('unprintableText', named), more: count - named.length },
        details,
      )
    : refusal('export_unprintable_text', 'export.unprintableTexts', { named: coded('unprintableText', named) }, details);
}

/** The text on one line, at most 60 characters, its control characters shown as �. */
function shortened(text: string): string {
  const characters = [...text.replace(/\s+/g, ' ').replace(/\p{Cc}/gu, '\ufffd')];
  return characters.length > 60 ? `${characters.slice(0, 59).join('')}…` : characters.join('');
}

async function checkpoint(job: ExportJob, done: number, total: number, output: fs.WriteStream | null): Promise<void> {
  if (done % PROGRESS_EVERY === 0 || done === total) job.progress('invoices', done, total);
  await yieldToEventLoop();
  if (output?.writableNeedDrain) await once(output, 'drain');
  job.throwIfCancelled();
}

/** The file name of a document: its number, once per folder. */
function uniqueName(document: PdfDocumentSource, taken: Set<string>): string {
  let name = fileNameFrom(document.fileStem, '.pdf');
  // Two numbers can differ only by characters a file name cannot hold (FA/1 and FA:1): the bill id settles it.
  if (taken.has(name.toLowerCase())) name = fileNameFrom(`${path.basename(name, '.pdf')}-${document.billId}`, '.pdf');
  taken.add(name.toLowerCase());
  return name;
}

/**
 * A document as Factur-X: laid out as a PDF/A-3b in memory, its EN 16931 data joined to it as factur-x.xml;
 * and/or its CII XML beside it (`<number>.xml`). A proforma (no EN 16931 data) is written as a plain PDF.
 */
async function writeEInvoice(
  document: PdfDocumentSource,
  file: string,
  format: InvoiceFormat,
  fonts: InvoiceFonts,
  typesetter: Typesetter,
  einvoice: EInvoiceOutput,
  staged: StagedFiles,
): Promise<void> {
  const data = document.einvoice(format);
  const xml = data === null ? null : await ciiXml(document.number, data, format.locale);
  const pdfa = einvoice.facturX && xml !== null;
  // XMP is XML: a title holding & or < would break PDF/A's metadata (pdfkit writes it as it is).
  const title = document.title(format);
  const doc = newPdf(fonts, format, pdfa ? title.replace(/[&<>]/g, ' ') : title, pdfa);
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(sink, 'end');
  doc.pipe(sink);
  document.layout(doc, format, fonts, typesetter);
  if (pdfa) {
    // The XML as the PDF/A-3's associated file (AF, relationship Data), and the Factur-X metadata.
    doc.file(Buffer.from(xml, 'utf8'), {
      name: FACTUR_X_FILE,
      type: 'text/xml',
      relationship: 'Data',
      description: 'Factur-X (EN 16931)',
      creationDate: new Date(),
      modifiedDate: new Date(),
      // pdfkit writes AFRelationship from it; its type definitions do not know it yet.
    } as PDFKit.Mixins.PDFAttachmentOptions);
    doc.appendXML(facturXMetadata('INVOICE'));
  }
  doc.end();
  await ended;
  await fs.promises.writeFile(staged.stage(file), Buffer.concat(chunks));
  if (einvoice.xml && xml !== null) {
    const xmlFile = path.join(path.dirname(file), `${path.basename(file, '.pdf')}.xml`);
    await fs.promises.writeFile(staged.stage(xmlFile), xml, 'utf8');
  }
}

function newPdf(fonts: InvoiceFonts, format: InvoiceFormat, title: string | undefined, pdfa = false): PDFKit.PDFDocument {
  return new PDFDocument({
    // PDF/A-3b for Factur-X: fonts embedded (they always are), XMP metadata, the language and a structure.
    ...(pdfa ? { pdfVersion: '1.7' as const, subset: 'PDF/A-3b' as const, tagged: true } : {}),
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
}

function startDocument(
  file: string,
  fonts: InvoiceFonts,
  format: InvoiceFormat,
  title: string | undefined,
): { doc: PDFKit.PDFDocument; output: fs.WriteStream } {
  const doc = newPdf(fonts, format, title);
  const output = fs.createWriteStream(file);
  doc.pipe(output);
  return { doc, output };
}

async function finishDocument(doc: PDFKit.PDFDocument, output: fs.WriteStream): Promise<void> {
  const closed = once(output, 'close');
  doc.end();
  await closed;
}
