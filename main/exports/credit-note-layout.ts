import type { CreditNoteDocument } from './credit-note-data';
import type { InvoiceFonts } from './invoice-fonts';
import type { InvoiceFormat } from './invoice-labels';
import { buyerBoxes, factsHeader, sellerHeader, stampPage } from './invoice-layout';
import { natureLine } from './invoice-legal-texts';
import { BOTTOM, MARGIN, newPage, PAGE_MARGINS, put, useTypesetter, WIDTH, type Doc } from './invoice-page';
import { buyerTexts, sellerTexts, type PrintedText } from './invoice-printed-texts';
import { linesTable, totals } from './invoice-tables';
import type { Typesetter } from './invoice-text';

/**
 * A credit note (facture d'avoir) on A4 pages, laid out as the invoice it corrects: the same seller, customer
 * and legal mentions, the number and date of that invoice, the lines credited with their exemption mentions,
 * the VAT per rate, and the refund. Amounts are what is credited, positive; the title says it is a credit note.
 */
export function layoutCreditNote(
  doc: Doc,
  note: CreditNoteDocument,
  format: InvoiceFormat,
  _fonts: InvoiceFonts,
  typesetter: Typesetter,
): number {
  useTypesetter(doc, typesetter);
  doc.addPage({ size: 'A4', margins: PAGE_MARGINS });
  const firstPage = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
  const { words } = format;
  const { invoice } = note;

  const left = sellerHeader(doc, invoice.seller, format);
  const right = factsHeader(doc, words.creditNote, [
    `${words.creditNoteNumber} ${note.number}`,
    words.originalInvoice(invoice.number, format.date(invoice.issuedAt)),
    `${words.order} ${invoice.orderReference}`,
    `${words.issued}${words.colon} ${format.date(note.issuedAt)}`,
  ]);
  let y = Math.max(left, right) + 14;
  y += buyerBoxes(doc, invoice, format, y) + 12;
  const nature = natureLine(invoice, format);
  if (nature) y += put(doc, nature, MARGIN, y, WIDTH, { font: 'bold', size: 8.5 }) + 4;
  if (note.reason) y += put(doc, `${words.reason}${words.colon} ${note.reason}`, MARGIN, y, WIDTH, { size: 8.5 }) + 6;
  else y += 2;

  y = linesTable(doc, note.lines, invoice.currency, format, y);
  const money = (cents: number) => format.amount(cents, invoice.currency);
  y = totals(
    doc,
    {
      currency: invoice.currency,
      vat: note.vat,
      rows: [
        [words.totalUntaxed, money(note.untaxedcents), false],
        [words.totalVat, money(note.taxcents), false],
        [words.totalCredited, money(note.amountcents), true],
        [words.refunded, money(note.refund.cents), false],
      ],
      stamp: null,
    },
    format,
    y + 14,
  );
  if (y + 40 > BOTTOM) y = newPage(doc);
  put(doc, refundSentence(note, format), MARGIN, y + 14, WIDTH, { size: 8.5 });

  const range = doc.bufferedPageRange();
  const pages = range.start + range.count - firstPage;
  const reference = `${words.creditNoteNumber} ${note.number}`;
  for (let index = 0; index < pages; index += 1) {
    stampPage(doc, { footer: invoice.footer, reference, watermark: null }, format, firstPage + index, index + 1, pages);
  }
  return pages;
}

function refundSentence(note: CreditNoteDocument, format: InvoiceFormat): string {
  const { refund } = note;
  return format.words.refund(
    format.amount(refund.cents, note.invoice.currency),
    format.paymode(refund.paymode),
    format.date(refund.on),
    refund.reference,
  );
}

/** Every text of the credit note that comes from the data, for the check of printable characters. */
export function creditNotePrintedTexts(note: CreditNoteDocument, format: InvoiceFormat): PrintedText[] {
  const regular = (field: string, text: string): PrintedText => ({ field, text, weight: 'regular' });
  return [
    ...sellerTexts(note.invoice.seller, format),
    regular('credit note number', note.number),
    regular('invoice number', note.invoice.number),
    ...buyerTexts(note.invoice.buyer, format),
    ...note.lines.flatMap((line, index) => [regular(`line ${index + 1} code`, line.code), regular(`line ${index + 1} label`, line.label)]),
    regular('reason', note.reason),
    regular('currency', format.amount(0, note.invoice.currency)),
    regular('refund', refundSentence(note, format)),
    regular('footer', note.invoice.footer),
  ].filter((printed) => printed.text !== '');
}
