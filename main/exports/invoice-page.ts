import type { Typesetter, Weight } from './invoice-text';

/**
 * The page of an invoice or a credit note: A4, its margins and columns, and the two primitives the layouts
 * draw with (put, measure), through the document's typesetter (invoice-text.ts: a font per script,
 * right-to-left order, line breaks).
 */

export type Doc = PDFKit.PDFDocument;

export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
export const MARGIN = 40;
/** Kept free at the bottom of every page for the shop's footer and the page number. */
export const FOOTER_HEIGHT = 64;
export const PAGE_MARGINS = { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT };
export const WIDTH = PAGE_WIDTH - 2 * MARGIN;
export const BOTTOM = PAGE_HEIGHT - PAGE_MARGINS.bottom;
export const RIGHT_X = 330;
export const RIGHT_WIDTH = PAGE_WIDTH - MARGIN - RIGHT_X;
/** The document's facts (number, order, dates) need more room than the right column. */
export const FACTS_X = 285;
export const FACTS_WIDTH = PAGE_WIDTH - MARGIN - FACTS_X;
export const GREY = '#555555';
export const LIGHT = '#dddddd';
export const PAID_GREEN = '#1b7f3a';
export const PAD = 4;

export interface Style {
  font?: Weight;
  size?: number;
  color?: string;
  align?: 'left' | 'right' | 'center';
  /** At most this height, the last line ending with an ellipsis. */
  height?: number;
}

/** The typesetter of each document being laid out (set by useTypesetter), so that put and measure stay short. */
const typesetters = new WeakMap<Doc, Typesetter>();

export function useTypesetter(doc: Doc, typesetter: Typesetter): void {
  typesetters.set(doc, typesetter);
}

function typesetterOf(doc: Doc): Typesetter {
  const typesetter = typesetters.get(doc);
  if (!typesetter) throw new Error('The document has no typesetter: lay documents out with layoutInvoice or layoutCreditNote.');
  return typesetter;
}

/** Writes text in a box at (x, y) and returns its height. */
export function put(doc: Doc, text: string, x: number, y: number, width: number, style: Style = {}): number {
  return typesetterOf(doc).draw(doc, text, x, y, width, { ...style, weight: style.font ?? 'regular' });
}

export function measure(doc: Doc, text: string, width: number, style: Style = {}): number {
  return typesetterOf(doc).height(doc, text, width, { ...style, weight: style.font ?? 'regular' });
}

export function newPage(doc: Doc): number {
  doc.addPage({ size: 'A4', margins: PAGE_MARGINS });
  return MARGIN;
}

/** A thin rule across the page's width. */
export function rule(doc: Doc, y: number, color = LIGHT, width = 0.4, from = MARGIN, to = MARGIN + WIDTH): void {
  doc.moveTo(from, y).lineTo(to, y).lineWidth(width).strokeColor(color).stroke();
}
