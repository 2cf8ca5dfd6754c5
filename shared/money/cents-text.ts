/**
 * Integer cents as a plain decimal, exact (no floating point), without grouping: 125050 → "1250.50", -5 →
 * "-0.05", and with another decimal mark "1250,50". What files, messages and inputs write; the window's
 * formatted amounts (grouping, currency sign) are renderer/src/money/money.ts's `formatMoney`.
 */
export function centsText(cents: number, decimalMark = '.'): string {
  const sign = cents < 0 ? '-' : '';
  const magnitude = Math.abs(cents);
  const rest = magnitude % 100;
  return `${sign}${(magnitude - rest) / 100}${decimalMark}${String(rest).padStart(2, '0')}`;
}
