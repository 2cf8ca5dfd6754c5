/**
 * The FEC (fichier des écritures comptables, article A47 A-1 of the French tax procedure book): 18 columns in
 * this order, a header line naming them, tab or pipe separated, comma decimals, YYYYMMDD dates.
 */
export const FEC_COLUMNS = [
  'JournalCode',
  'JournalLib',
  'EcritureNum',
  'EcritureDate',
  'CompteNum',
  'CompteLib',
  'CompAuxNum',
  'CompAuxLib',
  'PieceRef',
  'PieceDate',
  'EcritureLib',
  'Debit',
  'Credit',
  'EcritureLet',
  'DateLet',
  'ValidDate',
  'Montantdevise',
  'Idevise',
] as const;
export type FecColumn = (typeof FEC_COLUMNS)[number];
export const FEC = Object.fromEntries(FEC_COLUMNS.map((name, i) => [name, i])) as Record<FecColumn, number>;

/**
 * YYYYMMDD to Unix seconds at 00:00 UTC, or null when it is not a calendar date (years 0100 to 9999). Read
 * digit by digit: a year's FEC has millions of dates.
 */
export function fecDate(text: string): number | null {
  const s = text.length === 8 ? text : text.trim();
  if (s.length !== 8) return null;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 8; i += 1) {
    const digit = s.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    if (i < 4) y = y * 10 + digit;
    else if (i < 6) m = m * 10 + digit;
    else d = d * 10 + digit;
  }
  if (y < 100 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return null;
  return Date.UTC(y, m - 1, d) / 1000;
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Unix seconds to YYYYMMDD (UTC). */
export function toFecDate(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}
