/**
 * <input type="date"> speaks "YYYY-MM-DD"; the shop speaks Unix seconds. A day typed by the operator is a
 * day on their own calendar, so it is read in local time: "from 3 March" starts at local midnight, "to
 * 3 March" ends at its last second (the bills filter's range is inclusive).
 */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parts(day: string): [number, number, number] | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(year, month - 1, date);
  // 2026-02-31 would roll over to March: refused.
  if (check.getFullYear() !== year || check.getMonth() !== month - 1 || check.getDate() !== date) return null;
  return [year, month, date];
}

/** Local midnight starting `day`, in Unix seconds; null for a malformed day. */
export function dayStart(day: string): number | null {
  const p = parts(day);
  return p ? Math.floor(new Date(p[0], p[1] - 1, p[2]).getTime() / 1000) : null;
}

/** The last second of `day` (local), in Unix seconds. */
export function dayEnd(day: string): number | null {
  const p = parts(day);
  return p ? Math.floor(new Date(p[0], p[1] - 1, p[2] + 1).getTime() / 1000) - 1 : null;
}

/** The local day of an instant, as an input value. */
export function dayOf(epochMs: number): string {
  const date = new Date(epochMs);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
