/**
 * The months of a dashboard period, in the core's local time (the operator's machine: a month of sales is the
 * calendar month where the company is), each clipped to the period, and the same span a year before.
 */
export interface Span {
  from: number;
  to: number;
}

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

/** Every month the period touches, its first and last second, clipped to the period. */
export function monthsOf(period: Span): Span[] {
  const months: Span[] = [];
  const start = new Date(period.from * 1000);
  let cursor = new Date(start.getFullYear(), start.getMonth(), 1);
  while (seconds(cursor) <= period.to) {
    const next = new Date(cursor.getFullYear(), cursor.getMonth() + 1, 1);
    months.push({ from: Math.max(seconds(cursor), period.from), to: Math.min(seconds(next) - 1, period.to) });
    cursor = next;
  }
  return months;
}

/**
 * The same span a year before. The end is shifted as the first second after it, so that a February ending on the
 * 28th reaches the 29th of a leap year before (found by the dashboard's test: payments of 29 February 2024 were
 * left out of "February 2025, a year before").
 */
export function yearBefore(span: Span): Span {
  const back = (time: number) => {
    const date = new Date(time * 1000);
    date.setFullYear(date.getFullYear() - 1);
    return seconds(date);
  };
  return { from: back(span.from), to: back(span.to + 1) - 1 };
}
