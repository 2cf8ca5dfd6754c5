import type { Invoice } from './invoice-data';
import { textOutline, type InvoiceFonts } from './invoice-fonts';
import type { InvoiceFormat } from './invoice-labels';
import { buyerIdentifiers, natureLine, paymentLines, sellerBillingLine, sellerLines } from './invoice-legal-texts';
import {
  BOTTOM,
  FACTS_WIDTH,
  FACTS_X,
  FOOTER_HEIGHT,
  GREY,
  LIGHT,
  MARGIN,
  measure,
  newPage,
  PAGE_HEIGHT,
  PAGE_MARGINS,
  PAGE_WIDTH,
  put,
  RIGHT_WIDTH,
  RIGHT_X,
  rule,
  useTypesetter,
  WIDTH,
  type Doc,
} from './invoice-page';
import { linesTable, totals } from './invoice-tables';
import type { Typesetter } from './invoice-text';

export { PAGE_MARGINS } from './invoice-page';
export { printedTexts, type PrintedText } from './invoice-printed-texts';

/**
 * Where everything of an invoice goes on A4 pages. The caller's document buffers its pages (bufferPages), so
 * that once an invoice is laid out its pages can be revisited to print "page n of N" (counted per invoice,
 * also in a file of many invoices) and the footer, then flushed before the next invoice. Every mandatory
 * mention of docs/invoice-mentions.md is placed here; the export refuses an invoice that would lack one
 * before it gets here (invoicing/invoice-mentions.ts).
 */

const LEFT_WIDTH = 235;

/** The seller on the left (name, identity, billing address); returns the height used below the top margin. */
export function sellerHeader(doc: Doc, seller: Invoice['seller'], format: InvoiceFormat): number {
  let y = MARGIN + put(doc, seller.name || seller.shopName, MARGIN, MARGIN, 300, { font: 'bold', size: 15 });
  if (seller.shopName !== '' && seller.shopName !== seller.name)
    y += 1 + put(doc, seller.shopName, MARGIN, y + 1, LEFT_WIDTH, { size: 8.5 });
  y += 3 + put(doc, sellerLines(seller, format).join('\n'), MARGIN, y + 3, LEFT_WIDTH, { size: 7.5, color: GREY });
  const billing = sellerBillingLine(seller, format);
  if (billing) y += 2 + put(doc, billing, MARGIN, y + 2, LEFT_WIDTH, { size: 7, color: GREY });
  return y;
}

/** The document's title and facts on the right. */
export function factsHeader(doc: Doc, title: string, facts: readonly string[]): number {
  const y = MARGIN + put(doc, title, FACTS_X, MARGIN, FACTS_WIDTH, { font: 'bold', size: 16, align: 'right' });
  return y + 4 + put(doc, facts.join('\n'), FACTS_X, y + 4, FACTS_WIDTH, { size: 8.5, align: 'right' });
}

/** A labelled, framed box of lines; returns its height. */
export function addressBox(doc: Doc, label: string, lines: readonly string[], x: number, y: number, width: number): number {
  const text = lines.filter((line) => line !== '').join('\n');
  const height = 16 + measure(doc, text, width - 16) + 8;
  doc.roundedRect(x, y, width, height, 4).lineWidth(0.6).strokeColor(LIGHT).stroke();
  put(doc, label, x + 8, y + 6, width - 16, { font: 'bold', size: 7.5, color: GREY });
  put(doc, text, x + 8, y + 17, width - 16, { size: 9 });
  return height;
}

/** The customer invoiced (right), and their own or delivery address when it differs (left). */
export function buyerBoxes(doc: Doc, invoice: Pick<Invoice, 'buyer' | 'nature'>, format: InvoiceFormat, y: number): number {
  const { buyer } = invoice;
  const { words } = format;
  const lines = [...buyer.lines, format.country(buyer.country), buyer.email, ...buyerIdentifiers(buyer, format)];
  let height = addressBox(doc, words.billTo, lines, RIGHT_X, y, RIGHT_WIDTH);
  if (buyer.ownAddress) {
    const label = invoice.nature === 'goods' || invoice.nature === 'both' ? words.deliveryAddress : words.customerAddress;
    const own = [...buyer.ownAddress.lines, format.country(buyer.ownAddress.country)];
    height = Math.max(height, addressBox(doc, label, own, MARGIN, y, LEFT_WIDTH));
  }
  return height;
}

/** Lays one invoice out from a new page; returns how many pages it took. */
export function layoutInvoice(doc: Doc, invoice: Invoice, format: InvoiceFormat, fonts: InvoiceFonts, typesetter: Typesetter): number {
  useTypesetter(doc, typesetter);
  doc.addPage({ size: 'A4', margins: PAGE_MARGINS });
  const firstPage = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
  const { words } = format;

  const left = sellerHeader(doc, invoice.seller, format);
  const facts = [
    ...(invoice.proforma ? [] : [`${words.number} ${invoice.number}`]),
    `${words.order} ${invoice.orderReference}`,
    `${words.issued}${words.colon} ${format.date(invoice.issuedAt)}`,
    `${words.soldOn}${words.colon} ${format.date(invoice.soldAt)}`,
    `${words.due}${words.colon} ${format.date(invoice.dueAt)}`,
  ];
  const right = factsHeader(doc, invoice.proforma ? words.proformaInvoice : words.invoice, facts);

  let y = Math.max(left, right) + 14;
  y += buyerBoxes(doc, invoice, format, y) + 12;
  const nature = natureLine(invoice, format);
  if (nature) y += put(doc, nature, MARGIN, y, WIDTH, { font: 'bold', size: 8.5 }) + 6;

  y = linesTable(doc, invoice.lines, invoice.currency, format, y);
  const money = (cents: number) => format.amount(cents, invoice.currency);
  y = totals(
    doc,
    {
      currency: invoice.currency,
      vat: invoice.vat,
      rows: [
        [words.totalUntaxed, money(invoice.untaxedcents), false],
        [words.totalVat, money(invoice.taxcents), false],
        [words.totalWithTax, money(invoice.amountcents), true],
        [words.paid, money(invoice.paidcents), false],
        [words.amountDue, money(invoice.duecents), true],
      ],
      stamp: invoice.paidInFull ? words.paidMark : null,
    },
    format,
    y + 14,
  );

  // Payment terms and their legal mentions, then the sales conditions, which may flow onto further pages.
  if (y + 60 > BOTTOM) y = newPage(doc);
  y += put(doc, words.paymentTerms, MARGIN, y + 14, WIDTH, { font: 'bold', size: 9 }) + 14;
  y += put(doc, paymentLines(invoice, format).join('\n'), MARGIN, y + 2, WIDTH, { size: 8 }) + 2;
  if (invoice.salesConditions) {
    if (y + 40 > BOTTOM) y = newPage(doc);
    y += put(doc, words.salesConditions, MARGIN, y + 12, WIDTH, { font: 'bold', size: 8 }) + 12;
    put(doc, invoice.salesConditions, MARGIN, y + 2, WIDTH, { size: 7.5, color: GREY });
  }

  const range = doc.bufferedPageRange();
  const pages = range.start + range.count - firstPage;
  const watermark = invoice.proforma ? textOutline(fonts.bold, words.proformaMark) : null;
  const reference = invoice.proforma ? `${words.order} ${invoice.orderReference}` : `${words.number} ${invoice.number}`;
  for (let index = 0; index < pages; index += 1) {
    stampPage(doc, { footer: invoice.footer, reference, watermark }, format, firstPage + index, index + 1, pages);
  }
  return pages;
}

/** Footer, page number and a watermark, drawn on each page once the document is laid out. */
export function stampPage(
  doc: Doc,
  stamp: { footer: string; reference: string; watermark: ReturnType<typeof textOutline> },
  format: InvoiceFormat,
  page: number,
  number: number,
  pages: number,
): void {
  doc.switchToPage(page);
  // Inside the reserved footer area: without a bottom margin there, text would go on to a new page.
  const margins = doc.page.margins;
  doc.page.margins = { ...margins, bottom: 0 };
  const { watermark } = stamp;
  if (watermark) {
    // Drawn as shapes, not text: the title already says it in words, and rotated text letters would land
    // between the document's lines in whatever reads or copies its text.
    const scale = 96 / watermark.unitsPerEm;
    doc.save();
    doc.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2).rotate(-35);
    doc.scale(scale, -scale).translate(-watermark.width / 2, -watermark.height / 2);
    doc.path(watermark.path).fillOpacity(0.07).fill('#000000');
    doc.restore();
  }
  const top = PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT + 12;
  rule(doc, top - 6);
  if (stamp.footer) put(doc, stamp.footer, MARGIN, top, WIDTH, { size: 6.5, color: GREY, align: 'center', height: 34 });
  const bottom = PAGE_HEIGHT - MARGIN - 6;
  put(doc, stamp.reference, MARGIN, bottom, WIDTH / 2, { size: 7.5, color: GREY });
  put(doc, format.words.page(number, pages), MARGIN + WIDTH / 2, bottom, WIDTH / 2, { size: 7.5, color: GREY, align: 'right' });
  doc.page.margins = margins;
}
