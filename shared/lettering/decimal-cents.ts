import { centsText } from '../money/cents-text';

/**
 * Amounts as accounting files write them ("1250,00", "1 250,5", "-12.30", "1250") to integer cents, by reading
 * the digits: never through a float, so "0,29" is 29 cents and not 28.999…
 * Returns null when the text is not an amount with at most two decimals.
 */
export function decimalToCents(text: string, options: { thousands?: boolean } = {}): number | null {
  let s = text.trim();
  if (options.thousands) s = s.replace(/[\s\u00a0\u202f']/g, '');
  const m = /^([+-]?)(\d+)(?:[.,](\d{1,2}))?$/.exec(s);
  if (!m) {
    // "1.250,00" or "1,250.00": a thousands mark and a decimal mark, only when asked to allow them.
    if (!options.thousands) return null;
    const both = /^([+-]?)(\d{1,3}(?:([.,])\d{3})+)(?:([.,])(\d{1,2}))?$/.exec(s);
    if (!both || both[3] === both[4]) return null;
    return centsOf(both[1]!, both[2]!.split(both[3]!).join(''), both[5]);
  }
  return centsOf(m[1]!, m[2]!, m[3]);
}

function centsOf(sign: string, units: string, decimals: string | undefined): number | null {
  const whole = units.replace(/^0+(?=\d)/, '');
  if (whole.length > 13) return null; // past 10^13 units the cents leave the safe integers
  const cents = Number(whole) * 100 + Number((decimals ?? '').padEnd(2, '0'));
  return sign === '-' && cents !== 0 ? -cents : cents;
}

/** Cents to the FEC's own writing: comma decimals, no thousands mark ("1250,00", "-0,05"). */
export function centsToFec(cents: number): string {
  return centsText(cents, ',');
}
