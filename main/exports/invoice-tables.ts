import type { Invoice } from './invoice-data';
import type { InvoiceFormat } from './invoice-labels';
import { exemptionMention } from './invoice-legal-texts';
import {
  BOTTOM,
  GREY,
  MARGIN,
  measure,
  newPage,
  PAD,
  PAID_GREEN,
  put,
  RIGHT_WIDTH,
  RIGHT_X,
  rule,
  WIDTH,
  type Doc,
  type Style,
} from './invoice-page';

/** The lines' table and the totals of an invoice (and of a credit note, whose lines and rows are of the same shape). */

export const COLUMNS = [
  { key: 'code', width: 82, align: 'left' },
  { key: 'description', width: 198.28, align: 'left' },
  { key: 'quantity', width: 40, align: 'right' },
  { key: 'unitPrice', width: 70, align: 'right' },
  { key: 'untaxed', width: 80, align: 'right' },
  { key: 'vatRate', width: 45, align: 'right' },
] as const;

export type TableLine = Pick<
  Invoice['lines'][number],
  'code' | 'label' | 'detail' | 'quantity' | 'unitcents' | 'totalcents' | 'taxratio' | 'exemption'
>;

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

/** The lines, each with its exemption's mention under its label when it is at 0 % (CGI annex II art. 242 nonies A). */
export function linesTable(doc: Doc, lines: readonly TableLine[], currency: string, format: InvoiceFormat, top: number): number {
  let y = tableHeader(doc, format, top);
  const description = COLUMNS[1].width - 2 * PAD;
  for (const line of lines) {
    const cells = [
      line.code,
      '',
      format.quantity(line.quantity),
      format.amount(line.unitcents, currency),
      format.amount(line.totalcents, currency),
      format.rate(line.taxratio),
    ];
    const mention = exemptionMention(line, format);
    const labelHeight = measure(doc, line.label, description, { size: 8.5 });
    const detailHeight = line.detail ? measure(doc, line.detail, description, { size: 7.5 }) : 0;
    const mentionHeight = mention ? measure(doc, mention, description, { size: 7 }) : 0;
    const height =
      Math.max(labelHeight + detailHeight + mentionHeight, measure(doc, line.code, COLUMNS[0].width - 2 * PAD, { size: 8 })) + 2 * PAD;
    if (y + height > BOTTOM) y = tableHeader(doc, format, newPage(doc));
    let x = MARGIN;
    COLUMNS.forEach((column, index) => {
      if (column.key === 'description') {
        put(doc, line.label, x + PAD, y + PAD, description, { size: 8.5 });
        if (line.detail) put(doc, line.detail, x + PAD, y + PAD + labelHeight, description, { size: 7.5, color: GREY });
        if (mention) put(doc, mention, x + PAD, y + PAD + labelHeight + detailHeight, description, { size: 7, color: GREY });
      } else {
        put(doc, cells[index] ?? '', x + PAD, y + PAD, column.width - 2 * PAD, {
          size: column.key === 'code' ? 8 : 8.5,
          align: column.align,
        });
      }
      x += column.width;
    });
    y += height;
    rule(doc, y);
  }
  return y;
}

export interface TotalsBlock {
  currency: string;
  vat: Invoice['vat'];
  /** label, amount, strong. */
  rows: [string, string, boolean][];
  stamp: string | null;
}

/** The VAT breakdown on the left (each 0 % row followed by its exemption's mention), the totals on the right, and a stamp. */
export function totals(doc: Doc, block: TotalsBlock, format: InvoiceFormat, top: number): number {
  const { words } = format;
  const money = (cents: number) => format.amount(cents, block.currency);
  const vatWidths = [60, 90, 90];
  const vatWidth = 240;
  const mentions = block.vat.map((row) => exemptionMention(row, format));
  const vatHeight =
    30 + block.vat.reduce((sum, _row, index) => sum + 13 + (mentions[index] ? measure(doc, mentions[index], vatWidth, { size: 7 }) : 0), 0);
  const needed = Math.max(block.rows.length * 15 + (block.stamp ? 48 : 0), vatHeight) + 10;
  const y = top + needed > BOTTOM ? newPage(doc) : top;

  let x = MARGIN;
  put(doc, words.vatBreakdown, MARGIN, y, vatWidth, { font: 'bold', size: 8.5 });
  let vy = y + 14;
  [words.rate, words.base, words.vat].forEach((title, index) => {
    put(doc, title, x, vy, (vatWidths[index] ?? 0) - PAD, { font: 'bold', size: 7.5, color: GREY, align: index === 0 ? 'left' : 'right' });
    x += vatWidths[index] ?? 0;
  });
  vy += 12;
  block.vat.forEach((rate, row) => {
    x = MARGIN;
    [format.rate(rate.taxratio), money(rate.untaxedcents), money(rate.taxcents)].forEach((text, index) => {
      put(doc, text, x, vy, (vatWidths[index] ?? 0) - PAD, { size: 8.5, align: index === 0 ? 'left' : 'right' });
      x += vatWidths[index] ?? 0;
    });
    vy += 13;
    if (mentions[row]) vy += put(doc, mentions[row], MARGIN, vy - 2, vatWidth, { size: 7, color: GREY }) + 2;
  });

  let ry = y;
  for (const [label, value, strong] of block.rows) {
    const style: Style = { font: strong ? 'bold' : 'regular', size: strong ? 10 : 9 };
    put(doc, label, RIGHT_X, ry, RIGHT_WIDTH / 2 + 20, style);
    put(doc, value, RIGHT_X + RIGHT_WIDTH / 2, ry, RIGHT_WIDTH / 2, { ...style, align: 'right' });
    ry += 15;
  }
  rule(doc, y + 2 * 15 - 2, GREY, 0.6, RIGHT_X, RIGHT_X + RIGHT_WIDTH);

  if (block.stamp) {
    // A rubber stamp under the totals: the first thing an accountant looks for.
    const sx = RIGHT_X + RIGHT_WIDTH - 130;
    doc.save();
    doc.rotate(-8, { origin: [sx + 60, ry + 24] });
    doc
      .roundedRect(sx, ry + 8, 120, 32, 4)
      .lineWidth(2)
      .strokeColor(PAID_GREEN)
      .stroke();
    put(doc, block.stamp, sx, ry + 15, 120, { font: 'bold', size: 18, color: PAID_GREEN, align: 'center' });
    doc.restore();
    ry += 48;
  }
  return Math.max(vy, ry);
}
