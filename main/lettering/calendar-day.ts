const DAY = 86_400;

const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The calendar day an instant falls on for the operator, as the Unix seconds of that day at 00:00 UTC: the
 * form invoice dates have (a FEC or a spreadsheet gives a day, not an instant; fec-format.ts). A bill issued
 * on 29 October at 23:49 in Paris is on 29 October, although it is already the 29th 22:49 UTC... and the
 * 30th in Tokyo. The operator's time zone is the computer's, where the core runs; `timeZone` names another
 * one (tests).
 */
export function calendarDayOf(seconds: number, timeZone?: string): number {
  if (timeZone === undefined) {
    const local = new Date(seconds * 1000);
    return Date.UTC(local.getFullYear(), local.getMonth(), local.getDate()) / 1000;
  }
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(seconds * 1000).map((part) => [part.type, part.value]));
  return Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day'])) / 1000;
}

/** Whole calendar days between two days as calendarDayOf gives them (or as invoice dates are kept). */
export function calendarDaysApart(a: number, b: number): number {
  return Math.round(Math.abs(a - b) / DAY);
}
