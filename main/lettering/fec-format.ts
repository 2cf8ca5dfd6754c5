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

/** YYYYMMDD to Unix seconds at 00:00 UTC, or null when it is not a calendar date. */
export function fecDate(text: string): number | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / 1000;
}

/** Unix seconds to YYYYMMDD (UTC). */
export function toFecDate(seconds: number): string {
  const d = new Date(seconds * 1000);
  return `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
}
