/**
 * A day as the operator reads and types it: dd/mm/yyyy, day first, in French and in the app's English
 * (British) alike, whatever language the browser itself speaks. The native <input type="date"> shows the
 * browser's format (12/06/2026 for 6 December in an American Chromium), so the app keeps the day's text
 * itself and speaks "YYYY-MM-DD" (day-input.ts) to the rest of the code.
 */

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

/** YYYY-MM-DD of a real calendar day, or null (31 February is no day). */
function isoOf(year: number, month: number, day: number): string | null {
  const check = new Date(year, month - 1, day);
  if (year < 1000 || year > 9999 || check.getFullYear() !== year || check.getMonth() !== month - 1 || check.getDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "2026-12-06" → "06/12/2026"; anything else is shown as it is (what the operator is still typing). */
export function dayText(value: string): string {
  const match = ISO.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : value;
}

/**
 * What was typed → YYYY-MM-DD, '' for nothing, or null when it is no day. Day first: 6/12/2026, 6.12.2026,
 * 6-12-26, 6 12 2026, 06122026 or 061226; a two-digit year is in this century. A pasted 2026-12-06 is read
 * as the ISO date it is.
 */
export function parseDayText(text: string): string | null | '' {
  const typed = text.trim();
  if (typed === '') return '';
  const iso = ISO.exec(typed);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const separated = /^(\d{1,2})[/.\-\s]+(\d{1,2})[/.\-\s]+(\d{2}|\d{4})$/.exec(typed);
  const packed = /^(\d{2})(\d{2})(\d{2}|\d{4})$/.exec(typed);
  const parts = separated ?? packed;
  if (!parts) return null;
  const year = parts[3]!.length === 2 ? 2000 + Number(parts[3]) : Number(parts[3]);
  return isoOf(year, Number(parts[2]), Number(parts[1]));
}

/** The day `by` days after an ISO day (ArrowUp / ArrowDown in the field). */
export function addDays(value: string, by: number): string {
  const match = ISO.exec(value);
  if (!match) return value;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + by);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The weeks of a month, Monday first (France and Britain), as ISO days; null pads the first and last week. */
export function monthGrid(year: number, month: number): (string | null)[][] {
  const first = new Date(year, month - 1, 1);
  const days = new Date(year, month, 0).getDate();
  const lead = (first.getDay() + 6) % 7;
  const cells: (string | null)[] = [...Array<null>(lead).fill(null)];
  for (let day = 1; day <= days; day += 1) cells.push(`${year}-${pad(month)}-${pad(day)}`);
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
}
