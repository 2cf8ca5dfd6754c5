import { percentOf } from '../money/rounding';

/**
 * The rules of a credit note, as local_shopbackoffice_record_refund applies them (docs/shop-api.md; the plugin's
 * credit_note.php): what is left to credit on each line, and the tax of an amount credited — the line's rate on
 * it, half away from zero, except a line credited up to what is left, which gets the rest of its tax, so that a
 * credit note of the whole bill cancels its VAT to the cent. The core checks a credit note with them before it is
 * queued, so what the operator sees is what the shop will issue.
 */

export interface LineLeft {
  /** Untaxed cents left to credit, of the line's sign. */
  total: number;
  tax: number;
  /** Basis points. */
  ratio: number;
}

export interface CreditAsked {
  billitemid: number;
  quantity: number;
  totalcents: number;
}

export interface CreditLine extends CreditAsked {
  taxratio: number;
  taxcents: number;
}

export type CreditRefusal = { code: 'itemnotinbill' | 'creditexceedsline'; billitemid: number; left: number };

/** What is left on each line once the given credit lines (issued, or waiting to be sent) are taken off. */
export function linesLeft(
  items: readonly { id: number; totalcents: number; taxcents: number; taxratio: number }[],
  credited: readonly { billitemid: number; totalcents: number; taxcents: number }[],
): Map<number, LineLeft> {
  const left = new Map(items.map((item) => [item.id, { total: item.totalcents, tax: item.taxcents, ratio: item.taxratio }]));
  for (const line of credited) {
    const rest = left.get(line.billitemid);
    if (rest) {
      rest.total -= line.totalcents;
      rest.tax -= line.taxcents;
    }
  }
  return left;
}

/** The credit lines with their tax, or the first refusal; `left` is updated. */
export function creditLines(
  left: Map<number, LineLeft>,
  asked: readonly CreditAsked[],
): { lines: CreditLine[] } | { refusal: CreditRefusal } {
  const lines: CreditLine[] = [];
  for (const line of asked) {
    const rest = left.get(line.billitemid);
    if (!rest) return { refusal: { code: 'itemnotinbill', billitemid: line.billitemid, left: 0 } };
    const against = line.totalcents === 0 || Math.sign(line.totalcents) !== Math.sign(rest.total);
    if (against || Math.abs(line.totalcents) > Math.abs(rest.total)) {
      return { refusal: { code: 'creditexceedsline', billitemid: line.billitemid, left: rest.total } };
    }
    const taxcents = line.totalcents === rest.total ? rest.tax : percentOf(line.totalcents, rest.ratio);
    rest.total -= line.totalcents;
    rest.tax -= taxcents;
    lines.push({ ...line, taxratio: rest.ratio, taxcents });
  }
  return { lines };
}

/** Nothing left on any line: the shop then cancels the bill. */
export function settled(left: ReadonlyMap<number, LineLeft>): boolean {
  return [...left.values()].every((rest) => rest.total === 0 && rest.tax === 0);
}
