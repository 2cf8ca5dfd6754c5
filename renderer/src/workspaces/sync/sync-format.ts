/**
 * Times and progress figures of the Sync workspace, as plain functions of a locale so they are tested
 * without a browser. Intl.DurationFormat would do part of this, but Chromium only ships it since 129 and
 * Node 20 (where the tests run) not at all.
 */

type Unit = 'second' | 'minute' | 'hour';

const unitFormatters = new Map<string, Intl.NumberFormat>();
function unitFormat(locale: string, unit: Unit): Intl.NumberFormat {
  const key = `${locale}/${unit}`;
  let formatter = unitFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' });
    unitFormatters.set(key, formatter);
  }
  return formatter;
}

/**
 * A length of time in at most two units, the way a person says it: 45 s, 3 min 20 s, 2 h 5 min.
 * Rounded to the second; the second unit is dropped when it is zero.
 */
export function formatDuration(seconds: number, locale: string): string {
  const total = Math.max(0, Math.round(seconds));
  const part = (value: number, unit: Unit) => unitFormat(locale, unit).format(value);
  if (total < 60) return part(total, 'second');
  if (total < 3600) {
    const minutes = Math.floor(total / 60);
    const rest = total % 60;
    return rest === 0 ? part(minutes, 'minute') : `${part(minutes, 'minute')} ${part(rest, 'second')}`;
  }
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  return minutes === 0 ? part(hours, 'hour') : `${part(hours, 'hour')} ${part(minutes, 'minute')}`;
}

const relativeSteps: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];
const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();

/** "3 minutes ago", "yesterday", "il y a 2 heures": how long ago `thenMs` was, seen from `nowMs`. */
export function formatRelative(thenMs: number, nowMs: number, locale: string): string {
  let formatter = relativeFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    relativeFormatters.set(locale, formatter);
  }
  // Everything shown here is in the past. A moment "in the future" is a fresh timestamp read against a
  // `now` that ticks every few seconds, so it reads as "now", as does anything under ten seconds.
  let value = Math.min(0, (thenMs - nowMs) / 1000);
  if (value > -10) return formatter.format(0, 'second');
  for (const [unit, size] of relativeSteps) {
    if (-value < size) return formatter.format(Math.trunc(value), unit);
    value /= size;
  }
  return formatter.format(Math.trunc(value), 'year');
}

/** What a <progress> element gets: value and max when the total is known, nothing (indeterminate) otherwise. */
export type ProgressBar = { value: number; max: number; ratio: number } | null;

export function progressBar(done: number, total: number | null): ProgressBar {
  if (total === null || total <= 0) return null;
  // The shop's "remaining" is an estimate; rows can arrive beyond it, and the bar must not overflow.
  const max = Math.max(total, done);
  return { value: done, max, ratio: done / max };
}

/** Seconds between start and end of a run, or null when it is not over or ended at once (interrupted). */
export function runSeconds(startedAt: number, finishedAt: number | null): number | null {
  if (finishedAt === null || finishedAt <= startedAt) return null;
  return (finishedAt - startedAt) / 1000;
}
