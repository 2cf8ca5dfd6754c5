import type { Invoice } from './invoice-data';
import { PAYMENT_TERM_DAYS } from './invoice-data';
import { textOutline, type InvoiceFonts } from './invoice-fonts';
import type { InvoiceFormat } from './invoice-labels';
import type { Typesetter, Weight } from './invoice-text';

/**
 * Where everything of an invoice goes on A4 pages. Every text is set by the typesetter (invoice-text.ts:
 * a font per script, right-to-left order, line breaks); the caller's document buffers its pages
 * (bufferPages), so that once an invoice is laid out its pages can be revisited to print "page n of N"
 * (counted per invoice, also in a file of many invoices) and the footer, then flushed before the next invoice.
 */

type Doc = PDFKit.PDFDocument;

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = 40;
/** Kept free at the bottom of every page for the shop's footer and the page number. */
const FOOTER_HEIGHT = 64;
export const PAGE_MARGINS = { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT };
const WIDTH = PAGE_WIDTH - 2 * MARGIN;
const BOTTOM = PAGE_HEIGHT - PAGE_MARGINS.bottom;
const RIGHT_X = 330;
const RIGHT_WIDTH = PAGE_WIDTH - MARGIN - RIGHT_X;
/** The document's facts (number, order, dates) need more room than the right column: order ids are long. */
const FACTS_X = 285;
const FACTS_WIDTH = PAGE_WIDTH - MARGIN - FACTS_X;
const GREY = '#555555';
const LIGHT = '#dddddd';
const PAID_GREEN = '#1b7f3a';

interface Style {
  font?: Weight;
  size?: number;
  color?: string;
  align?: 'left' | 'right' | 'center';
  /** At most this height, the last line ending with an ellipsis. */
  height?: number;
}

/** The typesetter of each document being laid out (set by layoutInvoice), so that put and measure stay short. */
const typesetters = new WeakMap<Doc, Typesetter>();

function typesetterOf(doc: Doc): Typesetter {
  const typesetter = typesetters.get(doc);
  if (!typesetter) throw new Error('The document has no typesetter: lay invoices out with layoutInvoice.');
  return typesetter;
}

/** Writes text in a box at (x, y) and returns its height. */
function put(doc: Doc, text: string, x: number, y: number, width: number, style: Style = {}): number {
  return typesetterOf(doc).draw(doc, text, x, y, width, { ...style, weight: style.font ?? 'regular' });
}

function measure(doc: Doc, text: string, width: number, style: Style = {}): number {
  return typesetterOf(doc).height(doc, text, width, { ...style, weight: style.font ?? 'regular' });
}

/** A text an invoice prints from the data, named as the operator would look for it. */
export interface PrintedText {
  field: string;
  text: string;
  weight: Weight;
}

/**
 * Every text of the invoice that comes from the shop's data, with the weight it is printed in: what the
 * export checks against the fonts before it writes anything. The layout's own words are checked once, by
 * the tests. Kept beside the layout, which prints exactly these.
 */
export function printedTexts(invoice: Invoice, format: InvoiceFormat): PrintedText[] {
  const regular = (field: string, text: string): PrintedText => ({ field, text, weight: 'regular' });
  return [
    { field: 'shop name', text: invoice.seller.name, weight: 'bold' as const },
    regular('shop description', invoice.seller.description),
    regular('invoice number', invoice.number),
    regular('order', invoice.transactionid),
    ...invoice.buyer.lines.map((line, index) => regular(`customer ${invoice.buyer.fields[index] ?? 'address'}`, line)),
    regular('customer country', format.country(invoice.buyer.country)),
    regular('customer email', invoice.buyer.email),
    regular('customer VAT number', invoice.buyer.vatnumber),
    regular('customer SIREN', invoice.buyer.siren),
    ...invoice.lines.flatMap((line, index) => [
      regular(`line ${index + 1} code`, line.code),
      regular(`line ${index + 1} label`, line.label),
      regular(`line ${index + 1} description`, line.detail),
    ]),
    // The currency's symbol or code, as the amounts print it.
    regular('currency', format.amount(0, invoice.currency)),
    regular('payment method', format.paymode(invoice.paymode)),
    regular('sales conditions', invoice.salesConditions),
    regular('footer', invoice.footer),
  ].filter((printed) => printed.text !== '');
}

const COLUMNS = [
  { key: 'code', width: 82, align: 'left' },
  { key: 'description', width: 198.28, align: 'left' },
  { key: 'quantity', width: 40, align: 'right' },
  { key: 'unitPrice', width: 70, align: 'right' },
  { key: 'untaxed', width: 80, align: 'right' },
  { key: 'vatRate', width: 45, align: 'right' },
] as const;
const PAD = 4;

/** Lays one invoice out from a new page; returns how many pages it took. */
export function layoutInvoice(doc: Doc, invoice: Invoice, format: InvoiceFormat, fonts: InvoiceFonts, typesetter: Typesetter): number {
  typesetters.set(doc, typesetter);
  doc.addPage({ size: 'A4', margins: PAGE_MARGINS });
  const firstPage = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
  const { words } = format;

  // Seller on the left, what the document is on the right.
  // The name may reach under the title (right-aligned, short); the description must stay clear of the facts.
  let left = MARGIN + put(doc, invoice.seller.name, MARGIN, MARGIN, 300, { font: 'bold', size: 15 });
  if (invoice.seller.description) left += 4 + put(doc, invoice.seller.description, MARGIN, left + 4, 235, { size: 8, color: GREY });
  let right =
    MARGIN +
    put(doc, invoice.proforma ? words.proformaInvoice : words.invoice, FACTS_X, MARGIN, FACTS_WIDTH, {
      font: 'bold',
      size: 16,
      align: 'right',
    });
  const facts = [
    `${words.number} ${invoice.number}`,
    ...(invoice.proforma ? [] : [`${words.order} ${invoice.transactionid}`]),
    `${words.issued}${words.colon} ${format.date(invoice.issuedAt)}`,
    `${words.due}${words.colon} ${format.date(invoice.dueAt)}`,
  ];
  right += 4 + put(doc, facts.join('\n'), FACTS_X, right + 4, FACTS_WIDTH, { size: 8.5, align: 'right' });

  // The customer, under the facts.
  let y = Math.max(left, right) + 18;
  const buyer = [...invoice.buyer.lines, format.country(invoice.buyer.country), invoice.buyer.email];
  if (invoice.buyer.vatnumber) buyer.push(`${words.vatNumber} ${invoice.buyer.vatnumber}`);
  if (invoice.buyer.siren) buyer.push(`${words.siren} ${invoice.buyer.siren}`);
  const buyerText = buyer.filter((line) => line !== '').join('\n');
  const boxHeight = 16 + measure(doc, buyerText, RIGHT_WIDTH - 16) + 8;
  doc.roundedRect(RIGHT_X, y, RIGHT_WIDTH, boxHeight, 4).lineWidth(0.6).strokeColor(LIGHT).stroke();
  put(doc, words.billTo, RIGHT_X + 8, y + 6, RIGHT_WIDTH - 16, { font: 'bold', size: 7.5, color: GREY });
  put(doc, buyerText, RIGHT_X + 8, y + 17, RIGHT_WIDTH - 16, { size: 9 });
  y += boxHeight + 20;

  y = linesTable(doc, invoice, format, y);
  y = totals(doc, invoice, format, y + 14);

  // Payment terms, then the sales conditions, which may flow onto further pages.
  const terms = `${words.terms(PAYMENT_TERM_DAYS, format.date(invoice.dueAt))} ${words.paymode}${words.colon} ${format.paymode(invoice.paymode)}.`;
  if (y + 40 > BOTTOM) y = newPage(doc);
  y += put(doc, words.paymentTerms, MARGIN, y + 14, WIDTH, { font: 'bold', size: 9 }) + 14;
  y += put(doc, terms, MARGIN, y + 2, WIDTH, { size: 8.5 }) + 2;
  if (invoice.salesConditions) {
    if (y + 40 > BOTTOM) y = newPage(doc);
    y += put(doc, words.salesConditions, MARGIN, y + 12, WIDTH, { font: 'bold', size: 8 }) + 12;
    put(doc, invoice.salesConditions, MARGIN, y + 2, WIDTH, { size: 7.5, color: GREY });
  }

  const range = doc.bufferedPageRange();
  const pages = range.start + range.count - firstPage;
  const watermark = invoice.proforma ? textOutline(fonts.bold, words.proformaMark) : null;
  for (let index = 0; index < pages; index += 1) stampPage(doc, invoice, format, watermark, firstPage + index, index + 1, pages);
  return pages;
}

function newPage(doc: Doc): number {
  doc.addPage({ size: 'A4', margins: PAGE_MARGINS });
  return MARGIN;
}

function tableHeader(doc: Doc, format: InvoiceFormat, y: number): number {
  const height = 16;
  doc.rect(MARGIN, y, WIDTH, height).fillColor('#eeeeee').fill();
  let x = MARGIN;
  for (const column of COLUMNS) {
    put(doc, format.words.columns[column.key], x + PAD, y + 4, column.width - 2 * PAD, { font: 'bold', size: 7.5, align: column.align });
    x += column.width;
  }
  return y + height;
}

function linesTable(doc: Doc, invoice: Invoice, format: InvoiceFormat, top: number): number {
  let y = tableHeader(doc, format, top);
  const description = COLUMNS[1].width - 2 * PAD;
  for (const line of invoice.lines) {
    const cells = [
      line.code,
      '',
      format.quantity(line.quantity),
      format.amount(line.unitcents, invoice.currency),
      format.amount(line.totalcents, invoice.currency),
      format.rate(line.taxratio),
    ];
    const labelHeight = measure(doc, line.label, description, { size: 8.5 });
    const detailHeight = line.detail ? measure(doc, line.detail, description, { size: 7.5 }) : 0;
    const height = Math.max(labelHeight + detailHeight, measure(doc, line.code, COLUMNS[0].width - 2 * PAD, { size: 8 })) + 2 * PAD;
    if (y + height > BOTTOM) y = tableHeader(doc, format, newPage(doc));
    let x = MARGIN;
    COLUMNS.forEach((column, index) => {
      if (column.key === 'description') {
        put(doc, line.label, x + PAD, y + PAD, description, { size: 8.5 });
        if (line.detail) put(doc, line.detail, x + PAD, y + PAD + labelHeight, description, { size: 7.5, color: GREY });
      } else {
        put(doc, cells[index] ?? '', x + PAD, y + PAD, column.width - 2 * PAD, {
          size: column.key === 'code' ? 8 : 8.5,
          align: column.align,
        });
      }
      x += column.width;
    });
    y += height;
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + WIDTH, y)
      .lineWidth(0.4)
      .strokeColor(LIGHT)
      .stroke();
  }
  return y;
}

/** The VAT breakdown on the left, the totals on the right, and the PAID stamp when nothing is due. */
function totals(doc: Doc, invoice: Invoice, format: InvoiceFormat, top: number): number {
  const { words } = format;
  const money = (cents: number) => format.amount(cents, invoice.currency);
  const rowsRight: [string, string, boolean][] = [
    [words.totalUntaxed, money(invoice.untaxedcents), false],
    [words.totalVat, money(invoice.taxcents), false],
    [words.totalWithTax, money(invoice.amountcents), true],
    [words.paid, money(invoice.paidcents), false],
    [words.amountDue, money(invoice.duecents), true],
  ];
  const needed = Math.max(rowsRight.length * 15 + (invoice.paidInFull ? 48 : 0), 30 + invoice.vat.length * 13) + 10;
  const y = top + needed > BOTTOM ? newPage(doc) : top;

  // VAT breakdown: rate, base, tax.
  const vatWidths = [60, 90, 90];
  let x = MARGIN;
  put(doc, words.vatBreakdown, MARGIN, y, 240, { font: 'bold', size: 8.5 });
  let vy = y + 14;
  [words.rate, words.base, words.vat].forEach((title, index) => {
    put(doc, title, x, vy, (vatWidths[index] ?? 0) - PAD, { font: 'bold', size: 7.5, color: GREY, align: index === 0 ? 'left' : 'right' });
    x += vatWidths[index] ?? 0;
  });
  vy += 12;
  for (const rate of invoice.vat) {
    x = MARGIN;
    [format.rate(rate.taxratio), money(rate.untaxedcents), money(rate.taxcents)].forEach((text, index) => {
      put(doc, text, x, vy, (vatWidths[index] ?? 0) - PAD, { size: 8.5, align: index === 0 ? 'left' : 'right' });
      x += vatWidths[index] ?? 0;
    });
    vy += 13;
  }

  let ry = y;
  for (const [label, value, strong] of rowsRight) {
    const style: Style = { font: strong ? 'bold' : 'regular', size: strong ? 10 : 9 };
    put(doc, label, RIGHT_X, ry, RIGHT_WIDTH / 2, style);
    put(doc, value, RIGHT_X + RIGHT_WIDTH / 2, ry, RIGHT_WIDTH / 2, { ...style, align: 'right' });
    ry += 15;
  }
  doc
    .moveTo(RIGHT_X, y + 2 * 15 - 2)
    .lineTo(RIGHT_X + RIGHT_WIDTH, y + 2 * 15 - 2)
    .lineWidth(0.6)
    .strokeColor(GREY)
    .stroke();

  if (invoice.paidInFull) {
    // A rubber stamp under the totals: the first thing an accountant looks for.
    const x = RIGHT_X + RIGHT_WIDTH - 130;
    doc.save();
    doc.rotate(-8, { origin: [x + 60, ry + 24] });
    doc
      .roundedRect(x, ry + 8, 120, 32, 4)
      .lineWidth(2)
      .strokeColor(PAID_GREEN)
      .stroke();
    put(doc, words.paidMark, x, ry + 15, 120, { font: 'bold', size: 18, color: PAID_GREEN, align: 'center' });
    doc.restore();
    ry += 48;
  }
  return Math.max(vy, ry);
}

/** Footer, page number and the PROFORMA watermark, drawn on each page once the invoice is laid out. */
function stampPage(
  doc: Doc,
  invoice: Invoice,
  format: InvoiceFormat,
  watermark: ReturnType<typeof textOutline>,
  page: number,
  number: number,
  pages: number,
): void {
  doc.switchToPage(page);
  // Inside the reserved footer area: without a bottom margin there, text would go on to a new page.
  const margins = doc.page.margins;
  doc.page.margins = { ...margins, bottom: 0 };
  if (watermark) {
    // Drawn as shapes, not text: the proforma title already says it in words, and rotated text letters
    // would land between the invoice's lines in whatever reads or copies its text.
    const scale = 96 / watermark.unitsPerEm;
    doc.save();
    doc.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2).rotate(-35);
    doc.scale(scale, -scale).translate(-watermark.width / 2, -watermark.height / 2);
    doc.path(watermark.path).fillOpacity(0.07).fill('#000000');
    doc.restore();
  }
  const top = PAGE_HEIGHT - MARGIN - FOOTER_HEIGHT + 12;
  doc
    .moveTo(MARGIN, top - 6)
    .lineTo(MARGIN + WIDTH, top - 6)
    .lineWidth(0.4)
    .strokeColor(LIGHT)
    .stroke();
  if (invoice.footer) put(doc, invoice.footer, MARGIN, top, WIDTH, { size: 6.5, color: GREY, align: 'center', height: 34 });
  const bottom = PAGE_HEIGHT - MARGIN - 6;
  put(doc, `${format.words.number} ${invoice.number}`, MARGIN, bottom, WIDTH / 2, { size: 7.5, color: GREY });
  put(doc, format.words.page(number, pages), MARGIN + WIDTH / 2, bottom, WIDTH / 2, { size: 7.5, color: GREY, align: 'right' });
  doc.page.margins = margins;
}
